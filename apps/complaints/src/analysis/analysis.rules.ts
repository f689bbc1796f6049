import { plusDays } from '@onewindow/calendar';
import {
  COMPLAINT_CHANNELS, COMPLAINT_KINDS, POLICE_TYPE_LABELS, PoliceType, policeUnitName,
  type ComplaintChannel, type ComplaintFinding, type ComplaintKind,
} from '@onewindow/contracts';
import type { Masker } from '@onewindow/platform';

/*
 * 信访投诉月度分析, computed in memory from the month's rows (no NestJS, no SQL): a unit's month
 * is a few hundred complaints at most, so one scoped read and a pass over it keep every figure
 * checkable by hand (docs/decisions/0015-complaint-analysis.md).
 */

/** How units are grouped: by unit code prefix — the station (full code), the district (6 digits), the city (4). */
export const UNIT_LEVELS = ['STATION', 'DISTRICT', 'CITY'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];
const PREFIX_LENGTH: Record<UnitLevel, number> = { STATION: 12, DISTRICT: 6, CITY: 4 };

export const unitAtLevel = (unitCode: string, level: UnitLevel) => unitCode.slice(0, PREFIX_LENGTH[level]);

/** The columns of one complaint the analysis needs. */
export interface AnalysedComplaint {
  number: string;
  channel: ComplaintChannel;
  kind: ComplaintKind;
  policeType: string;
  unitCode: string;
  receivedOn: string;
  repeatOf: string | null;
  complainantName: string;
  complainantPhone: string;
  acceptanceDeadline: string;
  decidedOn: string | null;
  answerDeadline: string | null;
  answeredOn: string | null;
  finding: ComplaintFinding | null;
}

export interface AnalysedDeduction {
  unitCode: string;
  policeType: string;
  unitPoints: number;
  reversedOn: string | null;
}

export interface Count<K extends string> {
  key: K;
  count: number;
}

/** The figures of one group (a unit and police type, a unit, a police type, or the whole scope). */
export interface AnalysisFigures {
  unitCode: string | null;
  unitName: string | null;
  policeType: string | null;
  /** New matters received in the month (repeats of an earlier matter are not counted again). */
  total: number;
  previousTotal: number;
  change: number;
  /** change / previousTotal, null when there were none the month before. */
  changeRate: number | null;
  byKind: Count<ComplaintKind>[];
  byChannel: Count<ComplaintChannel>[];
  /** Complaints received in the month that repeat an earlier matter of the same person (linked, not counted in `total`). */
  repeatComplaints: number;
  /** Persons with at least one such repeat in the month. */
  repeatComplainants: number;
  /** Complaints whose acceptance-decision or answer deadline fell in the month and was missed (still open, or met late). */
  overdue: number;
  /** Of the month's new matters: findings 属实 + 部分属实, and all findings of 属实 / 部分属实 / 不属实. */
  substantiated: number;
  investigated: number;
  substantiatedRate: number | null;
  /** Deductions made in the month (standing ones) and their unit points. */
  deductions: number;
  deductionPoints: number;
}

export interface RepeatComplainant {
  complainantName: string;
  complainantPhone: string;
  /** All complaints of the person received in the month (new matters and repeats). */
  complaints: number;
  repeats: number;
  /** The first complaint of the matter repeated most recently. */
  firstNumber: string;
  unitCodes: string[];
}

export interface ComplaintAnalysis {
  month: string;
  previousMonth: string;
  level: UnitLevel;
  unitPrefix: string;
  /** The day the figures were computed as of (overdue counts deadlines before it). */
  asOf: string;
  total: AnalysisFigures;
  byPoliceType: AnalysisFigures[];
  byUnit: AnalysisFigures[];
  /** Unit × police type: the rows of the monthly notice. */
  groups: AnalysisFigures[];
  repeatComplainants: RepeatComplainant[];
}

export const monthStart = (month: string) => `${month}-01`;
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return plusDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1);
}
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
const inMonth = (date: string | null, month: string) => !!date && date.startsWith(`${month}-`);

const SUBSTANTIATED: readonly (ComplaintFinding | null)[] = ['SUBSTANTIATED', 'PARTLY_SUBSTANTIATED'];
const INVESTIGATED: readonly (ComplaintFinding | null)[] = ['SUBSTANTIATED', 'PARTLY_SUBSTANTIATED', 'NOT_SUBSTANTIATED'];

/** A deadline in the month, already passed on `asOf`, and not met by it (the step came later, or not yet). */
function missed(deadline: string | null, metOn: string | null, month: string, asOf: string): boolean {
  return !!deadline && inMonth(deadline, month) && deadline < asOf && (!metOn || metOn > deadline);
}

export function isOverdueIn(c: AnalysedComplaint, month: string, asOf: string): boolean {
  return missed(c.acceptanceDeadline, c.decidedOn, month, asOf) || missed(c.answerDeadline, c.answeredOn, month, asOf);
}

const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);

function figures(
  key: { unitCode: string | null; policeType: string | null },
  complaints: readonly AnalysedComplaint[],
  deductions: readonly AnalysedDeduction[],
  month: string,
  asOf: string,
): AnalysisFigures {
  const prev = previousMonth(month);
  const newThisMonth = complaints.filter((c) => inMonth(c.receivedOn, month) && !c.repeatOf);
  const repeats = complaints.filter((c) => inMonth(c.receivedOn, month) && !!c.repeatOf);
  const total = newThisMonth.length;
  const previousTotal = complaints.filter((c) => inMonth(c.receivedOn, prev) && !c.repeatOf).length;
  const substantiated = newThisMonth.filter((c) => SUBSTANTIATED.includes(c.finding)).length;
  const investigated = newThisMonth.filter((c) => INVESTIGATED.includes(c.finding)).length;
  const standing = deductions.filter((d) => !d.reversedOn);
  return {
    unitCode: key.unitCode,
    unitName: key.unitCode ? policeUnitName(key.unitCode) : null,
    policeType: key.policeType,
    total,
    previousTotal,
    change: total - previousTotal,
    changeRate: ratio(total - previousTotal, previousTotal),
    byKind: COMPLAINT_KINDS.map((kind) => ({ key: kind, count: newThisMonth.filter((c) => c.kind === kind).length })),
    byChannel: COMPLAINT_CHANNELS.map((channel) => ({ key: channel, count: newThisMonth.filter((c) => c.channel === channel).length })),
    repeatComplaints: repeats.length,
    repeatComplainants: new Set(repeats.map((c) => c.complainantPhone)).size,
    overdue: complaints.filter((c) => isOverdueIn(c, month, asOf)).length,
    substantiated,
    investigated,
    substantiatedRate: ratio(substantiated, investigated),
    deductions: standing.length,
    deductionPoints: standing.reduce((sum, d) => sum + d.unitPoints, 0),
  };
}

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
}

const POLICE_TYPE_ORDER = Object.values(PoliceType) as string[];
const byPoliceType = (a: string | null, b: string | null) => POLICE_TYPE_ORDER.indexOf(a ?? '') - POLICE_TYPE_ORDER.indexOf(b ?? '');

/**
 * The month's analysis of the complaints and deductions already scoped to the caller: `complaints`
 * holds every complaint received in the month or the month before, or with a deadline in the
 * month; `deductions` those made in the month. Repeat complainants' names and phones through `mask`.
 */
export function analyse(input: {
  month: string;
  level: UnitLevel;
  unitPrefix: string;
  asOf: string;
  complaints: readonly AnalysedComplaint[];
  deductions: readonly AnalysedDeduction[];
  mask: Masker;
}): ComplaintAnalysis {
  const { month, level, asOf, complaints, deductions } = input;
  const unitOf = (code: string) => unitAtLevel(code, level);
  const groupKey = (r: { unitCode: string; policeType: string }) => `${unitOf(r.unitCode)}|${r.policeType}`;
  const keys = new Set([...complaints.map(groupKey), ...deductions.map(groupKey)]);
  const cByGroup = groupBy(complaints, groupKey);
  const dByGroup = groupBy(deductions, groupKey);
  const groups = [...keys]
    .map((k) => {
      const [unitCode, policeType] = k.split('|') as [string, string];
      return figures({ unitCode, policeType }, cByGroup.get(k) ?? [], dByGroup.get(k) ?? [], month, asOf);
    })
    .filter((g) => g.total + g.previousTotal + g.repeatComplaints + g.overdue + g.deductions > 0)
    .sort((a, b) => a.unitCode!.localeCompare(b.unitCode!) || byPoliceType(a.policeType, b.policeType));

  const units = [...new Set(groups.map((g) => g.unitCode!))].sort();
  const types = [...new Set(groups.map((g) => g.policeType!))].sort(byPoliceType);
  return {
    month,
    previousMonth: previousMonth(month),
    level,
    unitPrefix: input.unitPrefix,
    asOf,
    total: figures({ unitCode: input.unitPrefix || null, policeType: null }, complaints, deductions, month, asOf),
    byPoliceType: types.map((t) => figures({ unitCode: null, policeType: t }, complaints.filter((c) => c.policeType === t), deductions.filter((d) => d.policeType === t), month, asOf)),
    byUnit: units.map((u) => figures({ unitCode: u, policeType: null }, complaints.filter((c) => unitOf(c.unitCode) === u), deductions.filter((d) => unitOf(d.unitCode) === u), month, asOf)),
    groups,
    repeatComplainants: repeatComplainantsOf(complaints, month, input.mask),
  };
}

function repeatComplainantsOf(complaints: readonly AnalysedComplaint[], month: string, mask: Masker): RepeatComplainant[] {
  const thisMonth = complaints.filter((c) => inMonth(c.receivedOn, month));
  const people = groupBy(thisMonth, (c) => c.complainantPhone);
  const out: RepeatComplainant[] = [];
  for (const [phone, theirs] of people) {
    const repeats = theirs.filter((c) => c.repeatOf).sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.number.localeCompare(b.number));
    if (!repeats.length) continue;
    out.push({
      complainantName: mask.name(theirs[0]!.complainantName) ?? '',
      complainantPhone: mask.phone(phone) ?? '',
      complaints: theirs.length,
      repeats: repeats.length,
      firstNumber: repeats[repeats.length - 1]!.repeatOf!,
      unitCodes: [...new Set(theirs.map((c) => c.unitCode))].sort(),
    });
  }
  return out.sort((a, b) => b.repeats - a.repeats || b.complaints - a.complaints || a.firstNumber.localeCompare(b.firstNumber));
}

export const POLICE_TYPE_LABEL = (t: string | null) => (t ? (POLICE_TYPE_LABELS[t as PoliceType] ?? t) : '全部警种');
