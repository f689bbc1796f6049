import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxService } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Lets services group repository calls into one transaction without touching the ORM: the
 * manager is passed through to repositories untouched. After a commit the outbox relay is woken
 * so queued events leave at once.
 */
@Injectable()
export class TransactionRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource, private readonly outbox: OutboxService) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.outbox.notifyCommitted();
    return result;
  }
}

/** Postgres unique violation (SQLSTATE 23505), as wrapped by TypeORM's QueryFailedError. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } } | null;
  return e?.driverError?.code === '23505' || e?.code === '23505';
}

/** Rows of a raw query whatever the command (TypeORM returns [rows, count] for UPDATE/DELETE). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return (result ?? []) as T[];
}
