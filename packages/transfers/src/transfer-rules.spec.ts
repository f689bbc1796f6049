import { WorkingCalendar } from '@onewindow/calendar';
import { PoliceType, Role, ServiceName, type Identity } from '@onewindow/contracts';
import { parseTransferSubject } from '@onewindow/contracts';

const transferVerbOf = (subject: string) => parseTransferSubject(subject)?.verb;
import {
  assertMayRequest, assertMayWork, assertTransferTarget, isOverdue, outcomeApplies, planAcknowledge, planComplete, planRevoke, requestedDeadlineOf,
} from './transfer-rules.js';

const cal = WorkingCalendar.default();
const who = (roles: Role[], policeType?: PoliceType): Identity => ({ sub: 'u', username: 'u', displayName: 'u', roles, policeType, unitCode: '510107001', unitName: '' });
const clerk = who([Role.CLERK]);
const householdOfficer = who([Role.OFFICER], PoliceType.HOUSEHOLD);
const trafficOfficer = who([Role.OFFICER], PoliceType.TRAFFIC);
const supervisor = who([Role.SUPERVISOR]);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
};

describe('transfer deadlines', () => {
  it('counts working days on the State Council calendar, not the starting day', () => {
    expect(requestedDeadlineOf(cal, '2026-02-13', 1).date).toBe('2026-02-14'); // 调休 Saturday works
    expect(requestedDeadlineOf(cal, '2026-02-14', 1).date).toBe('2026-02-24'); // 春节 Feb 15–23
    expect(requestedDeadlineOf(cal, '2026-09-30', 3).date).toBe('2026-10-10'); // 国庆 Oct 1–7, Sat Oct 10 works
    expect(requestedDeadlineOf(cal, '2026-03-02', 5)).toEqual({ date: '2026-03-09', provisional: false });
  });

  it('is overdue only when still open after the requested deadline', () => {
    const t = { requestedDeadline: '2026-03-09' };
    expect(isOverdue({ ...t, status: 'REQUESTED' }, '2026-03-09')).toBe(false);
    expect(isOverdue({ ...t, status: 'REQUESTED' }, '2026-03-10')).toBe(true);
    expect(isOverdue({ ...t, status: 'ACKNOWLEDGED' }, '2026-04-01')).toBe(true);
    expect(isOverdue({ ...t, status: 'COMPLETED' }, '2026-04-01')).toBe(false);
    expect(isOverdue({ ...t, status: 'REFUSED' }, '2026-04-01')).toBe(false);
  });
});

describe('who may do what', () => {
  it('a clerk or an officer of the sending police type requests', () => {
    expect(codeOf(() => assertMayRequest(clerk, ServiceName.HOUSEHOLD))).toBeUndefined();
    expect(codeOf(() => assertMayRequest(householdOfficer, ServiceName.HOUSEHOLD))).toBeUndefined();
    expect(codeOf(() => assertMayRequest(trafficOfficer, ServiceName.HOUSEHOLD))).toBe('NOT_SENDING_STAFF');
    expect(codeOf(() => assertMayRequest(supervisor, ServiceName.HOUSEHOLD))).toBe('NOT_SENDING_STAFF');
  });

  it('an officer of the receiving police type or a supervisor acknowledges and completes', () => {
    expect(codeOf(() => assertMayWork(trafficOfficer, ServiceName.TRAFFIC))).toBeUndefined();
    expect(codeOf(() => assertMayWork(supervisor, ServiceName.TRAFFIC))).toBeUndefined();
    expect(codeOf(() => assertMayWork(householdOfficer, ServiceName.TRAFFIC))).toBe('NOT_RECEIVING_OFFICER');
    expect(codeOf(() => assertMayWork(clerk, ServiceName.TRAFFIC))).toBe('NOT_RECEIVING_OFFICER');
  });

  it('transfers go to another police type only', () => {
    expect(codeOf(() => assertTransferTarget(ServiceName.HOUSEHOLD, ServiceName.HOUSEHOLD))).toBe('INVALID_TRANSFER_TARGET');
    expect(codeOf(() => assertTransferTarget(ServiceName.HOUSEHOLD, ServiceName.COUNTER))).toBe('INVALID_TRANSFER_TARGET');
    expect(codeOf(() => assertTransferTarget(ServiceName.HOUSEHOLD, ServiceName.PUBLIC_SECURITY))).toBeUndefined();
  });
});

describe('transfer lifecycle', () => {
  it('acknowledges or refuses (with a reason) only a waiting transfer, completes only an acknowledged one', () => {
    expect(planAcknowledge('REQUESTED', 'ACKNOWLEDGED', undefined)).toBe('ACKNOWLEDGED');
    expect(planAcknowledge('REQUESTED', 'REFUSED', '不属于本警种职责')).toBe('REFUSED');
    expect(codeOf(() => planAcknowledge('REQUESTED', 'REFUSED', '  '))).toBe('REFUSAL_REASON_REQUIRED');
    expect(codeOf(() => planAcknowledge('ACKNOWLEDGED', 'ACKNOWLEDGED', undefined))).toBe('INVALID_TRANSFER_STATE');
    expect(planComplete('ACKNOWLEDGED')).toBe('COMPLETED');
    expect(codeOf(() => planComplete('REQUESTED'))).toBe('INVALID_TRANSFER_STATE');
    expect(codeOf(() => planComplete('REFUSED'))).toBe('INVALID_TRANSFER_STATE');
  });

  it('outcomes never move the sender row backwards', () => {
    expect(outcomeApplies('REQUESTED', 'ACKNOWLEDGED')).toBe(true);
    expect(outcomeApplies('ACKNOWLEDGED', 'COMPLETED')).toBe(true);
    expect(outcomeApplies('COMPLETED', 'ACKNOWLEDGED')).toBe(false);
    expect(outcomeApplies('REFUSED', 'REFUSED')).toBe(false);
    // Revoked while it looked open: a late acknowledgement is ignored, a result already reported wins.
    expect(outcomeApplies('REVOKED', 'ACKNOWLEDGED')).toBe(false);
    expect(outcomeApplies('REVOKED', 'COMPLETED')).toBe(true);
  });

  it('revoking voids an open transfer, keeps a refused or completed one, and a void one is never overdue or worked', () => {
    expect(planRevoke('REQUESTED')).toBe('REVOKED');
    expect(planRevoke('ACKNOWLEDGED')).toBe('REVOKED');
    expect(planRevoke('REFUSED')).toBe('REFUSED');
    expect(planRevoke('COMPLETED')).toBe('COMPLETED');
    expect(isOverdue({ status: 'REVOKED', requestedDeadline: '2026-03-09' }, '2026-04-01')).toBe(false);
    expect(() => planAcknowledge('REVOKED', 'ACKNOWLEDGED', undefined)).toThrow(/已撤销/);
    expect(() => planComplete('REVOKED')).toThrow(/已撤销/);
  });

  it('reads the event verb of prefixed and bare subjects', () => {
    expect(transferVerbOf('t1a2b3.traffic.v1.transfer.completed.household')).toBe('completed');
    expect(transferVerbOf('exit-entry.v1.transfer.acknowledged.public-security')).toBe('acknowledged');
    expect(transferVerbOf('household.v1.transfer.flagged')).toBe('flagged');
    expect(transferVerbOf('household.v1.application.changed')).toBeUndefined();
  });
});
