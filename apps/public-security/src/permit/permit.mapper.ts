import type { Identity } from '@onewindow/contracts';
import { PERMIT_KIND_SPECS } from './permit-kinds.js';
import type { PermitEntity, PermitEventEntity } from './permit.entity.js';
import { PermitHolderKindEnum, PermitKindEnum, PermitStatusEnum, type PermitHistoryEntry, type PublicSecurityPermit } from './permit.model.js';
import { publicSecurityMasker } from '@onewindow/platform';

export function toPermitHistory(e: PermitEventEntity): PermitHistoryEntry {
  return {
    at: new Date(e.at).toISOString(),
    actorName: e.actorName,
    action: e.action,
    fromStatus: e.fromStatus as PermitStatusEnum | null,
    toStatus: e.toStatus as PermitStatusEnum,
    reason: e.reason,
  };
}

/** GraphQL view of a permit; a person's ID number and name are masked for clerks and in lists. */
export function toPermit(p: PermitEntity, viewer: Identity, history: PermitEventEntity[] = [], opts: { list?: boolean } = {}): PublicSecurityPermit {
  const mask = publicSecurityMasker(viewer, p.unitCode, opts);
  const person = p.holderKind === 'PERSON';
  return {
    number: p.number,
    kind: p.kind as PermitKindEnum,
    kindLabel: PERMIT_KIND_SPECS[p.kind].label,
    holderKind: p.holderKind as PermitHolderKindEnum,
    holderName: person ? mask.name(p.holderName) ?? '' : p.holderName,
    holderIdNumber: mask.idNumber(p.holderIdNumber),
    holderCreditCode: p.holderCreditCode,
    legalRepIdNumber: mask.idNumber(p.legalRepIdNumber),
    address: p.address,
    issuedOn: p.issuedOn,
    validUntil: p.validUntil,
    status: p.status as PermitStatusEnum,
    statusReason: p.statusReason,
    unitCode: p.unitCode,
    applicationNumber: p.applicationNumber,
    history: history.filter((e) => e.permitId === p.id).map(toPermitHistory),
  };
}
