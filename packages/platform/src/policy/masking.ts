import { PoliceType, Role, type Identity } from '@onewindow/contracts';
import { maskIdNumber, maskName, maskPhone } from '@onewindow/id-number';
import { hasRole } from '../auth/roles.js';
import { seesRecordInFull, type RecordOwner } from './personal-data-policy.js';

/*
 * Maskers for screens. WHO sees a field in full is decided only by personal-data-policy.ts
 * (`seesRecordInFull`, `showsInFull`); a masker just applies that decision to a record's fields.
 */

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

/** The masker for one record by the policy: lists always masked; detail by `seesRecordInFull`. */
export function recordMasker(viewer: Identity, record: RecordOwner, opts: { list?: boolean } = {}): Masker {
  return maskerFor(seesRecordInFull(viewer, record), opts);
}

/** Public security's masker for one of its records (owning unit), lists always masked. */
export function publicSecurityMasker(viewer: Identity, unitCode: string | null | undefined, opts: { list?: boolean } = {}): Masker {
  return recordMasker(viewer, { policeType: PoliceType.PUBLIC_SECURITY, unitCode }, opts);
}

/**
 * The supervisors' audit trail (审计查询): subject references (ID numbers, phones) are masked by
 * default; a supervisor may ask for them in full (the query's own audit entry says so). Admins
 * run the system and see them masked.
 */
export function seesFullAuditSubjects(viewer: Identity): boolean {
  return hasRole(viewer, Role.SUPERVISOR);
}
