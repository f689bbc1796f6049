import { DomainException } from '@onewindow/platform';

export enum BureauErrorCode {
  REPORT_MONTH_NOT_FINISHED = 'REPORT_MONTH_NOT_FINISHED',
  REPORT_CLOSE_NOT_CONFIGURED = 'REPORT_CLOSE_NOT_CONFIGURED',
  BUREAU_SIGNATURE_INVALID = 'BUREAU_SIGNATURE_INVALID',
  BUREAU_DISTRICT_UNKNOWN = 'BUREAU_DISTRICT_UNKNOWN',
  BUREAU_VERSION_CONFLICT = 'BUREAU_VERSION_CONFLICT',
  BUREAU_REPORT_INVALID = 'BUREAU_REPORT_INVALID',
  BUREAU_MODE_ONLY = 'BUREAU_MODE_ONLY',
}

export class BureauException extends DomainException {
  constructor(code: BureauErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
