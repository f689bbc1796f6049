import { REPORT_MONTH } from '@onewindow/contracts';

/** Month arithmetic of the monthly figures (月报). Months are `YYYY-MM`; the bureau's clock is China time (UTC+8). */

export function isReportMonth(value: string): boolean {
  return REPORT_MONTH.test(value);
}

/** `month` moved by `n` months (negative = back), e.g. addMonths('2026-01', -1) = '2025-12'. */
export function addMonths(month: string, n: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}`;
}

/** The `count` months ending with `last`, oldest first. */
export function monthsEndingWith(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

/** The month of a date `YYYY-MM-DD`. */
export function monthOfDate(date: string): string {
  return date.slice(0, 7);
}

/** The business date (China, UTC+8) of an ISO instant, `YYYY-MM-DD`. */
export function chinaDateOf(instant: string): string {
  const t = Date.parse(instant);
  if (Number.isNaN(t)) throw new Error(`not an instant: ${instant}`);
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The business month (China) of an ISO instant. */
export function chinaMonthOf(instant: string): string {
  return chinaDateOf(instant).slice(0, 7);
}

/** The calendar day after a date `YYYY-MM-DD`. */
export function dayAfter(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  return new Date(t + 86_400_000).toISOString().slice(0, 10);
}
