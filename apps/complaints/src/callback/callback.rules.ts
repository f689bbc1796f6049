import type { CallbackStatus } from '@onewindow/contracts';
import type { CallbackDeadlineState } from './callback.entity.js';

export type CallbackCommand = 'CALL_BACK' | 'RECTIFY' | 'EXPLAIN' | 'VOID';

/** OPEN → CALLED_BACK → RECTIFIED | EXPLAINED; a review may be voided before the task is resolved. */
const TRANSITIONS: Record<CallbackCommand, { from: readonly CallbackStatus[]; to: CallbackStatus }> = {
  CALL_BACK: { from: ['OPEN'], to: 'CALLED_BACK' },
  RECTIFY: { from: ['CALLED_BACK'], to: 'RECTIFIED' },
  EXPLAIN: { from: ['CALLED_BACK'], to: 'EXPLAINED' },
  VOID: { from: ['OPEN', 'CALLED_BACK'], to: 'VOIDED' },
};

export function nextCallbackStatus(from: CallbackStatus, command: CallbackCommand): CallbackStatus | undefined {
  const t = TRANSITIONS[command];
  return t.from.includes(from) ? t.to : undefined;
}

/**
 * The running period: the 1-working-day callback while OPEN, the rectification period once called
 * back. DUE_SOON on its due date, OVERDUE after it, DONE once resolved or voided.
 */
export function callbackDeadlineState(t: { status: CallbackStatus; callbackDue: string; resolveDue: string }, today: string): CallbackDeadlineState {
  if (t.status !== 'OPEN' && t.status !== 'CALLED_BACK') return 'DONE';
  const due = t.status === 'OPEN' ? t.callbackDue : t.resolveDue;
  if (today > due) return 'OVERDUE';
  if (today === due) return 'DUE_SOON';
  return 'ON_TIME';
}
