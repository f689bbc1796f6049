import { DomainException } from '@onewindow/platform';

/**
 * Why the traffic service refuses an application, a transition, a query or a violation handling
 * (codes travel on the wire as-is). The register check inherited from RegisterCheckedRules adds
 * PERSON_NOT_FOUND, PERSON_DECEASED and ID_INCONSISTENT.
 */
export enum TrafficErrorCode {
  /** The form does not satisfy the catalog's formFields or a cross-field rule (details: FieldProblem[]). */
  FORM_INVALID = 'FORM_INVALID',
  INVALID_ID_NUMBER = 'INVALID_ID_NUMBER',
  /** Licence renewal asked for more than 90 days before the licence expires. */
  RENEWAL_TOO_EARLY = 'RENEWAL_TOO_EARLY',
  /** No current driving licence on record for the person. */
  LICENCE_NOT_FOUND = 'LICENCE_NOT_FOUND',
  /** Replacement/renewal of a licence that was cancelled or revoked (重新申领 instead). */
  LICENCE_NOT_VALID = 'LICENCE_NOT_VALID',
  VEHICLE_NOT_FOUND = 'VEHICLE_NOT_FOUND',
  /** Vehicle deregistered, transferred away or flagged because its owner died. */
  VEHICLE_NOT_ACTIVE = 'VEHICLE_NOT_ACTIVE',
  NOT_VEHICLE_OWNER = 'NOT_VEHICLE_OWNER',
  /** Registration of a VIN that is already registered. */
  VEHICLE_ALREADY_REGISTERED = 'VEHICLE_ALREADY_REGISTERED',
  /** Transfer to the person who already owns the vehicle. */
  ALREADY_OWNER = 'ALREADY_OWNER',
  /** Unpaid violations block a transfer or an inspection sticker. */
  OPEN_VIOLATIONS = 'OPEN_VIOLATIONS',
  NO_OPEN_VIOLATIONS = 'NO_OPEN_VIOLATIONS',
  VIOLATION_NOT_FOUND = 'VIOLATION_NOT_FOUND',
  VIOLATION_ALREADY_DECIDED = 'VIOLATION_ALREADY_DECIDED',
  VIOLATION_NOT_DECIDED = 'VIOLATION_NOT_DECIDED',
  VIOLATION_ALREADY_PAID = 'VIOLATION_ALREADY_PAID',
  /** handleViolation without a decision number or a payment reference. */
  HANDLING_REFERENCE_REQUIRED = 'HANDLING_REFERENCE_REQUIRED',
  /** The decision number or payment reference is already recorded on another violation. */
  REFERENCE_IN_USE = 'REFERENCE_IN_USE',
  /** A DEATH_FOLLOW_UP transfer without a valid ID number of the deceased (left to an officer). */
  TRANSFER_SUBJECT_MISSING = 'TRANSFER_SUBJECT_MISSING',
  /** A revocation of a DEATH_FOLLOW_UP that did not record what it changed (left to an officer). */
  TRANSFER_RESTORE_UNKNOWN = 'TRANSFER_RESTORE_UNKNOWN',
  /** violations(...) needs exactly one of plate and idNumber. */
  QUERY_TARGET_REQUIRED = 'QUERY_TARGET_REQUIRED',
}

export class TrafficException extends DomainException {
  constructor(code: TrafficErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
