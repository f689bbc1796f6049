import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditQueryEntry, AuditQueryReply, AuditQueryRequest, Identity } from '@onewindow/contracts';
import { DataSource } from 'typeorm';
import { assertAuditRange, assertAuditReader, auditScopeOf } from './audit-query.rules.js';

interface Row {
  id: string;
  at: string;
  actor_sub: string;
  actor_username: string;
  actor_unit: string;
  action: string;
  subject_type: string;
  subject_ref: string;
  purpose: string | null;
  outcome: AuditQueryEntry['outcome'];
  details: Record<string, unknown>;
}

/**
 * One service's side of the supervisors' audit trail: a keyset page of its own `audit_log`, newest
 * first by (at, id), with the reader's role and jurisdiction applied here, in the service that owns
 * the rows. `at` travels as text with microseconds so a position never loses precision.
 */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async query(actor: Identity, req: AuditQueryRequest): Promise<AuditQueryReply> {
    assertAuditReader(actor);
    const f = req.filter;
    assertAuditRange(new Date(f.from), new Date(f.to));
    const scope = auditScopeOf(actor, f.unitCode);
    const params: unknown[] = [f.from, f.to, `${scope.unitPrefix}%`];
    const where = [`at >= $1`, `at < $2`, scope.includeUnitless ? `(actor_unit LIKE $3 OR actor_unit = '')` : `actor_unit LIKE $3`];
    const add = (sql: (n: string) => string, v: unknown) => {
      params.push(v);
      where.push(sql(`$${params.length}`));
    };
    if (f.personRef) add((p) => `subject_ref = ${p}`, f.personRef);
    if (f.officer) add((p) => `actor_username = ${p}`, f.officer);
    if (f.action) add((p) => `action = ${p}`, f.action);
    if (req.after) {
      params.push(req.after.at, req.after.id);
      where.push(`(at, id) < ($${params.length - 1}::timestamptz, $${params.length}::bigint)`);
    }
    params.push(req.limit + 1);
    const rows: Row[] = await this.dataSource.query(
      `SELECT id::text AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, actor_sub, actor_username,
              actor_unit, action, subject_type, subject_ref, purpose, outcome, details
         FROM audit_log WHERE ${where.join(' AND ')} ORDER BY at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, req.limit);
    return {
      hasMore: rows.length > req.limit,
      entries: page.map((r) => ({
        id: r.id,
        at: r.at,
        actorSub: r.actor_sub,
        actorUsername: r.actor_username,
        actorUnit: r.actor_unit,
        action: r.action,
        subjectType: r.subject_type,
        subjectRef: r.subject_ref,
        purpose: r.purpose,
        outcome: r.outcome,
        details: r.details ?? {},
      })),
    };
  }
}
