import { AsyncLocalStorage } from 'node:async_hooks';
import { CommonErrorCode } from '@onewindow/contracts';
import { EventSubscriber, type EntitySubscriberInterface } from 'typeorm';
import { DomainException } from '../errors/domain.exception.js';

/**
 * Deadlines of nested calls (decision 0033). Every RPC request carries the moment its caller stops
 * waiting (epoch ms, hosts are NTP-synchronised); the serving handler runs with that deadline, so
 * - a call it makes in turn waits at most until a little before it (`innerCallBudget`), or is not
 *   made at all when too little time is left;
 * - it does not start once the deadline has passed, and a transaction it opens is rolled back instead
 *   of committed when the caller has given up (`DeadlineCommitCheck`): no late commit behind a
 *   timeout the caller already reported.
 * The signed identity travels separately (x-onewindow-identity); the deadline is not a credential.
 */
export const DEADLINE_HEADER = 'x-onewindow-deadline';

/** An inner call is not made with less than this left: it could not do anything useful. */
export const MIN_INNER_CALL_MS = 100;
/** A handler does not commit later than this before its caller's deadline (the reply still has to travel). */
export const COMMIT_MARGIN_MS = 50;

interface CallContext {
  /** Epoch ms at which the caller of the running handler stops waiting. */
  deadline: number;
}

const calls = new AsyncLocalStorage<CallContext>();

/** Run `fn` (an RPC handler) with its caller's deadline; without one, as is. */
export function runWithDeadline<T>(deadline: number | undefined, fn: () => T): T {
  return deadline === undefined ? fn() : calls.run({ deadline }, fn);
}

/** Run `fn` outside any caller's deadline: background work a handler only sets off (a relay pass). */
export function outsideCallDeadline<T>(fn: () => T): T {
  return calls.exit(fn);
}

/** The deadline of the RPC being handled here, if any. */
export function currentDeadline(): number | undefined {
  return calls.getStore()?.deadline;
}

/** The header's value: a positive integer epoch ms, else none (a malformed header is ignored, not trusted). */
export function parseDeadlineHeader(value: string | undefined | null): number | undefined {
  if (!value || !/^\d{1,15}$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 ? n : undefined;
}

/**
 * What the caller keeps for itself when it passes its deadline on: time to finish its own work
 * and commit once the inner reply is in (10 % of what is left, between 200 ms and 1 s).
 */
export function deadlineMarginMs(remainingMs: number): number {
  return Math.min(1000, Math.max(200, Math.floor(remainingMs * 0.1)));
}

export type InnerCallBudget = { call: true; timeoutMs: number; deadline: number } | { call: false; remainingMs: number };

/**
 * How long an RPC may wait: its own timeout, or less when made inside a handler whose caller stops
 * waiting sooner — min(own timeout, remaining − margin); no call at all under MIN_INNER_CALL_MS.
 * `deadline` is what the request carries on.
 */
export function innerCallBudget(ownTimeoutMs: number, outerDeadline: number | undefined, now: number): InnerCallBudget {
  if (outerDeadline === undefined) return { call: true, timeoutMs: ownTimeoutMs, deadline: now + ownTimeoutMs };
  const remainingMs = outerDeadline - now;
  const timeoutMs = Math.min(ownTimeoutMs, remainingMs - deadlineMarginMs(remainingMs));
  if (timeoutMs < MIN_INNER_CALL_MS) return { call: false, remainingMs };
  return { call: true, timeoutMs, deadline: now + timeoutMs };
}

/** Whether a handler whose caller stops waiting at `deadline` may still start work or commit at `now`. */
export function withinDeadline(deadline: number | undefined, now: number, marginMs = COMMIT_MARGIN_MS): boolean {
  return deadline === undefined || now < deadline - marginMs;
}

/** The caller has given up: nothing was (or will be) written. */
export function deadlineExceeded(what = '本次操作'): DomainException {
  return new DomainException(CommonErrorCode.SERVICE_UNAVAILABLE, `处理超出调用方的等待时限，${what}未生效（未写入任何数据），请刷新后重试`, {
    outcome: 'NOT_DONE',
    reason: 'DEADLINE_EXCEEDED',
  });
}

/**
 * TypeORM subscriber on every service's DataSource: a transaction inside an RPC handler whose caller
 * has given up is rolled back (the throw makes TypeORM roll back and rethrow) instead of committed.
 */
@EventSubscriber()
export class DeadlineCommitCheck implements EntitySubscriberInterface {
  beforeTransactionCommit(): void {
    if (!withinDeadline(currentDeadline(), Date.now())) throw deadlineExceeded();
  }
}
