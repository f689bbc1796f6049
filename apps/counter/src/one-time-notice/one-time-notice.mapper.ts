import type { PoliceType } from '@onewindow/contracts';
import { maskIdNumber, maskName } from '@onewindow/id-number';
import type { OneTimeNoticeEntity } from './one-time-notice.entity.js';
import { OneTimeNotice, OneTimeNoticeStatusEnum } from './one-time-notice.model.js';

export function toOneTimeNotice(n: OneTimeNoticeEntity): OneTimeNotice {
  return {
    number: n.number,
    policeType: n.policeType as PoliceType,
    itemCode: n.itemCode,
    itemName: n.itemName,
    applicantName: n.applicantName ? maskName(n.applicantName) : '',
    applicantIdNumber: maskIdNumber(n.applicantIdNumber),
    missingMaterials: n.missingMaterials,
    presentedMaterials: n.presentedMaterials,
    sixNotices: n.sixNotices.sections,
    clerkName: n.clerkName,
    unitCode: n.unitCode,
    unitName: n.unitName,
    issuedAt: n.issuedAt,
    status: n.status as OneTimeNoticeStatusEnum,
    resolvedApplicationNumber: n.resolvedApplicationNumber ?? undefined,
    resolvedAt: n.resolvedAt ?? undefined,
    notice: n,
  };
}
