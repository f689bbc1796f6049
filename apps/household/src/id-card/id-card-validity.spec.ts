import { idCardTermForAge, idCardValidity, idCardValidUntil, temporaryIdCardValidUntil } from './id-card-validity.js';

describe('ID card validity by age (居民身份证法 第五条)', () => {
  it.each([
    [0, 'FIVE_YEARS'], [1, 'FIVE_YEARS'], [10, 'FIVE_YEARS'], [15, 'FIVE_YEARS'],
    [16, 'TEN_YEARS'], [17, 'TEN_YEARS'], [25, 'TEN_YEARS'],
    [26, 'TWENTY_YEARS'], [45, 'TWENTY_YEARS'],
    [46, 'LONG_TERM'], [47, 'LONG_TERM'], [80, 'LONG_TERM'], [120, 'LONG_TERM'],
  ])('age %i → %s', (age, term) => {
    expect(idCardTermForAge(age)).toBe(term);
  });

  it('refuses impossible ages', () => {
    expect(() => idCardTermForAge(-1)).toThrow(RangeError);
    expect(() => idCardTermForAge(15.5)).toThrow(RangeError);
  });

  // Each threshold: the day before the birthday still counts the lower age (周岁 complete on the birthday).
  it.each([
    ['2009-06-15', '2025-06-14', 15, 'FIVE_YEARS', '5年'],
    ['2009-06-15', '2025-06-15', 16, 'TEN_YEARS', '10年'],
    ['1999-06-15', '2025-06-14', 25, 'TEN_YEARS', '10年'],
    ['1999-06-15', '2025-06-15', 26, 'TWENTY_YEARS', '20年'],
    ['1979-06-15', '2025-06-14', 45, 'TWENTY_YEARS', '20年'],
    ['1979-06-15', '2025-06-15', 46, 'LONG_TERM', '长期'],
    ['2025-06-15', '2025-06-15', 0, 'FIVE_YEARS', '5年'],
  ])('born %s, applying %s → age %i, %s', (birth, on, age, term, label) => {
    expect(idCardValidity(birth, on)).toEqual({ age, term, label, years: term === 'LONG_TERM' ? null : Number.parseInt(label, 10) });
  });

  it('a 29 February birthday completes the year on 1 March in common years', () => {
    expect(idCardValidity('2008-02-29', '2024-02-28').term).toBe('FIVE_YEARS');
    expect(idCardValidity('2008-02-29', '2024-02-29').term).toBe('TEN_YEARS');
    expect(idCardValidity('2009-02-28', '2025-02-28').term).toBe('TEN_YEARS');
    expect(idCardValidity('1980-02-29', '2026-02-28').term).toBe('TWENTY_YEARS');
    expect(idCardValidity('1980-02-29', '2026-03-01').term).toBe('LONG_TERM');
  });

  it('end dates keep the month and day of the issue date; long-term cards have none', () => {
    expect(idCardValidUntil('FIVE_YEARS', '2025-03-15')).toBe('2030-03-15');
    expect(idCardValidUntil('TEN_YEARS', '2025-03-15')).toBe('2035-03-15');
    expect(idCardValidUntil('TWENTY_YEARS', '2025-12-31')).toBe('2045-12-31');
    expect(idCardValidUntil('LONG_TERM', '2025-03-15')).toBeNull();
    expect(idCardValidUntil('TEN_YEARS', '2024-02-29')).toBe('2034-02-28');
    expect(idCardValidUntil('TWENTY_YEARS', '2024-02-29')).toBe('2044-02-29');
  });

  it('temporary cards are valid three months', () => {
    expect(temporaryIdCardValidUntil('2025-11-26')).toBe('2026-02-26');
    expect(temporaryIdCardValidUntil('2025-11-30')).toBe('2026-02-28');
    expect(temporaryIdCardValidUntil('2027-11-30')).toBe('2028-02-29');
  });
});
