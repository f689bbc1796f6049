import { addTimeLimit, CalendarError, MAX_DAYS, WorkingCalendar } from './index.js';
import { plusDays } from './iso-date.js';

const cal = WorkingCalendar.default();

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarError);
    return (e as CalendarError).code;
  }
  return undefined;
}

describe('addWorkingDays', () => {
  it('1 working day after 2025-09-30 is 2025-10-09 (国办发明电〔2024〕12号: 国庆+中秋 Oct 1–8)', () => {
    expect(cal.addWorkingDays('2025-09-30', 1)).toEqual({ date: '2025-10-09', provisional: false });
  });

  it('1 working day after Fri 2025-09-26 is Sun 2025-09-28 (国办发明电〔2024〕12号: work Sun Sep 28)', () => {
    expect(cal.addWorkingDays('2025-09-26', 1)).toEqual({ date: '2025-09-28', provisional: false });
  });

  it('across 国庆 2025 (国办发明电〔2024〕12号)', () => {
    expect(cal.addWorkingDays('2025-09-26', 2).date).toBe('2025-09-29');
    expect(cal.addWorkingDays('2025-09-30', 2).date).toBe('2025-10-10');
    // 9-30, 10-09, 10-10, 10-11 (Sat, adjusted), 10-13 (Sun 10-12 is rest)
    expect(cal.addWorkingDays('2025-09-29', 5).date).toBe('2025-10-13');
    // Huangdao home ID-card service: 5 working days from a booking on the first day of the holiday
    // 10-09, 10-10, 10-11 (Sat, adjusted), 10-13, 10-14
    expect(cal.addWorkingDays('2025-10-01', 5).date).toBe('2025-10-14');
  });

  it('across 春节 2026 (2026 notice: Feb 15–23 off, work Sat Feb 14 and Sat Feb 28)', () => {
    expect(cal.addWorkingDays('2026-02-13', 1).date).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-13', 2).date).toBe('2026-02-24');
    expect(cal.addWorkingDays('2026-02-12', 3).date).toBe('2026-02-24');
    // 行政许可法 Art. 42: 20 working days from acceptance on Tue 2026-02-10
    expect(cal.addWorkingDays('2026-02-10', 20)).toEqual({ date: '2026-03-16', provisional: false });
  });

  it('across 元旦 2026 (2026 notice: Jan 1–3 off, work Sun Jan 4)', () => {
    expect(cal.addWorkingDays('2025-12-31', 1).date).toBe('2026-01-04');
    expect(cal.addWorkingDays('2025-12-31', 2).date).toBe('2026-01-05');
  });

  it('0 days: the day itself when working, else the next working day', () => {
    expect(cal.addWorkingDays('2025-09-30', 0).date).toBe('2025-09-30');
    expect(cal.addWorkingDays('2025-10-01', 0).date).toBe('2025-10-09');
    expect(cal.addWorkingDays('2025-09-28', 0).date).toBe('2025-09-28');
  });

  it('equals nextWorkingDay for 1 day', () => {
    expect(cal.nextWorkingDay('2026-09-30')).toBe('2026-10-08');
    expect(cal.nextWorkingDay('2026-10-09')).toBe('2026-10-10');
  });
});

describe('addCalendarDays (start day not counted; ending on a rest day moves to the next working day)', () => {
  it('ending on a 国庆 2025 holiday moves to 2025-10-09 (国办发明电〔2024〕12号)', () => {
    expect(cal.addCalendarDays('2025-09-24', 7)).toEqual({ date: '2025-10-09', provisional: false });
    // 居民身份证法: 60 days from 2025-08-04 → Fri 2025-10-03 (holiday) → 2025-10-09
    expect(cal.addCalendarDays('2025-08-04', 60).date).toBe('2025-10-09');
  });

  it('ending on a 春节 2026 holiday moves to 2026-02-24 (2026 notice)', () => {
    expect(cal.addCalendarDays('2026-02-01', 15).date).toBe('2026-02-24');
  });

  it('ending on an adjusted working Saturday stays there (2026 notice: work Sat Feb 14)', () => {
    expect(cal.addCalendarDays('2026-01-30', 15).date).toBe('2026-02-14');
  });

  it('ending on an ordinary weekend moves to Monday', () => {
    expect(cal.addCalendarDays('2025-03-07', 15).date).toBe('2025-03-24'); // Sat 03-22 → Mon 03-24
    expect(cal.addCalendarDays('2025-03-07', 3).date).toBe('2025-03-10'); // Mon, no move
  });

  it('0 days: the start day itself, moved when not a working day', () => {
    expect(cal.addCalendarDays('2025-03-10', 0).date).toBe('2025-03-10');
    expect(cal.addCalendarDays('2025-03-08', 0).date).toBe('2025-03-10');
  });
});

describe('addTimeLimit', () => {
  it('dispatches on the unit', () => {
    expect(addTimeLimit(cal, '2025-09-30', { value: 1, unit: 'WORKING_DAYS' })).toEqual({
      date: '2025-10-09',
      provisional: false,
    });
    expect(addTimeLimit(cal, '2025-09-30', { value: 1, unit: 'CALENDAR_DAYS' }).date).toBe('2025-10-09');
    expect(addTimeLimit(cal, '2025-09-30', { value: 10, unit: 'CALENDAR_DAYS' }).date).toBe('2025-10-10');
  });

  it('rejects an unknown unit', () => {
    expect(codeOf(() => addTimeLimit(cal, '2025-09-30', { value: 1, unit: 'DAYS' as never }))).toBe('INVALID_UNIT');
  });
});

describe('workingDaysBetween', () => {
  it('counts working days in (from, to]', () => {
    expect(cal.workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
    expect(cal.workingDaysBetween('2025-09-30', '2025-10-08')).toBe(0);
    expect(cal.workingDaysBetween('2025-09-26', '2025-09-28')).toBe(1);
    expect(cal.workingDaysBetween('2025-09-30', '2025-09-30')).toBe(0);
    expect(cal.workingDaysBetween('2025-10-09', '2025-09-30')).toBe(-1);
  });

  it('agrees with a day-by-day count', () => {
    const rnd = mulberry32(7);
    for (let i = 0; i < 200; i++) {
      const from = randomDate(rnd);
      const to = plusDays(from, Math.floor(rnd() * 800));
      let naive = 0;
      for (let d = plusDays(from, 1); d <= to; d = plusDays(d, 1)) if (cal.isWorkingDay(d)) naive++;
      expect(cal.workingDaysBetween(from, to)).toBe(naive);
    }
  });

  it('is the inverse of addWorkingDays (seeded random dates 2003–2028)', () => {
    const rnd = mulberry32(20251104);
    for (let i = 0; i < 1000; i++) {
      const from = randomDate(rnd);
      const n = 1 + Math.floor(rnd() * 300);
      const { date } = cal.addWorkingDays(from, n);
      expect(cal.workingDaysBetween(from, date)).toBe(n);
      expect(cal.isWorkingDay(date)).toBe(true);
      // the earliest such day: one day less has one working day less
      expect(cal.workingDaysBetween(from, plusDays(date, -1))).toBe(n - 1);
    }
  });
});

describe('provisional years', () => {
  it('covers exactly 2004–2026 by default', () => {
    expect(cal.coveredYears()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(cal.yearSource(2026)).toEqual({ year: 2026, origin: 'chinese-days', source: 'chinese-days@1.5.7' });
    expect(cal.yearSource(2027)).toBeUndefined();
  });

  it('treats Mon–Fri of a year without data as working days and flags the result', () => {
    expect(cal.isProvisional('2027-01-01')).toBe(true);
    expect(cal.isProvisional('2026-12-31')).toBe(false);
    expect(cal.isWorkingDay('2027-01-01')).toBe(true); // Friday, 元旦 not yet published
    expect(cal.isWorkingDay('2027-01-02')).toBe(false); // Saturday
    expect(cal.dayInfo('2027-01-01')).toMatchObject({ provisional: true, kind: 'WORKDAY' });
    expect(cal.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-01', provisional: true });
    expect(cal.addWorkingDays('2026-12-28', 1)).toEqual({ date: '2026-12-29', provisional: false });
    expect(cal.addCalendarDays('2026-12-01', 30)).toEqual({ date: '2026-12-31', provisional: false });
    expect(cal.addCalendarDays('2026-12-20', 30)).toEqual({ date: '2027-01-19', provisional: true });
    expect(cal.addWorkingDays('2003-06-02', 1)).toEqual({ date: '2003-06-03', provisional: true });
  });
});

describe('input validation', () => {
  it.each(['2025-02-29', '2025-13-01', '2025-1-1', '2025/01/01', '', ' 2025-01-01', '0000-01-01'])(
    'rejects date %p',
    (bad) => {
      expect(codeOf(() => cal.isWorkingDay(bad))).toBe('INVALID_DATE');
      expect(codeOf(() => cal.addWorkingDays(bad, 1))).toBe('INVALID_DATE');
      expect(codeOf(() => cal.workingDaysBetween('2025-01-01', bad))).toBe('INVALID_DATE');
    },
  );

  it('rejects non-string dates', () => {
    expect(codeOf(() => cal.isWorkingDay(20250101 as unknown as string))).toBe('INVALID_DATE');
    expect(codeOf(() => cal.isHoliday(undefined as unknown as string))).toBe('INVALID_DATE');
  });

  it('accepts 29 February in leap years', () => {
    expect(cal.isWorkingDay('2024-02-29')).toBe(true);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3' as unknown as number])('rejects days %p', (bad) => {
    expect(codeOf(() => cal.addWorkingDays('2025-01-02', bad))).toBe('INVALID_DAYS');
    expect(codeOf(() => cal.addCalendarDays('2025-01-02', bad))).toBe('INVALID_DAYS');
  });

  it(`rejects days > ${MAX_DAYS}, accepts ${MAX_DAYS}`, () => {
    expect(codeOf(() => cal.addWorkingDays('2025-01-02', MAX_DAYS + 1))).toBe('DAYS_OUT_OF_RANGE');
    expect(codeOf(() => cal.addCalendarDays('2025-01-02', 100000))).toBe('DAYS_OUT_OF_RANGE');
    expect(cal.addWorkingDays('2025-01-02', MAX_DAYS).provisional).toBe(true);
  });

  it('reports a result beyond 9999-12-31', () => {
    expect(codeOf(() => cal.addCalendarDays('9999-12-30', 5))).toBe('DATE_OUT_OF_RANGE');
  });

  it('carries a readable message', () => {
    expect(() => cal.addWorkingDays('2025-02-30', 1)).toThrow(/Invalid from "2025-02-30"/);
    expect(() => cal.addWorkingDays('2025-02-03', -2)).toThrow(/non-negative integer/);
  });
});

/** Small deterministic PRNG so the property tests are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomDate(rnd: () => number): string {
  // 2003-01-01 .. about 2028-12-31: includes years before and after the library data
  return plusDays('2003-01-01', Math.floor(rnd() * 26 * 365));
}
