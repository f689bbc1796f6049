// Dates as day numbers (days since 1970-01-01) for cheap arithmetic; the conversion (Howard
// Hinnant's civil-date algorithms, no Date object per person) is @onewindow/calendar's.
import { civilFromDays, daysFromCivil, isLeapYear, isValidIsoDate } from '@onewindow/calendar';

export const DAYS_PER_YEAR = 365.2425;

/** Whole days in `years` average Gregorian years. */
export function yearsToDays(years: number): number {
  return Math.floor(years * DAYS_PER_YEAR);
}

/** Days since 1970-01-01 of a civil date (the calendar package's conversion, one implementation). */
export const dayFromCivil = daysFromCivil;

export interface CivilDate {
  year: number;
  /** 'YYYYMMDD', as in an ID number. */
  compact: string;
  /** 'YYYY-MM-DD'. */
  iso: string;
}

export function civilFromDay(dayNumber: number): CivilDate {
  const { year, month, day } = civilFromDays(dayNumber);
  const yyyy = String(year).padStart(4, '0');
  const mm = month < 10 ? `0${month}` : String(month);
  const dd = day < 10 ? `0${day}` : String(day);
  return { year, compact: yyyy + mm + dd, iso: `${yyyy}-${mm}-${dd}` };
}

/**
 * The same calendar day `years` later (negative: earlier), so that full-year ages come out exact;
 * 29 February becomes 28 February in a common year.
 */
export function addYears(dayNumber: number, years: number): number {
  const { year, month, day } = civilFromDays(dayNumber);
  const target = year + years;
  return daysFromCivil(target, month, month === 2 && day === 29 && !isLeapYear(target) ? 28 : day);
}

/** Parses 'YYYY-MM-DD' into a day number; undefined when not a real date. */
export function parseIsoDay(value: string): number | undefined {
  return isValidIsoDate(value) ? daysFromCivil(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10))) : undefined;
}
