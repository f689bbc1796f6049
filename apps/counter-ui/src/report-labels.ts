import type { ReportFiguresFieldsFragment, ReportLevel } from './gql/graphql.js';

/**
 * Labels and formats of the bureau dashboard (月报看板). Rates come from the server
 * (deriveReportRates); a rate with a zero denominator is null and shows as "—", never 0 % or 100 %.
 */
export type ReportFigures = ReportFiguresFieldsFragment;

export const REPORT_LEVEL_LABELS: Record<ReportLevel, string> = { CITY: '市局', DISTRICT: '分局', STATION: '派出所' };

/** What the lines under a unit are: a city's districts, a district's stations, a station's items. */
export const REPORT_CHILD_LABELS: Record<ReportLevel, string> = { CITY: '分局', DISTRICT: '派出所', STATION: '事项' };

export const percent = (v: number | null | undefined): string => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);
export const days = (v: number | null | undefined): string => (v == null ? '—' : v.toFixed(1));
const signed = (v: number, digits = 0): string => `${v > 0 ? '+' : ''}${v.toFixed(digits)}`;

/** A unit's name without the city bureau's prefix, for chart axes (成都市公安局武侯区分局 → 武侯区分局). */
export const shortUnitName = (name: string): string => name.replace(/^.*?市公安局(?=.)/, '');

type CountKey = { [K in Extract<keyof ReportFigures, string>]: ReportFigures[K] extends number ? K : never }[Extract<keyof ReportFigures, string>];
type RateKey = 'onTimeRate' | 'averageWorkingDays' | 'satisfactionRate' | 'noticeReturnRate' | 'transferOnTimeRate' | 'smsFailureRate';

/** One KPI card: a count, or a rate (percent) / average (working days) that compares in points. */
export type Kpi =
  | { key: CountKey; title: string; kind: 'count'; suffix: string; badWhenUp?: boolean }
  | { key: RateKey; title: string; kind: 'percent' | 'days'; badWhenUp?: boolean };

export const REPORT_KPIS: Kpi[] = [
  { key: 'accepted', title: '受理件数', kind: 'count', suffix: '件' },
  { key: 'completed', title: '办结件数', kind: 'count', suffix: '件' },
  { key: 'onTimeRate', title: '按时办结率', kind: 'percent' },
  { key: 'overdueBacklog', title: '月末超期积压', kind: 'count', suffix: '件', badWhenUp: true },
  { key: 'averageWorkingDays', title: '平均办结用时（工作日）', kind: 'days', badWhenUp: true },
  { key: 'satisfactionRate', title: '满意率', kind: 'percent' },
  { key: 'noticesIssued', title: '一次性告知书', kind: 'count', suffix: '份' },
  { key: 'complaints', title: '信访投诉', kind: 'count', suffix: '件', badWhenUp: true },
];

export function kpiValue(kpi: Kpi, f: ReportFigures): string {
  const v = f[kpi.key];
  if (kpi.kind === 'count') return String(v);
  return kpi.kind === 'percent' ? percent(v as number | null) : days(v as number | null);
}

/**
 * The change against a base month (环比 / 同比): counts as a signed difference with the relative
 * change, rates in percentage points, averages in working days; "—" when either side has no value.
 */
export function kpiChange(kpi: Kpi, now: ReportFigures, base: ReportFigures): { text: string; direction: -1 | 0 | 1 } {
  const a = now[kpi.key] as number | null;
  const b = base[kpi.key] as number | null;
  if (a == null || b == null) return { text: '—', direction: 0 };
  const direction = a > b ? 1 : a < b ? -1 : 0;
  if (kpi.kind === 'count') return { text: b > 0 ? `${signed(a - b)}（${signed(((a - b) / b) * 100, 1)}%）` : signed(a - b), direction };
  if (kpi.kind === 'percent') return { text: `${signed((a - b) * 100, 1)} 个百分点`, direction };
  return { text: `${signed(a - b, 1)} 个工作日`, direction };
}
