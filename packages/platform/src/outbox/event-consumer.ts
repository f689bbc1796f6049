import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AckPolicy, DeliverPolicy, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { isPermissionViolation, NatsService } from '../nats/nats.service.js';
import { EVENT_ID_HEADER } from './outbox.service.js';

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
  /** Applied in one transaction with the inbox row, so a redelivery is a no-op. */
  handle: (event: T, manager: EntityManager, meta: EventMeta) => Promise<void>;
}

/**
 * Durable, idempotent JetStream consumers. Each message is validated against its contract class
 * (invalid ones are terminated and logged, never retried forever), applied at most once per
 * consumer thanks to the inbox table, then acknowledged. Messages are processed one at a time per
 * consumer, retried in place before being negatively acknowledged, so order per stream holds.
 */
@Injectable()
export class EventConsumerHost implements OnApplicationShutdown {
  private readonly running: { messages: ConsumerMessages; loop: Promise<void> }[] = [];
  private readonly waiting: Promise<void>[] = [];
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly nats: NatsService,
    private readonly logger: Logger,
  ) {}

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
    const durable = this.nats.settings.prefix ? `${this.nats.settings.prefix}_${def.durable}` : def.durable;
    try {
      await this.nats.manager.consumers.info(stream, durable);
    } catch {
      await this.nats.manager.consumers.add(stream, {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: 30 * 1_000_000_000,
        max_deliver: -1,
        ...(def.filterSubject ? { filter_subject: this.nats.subject(def.filterSubject) } : {}),
      });
    }
    const consumer = await this.nats.js.consumers.get(stream, durable);
    const messages = await consumer.consume({ max_messages: 64 });
    const loop = (async () => {
      for await (const m of messages) {
        if (this.stopped) break;
        await this.process(def, m);
      }
    })().catch((err) => this.logger.error({ err: String(err), durable }, 'consumer loop ended'));
    this.running.push({ messages, loop });
  }

  private async process<T extends object>(def: ConsumerDefinition<T>, m: JsMsg): Promise<void> {
    const messageId = m.headers?.get(EVENT_ID_HEADER) || `${m.info.stream}:${m.seq}`;
    const meta: EventMeta = { messageId, subject: m.subject, streamSequence: m.seq, redelivered: m.redelivered };
    let event: T;
    try {
      event = plainToInstance(def.messageClass, m.json<object>());
      const errors = await validate(event, { whitelist: true, forbidUnknownValues: true });
      if (errors.length) throw new Error(errors.map((e) => Object.values(e.constraints ?? {}).join(',') || e.property).join('; '));
    } catch (err) {
      this.logger.error({ durable: def.durable, messageId, subject: m.subject, err: String(err) }, 'invalid event terminated');
      m.term();
      return;
    }
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dataSource.transaction(async (manager) => {
          const inserted: unknown[] = await manager.query(
            'INSERT INTO inbox (consumer, message_id, subject) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING message_id',
            [def.durable, messageId, m.subject],
          );
          if (inserted.length === 0) return; // already applied: redelivery or duplicate publish
          await def.handle(event, manager, meta);
        });
        m.ack();
        return;
      } catch (err) {
        this.logger.warn({ durable: def.durable, messageId, attempt, err: String(err) }, 'event handling failed');
        if (attempt >= 3 || this.stopped) {
          m.nak(5000);
          return;
        }
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.waiting);
    for (const r of this.running) {
      await r.messages.close().catch(() => undefined);
    }
    await Promise.all(this.running.map((r) => r.loop));
  }
}
