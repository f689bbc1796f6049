import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { outsideCallDeadline } from '../nats/call-deadline.js';
import { currentTraceparent } from '../observability/tracing.js';
import { OutboxEntity } from './outbox.entity.js';

/** Header names on published events. */
export const EVENT_ID_HEADER = 'Nats-Msg-Id';

/**
 * Writes events into the outbox inside the caller's transaction: the state change and the event
 * announcing it commit together or not at all. The relay publishes them afterwards.
 */
@Injectable()
export class OutboxService {
  private listeners: (() => void)[] = [];
  /**
   * When a row was last enqueued. A commit wakes the relay only if one was enqueued recently (by
   * this or a concurrent transaction still committing), so the many transactions that enqueue
   * nothing cost no relay pass; the relay's timer publishes anything else.
   */
  private lastEnqueuedAt = -Infinity;
  static readonly WAKE_WINDOW_MS = 10_000;

  async enqueue(manager: EntityManager, subject: string, payload: object, headers: Record<string, string> = {}): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxService.enqueue must run inside a transaction');
    }
    const id = randomUUID();
    // The request's trace goes with the row: the relay's publish and the consumer continue it.
    await manager.getRepository(OutboxEntity).insert({ id, subject, payload, headers, traceParent: currentTraceparent() });
    this.lastEnqueuedAt = Date.now();
    return id;
  }

  /** Hint to the relay that rows were committed, so it publishes now rather than at its next tick. */
  notifyCommitted(): void {
    if (Date.now() - this.lastEnqueuedAt > OutboxService.WAKE_WINDOW_MS) return;
    // The relay pass it sets off is not part of the RPC being handled: no caller's deadline on it.
    for (const l of this.listeners) outsideCallDeadline(l);
  }

  onCommitted(listener: () => void): void {
    this.listeners.push(listener);
  }
}
