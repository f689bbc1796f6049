import { emptyCounts, monthRange, officerFlags, parseStarThresholds, roundedRate, satisfactionRate, starsOf, type LevelCounts } from './figures.rules.js';

const counts = (c: Partial<LevelCounts>): LevelCounts => ({ ...emptyCounts(), ...c });
const FLAGS = { noAwardsBelow: 90, bureauNoticeBelow: 70 };
const STARS = { minRates: [99, 97, 95, 92, 90], minCount: 5, capWithVeryDissatisfied: 3 };

describe('evaluation figures rules', () => {
  it('satisfaction rate = (非常满意 + 满意) / all; 基本满意 is not satisfied; none → no rate', () => {
    expect(satisfactionRate(counts({ VERY_SATISFIED: 3, SATISFIED: 6, BASIC: 1 }))).toBe(90);
    expect(satisfactionRate(counts({ SATISFIED: 2, BASIC: 1 }))).toBeCloseTo(66.667, 2);
    expect(roundedRate(satisfactionRate(counts({ SATISFIED: 2, BASIC: 1 })))).toBe(66.7);
    expect(satisfactionRate(emptyCounts())).toBeNull();
  });

  it('flags officers below 90% (no awards) and below 70% (bureau notice too), on the exact rate', () => {
    expect(officerFlags(90, FLAGS)).toEqual([]);
    expect(officerFlags(89.95, FLAGS)).toEqual(['NO_AWARDS']);
    expect(roundedRate(89.95)).toBe(90); // shown as 90.0, still flagged
    expect(officerFlags(70, FLAGS)).toEqual(['NO_AWARDS']);
    expect(officerFlags(69.9, FLAGS)).toEqual(['NO_AWARDS', 'BUREAU_NOTICE']);
    expect(officerFlags(null, FLAGS)).toEqual([]);
  });

  it('gives stars by rate thresholds, none below the minimum count, at most 3 with a 非常不满意', () => {
    expect(starsOf(counts({ SATISFIED: 100 }), STARS)).toBe(5);
    expect(starsOf(counts({ SATISFIED: 98, BASIC: 2 }), STARS)).toBe(4);
    expect(starsOf(counts({ SATISFIED: 95, BASIC: 5 }), STARS)).toBe(3);
    expect(starsOf(counts({ SATISFIED: 92, BASIC: 8 }), STARS)).toBe(2);
    expect(starsOf(counts({ SATISFIED: 9, BASIC: 1 }), STARS)).toBe(1);
    expect(starsOf(counts({ SATISFIED: 8, BASIC: 2 }), STARS)).toBe(0);
    expect(starsOf(counts({ SATISFIED: 4 }), STARS)).toBe(0);
    expect(starsOf(counts({ SATISFIED: 199, VERY_DISSATISFIED: 1 }), STARS)).toBe(3);
  });

  it('parses the configured star thresholds and refuses bad ones', () => {
    expect(parseStarThresholds('99,97,95,92,90')).toEqual([99, 97, 95, 92, 90]);
    expect(() => parseStarThresholds('90,95,97,98,99')).toThrow(/descending/);
    expect(() => parseStarThresholds('99,97')).toThrow();
  });

  it('knows the days of a month, leap years included', () => {
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});
