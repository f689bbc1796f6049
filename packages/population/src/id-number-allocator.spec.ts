import { validateIdNumber } from '@onewindow/id-number';
import { dayFromCivil } from './civil-day.js';
import { IdNumberAllocator } from './id-number-allocator.js';

describe('IdNumberAllocator', () => {
  const day = dayFromCivil(1990, 3, 1);
  const today = new Date('2025-01-01T00:00:00Z');

  it('hands out 500 male and 499 female numbers per region and day, then moves to the day before', () => {
    const allocator = new IdNumberAllocator(day - 10, day);
    const numbers = new Set<string>();
    const birthDates = new Map<string, number>();
    for (let i = 0; i < 1200; i++) {
      for (const male of [true, false]) {
        const { idNumber, birthDate } = allocator.allocate('510107', day, male);
        const check = validateIdNumber(idNumber, { today });
        expect(check.valid && check.sex).toBe(male ? 'MALE' : 'FEMALE');
        expect(check.valid && check.birthDate).toBe(birthDate.iso);
        numbers.add(idNumber);
        birthDates.set(`${male}:${birthDate.iso}`, (birthDates.get(`${male}:${birthDate.iso}`) ?? 0) + 1);
      }
    }
    expect(numbers.size).toBe(2400);
    expect(birthDates.get('true:1990-03-01')).toBe(500);
    expect(birthDates.get('false:1990-03-01')).toBe(499);
    expect(birthDates.get('true:1990-02-28')).toBe(500);
    expect(birthDates.get('true:1990-02-27')).toBe(200);
  });

  it('keeps regions apart', () => {
    const allocator = new IdNumberAllocator(day, day);
    const a = allocator.allocate('510107', day, true).idNumber;
    const b = allocator.allocate('510104', day, true).idNumber;
    expect([a.slice(0, 14), b.slice(0, 14)]).toEqual(['51010719900301', '51010419900301']);
    // Each region counts on its own: a second number in 510107 differs from the first.
    expect(allocator.allocate('510107', day, true).idNumber).not.toBe(a);
  });

  it('fails loudly when a day has no sequences left before the covered span', () => {
    const allocator = new IdNumberAllocator(day, day);
    for (let i = 0; i < 500; i++) allocator.allocate('510107', day, true);
    expect(() => allocator.allocate('510107', day, true)).toThrow(RangeError);
  });
});
