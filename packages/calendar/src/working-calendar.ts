/**
 * Working days (工作日) on the Chinese statutory calendar (放假调休):
 * Monday–Friday, minus the rest days of the State Council notice, plus its adjusted working
 * weekend days (调休上班).
 *
 * Data: chinese-days for the years it covers, replaced year by year by deployment overrides.
 * A year with neither is "provisional": Monday–Friday count as working days, and every result
 * that depended on such a year carries `provisional: true` so callers can flag it and recompute
 * once the notice is published.
 */
import { loadChineseDaysYears } from './data/chinese-days-data.js';
import { CalendarError } from './errors.js';
import {
  countWeekdays,
  dayOfWeek,
  fromDayNumber,
  isWeekdayNumber,
  MAX_DAY,
  toDayNumber,
  yearOfDay,
} from './iso-date.js';
import {
  loadOverridesFile,
  overridesToYearData,
  parseOverridesJson,
  validateOverrides,
  type CalendarOverrides,
} from './overrides.js';
import type { YearData, YearSource } from './year-data.js';

/** Largest accepted day count for a time limit (about ten years). */
export const MAX_DAYS = 3650;

/** Environment variable naming an overrides JSON file, read by WorkingCalendar.fromEnv. */
export const CALENDAR_OVERRIDES_ENV = 'CALENDAR_OVERRIDES_FILE';

/** Result of a deadline computation. */
export interface DeadlineResult {
  /** The deadline, YYYY-MM-DD. */
  date: string;
  /** True when a year without published data (no library data, no override) influenced the result. */
  provisional: boolean;
}

export type DayKind = 'WORKDAY' | 'WEEKEND' | 'HOLIDAY' | 'ADJUSTED_WORKDAY';

/** Everything known about one date. */
export interface DayInfo {
  date: string;
  /** 0 = Sunday … 6 = Saturday. */
  dayOfWeek: number;
  working: boolean;
  /** WORKDAY: ordinary Mon–Fri; WEEKEND: ordinary Sat/Sun; HOLIDAY: rest day of the notice; ADJUSTED_WORKDAY: 调休上班. */
  kind: DayKind;
  /** Festival name for HOLIDAY / ADJUSTED_WORKDAY days when known (e.g. "春节"). */
  name?: string;
  /** True when the year has no data: the answer assumes plain Monday–Friday. */
  provisional: boolean;
  /** Where the year's data comes from (absent for provisional years). */
  source?: YearSource;
}

/** Per year: the dates whose working status differs from the plain Mon–Fri rule, sorted. */
interface Exception {
  day: number;
  /** +1: weekend day that is worked; -1: weekday that is a rest day. */
  delta: 1 | -1;
}

function checkDays(days: unknown): number {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0) {
    throw new CalendarError('INVALID_DAYS', `days must be a non-negative integer, got ${String(days)}`);
  }
  if (days > MAX_DAYS) {
    throw new CalendarError('DAYS_OUT_OF_RANGE', `days must be at most ${MAX_DAYS}, got ${days}`);
  }
  return days;
}

let defaultCalendar: WorkingCalendar | undefined;

export class WorkingCalendar {
  private readonly years: ReadonlyMap<number, YearData>;
  private readonly exceptions = new Map<number, readonly Exception[]>();

  private constructor(years: ReadonlyMap<number, YearData>) {
    this.years = years;
    for (const [year, data] of years) {
      const list: Exception[] = [];
      const dates = new Set([...data.holidays.keys(), ...data.workdays.keys()]);
      for (const date of dates) {
        const day = toDayNumber(date);
        const working = this.workingFromData(data, date, day);
        const weekday = isWeekdayNumber(day);
        if (working && !weekday) list.push({ day, delta: 1 });
        else if (!working && weekday) list.push({ day, delta: -1 });
      }
      list.sort((a, b) => a.day - b.day);
      this.exceptions.set(year, list);
    }
  }

  /** The calendar built from chinese-days only (shared instance). */
  static default(): WorkingCalendar {
    defaultCalendar ??= new WorkingCalendar(loadChineseDaysYears());
    return defaultCalendar;
  }

  /**
   * chinese-days plus deployment overrides (an object of shape { years: { "2027": {...} } }).
   * Each override year replaces the library's data for that year completely.
   */
  static withOverrides(overrides: CalendarOverrides | unknown): WorkingCalendar {
    const valid = validateOverrides(overrides);
    const merged = new Map(loadChineseDaysYears());
    for (const [year, data] of overridesToYearData(valid)) merged.set(year, data);
    return new WorkingCalendar(new Map([...merged].sort((a, b) => a[0] - b[0])));
  }

  /** Like withOverrides, but also accepts the JSON text. */
  static fromOverrides(json: string | CalendarOverrides | unknown): WorkingCalendar {
    return WorkingCalendar.withOverrides(typeof json === 'string' ? parseOverridesJson(json) : json);
  }

  /** Overrides from the JSON file named by CALENDAR_OVERRIDES_FILE when set, else the default calendar. */
  static fromEnv(env: Readonly<Record<string, string | undefined>> = process.env): WorkingCalendar {
    const file = env[CALENDAR_OVERRIDES_ENV]?.trim();
    return file ? WorkingCalendar.withOverrides(loadOverridesFile(file)) : WorkingCalendar.default();
  }

  // ---- per-day queries -------------------------------------------------------------------

  /** True on Mon–Fri that are not rest days of the notice, and on adjusted working weekend days. */
  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  /** True on a rest day of the notice (法定节假日 including weekend days inside the block); ordinary weekends are not holidays. */
  isHoliday(date: string): boolean {
    toDayNumber(date);
    return this.years.get(Number(date.slice(0, 4)))?.holidays.has(date) ?? false;
  }

  /** True on an adjusted working weekend day (调休上班). */
  isAdjustedWorkday(date: string): boolean {
    toDayNumber(date);
    return this.years.get(Number(date.slice(0, 4)))?.workdays.has(date) ?? false;
  }

  /** Festival name of a holiday (e.g. "国庆节"), undefined for any other day or when unknown. */
  holidayName(date: string): string | undefined {
    toDayNumber(date);
    return this.years.get(Number(date.slice(0, 4)))?.holidays.get(date);
  }

  /** Full description of a date. */
  dayInfo(date: string): DayInfo {
    const day = toDayNumber(date);
    const data = this.years.get(Number(date.slice(0, 4)));
    const dow = dayOfWeek(day);
    const info: DayInfo = {
      date,
      dayOfWeek: dow,
      working: this.isWorkingDayNumber(day),
      kind: isWeekdayNumber(day) ? 'WORKDAY' : 'WEEKEND',
      provisional: data === undefined,
    };
    if (data) {
      info.source = { year: data.year, origin: data.origin, source: data.source };
      if (data.workdays.has(date)) {
        info.kind = 'ADJUSTED_WORKDAY';
        const name = data.workdays.get(date);
        if (name !== undefined) info.name = name;
      } else if (data.holidays.has(date)) {
        info.kind = 'HOLIDAY';
        const name = data.holidays.get(date);
        if (name !== undefined) info.name = name;
      }
    }
    return info;
  }

  /** True when the date's year has neither library data nor an override. */
  isProvisional(date: string): boolean {
    toDayNumber(date);
    return !this.years.has(Number(date.slice(0, 4)));
  }

  /** Years with data (library or override), ascending. */
  coveredYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** Where a year's data comes from, undefined for a provisional year. */
  yearSource(year: number): YearSource | undefined {
    const data = this.years.get(year);
    return data ? { year: data.year, origin: data.origin, source: data.source } : undefined;
  }

  // ---- arithmetic ------------------------------------------------------------------------

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string {
    return fromDayNumber(this.nextWorkingDayNumber(toDayNumber(date)));
  }

  /**
   * The `days`-th working day after `from` (the day of `from` is not counted).
   * With days = 0: `from` itself if it is a working day, else the next working day.
   */
  addWorkingDays(from: string, days: number): DeadlineResult {
    const start = toDayNumber(from, 'from');
    const n = checkDays(days);
    let d = start;
    if (n === 0) {
      while (!this.isWorkingDayNumber(d)) d = this.step(d);
      return { date: fromDayNumber(d), provisional: this.anyProvisional(start, d) };
    }
    let counted = 0;
    while (counted < n) {
      d = this.step(d);
      if (this.isWorkingDayNumber(d)) counted++;
    }
    return { date: fromDayNumber(d), provisional: this.anyProvisional(start + 1, d) };
  }

  /**
   * Number of working days in the half-open range (from, to]. Negative when to < from
   * (minus the working days in (to, from]), 0 when equal.
   * For n >= 1: workingDaysBetween(from, addWorkingDays(from, n).date) === n.
   */
  workingDaysBetween(from: string, to: string): number {
    const a = toDayNumber(from, 'from');
    const b = toDayNumber(to, 'to');
    if (b < a) return -this.countWorking(b, a);
    return this.countWorking(a, b);
  }

  /**
   * A period of `days` calendar days: the start day is not counted; when the last day is not a
   * working day (weekend or holiday) the period ends on the next working day
   * (民法典 Art. 201 and 203; 行政许可法 Art. 82 for the start day).
   */
  addCalendarDays(from: string, days: number): DeadlineResult {
    const start = toDayNumber(from, 'from');
    const n = checkDays(days);
    const rawEnd = start + n;
    if (rawEnd > MAX_DAY) fromDayNumber(rawEnd); // throws DATE_OUT_OF_RANGE
    let d = rawEnd;
    while (!this.isWorkingDayNumber(d)) d = this.step(d);
    return { date: fromDayNumber(d), provisional: this.anyProvisional(rawEnd, d) };
  }

  // ---- internals -------------------------------------------------------------------------

  private workingFromData(data: YearData, date: string, day: number): boolean {
    if (data.workdays.has(date)) return true;
    if (data.holidays.has(date)) return false;
    return isWeekdayNumber(day);
  }

  private isWorkingDayNumber(day: number): boolean {
    const year = yearOfDay(day);
    const data = this.years.get(year);
    if (!data) return isWeekdayNumber(day);
    return this.workingFromData(data, fromDayNumber(day), day);
  }

  private nextWorkingDayNumber(day: number): number {
    let d = this.step(day);
    while (!this.isWorkingDayNumber(d)) d = this.step(d);
    return d;
  }

  private step(day: number): number {
    if (day >= MAX_DAY) fromDayNumber(day + 1); // throws DATE_OUT_OF_RANGE
    return day + 1;
  }

  /** True when any year touched by the day range [a, b] has no data. */
  private anyProvisional(a: number, b: number): boolean {
    if (b < a) return false;
    const last = yearOfDay(b);
    for (let y = yearOfDay(a); y <= last; y++) {
      if (!this.years.has(y)) return true;
    }
    return false;
  }

  /** Working days in (a, b], a <= b: Mon–Fri count corrected by each year's exceptions. */
  private countWorking(a: number, b: number): number {
    let count = countWeekdays(a, b);
    if (b <= a) return 0;
    const lastYear = yearOfDay(b);
    for (let y = yearOfDay(a + 1); y <= lastYear; y++) {
      const list = this.exceptions.get(y);
      if (!list) continue;
      for (const e of list) {
        if (e.day > a && e.day <= b) count += e.delta;
      }
    }
    return count;
  }
}
