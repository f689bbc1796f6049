import { jest } from '@jest/globals';
import { BusinessClock } from './business-clock.js';

const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe('BusinessClock with a pinned date (demo and test only)', () => {
  afterEach(() => jest.useRealTimers());

  it.each([
    ['2026-12-06T01:00:00.000Z', '09:00:00.000'],
    ['2026-12-06T15:59:59.999Z', '23:59:59.999'],
    // 16:00 UTC is already the next day in China: the instant must still fall on the pinned China date.
    ['2026-12-06T16:05:00.000Z', '00:05:00.000'],
    ['2026-12-06T23:30:00.000Z', '07:30:00.000'],
  ])('at %s the instant is on the pinned China date, at the real China time of day %s', (real, chinaTime) => {
    jest.useFakeTimers({ now: new Date(real) });
    const clock = new BusinessClock('2026-03-18', 'test');
    const now = clock.now();
    expect(chinaDate(now)).toBe('2026-03-18');
    expect(clock.today()).toBe('2026-03-18');
    expect(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(11, 23)).toBe(chinaTime);
  });

  it('is refused in production', () => {
    expect(() => new BusinessClock('2026-03-18', 'production')).toThrow('CLOCK_FIXED_DATE');
  });

  it('without a pinned date, today is the China date of now', () => {
    jest.useFakeTimers({ now: new Date('2026-12-06T16:05:00.000Z') });
    expect(new BusinessClock().today()).toBe('2026-12-07');
  });
});
