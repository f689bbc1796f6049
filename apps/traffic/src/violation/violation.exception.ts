import { DomainException } from '@onewindow/platform';

/** Why a violation query or handling (处理/缴款) is refused (codes travel on the wire as-is). */
export enum ViolationErrorCode {
  INVALID_ID_NUMBER = 'INVALID_ID_NUMBER',
  /** No current driving licence on record for the person. */
  LICENCE_NOT_FOUND = 'LICENCE_NOT_FOUND',
  VIOLATION_NOT_FOUND = 'VIOLATION_NOT_FOUND',
  VIOLATION_ALREADY_DECIDED = 'VIOLATION_ALREADY_DECIDED',
  VIOLATION_NOT_DECIDED = 'VIOLATION_NOT_DECIDED',
  VIOLATION_ALREADY_PAID = 'VIOLATION_ALREADY_PAID',
  /** handleViolation without a decision number or a payment reference. */
  HANDLING_REFERENCE_REQUIRED = 'HANDLING_REFERENCE_REQUIRED',
  /** The decision number or payment reference is already recorded on another violation. */
  REFERENCE_IN_USE = 'REFERENCE_IN_USE',
  /** violations(...) needs exactly one of plate and idNumber. */
  QUERY_TARGET_REQUIRED = 'QUERY_TARGET_REQUIRED',
}

export class ViolationException extends DomainException {
  constructor(code: ViolationErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
