import { CalendarError } from './errors.js';
import type { DeadlineResult, WorkingCalendar } from './working-calendar.js';

/** Unit of a time limit: 工作日 (行政许可法 Art. 82) or calendar days (laws that only say "日"). */
export type TimeLimitUnit = 'WORKING_DAYS' | 'CALENDAR_DAYS';

export const TIME_LIMIT_UNITS: readonly TimeLimitUnit[] = ['WORKING_DAYS', 'CALENDAR_DAYS'];

export interface TimeLimit {
  value: number;
  unit: TimeLimitUnit;
}

/**
 * Deadline of a time limit starting on `from` (the start day is not counted).
 * WORKING_DAYS → cal.addWorkingDays; CALENDAR_DAYS → cal.addCalendarDays (a period ending on a
 * non-working day ends on the next working day).
 */
export function addTimeLimit(cal: WorkingCalendar, from: string, limit: TimeLimit): DeadlineResult {
  if (typeof limit !== 'object' || limit === null) {
    throw new CalendarError('INVALID_UNIT', 'time limit must be an object { value, unit }');
  }
  switch (limit.unit) {
    case 'WORKING_DAYS':
      return cal.addWorkingDays(from, limit.value);
    case 'CALENDAR_DAYS':
      return cal.addCalendarDays(from, limit.value);
    default:
      throw new CalendarError(
        'INVALID_UNIT',
        `time limit unit must be WORKING_DAYS or CALENDAR_DAYS, got ${String((limit as { unit?: unknown }).unit)}`,
      );
  }
}
