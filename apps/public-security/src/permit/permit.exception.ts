import { DomainException } from '@onewindow/platform';

export enum PermitErrorCode {
  PERMIT_NOT_FOUND = 'PERMIT_NOT_FOUND',
  /** The requested status change is not allowed from the current status (CANCELLED is final). */
  PERMIT_STATUS_CHANGE_NOT_ALLOWED = 'PERMIT_STATUS_CHANGE_NOT_ALLOWED',
  /** Suspending, cancelling or putting under review needs a reason. */
  REASON_REQUIRED = 'REASON_REQUIRED',
  /** A revoked death follow-up did not record which permits it changed (left to an officer). */
  RESTORE_UNKNOWN = 'RESTORE_UNKNOWN',
}

export class PermitException extends DomainException {
  constructor(code: PermitErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
