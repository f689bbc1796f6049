import 'reflect-metadata';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { BaseServiceConfig, ConfigError, loadConfig, redactConfig } from '../config/config.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../database/embedded-postgres.js';
import { createLogger, PinoNestLogger } from '../logging/logger.js';
import { natsConnectionOptions, natsSettingsOf } from '../nats/nats.service.js';
import { parseTestRpcDelays, PrefixedNatsServer } from '../nats/rpc-server.js';
import { initMetrics } from '../observability/metrics.js';
import { otlpEndpointFrom, startTracing, stopTracing } from '../observability/tracing.js';
import type { ServiceRuntime } from './platform.module.js';

export interface ServiceBootOptions<C extends BaseServiceConfig> {
  name: string;
  version: string;
  configClass: new () => C;
  /** Builds the root module once config is known. */
  module: (rt: ServiceRuntime<C>) => DynamicModule;
  env?: Record<string, string | undefined>;
  overrides?: Record<string, string | undefined>;
  ownsSystemStatusQuery?: boolean;
}

export interface RunningService<C extends BaseServiceConfig> {
  app: INestApplication;
  config: C;
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Boots a hybrid service: GraphQL subgraph over HTTP plus the NATS listener, on the platform kit.
 * Config is validated first (ConfigError stops the boot); without DATABASE_URL (demo mode) the
 * service gets its own database on the embedded PostgreSQL server under DATA_DIR (started if none
 * runs there; decision 0030).
 */
export async function bootstrapService<C extends BaseServiceConfig>(opts: ServiceBootOptions<C>): Promise<RunningService<C>> {
  const config = loadConfig(opts.name, opts.configClass, opts.env ?? process.env, opts.overrides ?? {});
  const logger = createLogger(opts.name, config.LOG_LEVEL);
  logger.info({ config: redactConfig(config) }, 'starting');
  initMetrics(opts.name);
  const endpoint = config.ONEWINDOW_OTLP_ENDPOINT ? otlpEndpointFrom({ ONEWINDOW_OTLP_ENDPOINT: config.ONEWINDOW_OTLP_ENDPOINT }) : otlpEndpointFrom(opts.env ?? process.env);
  if (await startTracing({ endpoint, service: opts.name, version: opts.version })) logger.info({ endpoint }, 'tracing on (OTLP/HTTP)');
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(config.DATA_DIR, opts.name, logger);
    databaseUrl = embedded.url;
  }
  const rt: ServiceRuntime<C> = { name: opts.name, version: opts.version, config, databaseUrl, logger, ownsSystemStatusQuery: opts.ownsSystemStatusQuery };
  const app = await NestFactory.create(opts.module(rt), { logger: new PinoNestLogger(logger), abortOnError: false });
  app.connectMicroservice<MicroserviceOptions>(
    { strategy: new PrefixedNatsServer(natsConnectionOptions(natsSettingsOf(config, opts.name, `${opts.name}-rpc`)), config.NATS_PREFIX, opts.name,
      config.APP_MODE === 'test' ? parseTestRpcDelays(config.TEST_RPC_DELAYS) : undefined) },
    { inheritAppConfig: true },
  );
  app.enableShutdownHooks();
  keepConnectionsLongerThanClients(app.getHttpServer());
  await app.startAllMicroservices();
  await app.listen(config.PORT, config.HOST);
  const addr = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${addr.port}`;
  logger.info({ url: `${url}/graphql` }, 'service ready');
  return {
    app,
    config,
    url,
    port: addr.port,
    async close() {
      await app.close();
      await stopTracing();
      await embedded?.stop();
    },
  };
}

/** Entry point helper for main.ts: one clear line and exit code 1 on bad config or failed boot. */
export async function runService<C extends BaseServiceConfig>(opts: ServiceBootOptions<C>): Promise<void> {
  try {
    const svc = await bootstrapService(opts);
    const stop = async () => {
      await svc.close().catch(() => undefined);
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
    } else {
      process.stderr.write(`[${opts.name}] failed to start: ${(err as Error).message}\n`);
    }
    process.exit(1);
  }
}

/**
 * Node's HTTP server drops an idle keep-alive connection after 5 s, while the gateway's HTTP client
 * keeps idle sockets for longer: a request sent on a socket the server is closing fails with
 * ECONNRESET ("服务暂不可用") although the service is fine. The server side must outlive the client
 * side, as behind any load balancer.
 */
export function keepConnectionsLongerThanClients(server: { keepAliveTimeout: number; headersTimeout: number }): void {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}
