/**
 * Which waiting ticket a window calls next (pure; the SQL hands it the eligible heads of line).
 *
 * Rules (decision 0021):
 * 1. Only tickets the window may serve are candidates (the caller filters: its groups, or tickets
 *    transferred to this very window).
 * 2. Priority tickets (绿色通道, 预约) go first — but after `priorityCap` priority calls in a row by
 *    this window, the oldest ordinary ticket is called if one waits, so ordinary tickets are not
 *    starved. With no ordinary ticket waiting, priority tickets keep being called.
 * 3. Within a class: the oldest place in line (line_at), then the lower sequence, then the id.
 */
export interface CallCandidate {
  id: string;
  priority: boolean;
  lineAt: Date;
  seq: number;
}

export interface CallContext {
  /** Priority tickets this window called in a row. */
  consecutivePriority: number;
  priorityCap: number;
}

export function lineOrder(a: CallCandidate, b: CallCandidate): number {
  return a.lineAt.getTime() - b.lineAt.getTime() || a.seq - b.seq || a.id.localeCompare(b.id);
}

/** The ticket to call, or null when none waits. */
export function chooseNextTicket<T extends CallCandidate>(candidates: readonly T[], ctx: CallContext): T | null {
  const priority = candidates.filter((c) => c.priority).sort(lineOrder);
  const ordinary = candidates.filter((c) => !c.priority).sort(lineOrder);
  if (priority.length === 0) return ordinary[0] ?? null;
  if (ordinary.length === 0) return priority[0]!;
  return ctx.consecutivePriority >= ctx.priorityCap ? ordinary[0]! : priority[0]!;
}

/** The window's run of priority calls after calling `called`. */
export function nextConsecutivePriority(current: number, called: CallCandidate): number {
  return called.priority ? current + 1 : 0;
}

/**
 * How many tickets a waiting ticket has ahead of it in its line, the way the hall calls them:
 * every waiting priority ticket is ahead of an ordinary one, then line order. (The priority cap
 * may let an ordinary ticket overtake, so this is an upper bound for ordinary tickets.)
 */
export function ticketsAhead<T extends CallCandidate>(ticket: T, line: readonly T[]): number {
  return line.filter((o) => o.id !== ticket.id && (o.priority === ticket.priority ? lineOrder(o, ticket) < 0 : o.priority)).length;
}
