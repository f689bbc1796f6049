import { ageOn } from './index.js';

describe('ageOn', () => {
  it('counts full years, complete on the birthday', () => {
    expect(ageOn('1949-12-31', '2025-12-30')).toBe(75);
    expect(ageOn('1949-12-31', '2025-12-31')).toBe(76);
    expect(ageOn('2007-06-01', '2025-05-31')).toBe(17);
    expect(ageOn('2007-06-01', '2025-06-01')).toBe(18);
  });

  it('is 0 on the day of birth', () => {
    expect(ageOn('2025-01-01', '2025-01-01')).toBe(0);
  });

  it('completes a 29 February birthday on 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageOn('2000-02-29', '2004-02-28')).toBe(3);
    expect(ageOn('2000-02-29', '2004-02-29')).toBe(4);
  });

  it('refuses malformed dates and a date before birth', () => {
    expect(() => ageOn('1990-02-30', '2025-01-01')).toThrow(RangeError);
    expect(() => ageOn('1990-01-01', '20250101')).toThrow(RangeError);
    expect(() => ageOn('2025-01-02', '2025-01-01')).toThrow(RangeError);
  });
});
