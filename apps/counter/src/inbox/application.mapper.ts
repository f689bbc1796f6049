import { type ApplicationSnapshot, type DeadlineState, type Identity, type OpenApplicationRef, type PoliceType } from '@onewindow/contracts';
import { DEFAULT_MAX_EXTENSION, formatFen, formatTimeLimit } from '@onewindow/catalog';
import { maskIdNumber, maskName, maskPhone } from '@onewindow/id-number';
import { seesRecordInFull } from '@onewindow/platform';
import type { TimeLimitUnit } from '../catalog/catalog.model.js';
import {
  Application,
  ApplicationStatusEnum,
  type ApplicationTimeLimit,
  DeadlineStateEnum,
  DeliveryMethodEnum,
  InboxApplication,
  type OpenApplicationSummary,
} from './application.model.js';
import { effectiveDeadlineState } from './deadline-state.js';
import type { InboxApplicationEntity } from './inbox-application.entity.js';

/**
 * The one policy (decision 0028): an applicant in full only for the officer of the case's police
 * type in the case's unit, or a supervisor of that unit — not for any officer of any police type.
 */
export function seesFullApplicant(viewer: Identity, s: Pick<ApplicationSnapshot, 'policeType' | 'unitCode'>): boolean {
  return seesRecordInFull(viewer, { policeType: s.policeType as PoliceType, unitCode: s.unitCode });
}

function date(s: string | null | undefined): Date | undefined {
  if (!s) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function timeLimit(t: ApplicationSnapshot['promisedTimeLimit']): ApplicationTimeLimit | undefined {
  if (!t) return undefined;
  return { value: t.value, unit: t.unit as TimeLimitUnit, text: formatTimeLimit(t) };
}

/** A snapshot as the viewer may see it: masked applicant unless their role needs it in full. */
export function toApplication(s: ApplicationSnapshot, viewer: Identity, today: string): Application {
  const full = seesFullApplicant(viewer, s);
  return {
    number: s.number,
    policeType: s.policeType as PoliceType,
    service: s.service,
    itemCode: s.itemCode,
    itemName: s.itemName,
    applicant: {
      name: full ? s.applicantName : maskName(s.applicantName),
      idNumber: full ? s.applicantIdNumber : maskIdNumber(s.applicantIdNumber),
      phone: s.applicantPhone ? (full ? s.applicantPhone : maskPhone(s.applicantPhone)) : undefined,
      masked: !full,
    },
    status: s.status as ApplicationStatusEnum,
    unitCode: s.unitCode,
    unitName: s.unitName,
    firstInquiryOwnerName: s.firstInquiryOwnerName,
    acceptedAt: date(s.acceptedAt) ?? new Date(0),
    deadline: s.deadline,
    deadlineProvisional: s.deadlineProvisional,
    deadlineState: effectiveDeadlineState(s.deadlineState, s.deadline, today) as DeadlineStateEnum,
    clockStoppedSince: date(s.clockStoppedSince),
    promisedTimeLimit: timeLimit(s.promisedTimeLimit),
    statutoryTimeLimit: timeLimit(s.statutoryTimeLimit),
    statutoryDeadline: s.statutoryDeadline ?? undefined,
    statutoryDeadlineProvisional: s.statutoryDeadlineProvisional ?? false,
    // Snapshots written before the clock stop was stored ended at the decision.
    clockStopsAt: (s.clockStopsAt ?? 'APPROVED') as ApplicationStatusEnum,
    extendedWorkingDays: s.extendedWorkingDays ?? 0,
    maxExtensionWorkingDays: s.maxExtensionWorkingDays ?? DEFAULT_MAX_EXTENSION.workingDays,
    fee: { fen: s.feeFen, formatted: s.feeFen === 0 ? '不收费' : formatFen(s.feeFen), waiverCode: s.waiverCode ?? undefined },
    toleratedMaterials: (s.toleratedMaterials ?? []).map((t) => ({
      code: t.code,
      name: t.name,
      commitment: t.commitment,
      dueDate: t.dueDate,
      supplied: !!t.suppliedAt,
      suppliedAt: date(t.suppliedAt),
    })),
    rejectionReason: s.rejectionReason ?? undefined,
    deliveryMethod: (s.deliveryMethod ?? undefined) as DeliveryMethodEnum | undefined,
    resultName: s.resultName ?? undefined,
    fromNoticeNumber: s.fromNoticeNumber ?? undefined,
    version: s.version,
    updatedAt: date(s.updatedAt) ?? new Date(0),
    timeline: (s.timeline ?? []).map((t) => ({
      at: date(t.at) ?? new Date(0),
      actorName: t.actorName,
      actorRoles: t.actorRoles ?? [],
      action: t.action,
      fromStatus: t.fromStatus ?? undefined,
      toStatus: t.toStatus,
      reason: t.reason ?? undefined,
    })),
    snapshot: s,
  };
}

/** List rows are always masked, whoever looks. */
export function toInboxApplication(r: InboxApplicationEntity, today: string): InboxApplication {
  return {
    number: r.number,
    policeType: r.policeType as PoliceType,
    itemCode: r.itemCode,
    itemName: r.itemName,
    applicantName: maskName(r.applicantName),
    applicantIdNumber: maskIdNumber(r.applicantIdNumber),
    status: r.status as ApplicationStatusEnum,
    unitCode: r.unitCode,
    deadline: r.deadline,
    deadlineState: effectiveDeadlineState(r.deadlineState as DeadlineState, r.deadline, today) as DeadlineStateEnum,
    version: r.version,
    updatedAt: r.updatedAt,
  };
}

/** An open application named by the owning service at acceptance (no personal data in it). */
export function toOpenApplicationSummary(r: OpenApplicationRef): OpenApplicationSummary {
  return {
    number: r.number,
    itemCode: r.itemCode,
    itemName: r.itemName,
    status: r.status as ApplicationStatusEnum,
    unitName: r.unitName,
    acceptedAt: new Date(r.acceptedAt),
    deadline: r.deadline,
  };
}
