import { formatChineseDate, formatChineseDateTime, parseIsoDate } from './dates.js';

describe('dates (Beijing time, independent of the server time zone)', () => {
  it('reads an explicit offset', () => {
    const p = parseIsoDate('2025-03-05T09:30:00+08:00');
    expect(p.instant.toISOString()).toBe('2025-03-05T01:30:00.000Z');
    expect([p.year, p.month, p.day, p.hour, p.minute]).toEqual([2025, 3, 5, 9, 30]);
  });

  it('converts UTC to Beijing wall-clock time (crossing midnight)', () => {
    const p = parseIsoDate('2025-03-04T20:15:00Z');
    expect(formatChineseDateTime(p)).toBe('2025年3月5日4时15分');
    expect(formatChineseDate('2025-12-31T16:00:00.000Z')).toBe('2026年1月1日');
  });

  it('reads a value without offset, and a bare date, as Beijing time', () => {
    expect(parseIsoDate('2025-03-05T09:30').instant.toISOString()).toBe('2025-03-05T01:30:00.000Z');
    expect(parseIsoDate('2025-03-05').instant.toISOString()).toBe('2025-03-04T16:00:00.000Z');
    expect(formatChineseDate('2025-03-05')).toBe('2025年3月5日');
    expect(formatChineseDateTime('2025-03-05')).toBe('2025年3月5日');
  });

  it('accepts compact offsets and fractions', () => {
    expect(parseIsoDate('2025-03-05T09:30:00.250-0500').instant.toISOString()).toBe('2025-03-05T14:30:00.250Z');
  });

  it('rejects malformed and impossible dates', () => {
    expect(() => parseIsoDate('2025-02-29')).toThrow(RangeError);
    expect(() => parseIsoDate('2025-13-01')).toThrow(RangeError);
    expect(() => parseIsoDate('05/03/2025', 'issuedAt')).toThrow(/issuedAt/);
    expect(parseIsoDate('2024-02-29').day).toBe(29);
  });
});
