import { PhoneCodeService } from '../public-access/phone-code.service.js';
import { RateLimiter } from '../public-access/rate-limiter.js';
import { type DynamicModule, Global, type MiddlewareConsumer, Module, type NestModule, type Provider, type Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE, Reflector } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ScheduleModule } from '@nestjs/schedule';
import { TerminusModule } from '@nestjs/terminus';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource, MixedList } from 'typeorm';
import { loadOverridesFile, WorkingCalendar } from '@onewindow/calendar';
import { streamOf, type ServiceName } from '@onewindow/contracts';
import type { Logger } from 'pino';
import { AuditService } from '../audit/audit.service.js';
import { createAuditQueryHandler } from '../audit/audit-query.handler.js';
import { AuditQueryService } from '../audit/audit-query.service.js';
import { MutationAuditInterceptor } from '../audit/mutation-audit.interceptor.js';
import { IdentityGuard } from '../auth/identity.guard.js';
import { IdentitySigner } from '../auth/identity-token.js';
import type { BaseServiceConfig } from '../config/config.js';
import { buildDataSourceOptions } from '../database/data-source.js';
import { runMigrationsAsOwner } from '../database/migrate-as-owner.js';
import { databaseTls } from '../database/database-tls.js';
import { PlatformExceptionFilter } from '../errors/exception.filter.js';
import { createValidationPipe } from '../errors/validation.js';
import { subgraphOptions } from '../graphql/subgraph.js';
import { LocalDateScalar } from '../graphql/local-date.scalar.js';
import { createSystemStatusResolver } from '../graphql/system-status.js';
import { HealthController } from '../health/health.controller.js';
import { HealthService } from '../health/health.service.js';
import { LOGGER } from '../logging/logger.js';
import { BusinessClock } from '../clock/business-clock.js';
import { NatsService, natsSettingsOf } from '../nats/nats.service.js';
import { RpcClient } from '../nats/rpc-client.js';
import { EventConsumerHost } from '../outbox/event-consumer.js';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { configureSubjectRefSealing } from '../policy/sealed-subject-ref.js';
import { createMetricsController, HttpTraceMiddleware } from '../observability/http-observability.js';
import { addScrapeSource } from '../observability/metrics.js';

export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/** Everything known about a service once its config is loaded and its database is reachable. */
export interface ServiceRuntime<C extends BaseServiceConfig = BaseServiceConfig> {
  name: string;
  version: string;
  config: C;
  databaseUrl: string;
  logger: Logger;
  /** Only the counter owns `Query.systemStatus`. */
  ownsSystemStatusQuery?: boolean;
  outboxIntervalMs?: number;
}

export interface PlatformFeatures {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  /**
   * Federation entities this subgraph only extends (e.g. `Citizen` owned by household): no local
   * query returns them, so they must be listed to appear in the schema.
   */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
}

/**
 * The platform kit as one global module: config, logging, TypeORM (migrations, no synchronize),
 * NATS + JetStream, RPC client, outbox + relay, durable consumers, auth guard, validation pipe,
 * error filter, audit, health, and the Federation 2 subgraph.
 */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  /** Each GraphQL request in a server span continuing the caller's trace (decision 0032). */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpTraceMiddleware).forRoutes('graphql');
  }

  static forRoot(rt: ServiceRuntime, features: PlatformFeatures): DynamicModule {
    const signer = new IdentitySigner(rt.config.INTERNAL_IDENTITY_SECRET, { audience: rt.name });
    configureSubjectRefSealing(rt.config.INTERNAL_IDENTITY_SECRET);
    const providers: Provider[] = [
      { provide: SERVICE_CONFIG, useValue: rt.config },
      { provide: LOGGER, useValue: rt.logger },
      { provide: IdentitySigner, useValue: signer },
      { provide: BusinessClock, useValue: new BusinessClock(rt.config.CLOCK_FIXED_DATE, rt.config.APP_MODE) },
      // One working calendar per service, with the deployment's overrides (限时办结, retention dates).
      { provide: WorkingCalendar, useFactory: () => workingCalendarOf(rt.config) },
      {
        provide: NatsService,
        useFactory: async () => {
          const nats = new NatsService(natsSettingsOf(rt.config, rt.name), rt.logger);
          await nats.connect();
          // The service's own event stream exists before its outbox relay publishes into it.
          await nats.ensureStream(streamOf(rt.name as ServiceName));
          return nats;
        },
      },
      { provide: RpcClient, useFactory: (n: NatsService, s: IdentitySigner) => new RpcClient(n, s, rt.config.RPC_TIMEOUT_MS), inject: [NatsService, IdentitySigner] },
      OutboxService,
      {
        provide: OutboxRelay,
        useFactory: (ds, n: NatsService, o: OutboxService) =>
          new OutboxRelay(ds, n, o, rt.logger, { intervalMs: rt.outboxIntervalMs ?? 1000, batchSize: 100 }),
        inject: [getDataSourceToken(), NatsService, OutboxService],
      },
      {
        provide: EventConsumerHost,
        useFactory: (ds, n: NatsService, o: OutboxService) => new EventConsumerHost(ds, n, rt.logger, { outbox: o }),
        inject: [getDataSourceToken(), NatsService, OutboxService],
      },
      AuditService,
      AuditQueryService,
      RateLimiter,
      { provide: PhoneCodeService, useFactory: (ds: DataSource) => new PhoneCodeService(ds, rt.config.INTERNAL_IDENTITY_SECRET), inject: [getDataSourceToken()] },
      { provide: APP_INTERCEPTOR, useFactory: (a: AuditService) => new MutationAuditInterceptor(a, rt.logger), inject: [AuditService] },
      HealthService,
      {
        // Outbox backlog, parked/dead letters and consumer lag, read when Prometheus scrapes (decision 0032).
        provide: 'metrics-scrape-source',
        useFactory: (ds: DataSource, consumers: EventConsumerHost) => {
          const source = {
            async outboxBacklog() {
              const [row] = (await ds.query(
                `SELECT count(*)::int AS rows, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS age FROM outbox WHERE published_at IS NULL`,
              )) as { rows: number; age: number }[];
              return { rows: row?.rows ?? 0, oldestAgeSeconds: row?.age ?? 0 };
            },
            parkedCounts: () => consumers.parkedByConsumer(),
            consumerStates: () => consumers.consumerStates(),
          };
          addScrapeSource(source);
          return source;
        },
        inject: [getDataSourceToken(), EventConsumerHost],
      },
      LocalDateScalar,
      createSystemStatusResolver(rt.name, rt.version, rt.ownsSystemStatusQuery ?? false) as Type<unknown>,
      {
        provide: APP_GUARD,
        // A refusal by role is audited like any other read or action (outcome DENIED).
        useFactory: (r: Reflector, audit: AuditService) =>
          new IdentityGuard(r, signer, (d) =>
            audit.record(d.identity, {
              action: 'ACCESS_DENIED', subjectType: 'Operation', subjectRef: d.operation, purpose: d.purpose, outcome: 'DENIED',
              details: { transport: d.transport, requiredRoles: d.requiredRoles },
            })),
        inject: [Reflector, AuditService],
      },
      { provide: APP_PIPE, useFactory: () => createValidationPipe() },
      { provide: APP_FILTER, useFactory: () => new PlatformExceptionFilter(rt.logger) },
    ];
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            const options = buildDataSourceOptions({
              url: rt.databaseUrl,
              entities: features.entities,
              migrations: features.migrations,
              migrationsRun: rt.config.MIGRATIONS_RUN === 'true',
              logger: rt.logger,
              // the embedded database is local to the process: TLS only for a configured DATABASE_URL
              ssl: rt.config.DATABASE_URL ? databaseTls(rt.config.DATABASE_SSL_MODE, rt.config.DATABASE_SSL_CA) : undefined,
            });
            // A separate owner role (decision 0027): it migrates, the service's own role only reads and writes rows.
            // Always under the migration lock, so replicas booting together never race (decision 0033).
            const ownerUrl = rt.config.DATABASE_URL ? rt.config.DATABASE_OWNER_URL : undefined;
            if (!options.migrationsRun) return options;
            await runMigrationsAsOwner(options, ownerUrl ?? rt.databaseUrl);
            return { ...options, migrationsRun: false };
          },
        }),
        GraphQLModule.forRoot(subgraphOptions(signer, rt.config.APP_MODE, features.orphanedTypes ?? [], rt.logger)),
        TerminusModule,
        ScheduleModule.forRoot(),
      ],
      controllers: [HealthController, createAuditQueryHandler(rt.name),
        createMetricsController({ token: rt.config.METRICS_TOKEN, production: rt.config.APP_MODE === 'production' })],
      providers,
      exports: [SERVICE_CONFIG, LOGGER, BusinessClock, WorkingCalendar, IdentitySigner, NatsService, RpcClient, OutboxService, OutboxRelay, EventConsumerHost, AuditService, AuditQueryService, RateLimiter, PhoneCodeService, HealthService],
    };
  }
}

/** The statutory working calendar, with the years of CALENDAR_OVERRIDES_FILE replacing the library's. */
export function workingCalendarOf(config: Pick<BaseServiceConfig, 'CALENDAR_OVERRIDES_FILE'>): WorkingCalendar {
  const file = config.CALENDAR_OVERRIDES_FILE?.trim();
  return file ? WorkingCalendar.withOverrides(loadOverridesFile(file)) : WorkingCalendar.default();
}
