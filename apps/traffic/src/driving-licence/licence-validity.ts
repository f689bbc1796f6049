import type { LicenceStatus } from './driving-licence.entity.js';

/**
 * Validity rules of the driving licence (《机动车驾驶证申领和使用规定》, 公安部令第162号; article
 * numbers not checked against the official text — [unverified]):
 * - renewal on expiry (期满换证) may be applied for within 90 days before the licence expires;
 * - the first licence runs 6 years; a holder who never reached 12 points in a scoring cycle of
 *   that term gets a 10-year licence, then a long-term one. The points history is not kept here:
 *   this service only knows the current cycle's points, so reaching 12 now repeats the term.
 * - the renewed licence's validity continues from the old expiry date [unverified].
 */
export const RENEWAL_WINDOW_DAYS = 90;
export const FIRST_TERM_YEARS = 6;
export const SECOND_TERM_YEARS = 10;
export const POINTS_LIMIT = 12;

const DAY_MS = 86_400_000;

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
function format(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return format(new Date(parse(date).getTime() + days * DAY_MS));
}

/** Same day N years later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return format(target);
}

/** Whole years from `from` to `to` (birthday-style). */
export function fullYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** First day a licence expiring on `validUntil` may be renewed. */
export function renewableFrom(validUntil: string): string {
  return addDays(validUntil, -RENEWAL_WINDOW_DAYS);
}

export type RenewalWindow =
  | { allowed: true; renewableFrom: string; overdue: boolean }
  | { allowed: false; reason: 'TOO_EARLY'; renewableFrom: string }
  | { allowed: false; reason: 'LONG_TERM' };

/** Whether a licence valid until `validUntil` (null = long-term) may be renewed on `today`. */
export function renewalWindow(validUntil: string | null, today: string): RenewalWindow {
  if (validUntil === null) return { allowed: false, reason: 'LONG_TERM' };
  const from = renewableFrom(validUntil);
  if (today < from) return { allowed: false, reason: 'TOO_EARLY', renewableFrom: from };
  return { allowed: true, renewableFrom: from, overdue: today > validUntil };
}

/** Expiry of the licence issued on renewal: null = long-term. */
export function renewedValidUntil(licence: { firstIssuedOn: string; validUntil: string; points: number }): string | null {
  const termYears = fullYears(licence.firstIssuedOn, licence.validUntil) <= FIRST_TERM_YEARS ? FIRST_TERM_YEARS : SECOND_TERM_YEARS;
  if (licence.points >= POINTS_LIMIT) return addYears(licence.validUntil, termYears);
  return termYears === FIRST_TERM_YEARS ? addYears(licence.validUntil, SECOND_TERM_YEARS) : null;
}

/** What a stored status means today: a VALID licence past its expiry date reads as EXPIRED. */
export function effectiveLicenceStatus(licence: { status: LicenceStatus; validUntil: string | null }, today: string): LicenceStatus {
  if (licence.status === 'VALID' && licence.validUntil !== null && licence.validUntil < today) return 'EXPIRED';
  return licence.status;
}
