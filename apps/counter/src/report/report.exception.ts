import { DomainException } from '@onewindow/platform';

export enum ReportErrorCode {
  REPORT_MONTH_INVALID = 'REPORT_MONTH_INVALID',
  REPORT_MONTH_IN_FUTURE = 'REPORT_MONTH_IN_FUTURE',
  REPORT_UNIT_UNKNOWN = 'REPORT_UNIT_UNKNOWN',
  REPORT_OUT_OF_JURISDICTION = 'REPORT_OUT_OF_JURISDICTION',
}

export class ReportException extends DomainException {
  constructor(code: ReportErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
