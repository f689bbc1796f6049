import { DomainException } from '@onewindow/platform';

/** Why an evaluation step is refused (codes travel on the wire as-is). */
export enum EvaluationErrorCode {
  /** Unknown, expired or used pairing code. */
  RATING_PAIRING_INVALID = 'RATING_PAIRING_INVALID',
  /** Unknown, expired or revoked device token of a rating screen. */
  RATING_DEVICE_INVALID = 'RATING_DEVICE_INVALID',
  EVALUATION_APPLICATION_NOT_FOUND = 'EVALUATION_APPLICATION_NOT_FOUND',
  /** The visit was presented at another window than the device's. */
  EVALUATION_WRONG_WINDOW = 'EVALUATION_WRONG_WINDOW',
  /** One evaluation per matter (window or SMS, whichever first). */
  EVALUATION_ALREADY_RECORDED = 'EVALUATION_ALREADY_RECORDED',
  /** The visit is no longer on the screen (another visit was presented since). */
  EVALUATION_VISIT_NOT_PRESENTED = 'EVALUATION_VISIT_NOT_PRESENTED',
  EVALUATION_REASON_REQUIRED = 'EVALUATION_REASON_REQUIRED',
  EVALUATION_SMS_UNKNOWN_SENDER = 'EVALUATION_SMS_UNKNOWN_SENDER',
  EVALUATION_SMS_UNKNOWN_ANSWER = 'EVALUATION_SMS_UNKNOWN_ANSWER',
  EVALUATION_SMS_SIGNATURE_INVALID = 'EVALUATION_SMS_SIGNATURE_INVALID',
}

export class EvaluationException extends DomainException {
  constructor(code: EvaluationErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
