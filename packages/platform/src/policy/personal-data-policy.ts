import { PoliceType, Role, withinJurisdiction, type Identity } from '@onewindow/contracts';
import { maskIdNumber, maskName, maskPhone } from '@onewindow/id-number';
import { DomainException } from '../errors/domain.exception.js';

/*
 * The one rule for who sees a person's data in full (PIPL minimisation; decision 0028).
 *
 *   LIST    (any list, and the other persons shown beside a record, e.g. household members)
 *           masked for everyone.
 *   DETAIL  one record opened on purpose (an audited read):
 *           officer     in full only for records of their own police type inside their unit;
 *           supervisor  in full for records inside their unit (any police type);
 *           clerk       the name in full (they serve the person in front of them and compare the
 *                       name with the ID card); every identifier, phone and address masked;
 *           analyst, admin  masked (they work on figures / run the system).
 *   REVEAL  an explicit request to see one record in full, with a purpose, audited as REVEAL:
 *           allowed to whoever sees the record in full on DETAIL, and to a clerk for a record of
 *           their own city (the citizen at the window); refused (FORBIDDEN, audited DENIED) to
 *           analysts, admins, officers of another police type and anyone outside their scope.
 */

/** The kinds of personal field a screen can show. */
export enum PersonalField {
  ID_NUMBER = 'ID_NUMBER',
  NAME = 'NAME',
  PHONE = 'PHONE',
  ADDRESS = 'ADDRESS',
  /** Passport / permit / licence / permit numbers. */
  DOCUMENT_NUMBER = 'DOCUMENT_NUMBER',
  VIN = 'VIN',
}

export type ViewMode = 'LIST' | 'DETAIL' | 'REVEAL';

/** Whose record it is: the police type that keeps it and the unit that owns it. */
export interface RecordOwner {
  policeType: PoliceType;
  /** Owning unit code; a record without one is nobody's jurisdiction (only REVEAL by a clerk of the city). */
  unitCode: string | null | undefined;
}

const CITY_CODE_LENGTH = 4;

function inUnit(viewer: Identity, record: RecordOwner): boolean {
  return !!record.unitCode && withinJurisdiction(viewer.unitCode, record.unitCode);
}

function inCity(viewer: Identity, record: RecordOwner): boolean {
  const city = viewer.unitCode.slice(0, CITY_CODE_LENGTH);
  return city.length === CITY_CODE_LENGTH && !!record.unitCode && record.unitCode.startsWith(city);
}

/** Whether the viewer sees the record's personal data in full on its detail screen (no reveal). */
export function seesRecordInFull(viewer: Identity, record: RecordOwner): boolean {
  if (viewer.roles.includes(Role.SUPERVISOR) && inUnit(viewer, record)) return true;
  return viewer.roles.includes(Role.OFFICER) && viewer.policeType === record.policeType && inUnit(viewer, record);
}

/** Whether an explicit, purposed request to see this record in full is granted. */
export function mayReveal(viewer: Identity, record: RecordOwner): boolean {
  return seesRecordInFull(viewer, record) || (viewer.roles.includes(Role.CLERK) && inCity(viewer, record));
}

/** The decision for one field of one record: true = shown in full. */
export function showsInFull(viewer: Identity, record: RecordOwner, mode: ViewMode, field: PersonalField): boolean {
  switch (mode) {
    case 'LIST':
      return false;
    case 'REVEAL':
      return mayReveal(viewer, record);
    case 'DETAIL':
      if (seesRecordInFull(viewer, record)) return true;
      return field === PersonalField.NAME && viewer.roles.includes(Role.CLERK);
  }
}

/** Refuses a reveal the policy does not grant (the caller audits the refusal as DENIED). */
export function assertMayReveal(viewer: Identity, record: RecordOwner): void {
  if (!mayReveal(viewer, record)) throw DomainException.forbidden('无权查看该记录的完整个人信息');
}

/** Masking of each personal field kind; a value too short to mask comes back fully masked. */
export function maskPersonalField(field: PersonalField, value: string): string {
  switch (field) {
    case PersonalField.ID_NUMBER:
      return maskIdNumber(value);
    case PersonalField.NAME:
      return maskName(value);
    case PersonalField.PHONE:
      return maskPhone(value);
    case PersonalField.ADDRESS:
      return maskAddress(value);
    case PersonalField.DOCUMENT_NUMBER:
      // 'E12345678' → 'E****5678'
      return value.length < 7 ? '*'.repeat(value.length) : value.slice(0, 1) + '*'.repeat(value.length - 5) + value.slice(-4);
    case PersonalField.VIN:
      return value.length !== 17 ? '*'.repeat(value.length) : `${value.slice(0, 3)}${'*'.repeat(8)}${value.slice(-6)}`;
  }
}

/** An address keeps its district (the first 6 characters) and hides the rest. */
export function maskAddress(address: string): string {
  const chars = [...address];
  return chars.length <= 6 ? `${chars.slice(0, 2).join('')}****` : `${chars.slice(0, 6).join('')}****`;
}

/** The view of one record for one viewer: what each field shows. */
export interface PersonalDataView {
  readonly masked: (field: PersonalField) => boolean;
  show(field: PersonalField, value: string): string;
  show(field: PersonalField, value: string | null | undefined): string | null;
}

export function personalDataView(viewer: Identity, record: RecordOwner, mode: ViewMode): PersonalDataView {
  const masked = (field: PersonalField) => !showsInFull(viewer, record, mode, field);
  return {
    masked,
    show: ((field: PersonalField, value: string | null | undefined) => (value == null ? null : masked(field) ? maskPersonalField(field, value) : value)) as PersonalDataView['show'],
  };
}
