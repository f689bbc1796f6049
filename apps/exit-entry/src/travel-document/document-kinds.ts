import { addMonths, plusDays } from '@onewindow/calendar';
import { ageOn } from '@onewindow/id-number';

/** Travel documents for mainland residents that this service issues (出入境证件). */
export const DOCUMENT_KINDS = ['PASSPORT', 'HKMO_PERMIT', 'TW_PERMIT'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * VALID: in use · EXPIRED: past its validity · REPLACED: superseded by a renewed/re-issued document ·
 * LOST: reported lost or stolen (declared void when the replacement was applied for) ·
 * CANCELLED: cancelled by the authority (e.g. the holder's hukou was cancelled on death).
 */
export const DOCUMENT_STATUSES = ['VALID', 'EXPIRED', 'REPLACED', 'LOST', 'CANCELLED'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const DOCUMENT_KIND_LABELS: Readonly<Record<DocumentKind, string>> = {
  PASSPORT: '普通护照',
  HKMO_PERMIT: '往来港澳通行证',
  TW_PERMIT: '往来台湾通行证',
};

/** Counting word for the death follow-up result ("普通护照1本、往来港澳通行证1本"). */
export const DOCUMENT_KIND_UNITS: Readonly<Record<DocumentKind, string>> = {
  PASSPORT: '本',
  HKMO_PERMIT: '本',
  TW_PERMIT: '本',
};

export const DOCUMENT_STATUS_LABELS: Readonly<Record<DocumentStatus, string>> = {
  VALID: '有效',
  EXPIRED: '已过期',
  REPLACED: '已换发',
  LOST: '已挂失作废',
  CANCELLED: '已注销',
};

/** First letter of a document number per kind (E: electronic passport, C: HK/Macau permit, T: Taiwan permit). */
export const DOCUMENT_NUMBER_PREFIX: Readonly<Record<DocumentKind, string>> = {
  PASSPORT: 'E',
  HKMO_PERMIT: 'C',
  TW_PERMIT: 'T',
};

export const ENDORSEMENT_TYPES = ['GROUP_TOUR', 'INDIVIDUAL_TOUR', 'FAMILY_VISIT', 'BUSINESS', 'OTHER'] as const;
export type EndorsementType = (typeof ENDORSEMENT_TYPES)[number];

export const ENDORSEMENT_TYPE_LABELS: Readonly<Record<EndorsementType, string>> = {
  GROUP_TOUR: '团队旅游',
  INDIVIDUAL_TOUR: '个人旅游',
  FAMILY_VISIT: '探亲',
  BUSINESS: '商务',
  OTHER: '其他',
};

export const ENDORSEMENT_ENTRIES = ['SINGLE', 'DOUBLE', 'MULTIPLE'] as const;
export type EndorsementEntries = (typeof ENDORSEMENT_ENTRIES)[number];

export const ENDORSEMENT_ENTRIES_LABELS: Readonly<Record<EndorsementEntries, string>> = {
  SINGLE: '一次有效',
  DOUBLE: '二次有效',
  MULTIPLE: '多次有效',
};

export const ENDORSEMENT_CHANNELS = ['COUNTER', 'SELF_SERVICE'] as const;
export type EndorsementChannel = (typeof ENDORSEMENT_CHANNELS)[number];

/** Catalog enum option → endorsement type (签注种类 as the forms spell it). */
export function endorsementTypeOf(label: unknown): EndorsementType | undefined {
  return (Object.keys(ENDORSEMENT_TYPE_LABELS) as EndorsementType[]).find((t) => ENDORSEMENT_TYPE_LABELS[t] === label);
}

/** Catalog enum option → entries (签注次数). */
export function endorsementEntriesOf(label: unknown): EndorsementEntries | undefined {
  return (Object.keys(ENDORSEMENT_ENTRIES_LABELS) as EndorsementEntries[]).find((e) => ENDORSEMENT_ENTRIES_LABELS[e] === label);
}

/**
 * Validity of a passport or permit by the applicant's age on the application date: under 16 → 5
 * years, 16 and over → 10 years (护照法 第六条 for passports; the same split for the electronic
 * HK/Macau and Taiwan permits).
 */
export function documentValidityYears(birthDate: string, applicationDate: string): 5 | 10 {
  return ageOn(birthDate, applicationDate) < 16 ? 5 : 10;
}

/**
 * Last day of validity of a document issued on `issuedOn`: the day before the anniversary `years`
 * later, as printed in the document (issued 2015-03-10 → valid until 2025-03-09). The anniversary
 * of 29 February in a common year is 1 March, so such a document runs to 28 February.
 */
export function documentValidUntil(issuedOn: string, years: number): string {
  return dayBeforeAnniversary(issuedOn, years * 12);
}

/**
 * Endorsement validity [unverified: 3 months for one- and two-entry endorsements, 1 year for
 * short-term multiple-entry ones, per reprints of the NIA guide], never beyond the document's own.
 */
export function endorsementValidUntil(issuedOn: string, entries: EndorsementEntries, documentValidUntil: string): string {
  const own = dayBeforeAnniversary(issuedOn, entries === 'MULTIPLE' ? 12 : 3);
  return own < documentValidUntil ? own : documentValidUntil;
}

/** The status a reader sees: a VALID document past its last day reads as EXPIRED. */
export function effectiveDocumentStatus(status: DocumentStatus, validUntil: string, today: string): DocumentStatus {
  return status === 'VALID' && validUntil < today ? 'EXPIRED' : status;
}

function dayBeforeAnniversary(date: string, months: number): string {
  const same = addMonths(date, months);
  // A day the target month lacks (31st, 29 Feb) has its anniversary on the next month's first day.
  const anniversary = same.slice(8) < date.slice(8) ? plusDays(same, 1) : same;
  return plusDays(anniversary, -1);
}

/**
 * Masked document number for roles that do not need it in full: the kind letter and the last
 * four characters stay ('E12345678' → 'E****5678'); anything too short is masked entirely.
 */
export function maskDocumentNumber(number: string): string {
  if (number.length < 7) return '*'.repeat(number.length);
  return number.slice(0, 1) + '*'.repeat(number.length - 5) + number.slice(-4);
}
