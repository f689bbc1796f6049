import { daysInMonth } from '@onewindow/calendar';
import type { EvaluationLevel } from '@onewindow/contracts';

/*
 * Pure rules of the monthly evaluation figures: the satisfaction rate, the officers' flags of seed
 * 004 and the star ratings (星级窗口 / 星级民警). Thresholds come from the service config.
 */

export type LevelCounts = Record<EvaluationLevel, number>;

export const emptyCounts = (): LevelCounts => ({ VERY_SATISFIED: 0, SATISFIED: 0, BASIC: 0, DISSATISFIED: 0, VERY_DISSATISFIED: 0 });

export function totalOf(c: LevelCounts): number {
  return c.VERY_SATISFIED + c.SATISFIED + c.BASIC + c.DISSATISFIED + c.VERY_DISSATISFIED;
}

/**
 * 满意率 as the national 好差评 system reports it: (非常满意 + 满意) / all non-voided evaluations,
 * in percent, unrounded (flags and stars compare the exact value; screens round to one decimal);
 * null when there is none (no rate is not a bad rate).
 */
export function satisfactionRate(c: LevelCounts): number | null {
  const total = totalOf(c);
  if (total === 0) return null;
  return ((c.VERY_SATISFIED + c.SATISFIED) * 100) / total;
}

/** One decimal for display (89.95 → 90.0 on screen, still flagged below 90). */
export function roundedRate(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 10) / 10;
}

export const OFFICER_FLAGS = ['NO_AWARDS', 'BUREAU_NOTICE'] as const;
export type OfficerFlag = (typeof OFFICER_FLAGS)[number];

export const OFFICER_FLAG_LABELS: Record<OfficerFlag, string> = { NO_AWARDS: '取消年度评优资格', BUREAU_NOTICE: '全局通报' };

export interface FlagThresholds {
  /** Below this rate (percent): 取消年度评优资格 (seed 004: 90). */
  noAwardsBelow: number;
  /** Below this rate (percent): 全局通报 as well (seed 004: 70). */
  bureauNoticeBelow: number;
}

/** Seed 004: < 90% → no awards this year; < 70% → named in the bureau notice too. No rate, no flag. */
export function officerFlags(rate: number | null, t: FlagThresholds): OfficerFlag[] {
  if (rate === null) return [];
  const flags: OfficerFlag[] = [];
  if (rate < t.noAwardsBelow) flags.push('NO_AWARDS');
  if (rate < t.bureauNoticeBelow) flags.push('BUREAU_NOTICE');
  return flags;
}

export interface StarRule {
  /** Minimum rate (percent) for 5, 4, 3, 2 and 1 stars, descending. */
  minRates: readonly number[];
  /** Fewer evaluations in the month than this: no stars (too few to judge). */
  minCount: number;
  /** Any 非常不满意 in the month caps the stars at this number. */
  capWithVeryDissatisfied: number;
}

/** Monthly stars (0–5): the highest level whose rate threshold is met, given enough evaluations. */
export function starsOf(c: LevelCounts, rule: StarRule): number {
  const rate = satisfactionRate(c);
  if (rate === null || totalOf(c) < rule.minCount) return 0;
  const index = rule.minRates.findIndex((min) => rate >= min);
  let stars = index < 0 ? 0 : rule.minRates.length - index;
  if (c.VERY_DISSATISFIED > 0) stars = Math.min(stars, rule.capWithVeryDissatisfied);
  return stars;
}

/** "99,97,95,92,90" → [99, 97, 95, 92, 90]; refuses anything that is not five descending percentages. */
export function parseStarThresholds(text: string): number[] {
  const values = text.split(',').map((v) => Number(v.trim()));
  if (values.length !== 5 || values.some((v) => !Number.isFinite(v) || v < 0 || v > 100) || values.some((v, i) => i > 0 && v > values[i - 1]!)) {
    throw new Error('EVALUATION_STAR_THRESHOLDS must be five descending percentages, e.g. 99,97,95,92,90');
  }
  return values;
}

/** `YYYY-MM` → its first and last day. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = daysInMonth(y, m);
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
