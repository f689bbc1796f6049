/**
 * Plain calendar-date arithmetic on 'YYYY-MM-DD' strings.
 *
 * Dates are converted to a day number (days since 1970-01-01 in the proleptic Gregorian
 * calendar) with integer arithmetic only, so no Date object, local timezone or DST is involved.
 */
import { CalendarError } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Smallest and largest supported dates. */
export const MIN_DATE = '0001-01-01';
export const MAX_DATE = '9999-12-31';

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when `s` is a string of the form YYYY-MM-DD naming a real date (years 0001–9999). */
export function isValidIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil); no validation, for callers that hold numbers already. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil. */
export function civilFromDays(n: number): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export const MIN_DAY = daysFromCivil(1, 1, 1);
export const MAX_DAY = daysFromCivil(9999, 12, 31);

/** Parses a date argument, throwing CalendarError('INVALID_DATE') on anything but a real YYYY-MM-DD date. */
export function toDayNumber(s: unknown, argName = 'date'): number {
  if (!isValidIsoDate(s)) {
    const shown = typeof s === 'string' ? `"${s}"` : String(s);
    throw new CalendarError(
      'INVALID_DATE',
      `Invalid ${argName} ${shown}: expected a real calendar date in YYYY-MM-DD form`,
    );
  }
  return daysFromCivil(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
}

/** Formats a day number as YYYY-MM-DD; throws DATE_OUT_OF_RANGE beyond 9999-12-31. */
export function fromDayNumber(n: number): string {
  if (n < MIN_DAY || n > MAX_DAY) {
    throw new CalendarError('DATE_OUT_OF_RANGE', `Resulting date is outside ${MIN_DATE}..${MAX_DATE}`);
  }
  const { year, month, day } = civilFromDays(n);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Calendar year of a day number. */
export function yearOfDay(n: number): number {
  return civilFromDays(n).year;
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** Monday to Friday. */
export function isWeekdayNumber(n: number): boolean {
  const dow = dayOfWeek(n);
  return dow >= 1 && dow <= 5;
}

/** Number of Monday–Friday days in the half-open range (a, b]; 0 when b <= a. */
export function countWeekdays(a: number, b: number): number {
  if (b <= a) return 0;
  const total = b - a;
  const fullWeeks = Math.floor(total / 7);
  let count = fullWeeks * 5;
  for (let d = a + fullWeeks * 7 + 1; d <= b; d++) {
    if (isWeekdayNumber(d)) count++;
  }
  return count;
}

/** Day of week (0 = Sunday … 6 = Saturday) of a YYYY-MM-DD date. */
export function isoDayOfWeek(date: string): number {
  return dayOfWeek(toDayNumber(date));
}

/** Adds (or with a negative value subtracts) calendar days to a YYYY-MM-DD date, no holiday rules. */
export function plusDays(date: string, days: number): string {
  if (!Number.isInteger(days)) {
    throw new CalendarError('INVALID_DAYS', `days must be an integer, got ${String(days)}`);
  }
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * The same day `months` later (negative: earlier); a day the target month lacks (29 February, the
 * 31st) falls back to that month's last day. Validity periods counted in months or years (ID
 * cards, passports, endorsements) are built on it.
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new CalendarError('INVALID_DAYS', `months must be an integer, got ${String(months)}`);
  toDayNumber(date);
  const total = Number(date.slice(0, 4)) * 12 + (Number(date.slice(5, 7)) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  if (year < 1 || year > 9999) throw new CalendarError('DATE_OUT_OF_RANGE', `Resulting date is outside ${MIN_DATE}..${MAX_DATE}`);
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
