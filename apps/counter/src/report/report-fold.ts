import {
  CLOCK_STOP_STATUSES, PoliceType, type ApplicationSnapshot, type ComplaintChangedEvent, type ComplaintKind, type EvaluationLevel,
  type EvaluationRecordedEvent, type HomeVisitChangedEvent, type NoticeIssuedEvent, type ReportMetricKey, type ReportMetrics, type SmsDeliveredEvent, type TransferEvent,
} from '@onewindow/contracts';
import { policeTypeOfService, serviceOfNumber } from '../common/service-routing.js';
import { NO_ITEM } from './report-columns.js';
import { chinaDateOf, dayAfter, monthOfDate } from './report-month.js';

/**
 * The pure part of the monthly figures' fold (decision 0016). Every source event updates one FACT
 * (an application, a transfer, an evaluation, a complaint, a notice, an SMS); a fact's CONTRIBUTION
 * is the list of aggregate cells it adds to; an event moves the aggregates by the difference between
 * the fact's new and old contribution. Folding the same event twice, or an older one after a newer
 * one, leaves the fact — and so the figures — where they were.
 */

/** One cell of the aggregate table: month × unit × police type × item, and what it adds. */
export interface FigureCell {
  month: string;
  unitCode: string;
  policeType: PoliceType;
  itemCode: string;
  itemName: string | null;
  metrics: Partial<ReportMetrics>;
}

export type FactKind = 'application' | 'transfer' | 'evaluation' | 'complaint' | 'notice' | 'sms' | 'homeVisit';

/** A fact as stored: the last version folded (applications) and the state derived so far. No personal data. */
export interface FactRecord<S = FactState> {
  version: number;
  state: S;
}

export interface ApplicationFact {
  policeType: PoliceType;
  unitCode: string;
  itemCode: string;
  itemName: string;
  acceptedOn: string;
  deadline: string;
  /** 办结: the day the application first reached its clock stop or a later step, or was rejected. */
  completedOn: string | null;
  /** Working days from acceptance to completion (WorkingCalendar, (acceptedOn, completedOn]). */
  workingDays: number | null;
  /** Withdrawn (撤回) before completion: leaves the backlog, is not 办结. */
  withdrawnOn: string | null;
  tolerated: boolean;
  toleratedSupplied: boolean;
  fromNotice: boolean;
}

export interface TransferFact {
  policeType: PoliceType | null;
  unitCode: string | null;
  requestedOn: string | null;
  requestedDeadline: string | null;
  completedOn: string | null;
}

export interface EvaluationFact {
  policeType: PoliceType;
  unitCode: string;
  level: EvaluationLevel;
  evaluatedOn: string;
  voided: boolean;
}

export interface ComplaintFact {
  policeType: PoliceType;
  unitCode: string;
  kind: ComplaintKind;
  receivedOn: string;
}

export interface NoticeFact {
  policeType: PoliceType;
  unitCode: string;
  itemCode: string;
  itemName: string;
  issuedOn: string;
}

export interface SmsFact {
  policeType: PoliceType;
  unitCode: string;
  outcome: 'SENT' | 'FAILED';
  deliveredOn: string;
}

/** A home visit (上门服务, issue 11): counted once DONE (the application accepted at home), in the month of its outcome. */
export interface HomeVisitFact {
  policeType: PoliceType;
  unitCode: string;
  itemCode: string;
  itemName: string;
  status: string;
  closedOn: string | null;
}

export type FactState = ApplicationFact | TransferFact | EvaluationFact | ComplaintFact | NoticeFact | SmsFact | HomeVisitFact;

/** What folding an event does to its fact: the next record, or null to leave it as it is. */
export type FactReducer<S extends FactState> = (previous: FactRecord<S> | null) => FactRecord<S> | null;

// ---- applications ------------------------------------------------------------------------------

/** Steps of the lifecycle at or after which the clock has stopped, in order. */
const STOP_RANK: Record<string, number> = { APPROVED: 1, READY_FOR_PICKUP: 2, DELIVERED: 3, CLOSED: 4 };

/**
 * 办结 (completed): the first step that reaches the item's clock stop (`clockStopsAt`, default
 * APPROVED) or a later step of the lifecycle (READY_FOR_PICKUP → DELIVERED → CLOSED), or REJECTED
 * (不予许可 is a decision too). WITHDRAWN is not a completion.
 */
export function isCompletionStatus(status: string, clockStopsAt: string | null | undefined): boolean {
  if (status === 'REJECTED') return true;
  const stop = clockStopsAt && (CLOCK_STOP_STATUSES as readonly string[]).includes(clockStopsAt) ? clockStopsAt : 'APPROVED';
  return (STOP_RANK[status] ?? 0) >= STOP_RANK[stop];
}

export interface WorkingDays {
  workingDaysBetween(from: string, to: string): number;
}

/** The fact of an application snapshot (no personal data is kept: no applicant, no form). */
export function applicationFact(s: ApplicationSnapshot, calendar: WorkingDays): ApplicationFact {
  const timeline = [...(s.timeline ?? [])].sort((a, b) => a.at.localeCompare(b.at));
  const completion = timeline.find((e) => isCompletionStatus(e.toStatus, s.clockStopsAt));
  let completedOn = completion ? chinaDateOf(completion.at) : null;
  if (!completedOn && isCompletionStatus(s.status, s.clockStopsAt)) completedOn = chinaDateOf(s.updatedAt);
  let withdrawnOn: string | null = null;
  if (!completedOn && s.status === 'WITHDRAWN') {
    const w = timeline.find((e) => e.toStatus === 'WITHDRAWN');
    withdrawnOn = chinaDateOf(w?.at ?? s.updatedAt);
  }
  const acceptedOn = chinaDateOf(s.acceptedAt);
  const tolerated = (s.toleratedMaterials ?? []).length > 0;
  return {
    policeType: s.policeType,
    unitCode: s.unitCode,
    itemCode: s.itemCode,
    itemName: s.itemName,
    acceptedOn,
    deadline: s.deadline,
    completedOn,
    workingDays: completedOn ? Math.max(0, calendar.workingDaysBetween(acceptedOn, completedOn)) : null,
    withdrawnOn,
    tolerated,
    toleratedSupplied: tolerated && s.toleratedMaterials.every((m) => !!m.suppliedAt),
    fromNotice: !!s.fromNoticeNumber,
  };
}

/** A snapshot replaces the fact only when it is newer than the one folded (version order). */
export function reduceApplication(s: ApplicationSnapshot, calendar: WorkingDays): FactReducer<ApplicationFact> {
  return (previous) => (previous && s.version <= previous.version ? null : { version: s.version, state: applicationFact(s, calendar) });
}

export function applicationContribution(f: ApplicationFact): FigureCell[] {
  const cells = new CellBuilder(f.unitCode, f.policeType, f.itemCode, f.itemName);
  const accepted = monthOfDate(f.acceptedOn);
  cells.add(accepted, 'accepted', 1);
  if (f.tolerated) cells.add(accepted, 'toleratedAccepted', 1);
  if (f.toleratedSupplied) cells.add(accepted, 'toleratedSupplied', 1);
  if (f.fromNotice) cells.add(accepted, 'noticesReturnedComplete', 1);
  if (f.completedOn) {
    const m = monthOfDate(f.completedOn);
    cells.add(m, 'completed', 1);
    if (f.completedOn <= f.deadline) cells.add(m, 'completedOnTime', 1);
    cells.add(m, 'workingDaysSum', f.workingDays ?? 0);
  }
  // Overdue backlog as a difference array: +1 in the month the open application becomes overdue
  // (the day after its deadline), −1 in the month it ends (completed or withdrawn) after that.
  const endedOn = f.completedOn ?? f.withdrawnOn;
  if (!endedOn || endedOn > f.deadline) {
    cells.add(monthOfDate(dayAfter(f.deadline)), 'overdueBacklog', 1);
    if (endedOn) cells.add(monthOfDate(endedOn), 'overdueBacklog', -1);
  }
  return cells.build();
}

// ---- transfers ---------------------------------------------------------------------------------

/**
 * Requested and completed come from two streams in any order; each sets its own fields, so the
 * fact ends the same whatever the order and a repeat changes nothing. Counted at the requesting
 * unit and the sending police type.
 */
export function reduceTransfer(e: TransferEvent): FactReducer<TransferFact> {
  return (previous) => {
    const s: TransferFact = previous?.state ?? { policeType: null, unitCode: null, requestedOn: null, requestedDeadline: null, completedOn: null };
    let next: TransferFact;
    if (e.type === 'requested') {
      next = {
        ...s,
        policeType: policeTypeOfService(e.event.fromService) ?? null,
        unitCode: e.event.requestedBy.unitCode,
        requestedOn: chinaDateOf(e.event.requestedAt),
        requestedDeadline: e.event.requestedDeadline,
      };
    } else if (e.type === 'completed') {
      if (s.completedOn) return null;
      next = { ...s, completedOn: chinaDateOf(e.event.at) };
    } else {
      return null;
    }
    return JSON.stringify(next) === JSON.stringify(s) && previous ? null : { version: 0, state: next };
  };
}

export function transferContribution(f: TransferFact): FigureCell[] {
  if (!f.policeType || !f.unitCode || !f.requestedOn) return [];
  const cells = new CellBuilder(f.unitCode, f.policeType, NO_ITEM, null);
  cells.add(monthOfDate(f.requestedOn), 'transfersOpened', 1);
  if (f.completedOn) {
    const m = monthOfDate(f.completedOn);
    cells.add(m, 'transfersCompleted', 1);
    if (f.requestedDeadline && f.completedOn <= f.requestedDeadline) cells.add(m, 'transfersCompletedOnTime', 1);
  }
  return cells.build();
}

// ---- evaluations -------------------------------------------------------------------------------

const LEVEL_METRIC: Record<EvaluationLevel, ReportMetricKey> = {
  VERY_SATISFIED: 'evaluationsVerySatisfied',
  SATISFIED: 'evaluationsSatisfied',
  BASIC: 'evaluationsBasic',
  DISSATISFIED: 'evaluationsDissatisfied',
  VERY_DISSATISFIED: 'evaluationsVeryDissatisfied',
};

/** The police type of an application number (HH-/EE-/TR-/PS-/CP-), else the 信访投诉 line that records evaluations. */
export function policeTypeOfNumber(number: string | null | undefined): PoliceType {
  const service = number ? serviceOfNumber(number) : undefined;
  return (service && policeTypeOfService(service)) || PoliceType.COMPLAINTS;
}

/** A voided evaluation is taken back for good: voided stays true whatever arrives later. */
export function reduceEvaluation(e: EvaluationRecordedEvent): FactReducer<EvaluationFact> {
  return (previous) => {
    if (previous?.state.voided) return null;
    if (previous && !e.voided) return null; // recorded once; a repeat changes nothing
    const base = previous?.state ?? {
      policeType: policeTypeOfNumber(e.applicationNumber),
      unitCode: e.unitCode,
      level: e.level,
      evaluatedOn: e.evaluatedOn,
      voided: false,
    };
    return { version: 0, state: { ...base, voided: e.voided } };
  };
}

export function evaluationContribution(f: EvaluationFact): FigureCell[] {
  if (f.voided) return [];
  const cells = new CellBuilder(f.unitCode, f.policeType, NO_ITEM, null);
  cells.add(monthOfDate(f.evaluatedOn), LEVEL_METRIC[f.level], 1);
  return cells.build();
}

// ---- complaints --------------------------------------------------------------------------------

const KIND_METRIC: Record<ComplaintKind, ReportMetricKey> = {
  ATTITUDE: 'complaintsAttitude',
  DELAY: 'complaintsDelay',
  UNFAMILIAR: 'complaintsUnfamiliar',
  MISCONDUCT: 'complaintsMisconduct',
  CONSULTATION: 'complaintsConsultation',
  SUGGESTION: 'complaintsSuggestion',
  PRAISE: 'complaintsPraise',
};

/** A complaint counts once, when it is taken in (INTAKE), by kind, at the responsible unit; REPEATED and later steps add nothing. */
export function reduceComplaint(e: ComplaintChangedEvent): FactReducer<ComplaintFact> {
  return (previous) => {
    if (previous || e.action !== 'INTAKE') return null;
    const policeType = (Object.values(PoliceType) as string[]).includes(e.policeType) ? (e.policeType as PoliceType) : PoliceType.COMPLAINTS;
    return { version: 0, state: { policeType, unitCode: e.unitCode, kind: e.kind, receivedOn: chinaDateOf(e.at) } };
  };
}

export function complaintContribution(f: ComplaintFact): FigureCell[] {
  const cells = new CellBuilder(f.unitCode, f.policeType, NO_ITEM, null);
  cells.add(monthOfDate(f.receivedOn), KIND_METRIC[f.kind], 1);
  return cells.build();
}

// ---- notices and SMS ---------------------------------------------------------------------------

export function reduceNotice(e: NoticeIssuedEvent): FactReducer<NoticeFact> {
  return (previous) =>
    previous ? null : { version: 0, state: { policeType: e.policeType, unitCode: e.unitCode, itemCode: e.itemCode, itemName: e.itemName, issuedOn: e.issuedOn } };
}

export function noticeContribution(f: NoticeFact): FigureCell[] {
  const cells = new CellBuilder(f.unitCode, f.policeType, f.itemCode, f.itemName);
  cells.add(monthOfDate(f.issuedOn), 'noticesIssued', 1);
  return cells.build();
}

/**
 * An SMS counts once, at its final outcome. One without a unit or a police type cannot be placed in
 * the station × police type figures and is left out (decision 0016), never guessed.
 */
export function reduceSms(e: SmsDeliveredEvent): FactReducer<SmsFact> {
  return (previous) => {
    if (previous || !e.unitCode || !e.policeType) return null;
    return { version: 0, state: { policeType: e.policeType, unitCode: e.unitCode, outcome: e.outcome, deliveredOn: e.deliveredOn } };
  };
}

export function smsContribution(f: SmsFact): FigureCell[] {
  const cells = new CellBuilder(f.unitCode, f.policeType, NO_ITEM, null);
  cells.add(monthOfDate(f.deliveredOn), f.outcome === 'SENT' ? 'smsSent' : 'smsFailed', 1);
  return cells.build();
}

/** The newest version of a visit wins; an older or repeated event leaves the fact as it is. */
export function reduceHomeVisit(e: HomeVisitChangedEvent): FactReducer<HomeVisitFact> {
  return (previous) => {
    if (previous && previous.version >= e.version) return null;
    return { version: e.version, state: { policeType: e.policeType, unitCode: e.unitCode, itemCode: e.itemCode, itemName: e.itemName, status: e.status, closedOn: e.closedOn } };
  };
}

export function homeVisitContribution(f: HomeVisitFact): FigureCell[] {
  const cells = new CellBuilder(f.unitCode, f.policeType, f.itemCode, f.itemName);
  if (f.status === 'DONE' && f.closedOn) cells.add(monthOfDate(f.closedOn), 'homeVisits', 1);
  return cells.build();
}

export function contributionOf(kind: FactKind, state: FactState): FigureCell[] {
  switch (kind) {
    case 'application':
      return applicationContribution(state as ApplicationFact);
    case 'transfer':
      return transferContribution(state as TransferFact);
    case 'evaluation':
      return evaluationContribution(state as EvaluationFact);
    case 'complaint':
      return complaintContribution(state as ComplaintFact);
    case 'notice':
      return noticeContribution(state as NoticeFact);
    case 'sms':
      return smsContribution(state as SmsFact);
    case 'homeVisit':
      return homeVisitContribution(state as HomeVisitFact);
  }
}

// ---- deltas ------------------------------------------------------------------------------------

export function cellKey(c: Pick<FigureCell, 'month' | 'unitCode' | 'policeType' | 'itemCode'>): string {
  return `${c.month}|${c.unitCode}|${c.policeType}|${c.itemCode}`;
}

/**
 * What moving a fact from `before` to `after` does to the aggregates: per cell, the new counts
 * minus the old ones; cells whose counts do not change are left out. Sorted by cell key, so
 * concurrent folds lock aggregate rows in one order.
 */
export function contributionDelta(before: readonly FigureCell[], after: readonly FigureCell[]): FigureCell[] {
  const out = new Map<string, FigureCell>();
  const apply = (cells: readonly FigureCell[], sign: 1 | -1) => {
    for (const c of cells) {
      const key = cellKey(c);
      let d = out.get(key);
      if (!d) {
        d = { month: c.month, unitCode: c.unitCode, policeType: c.policeType, itemCode: c.itemCode, itemName: c.itemName, metrics: {} };
        out.set(key, d);
      }
      if (sign === 1 && c.itemName) d.itemName = c.itemName;
      for (const [k, v] of Object.entries(c.metrics) as [ReportMetricKey, number][]) d.metrics[k] = (d.metrics[k] ?? 0) + sign * v;
    }
  };
  apply(before, -1);
  apply(after, 1);
  return [...out.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => ({ ...d, metrics: Object.fromEntries(Object.entries(d.metrics).filter(([, v]) => v !== 0)) }))
    .filter((d) => Object.keys(d.metrics).length > 0);
}

/** Collects a fact's cells of one unit × police type × item by month. */
class CellBuilder {
  private readonly byMonth = new Map<string, Partial<ReportMetrics>>();
  constructor(
    private readonly unitCode: string,
    private readonly policeType: PoliceType,
    private readonly itemCode: string,
    private readonly itemName: string | null,
  ) {}

  add(month: string, key: ReportMetricKey, n: number): void {
    const m = this.byMonth.get(month) ?? {};
    m[key] = (m[key] ?? 0) + n;
    this.byMonth.set(month, m);
  }

  build(): FigureCell[] {
    return [...this.byMonth.entries()]
      .map(([month, metrics]) => ({
        month,
        unitCode: this.unitCode,
        policeType: this.policeType,
        itemCode: this.itemCode,
        itemName: this.itemName,
        metrics: Object.fromEntries(Object.entries(metrics).filter(([, v]) => v !== 0)),
      }))
      .filter((c) => Object.keys(c.metrics).length > 0);
  }
}
