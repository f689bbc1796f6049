import { DomainException } from '@onewindow/platform';

export enum AcceptanceErrorCode {
  INVALID_ID_NUMBER = 'INVALID_ID_NUMBER',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  INVALID_ACCEPT_REPLY = 'INVALID_ACCEPT_REPLY',
}

export class AcceptanceException extends DomainException {
  constructor(code: AcceptanceErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
