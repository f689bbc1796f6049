import { PoliceType, type ApplicationSnapshot, type EvaluationRecordedEvent, type TimelineEntry, type TransferEvent } from '@onewindow/contracts';
import { applicationSnapshot } from '../../test/application-snapshot.factory.js';
import { metricColumn } from './report-columns.js';
import {
  applicationContribution, applicationFact, contributionDelta, isCompletionStatus, reduceApplication, reduceComplaint, reduceEvaluation, reduceHomeVisit, reduceSms, homeVisitContribution,
  reduceTransfer, transferContribution, type FactRecord, type FactState, type FigureCell,
} from './report-fold.js';

/** Mon–Fri calendar: enough to check the fold's use of it (the real WorkingCalendar is tested in its package). */
const weekdays = {
  workingDaysBetween(from: string, to: string): number {
    let n = 0;
    for (let t = Date.parse(`${from}T00:00:00Z`) + 86_400_000; t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
      const d = new Date(t).getUTCDay();
      if (d !== 0 && d !== 6) n++;
    }
    return n;
  },
};

const step = (at: string, toStatus: string): TimelineEntry => ({ at, actorSub: 's', actorName: 'n', actorRoles: [], action: 'X', fromStatus: null, toStatus });
const snap = (o: Partial<ApplicationSnapshot>) => applicationSnapshot({ toleratedMaterials: [], ...o });

/** Sum of cells by month and metric (what the aggregate table would hold). */
function total(cells: FigureCell[][]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const c of cells.flat()) {
    const m = (out[c.month] ??= {});
    for (const [k, v] of Object.entries(c.metrics)) m[k] = (m[k] ?? 0) + v;
  }
  for (const [month, m] of Object.entries(out)) {
    for (const k of Object.keys(m)) if (m[k] === 0) delete m[k];
    if (Object.keys(m).length === 0) delete out[month];
  }
  return out;
}

/** Folds snapshots in the given order like ReportFolder does (delta per event), returns the aggregate. */
function foldAll(snapshots: ApplicationSnapshot[]): Record<string, Record<string, number>> {
  let record: FactRecord<FactState> | null = null;
  let contribution: FigureCell[] = [];
  const deltas: FigureCell[][] = [];
  for (const s of snapshots) {
    const next = reduceApplication(s, weekdays)(record as never);
    if (!next) continue;
    const c = applicationContribution(next.state);
    deltas.push(contributionDelta(contribution, c));
    contribution = c;
    record = next;
  }
  return total(deltas);
}

describe('monthly figures fold: applications', () => {
  it('completion is the first step at or after the clock stop, or a rejection; never a withdrawal', () => {
    expect(isCompletionStatus('APPROVED', undefined)).toBe(true);
    expect(isCompletionStatus('IN_REVIEW', undefined)).toBe(false);
    expect(isCompletionStatus('APPROVED', 'DELIVERED')).toBe(false);
    expect(isCompletionStatus('READY_FOR_PICKUP', 'DELIVERED')).toBe(false);
    expect(isCompletionStatus('DELIVERED', 'DELIVERED')).toBe(true);
    expect(isCompletionStatus('CLOSED', 'READY_FOR_PICKUP')).toBe(true);
    expect(isCompletionStatus('REJECTED', 'DELIVERED')).toBe(true);
    expect(isCompletionStatus('WITHDRAWN', undefined)).toBe(false);
  });

  it('counts acceptance, 容缺 and notice return in the acceptance month, completion with on-time and working days in the completion month', () => {
    const f = applicationFact(
      snap({
        status: 'READY_FOR_PICKUP',
        fromNoticeNumber: 'YCTZ-510107001-20260210-0001',
        toleratedMaterials: [{ code: 'PHOTO', name: '照片', commitment: '', dueDate: '2026-02-13', suppliedAt: '2026-02-11T10:00:00+08:00' }],
        deadline: '2026-03-10',
        timeline: [step('2026-02-10T09:30:00+08:00', 'ACCEPTED'), step('2026-03-02T10:00:00+08:00', 'APPROVED'), step('2026-03-03T10:00:00+08:00', 'READY_FOR_PICKUP')],
      }),
      weekdays,
    );
    expect(f).toMatchObject({ acceptedOn: '2026-02-10', completedOn: '2026-03-02', tolerated: true, toleratedSupplied: true, fromNotice: true, withdrawnOn: null });
    expect(JSON.stringify(f)).not.toContain('欧阳'); // no personal data in the fact
    expect(JSON.stringify(f)).not.toContain('11010519491231002X');
    expect(total([applicationContribution(f)])).toEqual({
      '2026-02': { accepted: 1, toleratedAccepted: 1, toleratedSupplied: 1, noticesReturnedComplete: 1 },
      '2026-03': { completed: 1, completedOnTime: 1, workingDaysSum: 14 },
    });
  });

  it('the clock stop of the item decides: APPROVED alone is not yet 办结 for an item that stops at DELIVERED', () => {
    const f = applicationFact(snap({ status: 'APPROVED', clockStopsAt: 'DELIVERED', timeline: [step('2026-02-12T10:00:00+08:00', 'APPROVED')] }), weekdays);
    expect(f.completedOn).toBeNull();
  });

  it('overdue backlog as a difference array: +1 the month after the deadline passes open, −1 the month it ends', () => {
    const open = snap({ deadline: '2026-03-31' });
    expect(total([applicationContribution(applicationFact(open, weekdays))])).toEqual({ '2026-02': { accepted: 1 }, '2026-04': { overdueBacklog: 1 } });
    const late = snap({ deadline: '2026-03-10', status: 'APPROVED', timeline: [step('2026-05-06T10:00:00+08:00', 'APPROVED')] });
    expect(total([applicationContribution(applicationFact(late, weekdays))])).toEqual({
      '2026-02': { accepted: 1 },
      '2026-03': { overdueBacklog: 1 },
      '2026-05': { overdueBacklog: -1, completed: 1, workingDaysSum: 61 },
    });
    // Overdue and completed within the same month: never in a month-end backlog.
    const sameMonth = snap({ deadline: '2026-03-10', status: 'APPROVED', timeline: [step('2026-03-20T10:00:00+08:00', 'APPROVED')] });
    expect(total([applicationContribution(applicationFact(sameMonth, weekdays))])['2026-03']).toEqual({ completed: 1, workingDaysSum: 28 });
    const withdrawn = snap({ deadline: '2026-03-10', status: 'WITHDRAWN', timeline: [step('2026-04-01T10:00:00+08:00', 'WITHDRAWN')] });
    expect(total([applicationContribution(applicationFact(withdrawn, weekdays))])).toEqual({
      '2026-02': { accepted: 1 }, '2026-03': { overdueBacklog: 1 }, '2026-04': { overdueBacklog: -1 },
    });
  });

  it('folds every version once whatever the order: replays and older versions move nothing', () => {
    const v1 = snap({ version: 1 });
    const v2 = snap({ version: 2, status: 'IN_REVIEW' });
    const v3 = snap({ version: 3, status: 'APPROVED', timeline: [step('2026-02-20T10:00:00+08:00', 'APPROVED')] });
    const inOrder = foldAll([v1, v2, v3]);
    expect(inOrder).toEqual({ '2026-02': { accepted: 1, completed: 1, completedOnTime: 1, workingDaysSum: 8 } });
    expect(foldAll([v1, v3, v2, v1, v3])).toEqual(inOrder);
    expect(foldAll([v3, v1, v2])).toEqual(inOrder);
  });
});

describe('monthly figures fold: transfers, evaluations, complaints, SMS', () => {
  const requested = {
    type: 'requested',
    event: { transferId: 't1', fromService: 'household', toService: 'traffic', requestedDeadline: '2026-02-20', requestedAt: '2026-02-10T02:00:00Z', requestedBy: { sub: 's', name: 'n', unitCode: '510107001' } },
  } as unknown as TransferEvent;
  const completed = { type: 'completed', event: { transferId: 't1', fromService: 'household', toService: 'traffic', at: '2026-03-02T02:00:00Z' } } as unknown as TransferEvent;

  it('a transfer ends the same whichever of request and completion comes first; completion after the requested deadline is late', () => {
    const a = reduceTransfer(completed)(reduceTransfer(requested)(null));
    const b = reduceTransfer(requested)(reduceTransfer(completed)(null));
    expect(a).toEqual(b);
    expect(reduceTransfer(completed)(a)).toBeNull();
    expect(total([transferContribution(a!.state)])).toEqual({ '2026-02': { transfersOpened: 1 }, '2026-03': { transfersCompleted: 1 } });
    expect(transferContribution(reduceTransfer(completed)(null)!.state)).toEqual([]); // nowhere to count it until the request arrives
  });

  it('a voided evaluation is taken back for good; its police type comes from the application number', () => {
    const e = { evaluationId: 'e1', applicationNumber: 'TR20260210000001', level: 'SATISFIED', unitCode: '510107001', evaluatedOn: '2026-02-10', voided: false } as EvaluationRecordedEvent;
    const recorded = reduceEvaluation(e)(null)!;
    expect(recorded.state).toMatchObject({ policeType: PoliceType.TRAFFIC, voided: false });
    expect(reduceEvaluation(e)(recorded)).toBeNull();
    const voided = reduceEvaluation({ ...e, voided: true })(recorded)!;
    expect(voided.state).toMatchObject({ voided: true });
    expect(reduceEvaluation(e)(voided)).toBeNull();
    expect(reduceEvaluation({ ...e, applicationNumber: 'XF1' })(null)!.state).toMatchObject({ policeType: PoliceType.COMPLAINTS });
  });

  it('a complaint counts at intake only; REPEATED and later steps add nothing', () => {
    const base = { number: 'XF20260916000001', kind: 'DELAY', policeType: 'HOUSEHOLD', unitCode: '510107001', at: '2026-09-16T02:00:00Z' };
    expect(reduceComplaint({ ...base, action: 'REPEATED' } as never)(null)).toBeNull();
    const intake = reduceComplaint({ ...base, action: 'INTAKE' } as never)(null)!;
    expect(intake.state).toMatchObject({ kind: 'DELAY', policeType: 'HOUSEHOLD', receivedOn: '2026-09-16' });
    expect(reduceComplaint({ ...base, action: 'INTAKE' } as never)(intake)).toBeNull();
  });

  it('an SMS without a unit or police type is left out, never guessed', () => {
    const e = { smsId: 's1', outcome: 'FAILED', unitCode: null, policeType: PoliceType.HOUSEHOLD, template: 'T', deliveredOn: '2026-02-10', at: '' };
    expect(reduceSms(e as never)(null)).toBeNull();
    expect(reduceSms({ ...e, unitCode: '510107001' } as never)(null)!.state).toMatchObject({ outcome: 'FAILED' });
  });
});

describe('monthly figures fold: deltas', () => {
  const cell = (month: string, metrics: FigureCell['metrics']): FigureCell => ({ month, unitCode: '510107001', policeType: PoliceType.HOUSEHOLD, itemCode: 'X', itemName: 'x', metrics });

  it('is the new contribution minus the old, unchanged cells left out, sorted by cell', () => {
    const before = [cell('2026-02', { accepted: 1 }), cell('2026-03', { overdueBacklog: 1 })];
    const after = [cell('2026-02', { accepted: 1 }), cell('2026-03', { overdueBacklog: 1 }), cell('2026-04', { overdueBacklog: -1, completed: 1 })];
    expect(contributionDelta(before, after)).toEqual([cell('2026-04', { overdueBacklog: -1, completed: 1 })]);
    expect(contributionDelta(after, before)).toEqual([{ ...cell('2026-04', { overdueBacklog: 1, completed: -1 }) }]);
    expect(contributionDelta(after, after)).toEqual([]);
    expect(contributionDelta([], after).map((c) => c.month)).toEqual(['2026-02', '2026-03', '2026-04']);
  });

  it('stores the backlog as a monthly delta column and every other metric under its snake_case name', () => {
    expect(metricColumn('overdueBacklog')).toBe('overdue_backlog_delta');
    expect(metricColumn('evaluationsVeryDissatisfied')).toBe('evaluations_very_dissatisfied');
  });
});

describe('monthly figures fold: home visits (issue 11)', () => {
  const e = {
    visitId: '00000000-0000-4000-8000-000000000001', visitNumber: 'SM-20260318-0001', unitCode: '510107001', policeType: 'HOUSEHOLD', itemCode: 'HH_ID_RENEW',
    itemName: '居民身份证换领', reason: 'BEDRIDDEN', deadline: '2026-03-25', overdue: false, applicationNumber: null, at: '2026-03-18T02:00:00Z',
  };
  it('counts a visit once, when DONE, in the month of its outcome; older or repeated events change nothing', () => {
    const requested = reduceHomeVisit({ ...e, status: 'REQUESTED', closedOn: null, version: 1 } as never)(null)!;
    expect(homeVisitContribution(requested.state)).toEqual([]);
    const done = reduceHomeVisit({ ...e, status: 'DONE', closedOn: '2026-03-31', applicationNumber: 'HH20260331000001', version: 4 } as never)(requested)!;
    expect(homeVisitContribution(done.state)).toEqual([
      { month: '2026-03', unitCode: '510107001', policeType: 'HOUSEHOLD', itemCode: 'HH_ID_RENEW', itemName: '居民身份证换领', metrics: { homeVisits: 1 } },
    ]);
    expect(reduceHomeVisit({ ...e, status: 'SCHEDULED', closedOn: null, version: 3 } as never)(done)).toBeNull();
    expect(reduceHomeVisit({ ...e, status: 'DONE', closedOn: '2026-03-31', version: 4 } as never)(done)).toBeNull();
    const notPossible = reduceHomeVisit({ ...e, status: 'NOT_POSSIBLE', closedOn: '2026-03-20', version: 3 } as never)(requested)!;
    expect(homeVisitContribution(notPossible.state)).toEqual([]);
  });
});
