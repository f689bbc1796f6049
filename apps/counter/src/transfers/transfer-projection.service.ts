import { Injectable } from '@nestjs/common';
import { POLICE_TYPE_LABELS } from '@onewindow/contracts';
import type { EntityManager } from 'typeorm';
import { policeTypeOfService } from '../common/service-routing.js';
import type { TransferEvent, TransferSnapshot } from '@onewindow/contracts';
import type { TransferViewEntity, TransferViewTimelineEntry } from './transfer-view.entity.js';
import { TransferViewRepository } from './transfer-view.repository.js';

/** Status only moves forward; a result reported before the revocation arrived still wins (it was worked). */
const RANK: Record<string, number> = { REQUESTED: 0, ACKNOWLEDGED: 1, REFUSED: 2, REVOKED: 2, COMPLETED: 3 };

function label(service: string): string {
  const p = policeTypeOfService(service);
  return p ? POLICE_TYPE_LABELS[p] : service;
}

/**
 * Folds transfer events into transfer_view. A transfer's events come from the sender's and the
 * receiver's streams, consumed independently, so they may arrive in either order: request facts
 * fill in whenever they come, the status only moves forward, timeline entries are merged by time
 * and de-duplicated, and the overdue flag is sticky.
 */
@Injectable()
export class TransferProjectionService {
  constructor(private readonly views: TransferViewRepository) {}

  async apply(e: TransferEvent, manager: EntityManager): Promise<void> {
    const row = await this.views.lockOrCreate(manager, e.event.transferId, e.event.fromService, e.event.toService);
    switch (e.type) {
      case 'requested': {
        const r = e.event;
        fillRequest(row, { ...r, unitCode: r.requestedBy.unitCode, requestedByName: r.requestedBy.name, requestedAt: r.requestedAt });
        addEntry(row, { at: r.requestedAt, actorName: r.requestedBy.name, action: 'REQUESTED', note: `移交${label(r.toService)}：${r.reason}`, service: r.fromService });
        const revokes = r.kind === 'REVOCATION' ? r.details?.['revokes'] : undefined;
        if (typeof revokes === 'string') await this.markRevoked(manager, revokes, r);
        break;
      }
      case 'acknowledged': {
        const a = e.event;
        advance(row, a.status);
        if (a.status === 'REFUSED') row.refusalReason = a.reason ?? null;
        row.handledUnitCode = a.by.unitCode || row.handledUnitCode;
        addEntry(row, { at: a.at, actorName: a.by.name, action: a.status, note: a.reason ?? null, service: a.toService });
        break;
      }
      case 'completed': {
        const c = e.event;
        advance(row, 'COMPLETED');
        row.result = c.result;
        row.handledUnitCode = c.by.unitCode || row.handledUnitCode;
        addEntry(row, { at: c.at, actorName: c.by.name, action: 'COMPLETED', note: c.result, service: c.toService });
        break;
      }
      case 'flagged': {
        const f = e.event;
        if (!row.overdue) {
          row.overdue = true;
          addEntry(row, { at: f.at, actorName: '系统（移交时限监控）', action: 'FLAG_OVERDUE', note: `已超过要求办结期限（${f.requestedDeadline}）`, service: f.direction === 'OUTBOUND' ? f.fromService : f.toService });
        }
        break;
      }
      default: {
        const exhaustive: never = e;
        throw new Error(`unhandled transfer event ${JSON.stringify(exhaustive)}`);
      }
    }
    row.updatedAt = new Date();
    await this.views.save(manager, row);
  }

  /** The original of a revocation: void if still open (its result, if one comes, still wins). */
  private async markRevoked(manager: EntityManager, transferId: string, r: Extract<TransferEvent, { type: 'requested' }>['event']): Promise<void> {
    const original = await this.views.lockOrCreate(manager, transferId, r.fromService, r.toService);
    advance(original, 'REVOKED');
    addEntry(original, { at: r.requestedAt, actorName: r.requestedBy.name, action: 'REVOKED', note: r.reason, service: r.fromService });
    original.updatedAt = new Date();
    await this.views.save(manager, original);
  }

  /**
   * Read-your-writes for commands issued through the counter: the owning service's reply is
   * folded in at once, so the list the clerk refetches right after shows the new status even if
   * the event has not been consumed yet. Only facts that the events would set anyway, and only
   * forward (status ranks, request facts while still unknown); the timeline is left to events.
   */
  async applySnapshot(s: TransferSnapshot, manager: EntityManager): Promise<void> {
    const row = await this.views.lockOrCreate(manager, s.transferId, s.fromService, s.toService);
    if (row.caseRef == null) {
      const requested = s.timeline.find((t) => t.action === 'REQUESTED');
      fillRequest(row, { ...s, requestedByName: requested?.actorName ?? null, requestedAt: requested?.at ?? null });
    }
    advance(row, s.status);
    if (s.status === 'REFUSED' && s.refusalReason) row.refusalReason = s.refusalReason;
    if (s.status === 'COMPLETED' && s.result) row.result = s.result;
    if (s.overdue) row.overdue = true;
    row.updatedAt = new Date();
    await this.views.save(manager, row);
  }
}

/** The request's facts, from its event or from a command reply (whichever the counter sees first). */
function fillRequest(
  row: TransferViewEntity,
  r: Pick<TransferSnapshot, 'kind' | 'caseRef' | 'subjectIdNumber' | 'reason' | 'attachments' | 'requestedDeadline' | 'unitCode'> & { requestedByName: string | null; requestedAt: string | null },
): void {
  row.kind = r.kind;
  row.caseRef = r.caseRef;
  row.subjectIdNumber = r.subjectIdNumber ?? null;
  row.reason = r.reason;
  row.attachments = r.attachments.map((a) => ({ name: a.name, ref: a.ref }));
  row.requestedDeadline = r.requestedDeadline;
  row.unitCode = r.unitCode;
  row.requestedByName = r.requestedByName;
  row.requestedAt = r.requestedAt ? new Date(r.requestedAt) : null;
}

function advance(row: TransferViewEntity, next: string): void {
  if ((RANK[next] ?? 0) > (RANK[row.status] ?? 0)) row.status = next;
}

function addEntry(row: TransferViewEntity, entry: TransferViewTimelineEntry): void {
  const key = (t: TransferViewTimelineEntry) => `${t.action}|${t.at}|${t.service}`;
  if (row.timeline.some((t) => key(t) === key(entry))) return;
  row.timeline = [...row.timeline, entry].sort((a, b) => a.at.localeCompare(b.at));
}
