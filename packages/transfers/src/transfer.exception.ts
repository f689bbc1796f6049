import { DomainException } from '@onewindow/platform';

export enum TransferErrorCode {
  TRANSFER_NOT_FOUND = 'TRANSFER_NOT_FOUND',
  TRANSFER_CASE_NOT_FOUND = 'TRANSFER_CASE_NOT_FOUND',
  INVALID_TRANSFER_TARGET = 'INVALID_TRANSFER_TARGET',
  INVALID_TRANSFER_STATE = 'INVALID_TRANSFER_STATE',
  REFUSAL_REASON_REQUIRED = 'REFUSAL_REASON_REQUIRED',
  /** Only a clerk, or an officer of the sending police type, opens a transfer. */
  NOT_SENDING_STAFF = 'NOT_SENDING_STAFF',
  /** Only an officer of the receiving police type, or a supervisor, works a transfer. */
  NOT_RECEIVING_OFFICER = 'NOT_RECEIVING_OFFICER',
  /** A completed transfer was revoked but its kind has no automatic undo: an officer restores by hand. */
  REVOCATION_MANUAL = 'REVOCATION_MANUAL',
}

export class TransferException extends DomainException {
  constructor(code: TransferErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
