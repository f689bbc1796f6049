import { DomainException } from '@onewindow/platform';

export enum DeathCaseErrorCode {
  /** A death cancellation waits for the follow-up transfers to report back. */
  FOLLOW_UPS_PENDING = 'FOLLOW_UPS_PENDING',
}

export class DeathCaseException extends DomainException {
  constructor(code: DeathCaseErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
