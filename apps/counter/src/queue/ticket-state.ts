/**
 * The ticket and window state model of 排队叫号 (pure; decision 0021).
 *
 * Ticket: WAITING ─call→ CALLED ─start→ SERVING ─finish→ FINISHED
 *                      CALLED ─recall→ CALLED (recall_count+1)
 *                      CALLED ─no-show (after max_recalls recalls)→ NO_SHOW
 *                      CALLED | SERVING ─transfer→ WAITING (same number, same place in line)
 *                      CALLED ─finish→ FINISHED (started_at = called_at)
 * Window: CLOSED ─open→ OPEN ─pause(reason)→ PAUSED ─resume→ OPEN; any ─close→ CLOSED.
 */
export const TICKET_STATES = ['WAITING', 'CALLED', 'SERVING', 'FINISHED', 'NO_SHOW'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const WINDOW_STATES = ['OPEN', 'PAUSED', 'CLOSED'] as const;
export type WindowState = (typeof WINDOW_STATES)[number];

export const TICKET_SOURCES = ['KIOSK', 'CLERK', 'APPOINTMENT'] as const;
export type TicketSource = (typeof TICKET_SOURCES)[number];

export type TicketStep = 'CALL' | 'RECALL' | 'START' | 'FINISH' | 'NO_SHOW' | 'TRANSFER';

const ALLOWED: Record<TicketStep, readonly TicketState[]> = {
  CALL: ['WAITING'],
  RECALL: ['CALLED'],
  START: ['CALLED'],
  FINISH: ['CALLED', 'SERVING'],
  NO_SHOW: ['CALLED'],
  TRANSFER: ['CALLED', 'SERVING'],
};

const RESULT: Record<TicketStep, TicketState> = {
  CALL: 'CALLED',
  RECALL: 'CALLED',
  START: 'SERVING',
  FINISH: 'FINISHED',
  NO_SHOW: 'NO_SHOW',
  TRANSFER: 'WAITING',
};

/** The state after a step, or null when the step is not allowed from `from`. */
export function nextTicketState(from: TicketState, step: TicketStep): TicketState | null {
  return ALLOWED[step].includes(from) ? RESULT[step] : null;
}

/** A ticket that is at a window now (called or being served). */
export function isAtWindow(state: TicketState): boolean {
  return state === 'CALLED' || state === 'SERVING';
}

/** A ticket that will not move again. */
export function isEnded(state: TicketState): boolean {
  return state === 'FINISHED' || state === 'NO_SHOW';
}

/** 过号 is allowed once the holder has been recalled max_recalls times without showing up. */
export function mayMarkNoShow(recallCount: number, maxRecalls: number): boolean {
  return recallCount >= maxRecalls;
}

/** A further recall is allowed while fewer than max_recalls have been made (then: 过号). */
export function mayRecall(recallCount: number, maxRecalls: number): boolean {
  return recallCount < maxRecalls;
}

/** The called number: the group's prefix and the day's sequence, at least three digits (A001, A1000). */
export function ticketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}

/** Defaults of the per-station rules while a station has no queue_station_setting row. */
export const DEFAULT_STATION_SETTING = { priorityCap: 3, maxRecalls: 2, notifyAhead: 3 } as const;
