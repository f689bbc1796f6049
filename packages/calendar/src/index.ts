export { CalendarError, type CalendarErrorCode } from './errors.js';
export {
  addMonths, civilFromDays, daysFromCivil, daysInMonth, isLeapYear, isValidIsoDate, isoDayOfWeek, plusDays, MIN_DATE, MAX_DATE,
} from './iso-date.js';
export {
  loadOverridesFile,
  parseOverridesJson,
  validateOverrides,
  type CalendarOverrides,
  type OverrideYear,
} from './overrides.js';
export { addTimeLimit, TIME_LIMIT_UNITS, type TimeLimit, type TimeLimitUnit } from './time-limit.js';
export type { YearOrigin, YearSource } from './year-data.js';
export {
  CALENDAR_OVERRIDES_ENV,
  MAX_DAYS,
  WorkingCalendar,
  type DayInfo,
  type DayKind,
  type DeadlineResult,
} from './working-calendar.js';
