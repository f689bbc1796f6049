import { DomainException } from '@onewindow/platform';

export enum ReportScopeErrorCode {
  REPORT_MONTH_INVALID = 'REPORT_MONTH_INVALID',
  REPORT_MONTH_IN_FUTURE = 'REPORT_MONTH_IN_FUTURE',
  REPORT_UNIT_UNKNOWN = 'REPORT_UNIT_UNKNOWN',
  REPORT_OUT_OF_JURISDICTION = 'REPORT_OUT_OF_JURISDICTION',
}

export class ReportScopeException extends DomainException {
  constructor(code: ReportScopeErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
