import { chinaHour, percentileCont, queueFigures, type TicketTimes } from './figures.js';

const at = (hhmm: string) => new Date(`2026-03-18T${hhmm}:00+08:00`);
const ticket = (over: Partial<TicketTimes> & { issued: string; called?: string; finished?: string }): TicketTimes => ({
  groupCode: 'A', windowId: over.called ? 'w1' : null, noShow: false, ...over,
  issuedAt: at(over.issued), calledAt: over.called ? at(over.called) : null, finishedAt: over.finished ? at(over.finished) : null,
});

describe('queue figures', () => {
  it('percentile_cont: linear interpolation between closest ranks, like PostgreSQL', () => {
    expect(percentileCont([], 0.5)).toBeNull();
    expect(percentileCont([7], 0.9)).toBe(7);
    expect(percentileCont([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentileCont([10, 1, 4, 3, 2], 0.9)).toBeCloseTo(7.6); // sorted 1 2 3 4 10: pos 3.6 → 4 + 0.6·6
    expect(percentileCont([5, 5, 5], 0)).toBe(5);
    expect(() => percentileCont([1], 1.5)).toThrow(RangeError);
  });

  it('hour of day in China time', () => {
    expect(chinaHour(new Date('2026-03-18T01:30:00Z'))).toBe(9);
    expect(chinaHour(new Date('2026-03-18T16:10:00Z'))).toBe(0);
  });

  it('waits to the first call, serves from the start (or the call), counts no-shows; per hour, group and window', () => {
    const tickets: TicketTimes[] = [
      ticket({ issued: '09:00', called: '09:10', finished: '09:20' }),
      ticket({ issued: '09:05', called: '09:25', finished: '09:31', servedFrom: at('09:26') }),
      ticket({ issued: '09:50', called: '10:20', noShow: true, windowId: 'w2' }),
      ticket({ issued: '10:00', groupCode: 'B', called: '10:02', finished: '10:12', windowId: 'w2' }),
      ticket({ issued: '10:30', groupCode: 'B' }), // still waiting: no wait figure, no window
    ];
    const f = queueFigures(tickets);
    expect(f.total).toEqual({ key: 'ALL', tickets: 5, called: 4, finished: 3, noShows: 1, waitP50: 15, waitP90: 27, serviceP50: 10, serviceP90: 10 });
    expect(f.byHour.map((r) => [r.key, r.tickets, r.waitP50, r.noShows])).toEqual([['9', 3, 20, 1], ['10', 2, 2, 0]]);
    expect(f.byGroup.map((r) => [r.key, r.tickets, r.waitP50, r.waitP90, r.serviceP50])).toEqual([['A', 3, 20, 28, 7.5], ['B', 2, 2, 2, 10]]);
    expect(f.byWindow.map((r) => [r.key, r.tickets, r.finished, r.noShows])).toEqual([['w1', 2, 2, 0], ['w2', 2, 1, 1]]);
  });

  it('no tickets: zero counts, no percentiles', () => {
    expect(queueFigures([])).toEqual({ total: { key: 'ALL', tickets: 0, called: 0, finished: 0, noShows: 0, waitP50: null, waitP90: null, serviceP50: null, serviceP90: null }, byHour: [], byGroup: [], byWindow: [] });
  });
});
