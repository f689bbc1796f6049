import type { EvaluationLevel } from '@onewindow/contracts';
import { computeFigures } from './figures.service.js';

/**
 * A hand-computed month (2026-02), four officers at two stations:
 *
 * | officer | window | 非常满意 | 满意 | 基本满意 | 不满意 | 非常不满意 | total | rate | flags | stars |
 * |---|---|---|---|---|---|---|---|---|---|---|
 * | 王窗口 demo-clerk | 510107001-3 | 0 | 9 | 1 | 0 | 0 | 10 | 90.0 | — | 1 |
 * | 赵窗口 clerk-b | 510107001-4 | 0 | 6 | 1 | 1 | 0 | 8 | 75.0 | 取消评优 | 0 |
 * | 钱窗口 clerk-c | 510107002-1 | 0 | 2 | 0 | 1 | 1 | 4 | 50.0 | 取消评优 + 全局通报 | 0 (< 5) |
 * | 孙窗口 clerk-d | 510107002-2 | 19 | 1 | 0 | 0 | 0 | 20 | 100.0 | — | 5 |
 *
 * Units: 510107001 = 15 / 18 = 83.3% (0 stars); 510107002 = 22 / 24 = 91.7% → 1 star (a
 * 非常不满意 caps at 3, not reached).
 */
const rows: { level: EvaluationLevel; unitCode: string; windowNo: string; officerUsername: string; officerName: string }[] = [];
const add = (n: number, level: EvaluationLevel, officerUsername: string, officerName: string, unitCode: string, windowNo: string) => {
  for (let i = 0; i < n; i++) rows.push({ level, unitCode, windowNo, officerUsername, officerName });
};
add(9, 'SATISFIED', 'demo-clerk', '王窗口', '510107001', '3');
add(1, 'BASIC', 'demo-clerk', '王窗口', '510107001', '3');
add(6, 'SATISFIED', 'clerk-b', '赵窗口', '510107001', '4');
add(1, 'BASIC', 'clerk-b', '赵窗口', '510107001', '4');
add(1, 'DISSATISFIED', 'clerk-b', '赵窗口', '510107001', '4');
add(2, 'SATISFIED', 'clerk-c', '钱窗口', '510107002', '1');
add(1, 'DISSATISFIED', 'clerk-c', '钱窗口', '510107002', '1');
add(1, 'VERY_DISSATISFIED', 'clerk-c', '钱窗口', '510107002', '1');
add(19, 'VERY_SATISFIED', 'clerk-d', '孙窗口', '510107002', '2');
add(1, 'SATISFIED', 'clerk-d', '孙窗口', '510107002', '2');

const RULES = { flags: { noAwardsBelow: 90, bureauNoticeBelow: 70 }, stars: { minRates: [99, 97, 95, 92, 90], minCount: 5, capWithVeryDissatisfied: 3 } };

describe('monthly evaluation figures against a hand-computed fixture', () => {
  const f = computeFigures('2026-02', rows, RULES);
  const brief = (r: { key: string; total: number; satisfactionRate: number | null; flags: string[]; stars: number }) =>
    [r.key, r.total, r.satisfactionRate === null ? null : Math.round(r.satisfactionRate * 10) / 10, r.flags.join('+'), r.stars];

  it('officers, worst first, with the 90% / 70% flags and stars', () => {
    expect(f.officers.map(brief)).toEqual([
      ['clerk-c', 4, 50, 'NO_AWARDS+BUREAU_NOTICE', 0],
      ['clerk-b', 8, 75, 'NO_AWARDS', 0],
      ['demo-clerk', 10, 90, '', 1],
      ['clerk-d', 20, 100, '', 5],
    ]);
    expect(f.officers.find((o) => o.key === 'clerk-c')!.counts).toEqual({ VERY_SATISFIED: 0, SATISFIED: 2, BASIC: 0, DISSATISFIED: 1, VERY_DISSATISFIED: 1 });
  });

  it('windows (unit + window number) and units; flags only for officers', () => {
    expect(f.windows.map(brief)).toEqual([
      ['510107002-1', 4, 50, '', 0],
      ['510107001-4', 8, 75, '', 0],
      ['510107001-3', 10, 90, '', 1],
      ['510107002-2', 20, 100, '', 5],
    ]);
    expect(f.units.map(brief)).toEqual([
      ['510107001', 18, 83.3, '', 0],
      ['510107002', 24, 91.7, '', 1],
    ]);
    expect(f.windows[2]!.label).toMatch(/3 号窗口$/);
  });
});
