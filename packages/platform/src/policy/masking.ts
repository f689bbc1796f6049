import { PoliceType, Role, type Identity } from '@onewindow/contracts';
import { maskIdNumber, maskName, maskPhone } from '@onewindow/id-number';
import { hasRole } from '../auth/roles.js';

/*
 * Who sees personal data in full, in one place. The services' rules are kept exactly as they
 * were when they lived in each service (they differ; a later security review decides whether
 * they should); every rule is pinned by masking.spec.ts.
 */

/**
 * Household and traffic registers: back-office officers of any police type, supervisors and
 * admins see phone numbers, VINs and other persons' ID numbers in full; window clerks see them
 * masked (PIPL minimisation; they rarely need more).
 */
export function seesFullRegisterDetails(viewer: Identity): boolean {
  return hasRole(viewer, Role.OFFICER, Role.SUPERVISOR, Role.ADMIN);
}

/** Exit-entry document numbers: officers of any police type and supervisors. */
export function seesFullDocumentNumbers(viewer: Identity): boolean {
  return hasRole(viewer, Role.OFFICER, Role.SUPERVISOR);
}

/**
 * A citizen's ID number, name and phone on a detail screen of a police type's own records
 * (public security): officers of that police type and supervisors. Clerks see them masked (they
 * have the citizen and the ID card in front of them).
 */
export function seesFullPersonalDataOf(viewer: Identity, policeType: PoliceType): boolean {
  return hasRole(viewer, Role.SUPERVISOR) || (hasRole(viewer, Role.OFFICER) && viewer.policeType === policeType);
}

/** Masks (or passes through) the personal fields of a record for one viewer. */
export interface Masker {
  idNumber(v: string): string;
  idNumber(v: string | null | undefined): string | null;
  phone(v: string | null | undefined): string | null;
  name(v: string | null | undefined): string | null;
}

const fullMasker: Masker = {
  idNumber: ((v: string | null | undefined) => v ?? null) as Masker['idNumber'],
  phone: (v) => v ?? null,
  name: (v) => v ?? null,
};
const maskingMasker: Masker = {
  idNumber: ((v: string | null | undefined) => (v ? maskIdNumber(v) : null)) as Masker['idNumber'],
  phone: (v) => (v ? maskPhone(v) : null),
  name: (v) => (v ? maskName(v) : null),
};

/** `list: true` masks for everyone; otherwise full only when `seesFull` says so for this viewer. */
export function maskerFor(seesFull: boolean, opts: { list?: boolean } = {}): Masker {
  return !opts.list && seesFull ? fullMasker : maskingMasker;
}

/** Public security's masker: by `seesFullPersonalDataOf(viewer, PUBLIC_SECURITY)`, lists always masked. */
export function publicSecurityMasker(viewer: Identity, opts: { list?: boolean } = {}): Masker {
  return maskerFor(seesFullPersonalDataOf(viewer, PoliceType.PUBLIC_SECURITY), opts);
}

/**
 * The supervisors' audit trail (审计查询): subject references (ID numbers, phones) are masked by
 * default; a supervisor may ask for them in full (the query's own audit entry says so). Admins
 * run the system and see them masked.
 */
export function seesFullAuditSubjects(viewer: Identity): boolean {
  return hasRole(viewer, Role.SUPERVISOR);
}
