import { PoliceType, Role, type Identity } from '@onewindow/contracts';
import { planTransition, TRANSITIONS } from './state-machine.js';

const base = { sub: 'u', username: 'u', displayName: 'u', unitCode: '510107001', unitName: 'x' };
const clerk: Identity = { ...base, roles: [Role.CLERK] };
const hhOfficer: Identity = { ...base, roles: [Role.OFFICER], policeType: PoliceType.HOUSEHOLD };
const eeOfficer: Identity = { ...base, roles: [Role.OFFICER], policeType: PoliceType.EXIT_ENTRY };
const supervisor: Identity = { ...base, roles: [Role.SUPERVISOR] };

describe('application lifecycle', () => {
  it('walks the happy path with the right actors', () => {
    expect(planTransition('START_REVIEW', 'ACCEPTED', PoliceType.HOUSEHOLD, hhOfficer, undefined)).toBe('IN_REVIEW');
    expect(planTransition('APPROVE', 'IN_REVIEW', PoliceType.HOUSEHOLD, hhOfficer, undefined)).toBe('APPROVED');
    expect(planTransition('MARK_READY', 'APPROVED', PoliceType.HOUSEHOLD, hhOfficer, undefined)).toBe('READY_FOR_PICKUP');
    expect(planTransition('DELIVER', 'READY_FOR_PICKUP', PoliceType.HOUSEHOLD, clerk, undefined)).toBe('DELIVERED');
    expect(planTransition('CLOSE', 'DELIVERED', PoliceType.HOUSEHOLD, clerk, undefined)).toBe('CLOSED');
  });

  it('only an officer of the owning police type approves', () => {
    expect(() => planTransition('APPROVE', 'ACCEPTED', PoliceType.HOUSEHOLD, clerk, undefined)).toThrow(expect.objectContaining({ code: 'NOT_OWNING_OFFICER' }));
    expect(() => planTransition('APPROVE', 'ACCEPTED', PoliceType.HOUSEHOLD, eeOfficer, undefined)).toThrow(expect.objectContaining({ code: 'NOT_OWNING_OFFICER' }));
    expect(() => planTransition('APPROVE', 'ACCEPTED', PoliceType.HOUSEHOLD, supervisor, undefined)).toThrow(expect.objectContaining({ code: 'NOT_OWNING_OFFICER' }));
  });

  it('withdrawal is possible before approval only, with a reason', () => {
    expect(planTransition('WITHDRAW', 'IN_REVIEW', PoliceType.HOUSEHOLD, clerk, '群众申请撤回')).toBe('WITHDRAWN');
    expect(() => planTransition('WITHDRAW', 'APPROVED', PoliceType.HOUSEHOLD, clerk, '太晚')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
    expect(() => planTransition('WITHDRAW', 'ACCEPTED', PoliceType.HOUSEHOLD, clerk, ' ')).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED' }));
  });

  it('rejection needs a reason; extensions need a supervisor', () => {
    expect(() => planTransition('REJECT', 'IN_REVIEW', PoliceType.HOUSEHOLD, hhOfficer, undefined)).toThrow(expect.objectContaining({ code: 'REASON_REQUIRED' }));
    expect(planTransition('REQUEST_EXTENSION', 'IN_REVIEW', PoliceType.HOUSEHOLD, hhOfficer, '需外调核实')).toBe('IN_REVIEW');
    expect(() => planTransition('APPROVE_EXTENSION', 'IN_REVIEW', PoliceType.HOUSEHOLD, hhOfficer, undefined)).toThrow(expect.objectContaining({ code: 'ROLE_NOT_ALLOWED' }));
    expect(planTransition('APPROVE_EXTENSION', 'IN_REVIEW', PoliceType.HOUSEHOLD, supervisor, undefined)).toBe('IN_REVIEW');
  });

  it('terminal states accept no further action except closing a rejection', () => {
    for (const action of Object.keys(TRANSITIONS) as (keyof typeof TRANSITIONS)[]) {
      expect(() => planTransition(action, 'CLOSED', PoliceType.HOUSEHOLD, hhOfficer, 'r')).toThrow();
      expect(() => planTransition(action, 'WITHDRAWN', PoliceType.HOUSEHOLD, hhOfficer, 'r')).toThrow();
    }
    expect(planTransition('CLOSE', 'REJECTED', PoliceType.HOUSEHOLD, clerk, undefined)).toBe('CLOSED');
  });
});
