import { formatNoticeNumber, parseNoticeNumber } from './notice-number.js';

describe('one-time notice numbers', () => {
  it('reads as prefix, unit, day and a four-digit daily sequence', () => {
    expect(formatNoticeNumber('510107001', '2026-02-10', 1)).toBe('YCTZ-510107001-20260210-0001');
    expect(formatNoticeNumber('510107', '2026-12-31', 123)).toBe('YCTZ-510107-20261231-0123');
  });

  it('grows beyond four digits instead of wrapping', () => {
    expect(formatNoticeNumber('510107001', '2026-02-10', 12345)).toBe('YCTZ-510107001-20260210-12345');
  });

  it('round-trips through parse, case-insensitively', () => {
    expect(parseNoticeNumber('yctz-510107001-20260210-0042')).toEqual({ unitCode: '510107001', day: '2026-02-10', seq: 42 });
    expect(parseNoticeNumber(formatNoticeNumber('5101', '2025-01-01', 7))).toEqual({ unitCode: '5101', day: '2025-01-01', seq: 7 });
  });

  it('rejects what it cannot number', () => {
    expect(() => formatNoticeNumber('51-01', '2026-02-10', 1)).toThrow(RangeError);
    expect(() => formatNoticeNumber('510107001', '20260210', 1)).toThrow(RangeError);
    expect(() => formatNoticeNumber('510107001', '2026-02-10', 0)).toThrow(RangeError);
    expect(parseNoticeNumber('HH-2026-000001')).toBeUndefined();
  });
});
