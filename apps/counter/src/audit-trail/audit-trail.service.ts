import { Injectable } from '@nestjs/common';
import {
  AUDIT_ACTIONS, AUDIT_QUERY_MAX_LIMIT, policeUnitName, RpcSubjects, ServiceName,
  type AuditQueryReply, type AuditQueryRequest, type Identity,
} from '@onewindow/contracts';
import { assertAuditRange, assertAuditReader, auditScopeOf, AuditService, DomainException, isIsoDate, maskerFor, RpcClient, seesFullAuditSubjects, type Masker } from '@onewindow/platform';
import { auditTrailCsv, auditTrailXlsx } from './audit-trail.export.js';
import { decodeCursor, encodeCursor, mergePage, servicesToAsk, type CursorState, type MergedEntry } from './audit-trail.merge.js';
import type { AuditExportFormat, AuditTrailEntry, AuditTrailFilter, AuditTrailPage } from './audit-trail.model.js';

export const AUDIT_SERVICES: readonly string[] = Object.values(ServiceName);

/** Most rows one export holds; a larger result is cut (the file and its audit entry say so). */
export const AUDIT_EXPORT_MAX_ROWS = 5000;

/** Codes a service answers with that are the caller's problem, not the service's absence. */
const CALLER_ERRORS = new Set(['FORBIDDEN', 'OUT_OF_JURISDICTION', 'UNAUTHENTICATED', 'AUDIT_RANGE_INVALID', 'AUDIT_RANGE_TOO_LONG', 'VALIDATION_FAILED']);

const ID_NUMBER = /^\d{15}(\d{2}[\dXx])?$/;
const PHONE = /^1\d{10}$/;

function maskValue(m: Masker, v: string): string {
  if (ID_NUMBER.test(v)) return m.idNumber(v);
  if (PHONE.test(v)) return m.phone(v) ?? v;
  return v;
}

function maskDeep(m: Masker, v: unknown): unknown {
  if (typeof v === 'string') return maskValue(m, v);
  if (Array.isArray(v)) return v.map((x) => maskDeep(m, x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskDeep(m, x)]));
  return v;
}

/** Beijing-time calendar days [from, to] → instants [from 00:00, day after `to` 00:00). */
export function rangeOf(filter: Pick<AuditTrailFilter, 'from' | 'to'>): { from: string; to: string } {
  if (!isIsoDate(filter.from) || !isIsoDate(filter.to)) throw new DomainException('AUDIT_RANGE_INVALID', '日期不正确，请按 YYYY-MM-DD 填写');
  const from = new Date(`${filter.from}T00:00:00+08:00`);
  const to = new Date(new Date(`${filter.to}T00:00:00+08:00`).getTime() + 86_400_000);
  assertAuditRange(from, to);
  return { from: from.toISOString(), to: to.toISOString() };
}

/**
 * The supervisors' audit trail (审计查询): fans a keyset query out to every service's own audit
 * log over NATS (rpc.<service>.v1.audit.query), merges the pages by time, masks subject
 * references unless a supervisor asks otherwise, reports the services that did not answer, and
 * records the query (or export) itself in the counter's audit log.
 */
@Injectable()
export class AuditTrailService {
  constructor(private readonly rpc: RpcClient, private readonly audit: AuditService) {}

  async page(actor: Identity, filter: AuditTrailFilter, first: number, after: string | undefined, unmasked: boolean): Promise<AuditTrailPage> {
    const { req, masker } = this.prepare(actor, filter, unmasked);
    const prev = decodeCursor(after, AUDIT_SERVICES);
    const { page, unanswered } = await this.fetch(actor, req, prev, first);
    const entries = page.entries.map((e) => this.view(e, masker));
    await this.audit.record(actor, {
      action: AUDIT_ACTIONS.AUDIT_TRAIL_QUERY,
      subjectType: 'AUDIT_TRAIL',
      subjectRef: filter.personRef ?? '-',
      details: { filter: { ...filter }, rows: entries.length, page: after ? 'next' : 'first', unmasked: unmasked && seesFullAuditSubjects(actor), unanswered },
    });
    return { entries, pageInfo: { endCursor: encodeCursor(page.next), hasNextPage: page.hasNextPage }, unansweredServices: unanswered };
  }

  async export(actor: Identity, filter: AuditTrailFilter, format: AuditExportFormat, unmasked: boolean) {
    const { req, masker } = this.prepare(actor, filter, unmasked);
    const rows: AuditTrailEntry[] = [];
    const unanswered = new Set<string>();
    let state: CursorState = {};
    let more = true;
    while (more && rows.length < AUDIT_EXPORT_MAX_ROWS) {
      const first = Math.min(AUDIT_QUERY_MAX_LIMIT - 1, AUDIT_EXPORT_MAX_ROWS - rows.length);
      const { page, unanswered: u } = await this.fetch(actor, req, state, first);
      u.forEach((s) => unanswered.add(s));
      rows.push(...page.entries.map((e) => this.view(e, masker)));
      // A service that did not answer is not retried within one export: it is named instead.
      for (const s of u) page.next[s] = 'END';
      state = page.next;
      more = page.hasNextPage && servicesToAsk(state, AUDIT_SERVICES).length > 0;
    }
    const truncated = more;
    const content = format === 'XLSX' ? await auditTrailXlsx(rows) : auditTrailCsv(rows);
    await this.audit.record(actor, {
      action: AUDIT_ACTIONS.AUDIT_TRAIL_EXPORT,
      subjectType: 'AUDIT_TRAIL',
      subjectRef: filter.personRef ?? '-',
      details: { filter: { ...filter }, format, rows: rows.length, truncated, unmasked: unmasked && seesFullAuditSubjects(actor), unanswered: [...unanswered] },
    });
    const stamp = `${filter.from}_${filter.to}`;
    return {
      fileName: `审计记录_${stamp}.${format === 'XLSX' ? 'xlsx' : 'csv'}`,
      mimeType: format === 'XLSX' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      contentBase64: content.toString('base64'),
      rowCount: rows.length,
      truncated,
      unansweredServices: [...unanswered],
    };
  }

  /** Role, range and jurisdiction checked here before any service is asked (each checks again). */
  private prepare(actor: Identity, filter: AuditTrailFilter, unmasked: boolean) {
    assertAuditReader(actor);
    const range = rangeOf(filter);
    auditScopeOf(actor, filter.unitCode);
    const req: Omit<AuditQueryRequest, 'after' | 'limit'> = {
      filter: { personRef: filter.personRef, officer: filter.officer, unitCode: filter.unitCode, action: filter.action, from: range.from, to: range.to },
    };
    return { req, masker: maskerFor(unmasked && seesFullAuditSubjects(actor)) };
  }

  private async fetch(actor: Identity, base: Omit<AuditQueryRequest, 'after' | 'limit'>, prev: CursorState, first: number) {
    const ask = servicesToAsk(prev, AUDIT_SERVICES);
    const answers = new Map<string, AuditQueryReply>();
    const unanswered: string[] = [];
    await Promise.all(
      ask.map(async (service) => {
        const pos = prev[service];
        const req: AuditQueryRequest = { ...base, limit: first, ...(pos && pos !== 'END' ? { after: pos } : {}) };
        try {
          answers.set(service, await this.rpc.request<AuditQueryReply>(RpcSubjects.auditQuery(service as ServiceName), req, actor, { serviceLabel: service }));
        } catch (err) {
          if (err instanceof DomainException && CALLER_ERRORS.has(err.code)) throw err;
          unanswered.push(service);
        }
      }),
    );
    unanswered.sort();
    return { page: mergePage(prev, answers, first), unanswered };
  }

  private view(e: MergedEntry, m: Masker): AuditTrailEntry {
    return {
      service: e.service,
      at: e.at,
      actor: e.actorUsername,
      actorUnit: e.actorUnit,
      actorUnitName: e.actorUnit ? policeUnitName(e.actorUnit) : null,
      action: e.action,
      subjectType: e.subjectType,
      subjectRef: maskValue(m, e.subjectRef),
      purpose: e.purpose,
      outcome: e.outcome,
      details: JSON.stringify(maskDeep(m, e.details ?? {})),
    };
  }
}
