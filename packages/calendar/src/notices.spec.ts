/**
 * The bundled calendar checked against the State Council notices:
 * - 2025: 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）
 * - 2026: 国务院办公厅关于2026年部分节假日安排的通知（2025-11-04, published by Xinhua）
 */
import { WorkingCalendar } from './index.js';
import { loadChineseDaysYears } from './data/chinese-days-data.js';
import { isoDayOfWeek, plusDays } from './iso-date.js';

const cal = WorkingCalendar.default();

type Row = [date: string, working: boolean, kind: 'WORKDAY' | 'WEEKEND' | 'HOLIDAY' | 'ADJUSTED_WORKDAY', what: string];

describe('2025 — 国办发明电〔2024〕12号', () => {
  // Every row is taken from 国办发明电〔2024〕12号 (2025 arrangement).
  const rows: Row[] = [
    ['2025-01-01', false, 'HOLIDAY', '元旦 Jan 1 (Wed)'],
    ['2025-01-26', true, 'ADJUSTED_WORKDAY', '春节: work Sun Jan 26'],
    ['2025-01-28', false, 'HOLIDAY', '春节 Jan 28 (除夕, Tue)'],
    ['2025-02-04', false, 'HOLIDAY', '春节 last day Feb 4 (Tue)'],
    ['2025-02-05', true, 'WORKDAY', 'first working day after 春节'],
    ['2025-02-08', true, 'ADJUSTED_WORKDAY', '春节: work Sat Feb 8'],
    ['2025-04-04', false, 'HOLIDAY', '清明 Apr 4 (Fri)'],
    ['2025-04-06', false, 'HOLIDAY', '清明 Apr 6 (Sun) inside the block'],
    ['2025-04-27', true, 'ADJUSTED_WORKDAY', '劳动节: work Sun Apr 27'],
    ['2025-05-05', false, 'HOLIDAY', '劳动节 May 1–5, last day Mon May 5'],
    ['2025-05-31', false, 'HOLIDAY', '端午 May 31 (Sat)'],
    ['2025-06-02', false, 'HOLIDAY', '端午 Jun 2 (Mon)'],
    ['2025-09-28', true, 'ADJUSTED_WORKDAY', '国庆+中秋: work Sun Sep 28'],
    ['2025-10-01', false, 'HOLIDAY', '国庆 Oct 1'],
    ['2025-10-08', false, 'HOLIDAY', '国庆+中秋 last day Wed Oct 8'],
    ['2025-10-09', true, 'WORKDAY', 'first working day after 国庆'],
    ['2025-10-11', true, 'ADJUSTED_WORKDAY', '国庆+中秋: work Sat Oct 11'],
    ['2025-10-12', false, 'WEEKEND', 'ordinary Sunday after the adjusted Saturday'],
  ];
  it.each(rows)('%s working=%s (%s) — %s', (date, working, kind) => {
    expect(cal.isWorkingDay(date)).toBe(working);
    expect(cal.dayInfo(date).kind).toBe(kind);
    expect(cal.isHoliday(date)).toBe(kind === 'HOLIDAY');
    expect(cal.isAdjustedWorkday(date)).toBe(kind === 'ADJUSTED_WORKDAY');
    expect(cal.dayInfo(date).provisional).toBe(false);
  });

  it('names holidays (国办发明电〔2024〕12号)', () => {
    expect(cal.holidayName('2025-01-29')).toBe('春节');
    expect(cal.holidayName('2025-10-06')).toBe('中秋');
    expect(cal.holidayName('2025-10-02')).toBe('国庆节');
    expect(cal.holidayName('2025-10-09')).toBeUndefined();
  });
});

describe('2026 — notice of 2025-11-04', () => {
  // Every row is taken from 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
  const rows: Row[] = [
    ['2026-01-01', false, 'HOLIDAY', '元旦 Jan 1–3'],
    ['2026-01-02', false, 'HOLIDAY', '元旦 Fri Jan 2'],
    ['2026-01-04', true, 'ADJUSTED_WORKDAY', '元旦: work Sun Jan 4'],
    ['2026-02-14', true, 'ADJUSTED_WORKDAY', '春节: work Sat Feb 14'],
    ['2026-02-15', false, 'HOLIDAY', '春节 Feb 15 (Sun) – 23'],
    ['2026-02-23', false, 'HOLIDAY', '春节 last day Mon Feb 23'],
    ['2026-02-24', true, 'WORKDAY', 'first working day after 春节'],
    ['2026-02-28', true, 'ADJUSTED_WORKDAY', '春节: work Sat Feb 28'],
    ['2026-04-06', false, 'HOLIDAY', '清明 Apr 4–6, Mon Apr 6'],
    ['2026-05-05', false, 'HOLIDAY', '劳动节 May 1–5'],
    ['2026-05-09', true, 'ADJUSTED_WORKDAY', '劳动节: work Sat May 9'],
    ['2026-06-19', false, 'HOLIDAY', '端午 Fri Jun 19'],
    ['2026-09-20', true, 'ADJUSTED_WORKDAY', '国庆: work Sun Sep 20'],
    ['2026-09-25', false, 'HOLIDAY', '中秋 Fri Sep 25'],
    ['2026-10-07', false, 'HOLIDAY', '国庆 Oct 1–7, Wed Oct 7'],
    ['2026-10-08', true, 'WORKDAY', 'first working day after 国庆'],
    ['2026-10-10', true, 'ADJUSTED_WORKDAY', '国庆: work Sat Oct 10'],
    ['2026-10-11', false, 'WEEKEND', 'ordinary Sunday'],
  ];
  it.each(rows)('%s working=%s (%s) — %s', (date, working, kind) => {
    expect(cal.isWorkingDay(date)).toBe(working);
    expect(cal.dayInfo(date).kind).toBe(kind);
    expect(cal.isHoliday(date)).toBe(kind === 'HOLIDAY');
    expect(cal.isAdjustedWorkday(date)).toBe(kind === 'ADJUSTED_WORKDAY');
  });
});

/** Expands "YYYY-MM-DD..YYYY-MM-DD" ranges. */
function expand(ranges: string[]): string[] {
  const out: string[] = [];
  for (const r of ranges) {
    const [a, b = a] = r.split('..') as [string, string?];
    for (let d = a; d <= b; d = plusDays(d, 1)) out.push(d);
  }
  return out;
}

describe('every day of 2025 and 2026 matches the notices', () => {
  const notices: Record<number, { holidays: string[]; workdays: string[] }> = {
    // 国办发明电〔2024〕12号
    2025: {
      holidays: expand([
        '2025-01-01',
        '2025-01-28..2025-02-04',
        '2025-04-04..2025-04-06',
        '2025-05-01..2025-05-05',
        '2025-05-31..2025-06-02',
        '2025-10-01..2025-10-08',
      ]),
      workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    },
    // 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)
    2026: {
      holidays: expand([
        '2026-01-01..2026-01-03',
        '2026-02-15..2026-02-23',
        '2026-04-04..2026-04-06',
        '2026-05-01..2026-05-05',
        '2026-06-19..2026-06-21',
        '2026-09-25..2026-09-27',
        '2026-10-01..2026-10-07',
      ]),
      workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
    },
  };

  it.each([2025, 2026])('%i: no disagreement between chinese-days and the notice', (year) => {
    const notice = notices[year]!;
    const holidays = new Set(notice.holidays);
    const workdays = new Set(notice.workdays);
    const disagreements: string[] = [];
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = plusDays(d, 1)) {
      const dow = isoDayOfWeek(d);
      const expected = workdays.has(d) || (dow >= 1 && dow <= 5 && !holidays.has(d));
      if (cal.isWorkingDay(d) !== expected) disagreements.push(d);
      if (cal.isHoliday(d) !== holidays.has(d)) disagreements.push(`${d} (holiday flag)`);
      if (cal.isAdjustedWorkday(d) !== workdays.has(d)) disagreements.push(`${d} (adjusted flag)`);
    }
    expect(disagreements).toEqual([]);
  });

  it('each year has 248 working days (counted by hand from the notices)', () => {
    // 2025: 261 Mon–Fri − 18 weekday rest days + 5 adjusted Sat/Sun = 248 (Jan 1 is a holiday).
    expect(cal.workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
    // 2026: 261 Mon–Fri − 19 weekday rest days + 6 adjusted Sat/Sun = 248.
    expect(cal.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });
});

describe('chinese-days data sanity', () => {
  it('covers 2004–2026, every adjusted workday is a weekend day, no date is both', () => {
    const years = loadChineseDaysYears();
    expect([...years.keys()]).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    for (const data of years.values()) {
      for (const d of data.workdays.keys()) {
        expect([0, 6]).toContain(isoDayOfWeek(d));
        expect(data.holidays.has(d)).toBe(false);
      }
    }
  });
});
