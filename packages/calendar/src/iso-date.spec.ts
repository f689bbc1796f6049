import { CalendarError } from './errors.js';
import { addMonths, civilFromDays, daysFromCivil, fromDayNumber, toDayNumber } from './iso-date.js';

describe('addMonths', () => {
  it.each([
    ['2025-11-26', 3, '2026-02-26'],
    ['2025-01-31', 1, '2025-02-28'], // no 31 February: the month's last day
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 120, '2034-02-28'],
    ['2024-02-29', 240, '2044-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('refuses what is not a real YYYY-MM-DD date or a whole number of months', () => {
    expect(() => addMonths('2025/01/31', 1)).toThrow(CalendarError);
    expect(() => addMonths('2025-02-30', 1)).toThrow(CalendarError);
    expect(() => addMonths('2025-01-31', 1.5)).toThrow(CalendarError);
    expect(() => addMonths('9999-12-01', 1)).toThrow(CalendarError);
  });
});

describe('day numbers', () => {
  it('1970-01-01 is day 0 and the conversion round-trips', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(civilFromDays(daysFromCivil(2024, 2, 29))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(fromDayNumber(toDayNumber('1949-10-01'))).toBe('1949-10-01');
  });
});
