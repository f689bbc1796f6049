import { PoliceType, Role, type Identity } from '@onewindow/contracts';
import { applicationSnapshot } from '../../test/application-snapshot.factory.js';
import { toApplication, toInboxApplication } from './application.mapper.js';
import { effectiveDeadlineState } from './deadline-state.js';
import type { InboxApplicationEntity } from './inbox-application.entity.js';

function identity(roles: Role[], overrides: Partial<Identity> = {}): Identity {
  return { sub: 'u', username: 'u', displayName: '某人', roles, unitCode: '510107001', unitName: '浆洗街派出所', ...overrides };
}

const snapshot = applicationSnapshot;

describe('application views: masking by role', () => {
  it('masks name, ID and phone for a clerk', () => {
    const a = toApplication(snapshot(), identity([Role.CLERK]), '2026-02-10');
    expect(a.applicant).toEqual({ name: '欧阳**', idNumber: '110105********002X', phone: '138****5678', masked: true });
  });

  it('shows the applicant in full only to the officer of the case\'s police type in its unit, or a supervisor of the unit (decision 0028)', () => {
    const s = snapshot();
    const own = identity([Role.OFFICER], { policeType: s.policeType as PoliceType });
    for (const viewer of [own, identity([Role.SUPERVISOR], { unitCode: '510107' })]) {
      expect(toApplication(s, viewer, '2026-02-10').applicant).toEqual({ name: '欧阳娜娜', idNumber: '11010519491231002X', phone: '13812345678', masked: false });
    }
    const otherType = Object.values(PoliceType).find((p) => p !== s.policeType)!;
    for (const viewer of [identity([Role.OFFICER], { policeType: otherType }), identity([Role.OFFICER], { policeType: s.policeType as PoliceType, unitCode: '510104002' }), identity([Role.ANALYST], { unitCode: '5101' })]) {
      expect(toApplication(s, viewer, '2026-02-10').applicant.masked).toBe(true);
    }
  });

  it('maps fee, tolerated materials and the timeline', () => {
    const a = toApplication(snapshot(), identity([Role.CLERK]), '2026-02-10');
    expect(a.fee).toEqual({ fen: 2000, formatted: '20.00元', waiverCode: undefined });
    expect(a.toleratedMaterials[0]).toMatchObject({ code: 'PHOTO', supplied: false, dueDate: '2026-02-13' });
    expect(a.timeline[0]).toMatchObject({ actorName: '王窗口', action: 'ACCEPT', toStatus: 'ACCEPTED', fromStatus: undefined });
    expect(a.acceptedAt.toISOString()).toBe('2026-02-10T01:30:00.000Z');
  });

  it('shows both limits: promised (承诺时限) and statutory (法定时限) with its deadline and the clock stop', () => {
    const a = toApplication(snapshot({
      promisedTimeLimit: { value: 15, unit: 'WORKING_DAYS' },
      statutoryTimeLimit: { value: 60, unit: 'CALENDAR_DAYS' },
      statutoryDeadline: '2026-04-13',
      statutoryDeadlineProvisional: false,
      clockStopsAt: 'READY_FOR_PICKUP',
      extendedWorkingDays: 3,
      maxExtensionWorkingDays: 10,
    }), identity([Role.CLERK]), '2026-02-10');
    expect(a).toMatchObject({
      promisedTimeLimit: { value: 15, unit: 'WORKING_DAYS', text: '15个工作日' },
      statutoryTimeLimit: { value: 60, unit: 'CALENDAR_DAYS', text: '60日（自然日）' },
      statutoryDeadline: '2026-04-13',
      statutoryDeadlineProvisional: false,
      clockStopsAt: 'READY_FOR_PICKUP',
      extendedWorkingDays: 3,
      maxExtensionWorkingDays: 10,
    });
  });

  it('reads snapshots written before the limits were stored: no limits, clock stops at the decision', () => {
    const a = toApplication(snapshot(), identity([Role.CLERK]), '2026-02-10');
    expect(a).toMatchObject({ statutoryDeadlineProvisional: false, clockStopsAt: 'APPROVED', extendedWorkingDays: 0, maxExtensionWorkingDays: 10 });
    expect(a.promisedTimeLimit).toBeUndefined();
    expect(a.statutoryDeadline).toBeUndefined();
  });

  it('always masks inbox rows, whoever looks', () => {
    const row = { number: 'HH-1', policeType: 'HOUSEHOLD', itemCode: 'X', itemName: 'x', applicantName: '张三', applicantIdNumber: '440524188001010014', status: 'ACCEPTED', unitCode: '510107001', deadline: '2026-03-10', deadlineState: 'ON_TIME', version: 1, updatedAt: new Date() } as InboxApplicationEntity;
    expect(toInboxApplication(row, '2026-02-10')).toMatchObject({ applicantName: '张*', applicantIdNumber: '440524********0014' });
  });
});

describe('deadline state as of today', () => {
  it('turns a running case overdue the day after its deadline', () => {
    expect(effectiveDeadlineState('ON_TIME', '2026-03-10', '2026-03-10')).toBe('ON_TIME');
    expect(effectiveDeadlineState('ON_TIME', '2026-03-10', '2026-03-11')).toBe('OVERDUE');
    expect(effectiveDeadlineState('DUE_SOON', '2026-03-10', '2026-03-11')).toBe('OVERDUE');
  });

  it('leaves paused and finished cases alone', () => {
    expect(effectiveDeadlineState('PAUSED', '2026-03-10', '2026-04-01')).toBe('PAUSED');
    expect(effectiveDeadlineState('DONE', '2026-03-10', '2026-04-01')).toBe('DONE');
  });
});
