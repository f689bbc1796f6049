import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type ConnectionOptions, type NatsConnection } from '@nats-io/transport-node';
import { busInboxPrefix, EVENT_STREAM_DUPLICATE_WINDOW_NS } from '@onewindow/contracts';
import type { Logger } from 'pino';

export interface NatsSettings {
  url: string;
  prefix: string;
  /** Connection name shown by the server (monitoring); not a credential. */
  name: string;
  /** The bus user (decision 0026); absent = an unauthenticated connection (a test server without authorization). */
  user?: string;
  password?: string;
  /** PEM files: the server's CA, and the client certificate + key for mutual TLS. */
  tls?: { ca?: string; cert?: string; key?: string };
}

/** The NatsSettings of a service from its config: user defaults to the service name. */
export function natsSettingsOf(
  config: { NATS_URL: string; NATS_PREFIX: string; NATS_USER?: string; NATS_PASSWORD?: string; NATS_TLS_CA?: string; NATS_TLS_CERT?: string; NATS_TLS_KEY?: string },
  service: string,
  name = service,
): NatsSettings {
  const tls = config.NATS_TLS_CA || config.NATS_TLS_CERT ? { ca: config.NATS_TLS_CA, cert: config.NATS_TLS_CERT, key: config.NATS_TLS_KEY } : undefined;
  return {
    url: config.NATS_URL,
    prefix: config.NATS_PREFIX,
    name,
    ...(config.NATS_PASSWORD ? { user: config.NATS_USER ?? service, password: config.NATS_PASSWORD } : {}),
    ...(tls ? { tls } : {}),
  };
}

/**
 * Client options for one connection of a bus user: credentials, TLS and the user's own reply
 * inbox (`_INBOX_<user>`): the server lets each user subscribe to its own inbox only, so no
 * service can read another's replies (ID numbers, tokens).
 */
export function natsConnectionOptions(settings: NatsSettings): ConnectionOptions {
  const tls = settings.tls
    ? { ...(settings.tls.ca ? { caFile: settings.tls.ca } : {}), ...(settings.tls.cert ? { certFile: settings.tls.cert, keyFile: settings.tls.key } : {}) }
    : undefined;
  return {
    servers: settings.url.split(','),
    name: settings.name,
    ...(settings.user ? { user: settings.user, pass: settings.password, inboxPrefix: busInboxPrefix(settings.user, settings.prefix) } : {}),
    ...(tls ? { tls } : {}),
  };
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
      ...natsConnectionOptions(this.settings),
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1000,
    });
    this.jsClient = jetstream(this.nc);
    this.jsm = await jetstreamManager(this.nc);
    this.logger.info({ url: this.settings.url, prefix: this.settings.prefix, user: this.settings.user ?? null }, 'NATS connected');
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
        await this.manager.streams.add({ name, subjects, duplicate_window: EVENT_STREAM_DUPLICATE_WINDOW_NS });
      } catch (err) {
        // Another instance may have created it concurrently.
        await this.manager.streams.info(name).catch(() => {
          throw err;
        });
      }
    }
    return name;
  }

  /** Whether the stream exists (a consumer of another service's stream may not create it, decision 0026). */
  async hasStream(def: { name: string }): Promise<boolean> {
    try {
      await this.manager.streams.info(this.stream(def.name));
      return true;
    } catch (err) {
      if (isPermissionViolation(err)) throw err;
      return false;
    }
  }

  isConnected(): boolean {
    return !!this.nc && !this.nc.isClosed();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.nc && !this.nc.isClosed()) await this.nc.drain().catch(() => this.nc?.close());
  }
}

/** The server refused a publish or subscription this user has no permission for. */
export function isPermissionViolation(err: unknown): boolean {
  return err instanceof Error && /permissions violation/i.test(err.message);
}
