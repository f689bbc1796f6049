import type { Identity } from '@onewindow/contracts';
import { CATEGORY_LABELS, DISPOSAL_LABELS } from './lost-found.constants.js';
import type { FoundItemClaimEntity, LostFoundEventEntity } from './lost-found.entity.js';
import {
  ClaimStatusEnum, DisposalMethodEnum, FoundItemCategoryEnum, FoundItemStatusEnum, HandedInByEnum, LostReportStatusEnum, VerificationMethodEnum,
  type FoundItem, type FoundItemClaim, type LostAndFoundHistoryEntry, type LostReport,
} from './lost-found.model.js';
import { ITEM_STATUS_LABELS, type FoundItemView, type LostReportView } from './lost-found.service.js';
import { publicSecurityMasker } from '@onewindow/platform';

export interface ViewOptions {
  /** Lists mask personal data for everyone. */
  list?: boolean;
}

export function toHistory(e: LostFoundEventEntity): LostAndFoundHistoryEntry {
  return { at: new Date(e.at).toISOString(), actorName: e.actorName, action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note };
}

export function toLostReport(view: LostReportView, viewer: Identity, opts: ViewOptions = {}): LostReport {
  const { report: r } = view;
  const mask = publicSecurityMasker(viewer, r.unitCode, opts);
  return {
    id: r.id,
    category: r.category as FoundItemCategoryEnum,
    categoryLabel: CATEGORY_LABELS[r.category],
    description: r.description,
    lostOn: r.lostOn,
    lostPlace: r.lostPlace,
    reporterName: mask.name(r.reporterName),
    reporterIdNumber: mask.idNumber(r.reporterIdNumber),
    phone: mask.phone(r.phone) ?? '',
    status: r.status as LostReportStatusEnum,
    matchedFoundItemNumber: view.matchedItemNumber,
    unitCode: r.unitCode,
    filedByName: r.filedByName,
    filedAt: new Date(r.createdAt).toISOString(),
    history: view.history.map(toHistory),
  };
}

export function toClaim(c: FoundItemClaimEntity, itemNumber: string, viewer: Identity, opts: ViewOptions = {}): FoundItemClaim {
  const mask = publicSecurityMasker(viewer, c.unitCode, opts);
  return {
    id: c.id,
    foundItemNumber: itemNumber,
    claimantIdNumber: mask.idNumber(c.claimantIdNumber),
    claimantName: mask.name(c.claimantName),
    claimantPhone: mask.phone(c.claimantPhone) ?? '',
    descriptionGiven: c.descriptionGiven,
    identityVerified: c.identityVerified,
    verificationMethod: c.verificationMethod as VerificationMethodEnum,
    status: c.status as ClaimStatusEnum,
    refusalCode: c.refusalCode,
    refusalReason: c.refusalReason,
    verifiedByName: c.verifiedByName,
    claimedAt: new Date(c.createdAt).toISOString(),
  };
}

/** GraphQL view of a found item; the attached report and claims are masked by role, always in lists. */
export function toFoundItem(view: FoundItemView, viewer: Identity, opts: ViewOptions = {}): FoundItem {
  const { item: i } = view;
  return {
    number: i.number,
    category: i.category as FoundItemCategoryEnum,
    categoryLabel: CATEGORY_LABELS[i.category],
    description: i.description,
    foundOn: i.foundOn,
    foundPlace: i.foundPlace,
    handedInBy: i.handedInBy as HandedInByEnum,
    batchReference: i.batchReference,
    storagePlace: i.storagePlace,
    storageSlot: i.storageSlot,
    status: i.status as FoundItemStatusEnum,
    statusLabel: ITEM_STATUS_LABELS[i.status],
    noticePublishedOn: i.noticePublishedOn,
    retentionUntil: i.retentionUntil,
    retentionProvisional: i.retentionProvisional,
    unitCode: i.unitCode,
    registeredByName: i.registeredByName,
    matchedReport: view.report ? toLostReport({ report: view.report, matchedItemNumber: i.number, history: [] }, viewer, opts) : null,
    claims: view.claims.map((c) => toClaim(c, i.number, viewer, opts)),
    disposal: i.disposalMethod && i.disposedOn ? { method: i.disposalMethod as DisposalMethodEnum, methodLabel: DISPOSAL_LABELS[i.disposalMethod], disposedOn: i.disposedOn } : null,
    history: view.history.map(toHistory),
  };
}
