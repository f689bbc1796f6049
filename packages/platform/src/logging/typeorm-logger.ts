import type { Logger as TypeOrmLogger } from 'typeorm';
import type { Logger } from 'pino';
import { redactText } from './redact.js';

const MAX_SQL = 300;
const sql = (query: string) => redactText(query.length > MAX_SQL ? `${query.slice(0, MAX_SQL)}…` : query);

/**
 * TypeORM's log through pino, never with the query's parameters (they are citizens' data: a failed
 * audit insert must not print the ID number it was writing). Errors and warnings only.
 */
export class PinoTypeOrmLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    this.logger.error({ err: typeof error === 'string' ? new Error(error) : error, sql: sql(query) }, 'query failed');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, sql: sql(query) }, 'slow query');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.info(redactText(message));
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(redactText(String(message)));
  }
}
