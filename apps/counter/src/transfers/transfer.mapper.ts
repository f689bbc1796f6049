import { type Identity, type TransferSnapshot } from '@onewindow/contracts';
import { maskIdNumber } from '@onewindow/id-number';
import { seesRecordInFull } from '@onewindow/platform';
import { policeTypeOfService } from '../common/service-routing.js';
import type { TransferViewEntity } from './transfer-view.entity.js';
import { Transfer, TransferDirectionEnum, TransferKindEnum, TransferStatusEnum, type TransferTimelineEntryView } from './transfer.model.js';

/**
 * A transfer belongs to both police types: the one policy (decision 0028) applied to each side
 * (officer of that police type in the unit, or a supervisor of the unit); detail only.
 */
function seesFullSubject(viewer: Identity, t: { fromService: string; toService: string; unitCode?: string | null; handledUnitCode?: string | null }): boolean {
  const units = [t.unitCode, t.handledUnitCode].filter((u): u is string => !!u);
  const types = [t.fromService, t.toService].map(policeTypeOfService).filter((p) => p !== undefined);
  return units.some((unitCode) => types.some((policeType) => seesRecordInFull(viewer, { policeType, unitCode })));
}

function directionFor(perspective: string | undefined, from: string, to: string): TransferDirectionEnum | undefined {
  if (!perspective) return undefined;
  if (from === perspective) return TransferDirectionEnum.OUTBOUND;
  if (to === perspective) return TransferDirectionEnum.INBOUND;
  return undefined;
}

function date(s: string | Date | null | undefined): Date | undefined {
  if (!s) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function timelineOf(entries: { at: string; actorName: string; action: string; note?: string | null; service?: string }[]): TransferTimelineEntryView[] {
  return entries.map((t) => ({
    at: date(t.at) ?? new Date(0),
    actorName: t.actorName,
    action: t.action,
    note: t.note ?? undefined,
    policeType: t.service ? policeTypeOfService(t.service) : undefined,
  }));
}

/**
 * A projected transfer as the viewer may see it. `full` only for single reads by officers and
 * supervisors; lists are always masked. `perspective` is the service the direction is relative to.
 */
export function toTransfer(row: TransferViewEntity, viewer: Identity, opts: { full: boolean; perspective?: string }): Transfer {
  const full = opts.full && seesFullSubject(viewer, row);
  return {
    id: row.transferId,
    kind: (row.kind ?? TransferKindEnum.CASE) as TransferKindEnum,
    fromPoliceType: policeTypeOfService(row.fromService),
    toPoliceType: policeTypeOfService(row.toService),
    fromService: row.fromService,
    toService: row.toService,
    direction: directionFor(opts.perspective, row.fromService, row.toService),
    caseRef: row.caseRef ?? '',
    subjectIdNumber: row.subjectIdNumber ? (full ? row.subjectIdNumber : maskIdNumber(row.subjectIdNumber)) : undefined,
    reason: row.reason ?? '',
    attachments: row.attachments ?? [],
    requestedDeadline: row.requestedDeadline ?? '',
    status: row.status as TransferStatusEnum,
    result: row.result ?? undefined,
    refusalReason: row.refusalReason ?? undefined,
    unitCode: row.unitCode ?? '',
    handledUnitCode: row.handledUnitCode ?? undefined,
    requestedByName: row.requestedByName ?? undefined,
    requestedAt: date(row.requestedAt),
    overdue: row.overdue && (row.status === 'REQUESTED' || row.status === 'ACKNOWLEDGED'),
    updatedAt: date(row.updatedAt) ?? new Date(0),
    timeline: timelineOf(row.timeline ?? []),
  };
}

/** The reply of a transfer command (one side's row in the owning service). */
export function snapshotToTransfer(s: TransferSnapshot, viewer: Identity): Transfer {
  const perspective = s.direction === 'OUTBOUND' ? s.fromService : s.toService;
  return {
    id: s.transferId,
    kind: s.kind as TransferKindEnum,
    fromPoliceType: policeTypeOfService(s.fromService),
    toPoliceType: policeTypeOfService(s.toService),
    fromService: s.fromService,
    toService: s.toService,
    direction: directionFor(perspective, s.fromService, s.toService),
    caseRef: s.caseRef,
    subjectIdNumber: s.subjectIdNumber ? (seesFullSubject(viewer, s) ? s.subjectIdNumber : maskIdNumber(s.subjectIdNumber)) : undefined,
    reason: s.reason,
    attachments: s.attachments ?? [],
    requestedDeadline: s.requestedDeadline,
    status: s.status as TransferStatusEnum,
    result: s.result ?? undefined,
    refusalReason: s.refusalReason ?? undefined,
    unitCode: s.unitCode,
    overdue: s.overdue && (s.status === 'REQUESTED' || s.status === 'ACKNOWLEDGED'),
    updatedAt: date(s.updatedAt) ?? new Date(0),
    timeline: timelineOf(s.timeline),
  };
}
