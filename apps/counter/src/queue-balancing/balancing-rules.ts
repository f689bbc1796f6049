/**
 * The balancing rule (忙闲调配), pure: given a hall's waiting tickets per service group and its
 * windows at one instant, which groups wait past the thresholds and which windows could help them.
 * No clock, no SQL: `now` and the snapshot come from the caller, so tests drive time.
 */

/** Thresholds of one station (data row per station; the defaults below otherwise). */
export interface BalancingThresholds {
  /** A group "waits" when this many tickets wait in it … */
  minWaiting: number;
  /** … or its oldest waiting ticket has waited this many minutes. */
  maxWaitMinutes: number;
  /** A window whose own groups have at most this many waiting tickets is "serving a short queue". */
  shortQueue: number;
  /** Waiting tickets per serving window the proposal aims at (how many windows to ask for). */
  targetPerWindow: number;
}

export const DEFAULT_THRESHOLDS: BalancingThresholds = { minWaiting: 8, maxWaitMinutes: 30, shortQueue: 1, targetPerWindow: 4 };

export interface GroupLoad {
  groupCode: string;
  waiting: number;
  /** Issue time of the oldest ticket still waiting in the group (null when none waits). */
  oldestIssuedAt: Date | null;
}

export interface WindowSnapshot {
  windowId: string;
  number: number;
  /** OPEN, PAUSED (暂停服务, with a reason) or CLOSED; only open windows with a clerk signed in count. */
  state: string;
  staffed: boolean;
  /** Groups the window serves; `allGroups` (全科) serves every group. */
  groupCodes: string[];
  allGroups: boolean;
  /** A ticket is being served at the window right now. */
  serving: boolean;
}

export interface ProposedWindow {
  windowId: string;
  number: number;
  fromGroups: string[];
  toGroups: string[];
  /** Tickets waiting in the window's own groups when proposed. */
  ownWaiting: number;
  idle: boolean;
}

export interface RebalanceFinding {
  groupCode: string;
  waiting: number;
  oldestWaitMinutes: number;
  /** Open, staffed windows already serving the group (全科 included). */
  servingWindows: number;
  windows: ProposedWindow[];
  /** Why, in Chinese, for the supervisor's screen. */
  reason: string;
}

export function validThresholds(t: BalancingThresholds): boolean {
  const int = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;
  return int(t.minWaiting, 1, 500) && int(t.maxWaitMinutes, 1, 480) && int(t.shortQueue, 0, 50) && int(t.targetPerWindow, 1, 100);
}

const isActive = (w: WindowSnapshot) => w.state === 'OPEN' && w.staffed;
const serves = (w: WindowSnapshot, group: string) => w.allGroups || w.groupCodes.includes(group);

/**
 * Groups waiting past a threshold, each with the windows proposed to take it on as well: open,
 * staffed windows not serving it whose own groups have at most `shortQueue` waiting tickets —
 * idle ones first, then the shortest queue, then by number. A window is offered to one group only
 * (the longest wait first). As many windows as bring the group to `targetPerWindow` tickets per
 * serving window, at least one. No candidate window, no finding: nothing to propose.
 *
 * The proposal ADDS the group to the window (it keeps its own groups), so the group it came from
 * is never left without a window; call-next then picks across both.
 */
export function findRebalancing(groups: readonly GroupLoad[], windows: readonly WindowSnapshot[], t: BalancingThresholds, now: Date): RebalanceFinding[] {
  const waitingOf = new Map(groups.map((g) => [g.groupCode, g.waiting]));
  const ownWaiting = (w: WindowSnapshot) => (w.allGroups ? [...waitingOf.values()].reduce((a, b) => a + b, 0) : w.groupCodes.reduce((a, g) => a + (waitingOf.get(g) ?? 0), 0));
  const oldest = (g: GroupLoad) => (g.oldestIssuedAt ? Math.max(0, (now.getTime() - g.oldestIssuedAt.getTime()) / 60_000) : 0);

  const pressed = groups
    .filter((g) => g.waiting > 0 && (g.waiting >= t.minWaiting || oldest(g) >= t.maxWaitMinutes))
    .sort((a, b) => oldest(b) - oldest(a) || b.waiting - a.waiting || a.groupCode.localeCompare(b.groupCode));

  const taken = new Set<string>();
  const findings: RebalanceFinding[] = [];
  for (const g of pressed) {
    const active = windows.filter(isActive);
    const servingWindows = active.filter((w) => serves(w, g.groupCode)).length;
    const candidates = active
      .filter((w) => !serves(w, g.groupCode) && !taken.has(w.windowId) && ownWaiting(w) <= t.shortQueue)
      .map((w) => ({ w, own: ownWaiting(w), idle: !w.serving && ownWaiting(w) === 0 }))
      .sort((a, b) => Number(b.idle) - Number(a.idle) || a.own - b.own || a.w.number - b.w.number);
    const wanted = Math.max(1, Math.ceil(g.waiting / t.targetPerWindow) - servingWindows);
    const chosen = candidates.slice(0, wanted);
    if (!chosen.length) continue;
    for (const c of chosen) taken.add(c.w.windowId);
    const minutes = Math.round(oldest(g));
    findings.push({
      groupCode: g.groupCode, waiting: g.waiting, oldestWaitMinutes: minutes, servingWindows,
      windows: chosen.map((c) => ({
        windowId: c.w.windowId, number: c.w.number, fromGroups: [...c.w.groupCodes], toGroups: [...c.w.groupCodes, g.groupCode], ownWaiting: c.own, idle: c.idle,
      })),
      reason: `${g.waiting} 人等候，最长已等 ${minutes} 分钟（阈值：${t.minWaiting} 人或 ${t.maxWaitMinutes} 分钟）；${chosen.length} 个窗口${chosen.every((c) => c.idle) ? '空闲' : '排队较短'}`,
    });
  }
  return findings;
}

/** A proposal already recorded for a (station, group) situation that has not ended. */
export interface OpenSituation {
  proposalId: string;
  groupCode: string;
  /** OPEN (awaiting a decision), ACCEPTED or DECLINED. */
  status: string;
}

export interface Reconciliation {
  /** New situations: make a proposal. */
  create: RebalanceFinding[];
  /** Open proposals whose situation ended: expire them (status EXPIRED, situation ended). */
  expire: string[];
  /** Decided proposals whose situation ended: mark the situation ended (a later one may be proposed again). */
  end: string[];
}

/**
 * Once per situation: a group with a proposal whose situation has not ended gets no new one (also
 * after a decline — declining is an answer for this situation, not a request to be asked again);
 * when the group no longer waits past the threshold (or no window could help), the situation ends:
 * an undecided proposal expires.
 */
export function reconcileSituations(current: readonly RebalanceFinding[], open: readonly OpenSituation[]): Reconciliation {
  const now = new Set(current.map((f) => f.groupCode));
  const known = new Set(open.map((o) => o.groupCode));
  return {
    create: current.filter((f) => !known.has(f.groupCode)),
    expire: open.filter((o) => !now.has(o.groupCode) && o.status === 'OPEN').map((o) => o.proposalId),
    end: open.filter((o) => !now.has(o.groupCode) && o.status !== 'OPEN').map((o) => o.proposalId),
  };
}
