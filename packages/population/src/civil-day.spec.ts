import { civilFromDay, dayFromCivil, parseIsoDay } from './civil-day.js';
import { Random, deriveSeed, weightedTable } from './random.js';

describe('civil days', () => {
  it('agrees with Date from 1800 to 2100', () => {
    const first = dayFromCivil(1800, 1, 1);
    const last = dayFromCivil(2100, 12, 31);
    expect(first).toBe(Date.UTC(1800, 0, 1) / 86_400_000);
    for (let day = first; day <= last; day++) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      const civil = civilFromDay(day);
      if (civil.iso !== iso) throw new Error(`day ${day}: ${civil.iso} != ${iso}`);
      expect(civil.compact).toBe(iso.replaceAll('-', ''));
    }
  });

  it('parses only real dates', () => {
    expect(parseIsoDay('2000-02-29')).toBe(dayFromCivil(2000, 2, 29));
    expect(parseIsoDay('1900-02-29')).toBeUndefined();
    expect(parseIsoDay('2025-13-01')).toBeUndefined();
    expect(parseIsoDay('20250101')).toBeUndefined();
  });
});

describe('Random', () => {
  it('repeats its sequence for a seed', () => {
    const a = new Random(deriveSeed(42, 1));
    const b = new Random(deriveSeed(42, 1));
    for (let i = 0; i < 1000; i++) expect(a.next()).toBe(b.next());
  });

  it('separates streams of one seed', () => {
    expect(new Random(deriveSeed(42, 1)).next()).not.toBe(new Random(deriveSeed(42, 2)).next());
  });

  it('stays within bounds and follows weights', () => {
    const random = new Random(1);
    const table = weightedTable([['a', 1], ['b', 3]] as const);
    let b = 0;
    for (let i = 0; i < 20_000; i++) {
      const n = random.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
      if (random.weighted(table) === 'b') b++;
    }
    expect(b / 20_000).toBeCloseTo(0.75, 1);
  });
});
