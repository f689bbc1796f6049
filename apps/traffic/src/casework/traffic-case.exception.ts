import { DomainException } from '@onewindow/platform';

/**
 * Why the traffic service refuses an application or a transition (codes travel on the wire as-is).
 * The register check inherited from RegisterCheckedRules adds PERSON_NOT_FOUND, PERSON_DECEASED and
 * ID_INCONSISTENT. Violation handling and the death follow-up have their own exceptions.
 */
export enum TrafficCaseErrorCode {
  /** The form does not satisfy the catalog's formFields or a cross-field rule (details: FieldProblem[]). */
  FORM_INVALID = 'FORM_INVALID',
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
}

export class TrafficCaseException extends DomainException {
  constructor(code: TrafficCaseErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
