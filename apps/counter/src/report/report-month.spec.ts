import { addMonths, chinaDateOf, chinaMonthOf, dayAfter, isReportMonth, monthsEndingWith } from './report-month.js';

describe('report month arithmetic', () => {
  it('accepts YYYY-MM only', () => {
    expect(isReportMonth('2026-09')).toBe(true);
    for (const bad of ['2026-9', '2026-13', '2026-00', '2026/09', '202609', ' 2026-09', '2026-09-01']) expect(isReportMonth(bad)).toBe(false);
  });

  it('moves months across years both ways', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-09', -12)).toBe('2025-09');
    expect(addMonths('2026-09', -21)).toBe('2024-12');
    expect(addMonths('2026-03', 0)).toBe('2026-03');
  });

  it('lists the 12 months ending with a month, oldest first', () => {
    const m = monthsEndingWith('2026-02', 12);
    expect(m).toHaveLength(12);
    expect(m[0]).toBe('2025-03');
    expect(m[11]).toBe('2026-02');
  });

  it('takes business dates in China time (UTC+8)', () => {
    expect(chinaDateOf('2026-09-30T15:59:59Z')).toBe('2026-09-30');
    expect(chinaDateOf('2026-09-30T16:00:00Z')).toBe('2026-10-01');
    expect(chinaMonthOf('2026-12-31T16:30:00Z')).toBe('2027-01');
    expect(chinaDateOf('2026-02-10T09:30:00+08:00')).toBe('2026-02-10');
    expect(() => chinaDateOf('yesterday')).toThrow();
  });

  it('steps a day across month and leap-year ends', () => {
    expect(dayAfter('2026-01-31')).toBe('2026-02-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
});
