/**
 * Queue figures (排队统计) from ticket timestamps: per hour of day, per service group, per window —
 * waiting time p50/p90, service time p50/p90, tickets, no-shows. Pure: no clock, no SQL; the
 * service loads the tickets of a period (scoped to the caller's units) and hands them here, the
 * benchmark and the unit tests call it directly.
 */

/** The timestamps of one ticket that the figures need (a projection of the queue's ticket row). */
export interface TicketTimes {
  groupCode: string;
  /** The window that called it last (null when it was never called). */
  windowId: string | null;
  issuedAt: Date;
  /** First call (叫号); waiting time = calledAt − issuedAt. */
  calledAt: Date | null;
  /** Finished at the window; service time = finishedAt − calledAt (last call, when recalled). */
  finishedAt: Date | null;
  /** 过号: missed after the allowed recalls. */
  noShow: boolean;
  /** When the service started, if the queue records it apart from the call (else the call). */
  servedFrom?: Date | null;
}

export interface FigureRow {
  /** Hour of day in China time (0–23), the group code or the window id, per `dimension`. */
  key: string;
  tickets: number;
  /** Tickets called (at least once). */
  called: number;
  finished: number;
  noShows: number;
  /** Minutes, continuous percentile (PostgreSQL `percentile_cont` semantics); null when nothing to measure. */
  waitP50: number | null;
  waitP90: number | null;
  serviceP50: number | null;
  serviceP90: number | null;
}

export interface QueueFigureSet {
  total: FigureRow;
  byHour: FigureRow[];
  byGroup: FigureRow[];
  byWindow: FigureRow[];
}

/**
 * Continuous percentile (linear interpolation between closest ranks), the same definition as
 * PostgreSQL's `percentile_cont(p)`: position (n − 1)·p in the sorted values.
 */
export function percentileCont(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  if (p < 0 || p > 1) throw new RangeError(`percentile ${p} outside [0, 1]`);
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const MINUTE = 60_000;
/** Hour of day in China (UTC+8, no daylight saving). */
export const chinaHour = (d: Date): number => new Date(d.getTime() + 8 * 3600_000).getUTCHours();

const round1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

function rowOf(key: string, tickets: readonly TicketTimes[]): FigureRow {
  const waits: number[] = [];
  const services: number[] = [];
  let called = 0, finished = 0, noShows = 0;
  for (const t of tickets) {
    if (t.calledAt) {
      called++;
      waits.push((t.calledAt.getTime() - t.issuedAt.getTime()) / MINUTE);
    }
    if (t.finishedAt && !t.noShow) {
      finished++;
      const from = t.servedFrom ?? t.calledAt;
      if (from) services.push((t.finishedAt.getTime() - from.getTime()) / MINUTE);
    }
    if (t.noShow) noShows++;
  }
  return {
    key, tickets: tickets.length, called, finished, noShows,
    waitP50: round1(percentileCont(waits, 0.5)), waitP90: round1(percentileCont(waits, 0.9)),
    serviceP50: round1(percentileCont(services, 0.5)), serviceP90: round1(percentileCont(services, 0.9)),
  };
}

function grouped(tickets: readonly TicketTimes[], keyOf: (t: TicketTimes) => string | null, order: (a: string, b: string) => number): FigureRow[] {
  const groups = new Map<string, TicketTimes[]>();
  for (const t of tickets) {
    const k = keyOf(t);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(t);
    else groups.set(k, [t]);
  }
  return [...groups.keys()].sort(order).map((k) => rowOf(k, groups.get(k)!));
}

/**
 * The figures of a set of tickets. A ticket counts in the hour it was taken (the arrival hour —
 * what staffing plans against), in its group, and in the window that last called it (tickets never
 * called have no window). Waiting time is measured to the first call, so a recall does not hide
 * the wait; a no-show has a wait but no service time.
 */
export function queueFigures(tickets: readonly TicketTimes[]): QueueFigureSet {
  return {
    total: rowOf('ALL', tickets),
    byHour: grouped(tickets, (t) => String(chinaHour(t.issuedAt)), (a, b) => Number(a) - Number(b)),
    byGroup: grouped(tickets, (t) => t.groupCode, (a, b) => a.localeCompare(b)),
    byWindow: grouped(tickets, (t) => t.windowId, (a, b) => a.localeCompare(b)),
  };
}
