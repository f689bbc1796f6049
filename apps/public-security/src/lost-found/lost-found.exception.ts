import { DomainException } from '@onewindow/platform';

export enum LostFoundErrorCode {
  FOUND_ITEM_NOT_FOUND = 'FOUND_ITEM_NOT_FOUND',
  LOST_REPORT_NOT_FOUND = 'LOST_REPORT_NOT_FOUND',
  /** A sanitation department hand-in must carry the department's batch reference. */
  BATCH_REFERENCE_REQUIRED = 'BATCH_REFERENCE_REQUIRED',
  /** The batch reference was registered before (a repeated submission of the same hand-in). */
  BATCH_ALREADY_REGISTERED = 'BATCH_ALREADY_REGISTERED',
  /** A found or lost date after today. */
  DATE_IN_FUTURE = 'DATE_IN_FUTURE',
  /** The item's status does not allow this (already matched to another report, claimed or disposed of). */
  ITEM_NOT_AVAILABLE = 'ITEM_NOT_AVAILABLE',
  /** The lost report is already matched or closed. */
  REPORT_NOT_OPEN = 'REPORT_NOT_OPEN',
  /** The clerk has not confirmed checking the claimant's ID card or face. */
  IDENTITY_NOT_VERIFIED = 'IDENTITY_NOT_VERIFIED',
  INVALID_ID_NUMBER = 'INVALID_ID_NUMBER',
  /** The claimant is not on the household register (refusal recorded). */
  CLAIMANT_NOT_ON_REGISTER = 'CLAIMANT_NOT_ON_REGISTER',
  /** The claimant's hukou is cancelled on death (refusal recorded). */
  CLAIMANT_DECEASED = 'CLAIMANT_DECEASED',
  /** The claimant is not the person who reported the loss (refusal recorded). */
  CLAIMANT_MISMATCH = 'CLAIMANT_MISMATCH',
  /** Reading personal data needs a stated purpose. */
  PURPOSE_REQUIRED = 'PURPOSE_REQUIRED',
}

export class LostFoundException extends DomainException {
  constructor(code: LostFoundErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
