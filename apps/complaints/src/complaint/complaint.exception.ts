import { DomainException } from '@onewindow/platform';

/** Why a complaint action is refused (codes travel on the wire as-is). */
export enum ComplaintErrorCode {
  COMPLAINT_NOT_FOUND = 'COMPLAINT_NOT_FOUND',
  /** The action is not allowed in the complaint's current status (the lifecycle table in complaint.rules.ts). */
  COMPLAINT_INVALID_TRANSITION = 'COMPLAINT_INVALID_TRANSITION',
  /** A window clerk may record only complaints made in person at the window. */
  COMPLAINT_CHANNEL_NOT_ALLOWED = 'COMPLAINT_CHANNEL_NOT_ALLOWED',
  /** The caller is the officer the complaint names (回避). */
  COMPLAINT_ABOUT_SELF = 'COMPLAINT_ABOUT_SELF',
  /** The answer period may be extended once (信访工作条例 Art. 36: up to 30 days). */
  COMPLAINT_EXTENSION_ALREADY_USED = 'COMPLAINT_EXTENSION_ALREADY_USED',
  EXTENSION_ALREADY_PENDING = 'EXTENSION_ALREADY_PENDING',
  EXTENSION_NOT_PENDING = 'EXTENSION_NOT_PENDING',
  REASON_REQUIRED = 'REASON_REQUIRED',
  INVALID_ID_NUMBER = 'INVALID_ID_NUMBER',
  DATE_IN_FUTURE = 'DATE_IN_FUTURE',
  /** Closing an answered complaint needs its finding (核查结论). */
  COMPLAINT_FINDING_REQUIRED = 'COMPLAINT_FINDING_REQUIRED',
  /** The finding does not fit the kind (不涉及 only for consultations, suggestions and praise). */
  COMPLAINT_FINDING_INVALID = 'COMPLAINT_FINDING_INVALID',
  COMPLAINT_DEDUCTION_NOT_FOUND = 'COMPLAINT_DEDUCTION_NOT_FOUND',
  COMPLAINT_DEDUCTION_ALREADY_REVERSED = 'COMPLAINT_DEDUCTION_ALREADY_REVERSED',
  /** The analysis month is malformed or in the future. */
  COMPLAINT_ANALYSIS_MONTH_INVALID = 'COMPLAINT_ANALYSIS_MONTH_INVALID',
  /** Too many requests from one phone or one address on the public online form. */
  RATE_LIMITED = 'RATE_LIMITED',
  /** The SMS code is wrong, expired, used or has had too many attempts. */
  VERIFICATION_CODE_INVALID = 'VERIFICATION_CODE_INVALID',
  ROUTING_RULES_INVALID = 'ROUTING_RULES_INVALID',
  ROUTING_VERSION_NOT_FOUND = 'ROUTING_VERSION_NOT_FOUND',
  /** A 12345 work order with this number was already taken. */
  WORK_ORDER_ALREADY_RECEIVED = 'WORK_ORDER_ALREADY_RECEIVED',
  /** Not to the complaints service itself, and not once answered or ended. */
  COMPLAINT_TRANSFER_NOT_ALLOWED = 'COMPLAINT_TRANSFER_NOT_ALLOWED',
}

export class ComplaintException extends DomainException {
  constructor(code: ComplaintErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
