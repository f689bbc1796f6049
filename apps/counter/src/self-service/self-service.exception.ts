import { DomainException } from '@onewindow/platform';

export enum SelfServiceErrorCode {
  PROGRESS_QUERY_UNAVAILABLE = 'PROGRESS_QUERY_UNAVAILABLE',
}

export class SelfServiceException extends DomainException {
  constructor(code: SelfServiceErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
