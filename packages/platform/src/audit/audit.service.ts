import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Identity } from '@onewindow/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogEntity, type AuditOutcome } from './audit-log.entity.js';
import { mutationAuditEntry, mutationAuditScope } from './mutation-audit.interceptor.js';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectRef: string;
  purpose?: string | null;
  outcome?: AuditOutcome;
  details?: Record<string, unknown>;
}

/** Append-only audit log of reads of personal data (PIPL, 等保 2.0 level 3). */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(actor: Identity, entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await this.recordMany(actor, [entry], manager);
  }

  /** Several entries of one actor in one statement (e.g. every person a request read). */
  async recordMany(actor: Identity, entries: readonly AuditEntry[], manager?: EntityManager): Promise<void> {
    if (!entries.length) return;
    await this.insert(actor, entries, manager);
    // Inside a mutation: the resolver kept its own record, so the generic MUTATION entry is not needed.
    const scope = mutationAuditScope.getStore();
    if (scope && entries.some((e) => e.action !== 'MUTATION')) scope.recorded = true;
  }

  private async insert(actor: Identity, entries: readonly AuditEntry[], manager?: EntityManager): Promise<void> {
    const repo = (manager ?? this.dataSource.manager).getRepository(AuditLogEntity);
    await repo.insert(
      entries.map((entry) => ({
        actorSub: actor.sub,
        actorUsername: actor.username,
        actorUnit: actor.unitCode,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectRef: entry.subjectRef,
        purpose: entry.purpose ?? null,
        outcome: entry.outcome ?? 'SUCCESS',
        details: (entry.details ?? {}) as never,
      })),
    );
  }

  /**
   * Inside a GraphQL mutation: write its generic `MUTATION` SUCCESS entry in the caller's
   * transaction (one round trip fewer than the interceptor's own write after the resolver). Call it
   * last in the transaction (the entry holds the audit chain's lock until commit), and call the
   * returned function once the transaction has committed: only then does the interceptor skip its
   * own entry (a rolled-back entry is gone, and the interceptor still writes one). Outside a
   * mutation it writes nothing.
   */
  async recordMutationSuccess(manager: EntityManager): Promise<() => void> {
    const scope = mutationAuditScope.getStore();
    if (!scope || scope.recorded) return () => undefined;
    await this.insert(scope.identity, [mutationAuditEntry(scope.field, scope.ids, 'SUCCESS')], manager);
    return () => {
      scope.recorded = true;
    };
  }

  async findBySubject(subjectType: string, subjectRef: string): Promise<AuditLogEntity[]> {
    return this.dataSource.manager.getRepository(AuditLogEntity).find({ where: { subjectType, subjectRef }, order: { id: 'ASC' } });
  }
}
