import type { DeadlineState } from '@onewindow/contracts';

/** Display and sort order of the inbox: overdue first, then due soon, on time, paused, done. */
export const DEADLINE_STATE_RANK: Readonly<Record<DeadlineState, number>> = { OVERDUE: 0, DUE_SOON: 1, ON_TIME: 2, PAUSED: 3, DONE: 4 };

/**
 * The state as of today. A snapshot's state is the producer's view when it was written; a case
 * nobody touched since may have run past its deadline (the last day counts: overdue from the next
 * day). Paused (补正, clock stopped) and done cases keep their state.
 */
export function effectiveDeadlineState(state: DeadlineState, deadline: string, today: string): DeadlineState {
  if (state === 'DONE' || state === 'PAUSED') return state;
  return deadline < today ? 'OVERDUE' : state;
}
