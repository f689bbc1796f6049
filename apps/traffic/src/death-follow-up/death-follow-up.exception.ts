import { DomainException } from '@onewindow/platform';

/** Why the DEATH_FOLLOW_UP worker leaves a transfer to a traffic officer (codes travel on the wire as-is). */
export enum DeathFollowUpErrorCode {
  /** A DEATH_FOLLOW_UP transfer without a valid ID number of the deceased. */
  TRANSFER_SUBJECT_MISSING = 'TRANSFER_SUBJECT_MISSING',
  /** A revocation of a DEATH_FOLLOW_UP that did not record what it changed. */
  TRANSFER_RESTORE_UNKNOWN = 'TRANSFER_RESTORE_UNKNOWN',
}

export class DeathFollowUpException extends DomainException {
  constructor(code: DeathFollowUpErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
