import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { NatsService } from '../nats/nats.service.js';
import { outboxPublished, outboxPublishErrors } from '../observability/metrics.js';
import { extractTraceContext, inSpan, injectTraceContext, SpanKind, tracingEnabled } from '../observability/tracing.js';
import { OutboxEntity } from './outbox.entity.js';
import { OutboxService } from './outbox.service.js';

export interface OutboxRelayOptions {
  intervalMs: number;
  batchSize: number;
  /** Test seam: called after a row is published and before it is marked, to simulate a crash. */
  afterPublish?: (row: Pick<OutboxEntity, 'id' | 'subject' | 'payload'>) => void | Promise<void>;
}

/** The order that matters: rows of one aggregate type of one service (`household.v1.transfer`). */
export function orderingGroup(subject: string): string {
  return subject.split('.').slice(0, 3).join('.');
}

/** Wait before retrying a row that failed `attempts` times: 0.5 s doubling, at most 10 s. */
export function relayBackoffMs(attempts: number): number {
  return Math.min(10_000, 500 * 2 ** Math.max(0, Math.min(attempts - 1, 10)));
}

/**
 * Publishes outbox rows to JetStream in `seq` order, each with Nats-Msg-Id = row id so JetStream
 * drops a re-publish after a crash between publish and mark. One relay at a time per database
 * (a transaction-level advisory lock: with several replicas, the others skip their pass), so
 * replicas never publish out of order. A row that fails is retried with backoff
 * (`next_attempt_at`); later rows of its ordering group wait behind it, rows of other groups go on.
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

  /** Publish until nothing more can go out now. Returns the number published. */
  async drain(): Promise<number> {
    let total = 0;
    // Groups held back in this pass (a row failing or waiting for its retry): later batches skip them.
    const blocked = new Set<string>();
    for (;;) {
      const { published, full } = await this.batch(blocked);
      total += published;
      if (!full) return total;
    }
  }

  /** One batch (tests). */
  async publishBatch(): Promise<number> {
    return (await this.batch(new Set())).published;
  }

  private async batch(blocked: Set<string>): Promise<{ published: number; full: boolean }> {
    if (!this.nats.isConnected()) return { published: 0, full: false };
    return this.dataSource.transaction(async (manager) => {
      const [{ leader }] = (await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext('outbox-relay')) AS leader`)) as { leader: boolean }[];
      if (!leader) return { published: 0, full: false };
      const rows = (await manager.query(
        `SELECT id, subject, payload, headers, attempts, trace_parent AS "traceParent", (next_attempt_at IS NOT NULL AND next_attempt_at > now()) AS waiting
           FROM outbox WHERE published_at IS NULL AND NOT (subject LIKE ANY($2::text[])) ORDER BY seq LIMIT $1`,
        [this.options.batchSize, [...blocked].map((g) => `${g.replace(/[\\%_]/g, '\\$&')}.%`)],
      )) as (Pick<OutboxEntity, 'id' | 'subject' | 'payload' | 'headers' | 'attempts' | 'traceParent'> & { waiting: boolean })[];
      // Rows published but not yet marked: marked together in one statement (a crash before the mark
      // re-publishes them with the same Nats-Msg-Id, which JetStream drops as duplicates).
      const sent: string[] = [];
      const markSent = async () => {
        if (!sent.length) return;
        await manager.query(
          `UPDATE outbox SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`, [sent.splice(0)]);
      };
      let published = 0;
      for (const row of rows) {
        const group = orderingGroup(row.subject);
        if (blocked.has(group)) continue;
        if (row.waiting) {
          blocked.add(group);
          continue;
        }
        try {
          const h = natsHeaders();
          for (const [k, v] of Object.entries(row.headers ?? {})) h.set(k, v);
          // The publish continues the trace of the transaction that wrote the row; the consumer continues it from the headers.
          const parent = tracingEnabled() && row.traceParent ? extractTraceContext({ get: (k) => (k === 'traceparent' ? row.traceParent : undefined) }) : undefined;
          await inSpan(`outbox.publish ${row.subject}`, SpanKind.PRODUCER, { 'messaging.system': 'nats', 'messaging.destination.name': row.subject }, parent, async () => {
            injectTraceContext(h);
            await this.nats.js.publish(this.nats.subject(row.subject), JSON.stringify(row.payload), { msgID: row.id, headers: h, timeout: 5000 });
          });
          if (this.options.afterPublish) await this.options.afterPublish(row);
          sent.push(row.id);
          published++;
          outboxPublished.inc();
        } catch (err) {
          // Keep order within the group: its later rows wait behind this one, retried with backoff.
          const attempts = row.attempts + 1;
          outboxPublishErrors.inc();
          await markSent();
          await manager.query(
            `UPDATE outbox SET attempts = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4::bigint / 1000.0) WHERE id = $1`,
            [row.id, attempts, String(err).slice(0, 500), relayBackoffMs(attempts)],
          );
          this.logger.warn({ subject: row.subject, id: row.id, attempts, err: String(err) }, 'outbox publish failed; will retry');
          blocked.add(group);
          if (!this.nats.isConnected()) return { published, full: false };
        }
      }
      await markSent();
      return { published, full: rows.length >= this.options.batchSize };
    });
  }
}
