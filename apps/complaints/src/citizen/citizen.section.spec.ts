import { Role, type Identity } from '@onewindow/contracts';
import { createLogger, ROLES_KEY } from '@onewindow/platform';
import type { ComplaintEntity } from '../complaint/complaint.entity.js';
import type { ComplaintService } from '../complaint/complaint.service.js';
import type { EvaluationEntity } from '../evaluation/evaluation.entity.js';
import type { EvaluationService } from '../evaluation/evaluation.service.js';
import { CitizenComplaintsResolver, toCitizenComplaintSummary } from './citizen.section.js';

describe('complaints section of the citizen 360° view', () => {
  const complaint = {
    number: 'XF20261009000001', channel: 'WINDOW', status: 'RECEIVED', createdAt: new Date('2026-10-09T02:00:00Z'), kind: 'DELAY', deadlineState: 'ON_TIME',
    deadline: '2026-10-26', repeatOf: null, unitCode: '510107001', complainantPhone: '13800138000',
  } as unknown as ComplaintEntity;
  const clerk: Identity = { sub: 'u-clerk', username: 'demo-clerk', displayName: '王窗口', roles: [Role.CLERK], unitCode: '510107001', unitName: '浆洗街派出所' };
  const complaintsOfficer: Identity = { ...clerk, sub: 'u-xf', username: 'demo-xf', roles: [Role.OFFICER], policeType: 'COMPLAINTS' as Identity['policeType'] };
  const register = { ofComplainant: () => Promise.resolve([complaint]) } as unknown as ComplaintService;
  const evaluation = { applicationNumber: 'HH20261009000001', level: 'DISSATISFIED', voided: false, evaluatedAt: new Date('2026-10-09T03:00:00Z') } as EvaluationEntity;
  const evaluations = { ofApplicant: () => Promise.resolve([evaluation, { ...evaluation, applicationNumber: 'HH20261009000002', level: 'SATISFIED', voided: true }]) } as unknown as EvaluationService;
  const resolver = new CitizenComplaintsResolver(register, evaluations, createLogger('test', 'silent'));

  it('resolves the federated citizen by ID number', () => {
    expect(resolver.resolveReference({ idNumber: '510107198804129137' })).toEqual({ idNumber: '510107198804129137' });
  });

  it('lists the register\'s complaints and the evaluations (好差评) of the person, voided ones marked', async () => {
    const section = await resolver.complaints({ idNumber: '510107198804129137' }, complaintsOfficer);
    expect(section.evaluations).toEqual([
      { applicationNumber: 'HH20261009000001', level: '不满意', evaluatedAt: evaluation.evaluatedAt },
      { applicationNumber: 'HH20261009000002', level: '满意（已作废）', evaluatedAt: evaluation.evaluatedAt },
    ]);
    expect(section.complaints).toEqual([expect.objectContaining({ number: 'XF20261009000001', complaintStatus: 'RECEIVED', complainantPhone: '13800138000' })]);
  });

  it('masks the phone for a window clerk', () => {
    expect(toCitizenComplaintSummary(complaint, clerk).complainantPhone).toBe('138****8000');
  });

  it('is for window clerks, officers and supervisors only (not analysts)', () => {
    const roles = Reflect.getMetadata(ROLES_KEY, CitizenComplaintsResolver.prototype.complaints) as Role[];
    expect(roles).toEqual([Role.CLERK, Role.OFFICER, Role.SUPERVISOR]);
    expect(roles).not.toContain(Role.ANALYST);
  });
});
