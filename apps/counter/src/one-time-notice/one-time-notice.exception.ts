import { DomainException } from '@onewindow/platform';

export enum OneTimeNoticeErrorCode {
  NOTICE_NOT_FOUND = 'NOTICE_NOT_FOUND',
  NOTICE_ALREADY_RESOLVED = 'NOTICE_ALREADY_RESOLVED',
  NOTICE_MISMATCH = 'NOTICE_MISMATCH',
}

export class OneTimeNoticeException extends DomainException {
  constructor(code: OneTimeNoticeErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
