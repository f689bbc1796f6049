import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Logger } from 'pino';
import { deadLetterStreamOf } from '@onewindow/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { isPermissionViolation, NatsService } from '../nats/nats.service.js';
import { consumerMessages, consumerRedeliveries } from '../observability/metrics.js';
import { extractTraceContext, inSpan, SpanKind } from '../observability/tracing.js';
import { EVENT_ID_HEADER, OutboxService } from './outbox.service.js';
import { cacheValidationMetadata } from '../validation/validation-metadata-cache.js';

export interface EventMeta {
  messageId: string;
  subject: string;
  streamSequence: number;
  redelivered: boolean;
}

export interface ConsumerDefinition<T extends object> {
  /** Durable consumer name, unique per consuming service and purpose, e.g. `counter-inbox-projection`. */
  durable: string;
  stream: { name: string; subjects: string[] };
  /** Subject filter without prefix, e.g. `household.v1.application.changed`; default: whole stream. */
  filterSubject?: string;
  /** Contract class; every message is validated against it on receipt. */
  messageClass: new () => T;
  /**
   * The aggregate whose messages must be applied in order (an application, a transfer's case, a
   * person). While one message of a key is failing, later messages of that key wait behind it;
   * other keys go on. Absent: the whole consumer is one key (strict stream order).
   */
  orderingKey?: (event: T, meta: EventMeta) => string | null | undefined;
  /** Applied in one transaction with the inbox row, so a redelivery is a no-op. */
  handle: (event: T, manager: EntityManager, meta: EventMeta) => Promise<void>;
  /**
   * Whether `handle` has anything to do with this (validated) event. One it returns false for is
   * acknowledged after validation without a transaction, key lock or inbox row — so `handle` must be
   * a no-op for such an event whatever the database holds: skipping it is then the same as applying
   * it in its place, and nothing behind it waits for it. For a consumer that acts on few of the
   * messages of its subject (e.g. complaints' evaluation invitation on completed applications only,
   * out of every change of every application). Absent: every event is handled.
   */
  applies?: (event: T, meta: EventMeta) => boolean;
}

export interface EventConsumerOptions {
  /** Dead letters are announced through the outbox (same transaction as the parking row). */
  outbox?: OutboxService;
  /** Waits before the 1st, 2nd … retry of a parked message; its length is the number of retries. */
  retryBackoffMs?: readonly number[];
  /** How often due parked messages are looked for (0: only by `retryParked()`, for tests). */
  retryTickMs?: number;
  /** Attempts in place (short waits) before a message is parked. */
  inPlaceAttempts?: number;
}

/** 1 s, 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h: a message is given up after about 4 hours. */
export const DEFAULT_RETRY_BACKOFF_MS = [1_000, 5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000] as const;
/** Where a consumer's given-up message is announced; the stream is `deadLetterStreamOf(service)` (`DLQ_<SERVICE>`). */
export const deadLetterSubject = (service: string, consumer: string) => `deadletter.v1.${service}.${consumer}`;
const WHOLE_STREAM_KEY = '*';
/** The advisory lock of one ordering key of one consumer (live path and parked retries alike). */
const lockName = (consumer: string, key: string) => `consumer:${consumer}:${key}`;

/** The announcement of a message given up (no payload: it may hold personal data; the row keeps it). */
export interface DeadLetterRecorded {
  service: string;
  consumer: string;
  parkedId: string;
  messageId: string;
  subject: string;
  streamSequence: number;
  attempts: number;
  error: string;
  at: string;
}

interface Running<T extends object = object> {
  def: ConsumerDefinition<T>;
  stream: string;
  durable: string;
  messages: ConsumerMessages;
  loop: Promise<void>;
}

interface ParkedRow {
  id: string;
  consumer: string;
  ordering_key: string;
  message_id: string;
  subject: string;
  stream_seq: string;
  payload: object;
  attempts: number;
}

/**
 * Durable, idempotent JetStream consumers that nothing stalls and nothing reorders:
 * - each message is validated against its contract class on receipt; an invalid one is a dead
 *   letter at once (it will never become valid);
 * - it is applied at most once per consumer thanks to the inbox table, then acknowledged;
 * - one that keeps failing (after a few quick attempts in place) is parked in the consumer's own
 *   database with its error and acknowledged, so the stream moves on; it is retried with backoff
 *   (`retryBackoffMs`) and given up as a dead letter (DEAD) when the
 *   waits are spent (announced on the service's `DLQ_<SERVICE>` stream). An operator replays or discards it (`npm run dead-letters`);
 * - while a key has a parked message, later messages of that key are parked behind it and applied
 *   in their order once it succeeds (or is discarded): a death-case revocation never overtakes the
 *   follow-up it revokes;
 * - one message in flight per consumer across replicas (`max_ack_pending: 1`), so two replicas keep
 *   stream order too.
 */
@Injectable()
export class EventConsumerHost implements OnApplicationShutdown {
  private readonly running: Running[] = [];
  private readonly definitions = new Map<string, ConsumerDefinition<object>>();
  private readonly waiting: Promise<void>[] = [];
  private stopped = false;
  private retryTimer?: NodeJS.Timeout;
  private retrying?: Promise<number>;
  private readonly backoff: readonly number[];
  private readonly inPlaceAttempts: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly nats: NatsService,
    private readonly logger: Logger,
    private readonly options: EventConsumerOptions = {},
  ) {
    cacheValidationMetadata();
    this.backoff = options.retryBackoffMs ?? DEFAULT_RETRY_BACKOFF_MS;
    this.inPlaceAttempts = options.inPlaceAttempts ?? 3;
  }

  async start<T extends object>(def: ConsumerDefinition<T>): Promise<void> {
    let stream: string;
    try {
      stream = await this.nats.ensureStream(def.stream);
    } catch (err) {
      if (!isPermissionViolation(err)) throw err;
      // Another service's stream that its producer has not created yet: this service may not
      // create it (bus permissions, decision 0026). Attach once it exists, without holding up the boot.
      this.logger.warn({ durable: def.durable, stream: def.stream.name }, 'stream not there yet; the consumer attaches when its producer creates it');
      this.waiting.push(this.attachWhenCreated(def));
      return;
    }
    await this.attach(def, stream);
  }

  private async attachWhenCreated<T extends object>(def: ConsumerDefinition<T>): Promise<void> {
    while (!this.stopped) {
      try {
        if (await this.nats.hasStream(def.stream)) {
          await this.attach(def, this.nats.stream(def.stream.name));
          return;
        }
      } catch (err) {
        this.logger.warn({ durable: def.durable, err: String(err) }, 'waiting for stream failed; retrying');
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  private async attach<T extends object>(def: ConsumerDefinition<T>, stream: string): Promise<void> {
    if (this.options.outbox) await this.nats.ensureStream(deadLetterStreamOf(this.nats.settings.name));
    const durable = this.nats.settings.prefix ? `${this.nats.settings.prefix}_${def.durable}` : def.durable;
    const config = {
      ack_policy: AckPolicy.Explicit,
      ack_wait: 30 * 1_000_000_000,
      // Parking, not redelivery, handles failures; JetStream redelivers only what a crash left unacked.
      max_deliver: -1,
      max_ack_pending: 1,
    };
    try {
      const info = await this.nats.manager.consumers.info(stream, durable);
      if (info.config.max_ack_pending !== 1) await this.nats.manager.consumers.update(stream, durable, { max_ack_pending: 1 });
    } catch {
      await this.nats.manager.consumers.add(stream, {
        durable_name: durable,
        deliver_policy: DeliverPolicy.All,
        ...config,
        ...(def.filterSubject ? { filter_subject: this.nats.subject(def.filterSubject) } : {}),
      });
    }
    this.definitions.set(def.durable, def as unknown as ConsumerDefinition<object>);
    const consumer = await this.nats.js.consumers.get(stream, durable);
    const messages = await consumer.consume({ max_messages: 64 });
    const loop = (async () => {
      for await (const m of messages) {
        if (this.stopped) break;
        await this.observed(def, m);
      }
    })().catch((err) => this.logger.error({ err: String(err), durable }, 'consumer loop ended'));
    this.running.push({ def: def as unknown as ConsumerDefinition<object>, stream, durable, messages, loop });
    const tick = this.options.retryTickMs ?? 1000;
    if (tick > 0 && !this.retryTimer) {
      this.retryTimer = setInterval(() => void this.retryParked().catch((err) => this.logger.warn({ err: String(err) }, 'parked retry pass failed')), tick);
      this.retryTimer.unref();
    }
  }

  /** One message in a consumer span continuing the producer's trace (headers), counted by outcome. */
  private async observed<T extends object>(def: ConsumerDefinition<T>, m: JsMsg): Promise<void> {
    if (m.redelivered) consumerRedeliveries.inc({ consumer: def.durable });
    const subject = this.nats.settings.prefix ? m.subject.slice(this.nats.settings.prefix.length + 1) : m.subject;
    await inSpan(`consume ${def.durable}`, SpanKind.CONSUMER, { 'messaging.system': 'nats', 'messaging.destination.name': subject, 'messaging.consumer.group.name': def.durable },
      extractTraceContext(m.headers), () => this.process(def, m));
  }

  private async process<T extends object>(def: ConsumerDefinition<T>, m: JsMsg): Promise<void> {
    const messageId = m.headers?.get(EVENT_ID_HEADER) || `${m.info.stream}:${m.seq}`;
    const meta: EventMeta = { messageId, subject: m.subject, streamSequence: m.seq, redelivered: m.redelivered };
    let payload: object;
    let event: T;
    try {
      payload = m.json<object>();
      event = await this.validated(def, payload);
    } catch (err) {
      // Never valid, whatever the retries: a dead letter at once, not blocking its key.
      this.logger.error({ durable: def.durable, messageId, subject: m.subject, err: String(err) }, 'invalid event: dead letter');
      consumerMessages.inc({ consumer: def.durable, outcome: 'dead' });
      await this.park(def, { key: null, meta, payload: safeJson(m), error: `INVALID: ${String(err)}`, dead: true }).then(() => m.ack(), () => m.nak(5000));
      return;
    }
    if (!this.applies(def, event, meta)) {
      consumerMessages.inc({ consumer: def.durable, outcome: 'not_applicable' });
      m.ack();
      return;
    }
    const key = this.keyOf(def, event, meta);
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.dataSource.transaction(async (manager) => {
          // Key lock, parked check and inbox row in one round trip (consumer_begin, decision 0039).
          const [{ begun }] = (await manager.query('SELECT consumer_begin($1, $2, $3, $4, $5) AS begun',
            [lockName(def.durable, key), def.durable, key, meta.messageId, meta.subject])) as { begun: 'WAITING' | 'FRESH' | 'DUPLICATE' }[];
          if (begun === 'WAITING') {
            await this.insertParked(manager, def.durable, key, meta, payload, { state: 'PENDING', attempts: 0, error: null, delayMs: 0 });
            return 'parked-behind' as const;
          }
          if (begun === 'FRESH') await def.handle(event, manager, meta);
          return 'applied' as const;
        });
        if (outcome === 'parked-behind') this.logger.info({ durable: def.durable, messageId }, 'event parked behind an earlier failing one of its key');
        consumerMessages.inc({ consumer: def.durable, outcome: outcome === 'applied' ? 'applied' : 'parked_behind' });
        m.ack();
        return;
      } catch (err) {
        this.logger.warn({ durable: def.durable, messageId, attempt, err: String(err) }, 'event handling failed');
        if (this.stopped) return m.nak(5000);
        if (attempt >= this.inPlaceAttempts) {
          try {
            await this.park(def, { key, meta, payload, error: String(err), dead: this.backoff.length === 0 });
            consumerMessages.inc({ consumer: def.durable, outcome: this.backoff.length === 0 ? 'dead' : 'parked' });
            m.ack();
          } catch (parkErr) {
            // The database itself is failing: leave the message to JetStream's redelivery.
            this.logger.warn({ durable: def.durable, messageId, err: String(parkErr) }, 'could not park the event; JetStream will redeliver it');
            consumerMessages.inc({ consumer: def.durable, outcome: 'failed' });
            m.nak(5000);
          }
          return;
        }
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    }
  }

  /**
   * Retry parked messages that are due, in key order: the oldest live message of each key only.
   * Returns how many were applied. Safe with several replicas (rows claimed with SKIP LOCKED, keys
   * under the same advisory lock as the live path).
   */
  async retryParked(): Promise<number> {
    if (this.retrying || this.stopped || this.definitions.size === 0) return 0;
    this.retrying = this.retryPass().finally(() => (this.retrying = undefined));
    return this.retrying;
  }

  private async retryPass(): Promise<number> {
    let applied = 0;
    const heads = (await this.dataSource.query(
      `SELECT p.id, p.consumer, p.ordering_key FROM consumer_parked p
        WHERE p.consumer = ANY($1) AND p.state = 'PENDING' AND p.next_attempt_at <= now()
          AND NOT EXISTS (SELECT 1 FROM consumer_parked q WHERE q.consumer = p.consumer AND q.ordering_key = p.ordering_key AND q.id < p.id AND q.state <> 'DISCARDED')
        ORDER BY p.id LIMIT 50`,
      [[...this.definitions.keys()]],
    )) as Pick<ParkedRow, 'id' | 'consumer' | 'ordering_key'>[];
    for (const head of heads) {
      // Apply the head, then at once whatever waited behind it, until the key is clear or fails again.
      for (let next: string | undefined = head.id; next && !this.stopped;) {
        const r = await this.retryOne(head.consumer, head.ordering_key, next);
        if (r.applied) applied++;
        next = r.next;
      }
    }
    return applied;
  }

  private async retryOne(consumer: string, key: string, id: string): Promise<{ applied: boolean; next?: string }> {
    const def = this.definitions.get(consumer);
    if (!def) return { applied: false };
    let failure: { row: ParkedRow; err: unknown } | undefined;
    const result = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [lockName(consumer, key)]);
      const [row] = (await manager.query(
        `SELECT * FROM consumer_parked WHERE id = $1 AND state = 'PENDING' FOR UPDATE SKIP LOCKED`, [id])) as ParkedRow[];
      if (!row) return { applied: false };
      const earlier: unknown[] = await manager.query(
        `SELECT 1 FROM consumer_parked WHERE consumer = $1 AND ordering_key = $2 AND id < $3 AND state <> 'DISCARDED' LIMIT 1`, [consumer, key, id]);
      if (earlier.length) return { applied: false };
      const meta: EventMeta = { messageId: row.message_id, subject: row.subject, streamSequence: Number(row.stream_seq), redelivered: true };
      try {
        await manager.query('SAVEPOINT parked_apply');
        const event = await this.validated(def, row.payload);
        await this.apply(def, event, manager, meta);
        await manager.query('RELEASE SAVEPOINT parked_apply');
      } catch (err) {
        await manager.query('ROLLBACK TO SAVEPOINT parked_apply');
        failure = { row, err };
        await this.recordFailure(manager, def, row, err);
        return { applied: false };
      }
      await manager.query('DELETE FROM consumer_parked WHERE id = $1', [id]);
      const [after] = (await manager.query(
        `SELECT id FROM consumer_parked WHERE consumer = $1 AND ordering_key = $2 AND state = 'PENDING' ORDER BY id LIMIT 1`, [consumer, key])) as { id: string }[];
      return { applied: true, next: after?.id };
    });
    if (failure) this.logger.warn({ durable: consumer, messageId: failure.row.message_id, attempts: failure.row.attempts + 1, err: String(failure.err) }, 'parked event failed again');
    if (result.applied) this.logger.info({ durable: consumer, id }, 'parked event applied');
    return result;
  }

  private async recordFailure(manager: EntityManager, def: ConsumerDefinition<object>, row: ParkedRow, err: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const dead = attempts > this.backoff.length;
    const delayMs = dead ? 0 : this.backoff[attempts - 1]!;
    await manager.query(
      `UPDATE consumer_parked SET attempts = $2, state = $3, last_error = $4, next_attempt_at = now() + make_interval(secs => $5::bigint / 1000.0), updated_at = now() WHERE id = $1`,
      [row.id, attempts, dead ? 'DEAD' : 'PENDING', String(err).slice(0, 1000), delayMs],
    );
    if (dead) await this.announceDead(manager, def.durable, { ...row, attempts }, String(err));
  }

  /** The consumer's `applies`; one that throws counts as "applies", so the event takes the normal (parking) path instead of ending the loop. */
  private applies<T extends object>(def: ConsumerDefinition<T>, event: T, meta: EventMeta): boolean {
    if (!def.applies) return true;
    try {
      return def.applies(event, meta);
    } catch (err) {
      this.logger.warn({ durable: def.durable, messageId: meta.messageId, err: String(err) }, '`applies` failed; handling the event');
      return true;
    }
  }

  private async validated<T extends object>(def: ConsumerDefinition<T>, payload: object): Promise<T> {
    const event = plainToInstance(def.messageClass, payload);
    const errors = await validate(event, { whitelist: true, forbidUnknownValues: true });
    if (errors.length) throw new Error(errors.map((e) => Object.values(e.constraints ?? {}).join(',') || e.property).join('; '));
    return event;
  }

  /** Inbox row first: a message already applied (redelivery, duplicate publish) is a no-op. */
  private async apply<T extends object>(def: ConsumerDefinition<T>, event: T, manager: EntityManager, meta: EventMeta): Promise<void> {
    const inserted: unknown[] = await manager.query(
      'INSERT INTO inbox (consumer, message_id, subject) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING message_id',
      [def.durable, meta.messageId, meta.subject],
    );
    if (inserted.length === 0) return;
    await def.handle(event, manager, meta);
  }

  private keyOf<T extends object>(def: ConsumerDefinition<T>, event: T, meta: EventMeta): string {
    const k = def.orderingKey?.(event, meta);
    return k ? String(k).slice(0, 200) : WHOLE_STREAM_KEY;
  }

  private async park<T extends object>(def: ConsumerDefinition<T>, p: { key: string | null; meta: EventMeta; payload: object; error: string; dead: boolean }): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      // An invalid message blocks nothing: it gets a key of its own.
      const key = p.key ?? `invalid:${p.meta.messageId}`;
      const id = await this.insertParked(manager, def.durable, key, p.meta, p.payload, {
        state: p.dead ? 'DEAD' : 'PENDING', attempts: 1, error: p.error, delayMs: p.dead ? 0 : this.backoff[0]!,
      });
      if (p.dead && id) {
        await this.announceDead(manager, def.durable, { id, message_id: p.meta.messageId, subject: p.meta.subject, stream_seq: String(p.meta.streamSequence), attempts: 1 }, p.error);
      }
    });
  }

  private async insertParked(
    manager: EntityManager, consumer: string, key: string, meta: EventMeta, payload: object,
    s: { state: 'PENDING' | 'DEAD'; attempts: number; error: string | null; delayMs: number },
  ): Promise<string | undefined> {
    const rows = (await manager.query(
      `INSERT INTO consumer_parked (consumer, ordering_key, message_id, subject, stream_seq, payload, state, attempts, last_error, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now() + make_interval(secs => $10::bigint / 1000.0))
       ON CONFLICT (consumer, message_id) DO NOTHING RETURNING id`,
      [consumer, key, meta.messageId, meta.subject, meta.streamSequence, JSON.stringify(payload), s.state, s.attempts, s.error?.slice(0, 1000) ?? null, s.delayMs],
    )) as { id: string }[];
    return rows[0]?.id;
  }

  private async announceDead(manager: EntityManager, consumer: string, row: Pick<ParkedRow, 'id' | 'message_id' | 'subject' | 'stream_seq' | 'attempts'>, error: string): Promise<void> {
    this.logger.error({ durable: consumer, messageId: row.message_id, subject: row.subject, attempts: row.attempts, err: error }, 'event given up: dead letter');
    if (!this.options.outbox) return;
    const event: DeadLetterRecorded = {
      service: this.nats.settings.name, consumer, parkedId: String(row.id), messageId: row.message_id, subject: row.subject,
      streamSequence: Number(row.stream_seq), attempts: row.attempts, error: error.slice(0, 500), at: new Date().toISOString(),
    };
    await this.options.outbox.enqueue(manager, deadLetterSubject(this.nats.settings.name, consumer), event);
  }

  /** Lag of each running consumer as JetStream sees it (metrics; durable names without the prefix). */
  async consumerStates(): Promise<{ consumer: string; pending: number; ackPending: number; redelivered: number }[]> {
    return Promise.all(this.running.map(async (r) => {
      const info = await this.nats.manager.consumers.info(r.stream, r.durable);
      return { consumer: r.def.durable, pending: info.num_pending, ackPending: info.num_ack_pending, redelivered: info.num_redelivered };
    }));
  }

  /** Parked and dead messages per consumer and state (metrics). */
  async parkedByConsumer(): Promise<{ consumer: string; state: string; count: number }[]> {
    return (await this.dataSource.query(
      `SELECT consumer, state, count(*)::int AS count FROM consumer_parked WHERE state <> 'DISCARDED' GROUP BY consumer, state`,
    )) as { consumer: string; state: string; count: number }[];
  }

  /** Parked and dead messages of this service's consumers (system status). */
  async parkedCounts(): Promise<{ pending: number; dead: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE state = 'PENDING')::int AS pending, count(*) FILTER (WHERE state = 'DEAD')::int AS dead FROM consumer_parked`,
    )) as { pending: number; dead: number }[];
    return row ?? { pending: 0, dead: 0 };
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearInterval(this.retryTimer);
    await Promise.all(this.waiting);
    for (const r of this.running) {
      await r.messages.close().catch(() => undefined);
    }
    await Promise.all(this.running.map((r) => r.loop));
    await this.retrying?.catch(() => undefined);
  }
}

function safeJson(m: JsMsg): object {
  try {
    const v = m.json<unknown>();
    return v !== null && typeof v === 'object' ? (v as object) : { value: v };
  } catch {
    return { raw: m.string().slice(0, 10_000) };
  }
}
