import { DomainException } from '@onewindow/platform';

export enum TransferViewErrorCode {
  TRANSFER_NOT_FOUND = 'TRANSFER_NOT_FOUND',
  /** Neither the case number nor the caller's police type tells which service sends the transfer. */
  TRANSFER_SENDER_UNKNOWN = 'TRANSFER_SENDER_UNKNOWN',
  /** A direction (inbound/outbound) needs a police type to be relative to. */
  POLICE_TYPE_REQUIRED = 'POLICE_TYPE_REQUIRED',
}

export class TransferViewException extends DomainException {
  constructor(code: TransferViewErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
