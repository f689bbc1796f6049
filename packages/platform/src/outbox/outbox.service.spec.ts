import { jest } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { OutboxService } from './outbox.service.js';

/** A stand-in transaction manager: records inserted rows (no database in a unit test). */
function transaction(rows: unknown[]): EntityManager {
  return { queryRunner: { isTransactionActive: true }, getRepository: () => ({ insert: async (row: unknown) => void rows.push(row) }) } as unknown as EntityManager;
}

describe('OutboxService.notifyCommitted', () => {
  afterEach(() => jest.useRealTimers());

  it('does not wake the relay for commits that enqueued nothing', () => {
    const outbox = new OutboxService();
    const wake = jest.fn();
    outbox.onCommitted(wake);
    outbox.notifyCommitted();
    expect(wake).not.toHaveBeenCalled();
  });

  it('wakes the relay for every commit while rows were enqueued recently (concurrent transactions included)', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const outbox = new OutboxService();
    const wake = jest.fn();
    outbox.onCommitted(wake);
    const rows: unknown[] = [];
    await outbox.enqueue(transaction(rows), 'household.v1.application.changed', { n: 1 });
    outbox.notifyCommitted(); // a concurrent transaction without rows commits first
    outbox.notifyCommitted(); // then the one that enqueued
    expect(wake).toHaveBeenCalledTimes(2);
    expect(rows).toHaveLength(1);
    jest.setSystemTime(1_000_000 + OutboxService.WAKE_WINDOW_MS + 1);
    outbox.notifyCommitted();
    expect(wake).toHaveBeenCalledTimes(2);
  });
});
