import type { DataSourceOptions, MixedList } from 'typeorm';
import type { DatabaseTls } from './database-tls.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { PinoTypeOrmLogger } from '../logging/typeorm-logger.js';
import { AuditLogEntity } from '../audit/audit-log.entity.js';
import { InboxEntity } from '../outbox/inbox.entity.js';
import { OutboxEntity } from '../outbox/outbox.entity.js';
import { AuditLogQueryIndexes1764100000001 } from '../audit/migrations/1764100000001-AuditLogQueryIndexes.js';
import { AuditLogHashChain1764100000003 } from '../audit/migrations/1764100000003-AuditLogHashChain.js';
import { PlatformTables1764100000000 } from './platform-tables.migration.js';
import { PublicAccessTables1764100000002 } from '../public-access/migrations/1764100000002-PublicAccessTables.js';
import { PhoneCodeEntity, RateLimitHitEntity } from '../public-access/public-access.entities.js';
import { JobLeases1764100000010 } from '../jobs/migrations/1764100000010-JobLeases.js';
import { OutboxTraceparent1764100000030 } from '../observability/migrations/1764100000030-OutboxTraceparent.js';
import { ConsumerParking1764100000011 } from '../outbox/migrations/1764100000011-ConsumerParking.js';
import { ConsumerBegin1798400000000 } from '../outbox/migrations/1798400000000-ConsumerBegin.js';
import { DeadlineCommitCheck } from '../nats/call-deadline.js';

export const PLATFORM_ENTITIES = [OutboxEntity, InboxEntity, AuditLogEntity, PhoneCodeEntity, RateLimitHitEntity];
export const PLATFORM_MIGRATIONS = [PlatformTables1764100000000, AuditLogQueryIndexes1764100000001, PublicAccessTables1764100000002,
  AuditLogHashChain1764100000003, JobLeases1764100000010, ConsumerParking1764100000011,
  OutboxTraceparent1764100000030, ConsumerBegin1798400000000];

export interface DataSourceInput {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  migrationsRun: boolean;
  poolSize?: number;
  /** Where TypeORM's errors go (through pino, without query parameters); a logger of its own when absent. */
  logger?: Logger;
  /** TLS to PostgreSQL (databaseTls(); DATABASE_SSL_MODE / DATABASE_SSL_CA). */
  ssl?: DatabaseTls;
}

/** TypeORM options every service uses: migrations always, never `synchronize`. */
export function buildDataSourceOptions(input: DataSourceInput): DataSourceOptions {
  return {
    type: 'postgres',
    url: input.url,
    entities: [...PLATFORM_ENTITIES, ...(input.entities as unknown[] as never[])],
    migrations: [...PLATFORM_MIGRATIONS, ...(input.migrations as unknown[] as never[])],
    migrationsRun: input.migrationsRun,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Inside an RPC handler, no commit after the caller has given up (decision 0033).
    subscribers: [DeadlineCommitCheck],
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite; no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: input.poolSize ?? 10 },
    ...(input.ssl ? { ssl: input.ssl } : {}),
    logging: ['error', 'warn'],
    logger: new PinoTypeOrmLogger(input.logger ?? createLogger('typeorm')),
  };
}
