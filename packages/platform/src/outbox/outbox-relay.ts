import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { NatsService } from '../nats/nats.service.js';
import { OutboxEntity } from './outbox.entity.js';
import { OutboxService } from './outbox.service.js';

export interface OutboxRelayOptions {
  intervalMs: number;
  batchSize: number;
  /** Test seam: called after a row is published and before it is marked, to simulate a crash. */
  afterPublish?: (row: OutboxEntity) => void | Promise<void>;
}

/**
 * Publishes outbox rows to JetStream in `seq` order, each with Nats-Msg-Id = row id so JetStream
 * drops a re-publish after a crash between publish and mark. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so several relay instances never publish the same row concurrently.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly nats: NatsService,
    private readonly outbox: OutboxService,
    private readonly logger: Logger,
    private readonly options: OutboxRelayOptions,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.intervalMs <= 0) return;
    this.outbox.onCommitted(() => void this.kick());
    this.timer = setInterval(() => void this.kick(), this.options.intervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Run one pass now (or right after the current one). */
  async kick(): Promise<void> {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => (this.running = undefined));
    await this.running.catch((err) => this.logger.warn({ err: String(err) }, 'outbox relay pass failed'));
    if (this.again && !this.stopped) {
      this.again = false;
      await this.kick();
    }
  }

  /** Publish until nothing is pending. Returns the number published. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.publishBatch();
      total += n;
      if (n < this.options.batchSize) return total;
    }
  }

  async publishBatch(): Promise<number> {
    if (!this.nats.isConnected()) return 0;
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager
        .getRepository(OutboxEntity)
        .createQueryBuilder('o')
        .where('o.published_at IS NULL')
        .orderBy('o.seq', 'ASC')
        .limit(this.options.batchSize)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      let published = 0;
      for (const row of rows) {
        try {
          const h = natsHeaders();
          for (const [k, v] of Object.entries(row.headers ?? {})) h.set(k, v);
          await this.nats.js.publish(this.nats.subject(row.subject), JSON.stringify(row.payload), { msgID: row.id, headers: h, timeout: 5000 });
          if (this.options.afterPublish) await this.options.afterPublish(row);
          await manager.update(OutboxEntity, { id: row.id }, { publishedAt: new Date(), attempts: row.attempts + 1, lastError: null });
          published++;
        } catch (err) {
          // Keep order: stop at the first failure and retry this row on the next pass.
          await manager.update(OutboxEntity, { id: row.id }, { attempts: row.attempts + 1, lastError: String(err).slice(0, 500) });
          this.logger.warn({ subject: row.subject, id: row.id, err: String(err) }, 'outbox publish failed; will retry');
          break;
        }
      }
      return published;
    });
  }
}
