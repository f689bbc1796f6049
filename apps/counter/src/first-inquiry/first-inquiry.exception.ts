import { DomainException } from '@onewindow/platform';

export enum FirstInquiryErrorCode {
  NOT_FOUND = 'FIRST_INQUIRY_NOT_FOUND',
  OUTCOME_REQUIRED = 'FIRST_INQUIRY_OUTCOME_REQUIRED',
  UNIT_INVALID = 'FIRST_INQUIRY_UNIT_INVALID',
}

export class FirstInquiryException extends DomainException {
  constructor(code: FirstInquiryErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
