import { DomainException } from '@onewindow/platform';

export enum InboxErrorCode {
  APPLICATION_NOT_FOUND = 'APPLICATION_NOT_FOUND',
  INVALID_SNAPSHOT = 'INVALID_SNAPSHOT',
}

export class InboxException extends DomainException {
  constructor(code: InboxErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }

  static applicationNotFound(number: string): InboxException {
    return new InboxException(InboxErrorCode.APPLICATION_NOT_FOUND, `未找到申请 ${number}`, { number });
  }
}
