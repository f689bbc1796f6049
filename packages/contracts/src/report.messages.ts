import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';
import { PoliceType } from './enums.js';

/**
 * Monthly figures (月报) — the shape every part of reporting shares: the aggregates kept by the
 * counter, the query and exports, the push of a closed month to the city bureau (市局) and the
 * bureau's city-wide view.
 *
 * Every metric is an additive count, so rows of stations add up to their district and districts to
 * the city. Rates and averages are never stored or pushed: `deriveReportRates` computes them from
 * the counts wherever they are shown. `overdueBacklog` is a stock at month end (additive across
 * units, not across months); every other metric is a flow within the month.
 */
export const REPORT_METRICS = [
  { key: 'accepted', label: '受理件数' },
  { key: 'completed', label: '办结件数' },
  { key: 'completedOnTime', label: '按时办结件数' },
  { key: 'overdueBacklog', label: '月末超期积压件数' },
  { key: 'workingDaysSum', label: '办结用时合计（工作日）' },
  { key: 'noticesIssued', label: '一次性告知书出具数' },
  { key: 'noticesReturnedComplete', label: '告知后补齐受理数' },
  { key: 'toleratedAccepted', label: '容缺受理件数' },
  { key: 'toleratedSupplied', label: '容缺材料已补齐件数' },
  { key: 'transfersOpened', label: '跨警种移交数' },
  { key: 'transfersCompleted', label: '移交办结数' },
  { key: 'transfersCompletedOnTime', label: '移交按时办结数' },
  { key: 'smsSent', label: '短信发送成功数' },
  { key: 'smsFailed', label: '短信发送失败数' },
  { key: 'homeVisits', label: '上门服务次数' },
  { key: 'evaluationsVerySatisfied', label: '评价：非常满意' },
  { key: 'evaluationsSatisfied', label: '评价：满意' },
  { key: 'evaluationsBasic', label: '评价：基本满意' },
  { key: 'evaluationsDissatisfied', label: '评价：不满意' },
  { key: 'evaluationsVeryDissatisfied', label: '评价：非常不满意' },
  { key: 'complaintsAttitude', label: '投诉：服务态度' },
  { key: 'complaintsDelay', label: '投诉：办事拖延' },
  { key: 'complaintsUnfamiliar', label: '投诉：业务不熟' },
  { key: 'complaintsMisconduct', label: '投诉：违规违纪' },
  { key: 'complaintsConsultation', label: '咨询' },
  { key: 'complaintsSuggestion', label: '建议' },
  { key: 'complaintsPraise', label: '表扬' },
] as const;

export type ReportMetricKey = (typeof REPORT_METRICS)[number]['key'];
export const REPORT_METRIC_KEYS: readonly ReportMetricKey[] = REPORT_METRICS.map((m) => m.key);
export type ReportMetrics = Record<ReportMetricKey, number>;

/** `YYYY-MM`, e.g. 2026-11. */
export const REPORT_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function emptyReportMetrics(): ReportMetrics {
  return Object.fromEntries(REPORT_METRIC_KEYS.map((k) => [k, 0])) as ReportMetrics;
}

export function addReportMetrics(into: ReportMetrics, add: Partial<ReportMetrics>): ReportMetrics {
  for (const k of REPORT_METRIC_KEYS) into[k] += add[k] ?? 0;
  return into;
}

/** Rates shown beside the counts (null when the denominator is 0: "—", never 0 % or 100 %). */
export interface ReportRates {
  /** 按时办结率 = completedOnTime / completed. */
  onTimeRate: number | null;
  /** 平均办结用时（工作日） = workingDaysSum / completed. */
  averageWorkingDays: number | null;
  /** 告知后补齐率 = noticesReturnedComplete / noticesIssued. */
  noticeReturnRate: number | null;
  /** 移交按时率 = transfersCompletedOnTime / transfersCompleted. */
  transferOnTimeRate: number | null;
  /** 短信失败率 = smsFailed / (smsSent + smsFailed). */
  smsFailureRate: number | null;
  /** 满意率 (national definition, decision 0014) = (非常满意 + 满意) / all evaluations. */
  satisfactionRate: number | null;
  /** All evaluations (non-voided) of the month. */
  evaluations: number;
  /** All complaints (投诉 + 咨询 + 建议 + 表扬) of the month. */
  complaints: number;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export function deriveReportRates(m: ReportMetrics): ReportRates {
  const evaluations =
    m.evaluationsVerySatisfied + m.evaluationsSatisfied + m.evaluationsBasic + m.evaluationsDissatisfied + m.evaluationsVeryDissatisfied;
  return {
    onTimeRate: ratio(m.completedOnTime, m.completed),
    averageWorkingDays: ratio(m.workingDaysSum, m.completed),
    noticeReturnRate: ratio(m.noticesReturnedComplete, m.noticesIssued),
    transferOnTimeRate: ratio(m.transfersCompletedOnTime, m.transfersCompleted),
    smsFailureRate: ratio(m.smsFailed, m.smsSent + m.smsFailed),
    satisfactionRate: ratio(m.evaluationsVerySatisfied + m.evaluationsSatisfied, evaluations),
    evaluations,
    complaints:
      m.complaintsAttitude + m.complaintsDelay + m.complaintsUnfamiliar + m.complaintsMisconduct + m.complaintsConsultation + m.complaintsSuggestion + m.complaintsPraise,
  };
}

/**
 * One row of a month's figures: a station (9-digit unit code) × police type × item. `itemCode` is
 * null for figures that belong to no service item (SMS, complaints, evaluations of no known
 * application, transfers).
 */
export class ReportFigureRow {
  @Matches(REPORT_MONTH) month!: string;
  @Matches(/^\d{4,12}$/) unitCode!: string;
  @IsIn(Object.values(PoliceType)) policeType!: PoliceType;
  @IsOptional() @IsString() itemCode!: string | null;
  @IsOptional() @IsString() itemName!: string | null;
  /** Every key of REPORT_METRICS, a non-negative integer (checked by `isReportMetrics`). */
  @IsObject() metrics!: ReportMetrics;
}

export function isReportMetrics(value: unknown): value is ReportMetrics {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    Object.keys(v).length === REPORT_METRIC_KEYS.length &&
    REPORT_METRIC_KEYS.every((k) => typeof v[k] === 'number' && Number.isInteger(v[k]) && (v[k] as number) >= 0)
  );
}

/**
 * A district's closed month (区县分局月报): what a district deployment delivers to the city bureau.
 * Versioned: a correction after close is version + 1; the bureau keeps every version and counts
 * the newest.
 */
export class DistrictMonthReport {
  @Matches(/^\d{6}$/) districtCode!: string;
  @Matches(REPORT_MONTH) month!: string;
  @IsInt() @Min(1) version!: number;
  @IsString() closedAt!: string;
  @IsString() closedBy!: string;
  @IsArray() @ArrayMaxSize(200_000) @ValidateNested({ each: true }) @Type(() => ReportFigureRow) rows!: ReportFigureRow[];
}
