import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';

export interface NatsSettings {
  url: string;
  prefix: string;
  name: string;
}

/**
 * The service's one NATS connection (request/reply client, JetStream publishing and consuming).
 * All subject and stream names pass through `subject()` / `stream()` so a deployment prefix
 * (random per test run) keeps runs apart.
 */
@Injectable()
export class NatsService implements OnApplicationShutdown {
  private nc?: NatsConnection;
  private jsClient?: JetStreamClient;
  private jsm?: JetStreamManager;

  constructor(readonly settings: NatsSettings, private readonly logger: Logger) {}

  async connect(): Promise<void> {
    this.nc = await connect({
      servers: this.settings.url.split(','),
      name: this.settings.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1000,
    });
    this.jsClient = jetstream(this.nc);
    this.jsm = await jetstreamManager(this.nc);
    this.logger.info({ url: this.settings.url, prefix: this.settings.prefix }, 'NATS connected');
  }

  get connection(): NatsConnection {
    if (!this.nc) throw new Error('NATS not connected');
    return this.nc;
  }
  get js(): JetStreamClient {
    if (!this.jsClient) throw new Error('NATS not connected');
    return this.jsClient;
  }
  get manager(): JetStreamManager {
    if (!this.jsm) throw new Error('NATS not connected');
    return this.jsm;
  }

  subject(name: string): string {
    return this.settings.prefix ? `${this.settings.prefix}.${name}` : name;
  }

  stream(name: string): string {
    return this.settings.prefix ? `${this.settings.prefix}_${name}` : name;
  }

  /** Create the stream if missing (idempotent; producers and consumers both call it). */
  async ensureStream(def: { name: string; subjects: string[] }): Promise<string> {
    const name = this.stream(def.name);
    const subjects = def.subjects.map((s) => this.subject(s));
    try {
      await this.manager.streams.info(name);
    } catch {
      try {
        await this.manager.streams.add({ name, subjects, duplicate_window: 2 * 60 * 1_000_000_000 });
      } catch (err) {
        // Another instance may have created it concurrently.
        await this.manager.streams.info(name).catch(() => {
          throw err;
        });
      }
    }
    return name;
  }

  isConnected(): boolean {
    return !!this.nc && !this.nc.isClosed();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.nc && !this.nc.isClosed()) await this.nc.drain().catch(() => this.nc?.close());
  }
}
