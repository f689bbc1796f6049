import { DEFAULT_THRESHOLDS, findRebalancing, reconcileSituations, validThresholds, type GroupLoad, type WindowSnapshot } from './balancing-rules.js';

const now = new Date('2026-03-18T10:00:00+08:00');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const win = (number: number, groupCodes: string[], over: Partial<WindowSnapshot> = {}): WindowSnapshot => ({
  windowId: `w${number}`, number, state: 'OPEN', staffed: true, groupCodes, allGroups: false, serving: false, ...over,
});
const t = { ...DEFAULT_THRESHOLDS, minWaiting: 8, maxWaitMinutes: 30, shortQueue: 1, targetPerWindow: 4 };

describe('balancing rule (忙闲调配)', () => {
  const windows = [win(1, ['HUZHENG'], { serving: true }), win(2, ['HUZHENG'], { serving: true }), win(3, ['CRJ']), win(4, ['CRJ']), win(5, ['CRJ'], { serving: true }), win(6, ['JIAOJING'])];

  it('户政 waits past the queue threshold while 出入境 windows are idle → propose the idle ones, idle first', () => {
    const groups: GroupLoad[] = [{ groupCode: 'HUZHENG', waiting: 14, oldestIssuedAt: minutesAgo(25) }, { groupCode: 'CRJ', waiting: 0, oldestIssuedAt: null }, { groupCode: 'JIAOJING', waiting: 3, oldestIssuedAt: minutesAgo(5) }];
    const [f, ...rest] = findRebalancing(groups, windows, t, now);
    expect(rest).toEqual([]);
    // ceil(14/4) = 4 windows wanted, 2 serve it → 2 more: the idle 3 and 4 (5 is serving; 6 has 3 waiting > shortQueue)
    expect(f).toMatchObject({ groupCode: 'HUZHENG', waiting: 14, oldestWaitMinutes: 25, servingWindows: 2 });
    expect(f!.windows.map((w) => [w.number, w.fromGroups, w.toGroups, w.idle])).toEqual([[3, ['CRJ'], ['CRJ', 'HUZHENG'], true], [4, ['CRJ'], ['CRJ', 'HUZHENG'], true]]);
    expect(f!.reason).toContain('14 人等候');
  });

  it('the oldest wait alone triggers; a window serving a short queue helps when no idle one is left', () => {
    const groups: GroupLoad[] = [{ groupCode: 'HUZHENG', waiting: 3, oldestIssuedAt: minutesAgo(31) }, { groupCode: 'CRJ', waiting: 1, oldestIssuedAt: minutesAgo(2) }];
    const f = findRebalancing(groups, [win(1, ['HUZHENG'], { serving: true }), win(3, ['CRJ'], { serving: true })], t, now);
    expect(f.map((x) => [x.groupCode, x.windows.map((w) => [w.number, w.idle, w.ownWaiting])])).toEqual([['HUZHENG', [[3, false, 1]]]]);
  });

  it('below both thresholds, or nobody to help (paused, unstaffed, 全科, long own queue) → nothing', () => {
    expect(findRebalancing([{ groupCode: 'HUZHENG', waiting: 7, oldestIssuedAt: minutesAgo(29) }], windows, t, now)).toEqual([]);
    const busy: GroupLoad[] = [{ groupCode: 'HUZHENG', waiting: 20, oldestIssuedAt: minutesAgo(40) }, { groupCode: 'CRJ', waiting: 2, oldestIssuedAt: minutesAgo(1) }];
    expect(findRebalancing(busy, [
      win(1, ['HUZHENG']), win(2, ['CRJ'], { state: 'PAUSED' }), win(3, ['CRJ'], { staffed: false }), win(4, [], { allGroups: true }), win(5, ['CRJ']),
    ], t, now)).toEqual([]);
  });

  it('a window is offered to one group only: the longest wait first', () => {
    const groups: GroupLoad[] = [{ groupCode: 'HUZHENG', waiting: 9, oldestIssuedAt: minutesAgo(20) }, { groupCode: 'JIAOJING', waiting: 9, oldestIssuedAt: minutesAgo(45) }];
    const f = findRebalancing(groups, [win(1, ['HUZHENG']), win(2, ['JIAOJING']), win(3, ['CRJ'])], t, now);
    expect(f.map((x) => [x.groupCode, x.windows.map((w) => w.number)])).toEqual([['JIAOJING', [3]]]);
  });

  it('once per situation: no second proposal while one stands (even declined); the situation ending expires an open one', () => {
    const finding = findRebalancing([{ groupCode: 'HUZHENG', waiting: 14, oldestIssuedAt: minutesAgo(25) }], windows, t, now);
    expect(reconcileSituations(finding, [])).toEqual({ create: finding, expire: [], end: [] });
    expect(reconcileSituations(finding, [{ proposalId: 'p1', groupCode: 'HUZHENG', status: 'OPEN' }])).toEqual({ create: [], expire: [], end: [] });
    expect(reconcileSituations(finding, [{ proposalId: 'p1', groupCode: 'HUZHENG', status: 'DECLINED' }])).toEqual({ create: [], expire: [], end: [] });
    expect(reconcileSituations([], [{ proposalId: 'p1', groupCode: 'HUZHENG', status: 'OPEN' }, { proposalId: 'p2', groupCode: 'CRJ', status: 'ACCEPTED' }])).toEqual({ create: [], expire: ['p1'], end: ['p2'] });
  });

  it('thresholds are whole numbers in range', () => {
    expect(validThresholds(DEFAULT_THRESHOLDS)).toBe(true);
    expect(validThresholds({ ...t, minWaiting: 0 })).toBe(false);
    expect(validThresholds({ ...t, maxWaitMinutes: 2.5 })).toBe(false);
    expect(validThresholds({ ...t, shortQueue: 0 })).toBe(true);
  });
});
