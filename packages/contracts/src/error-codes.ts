import { QUEUE_ERROR_CODES } from './queue.errors.js';
import { QUEUE_BALANCING_ERROR_CODES } from './queue-balancing.errors.js';
import { APPOINTMENT_ERROR_CODES } from './appointment.errors.js';
import { SERVICE_POINT_ERROR_CODES } from './service-point.errors.js';
import { HOME_VISIT_ERROR_CODES } from './home-visit.errors.js';

/**
 * Error codes shared across transports. GraphQL puts them in `extensions.code`; NATS replies carry
 * them in `err.code`.
 */
export enum CommonErrorCode {
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  OUT_OF_JURISDICTION = 'OUT_OF_JURISDICTION',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL = 'INTERNAL',
  /** A public, no-login operation asked too often (platform rate limiter). */
  RATE_LIMITED = 'RATE_LIMITED',
  /** A one-time SMS code is wrong, expired or spent (platform phone codes). */
  VERIFICATION_CODE_INVALID = 'VERIFICATION_CODE_INVALID',
}

/**
 * Every code a person can meet on the wire, in one list. Feature exceptions keep their own enums
 * (the code a feature may throw), but `DomainException` accepts only members of `ErrorCode`, so a
 * feature code missing here does not compile — and the counter UI's Chinese messages are a
 * `Record<ErrorCode, …>`, so a code without a message does not compile either.
 */
export const ERROR_CODES = [
  // Common (every service; CommonErrorCode)
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'OUT_OF_JURISDICTION',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
  // GraphQL transport (Apollo Server and the gateway's own limits)
  'INTERNAL_SERVER_ERROR',
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_MANY_ALIASES',
  'QUERY_TOO_MANY_DIRECTIVES',
  'QUERY_TOO_LARGE',
  // Sign-in (demo issuer)
  'INVALID_CREDENTIALS',
  // Persons and register checks (household; casework's RegisterCheckedRules)
  'INVALID_ID_NUMBER',
  'PERSON_NOT_FOUND',
  'PERSON_DECEASED',
  'PERSON_MOVED_OUT',
  'PERSON_REGISTERED_LOCALLY',
  'PERSON_NOT_CANCELLED',
  'HOUSEHOLD_NOT_FOUND',
  'ID_INCONSISTENT',
  'PURPOSE_REQUIRED',
  // Catalog and acceptance (counter)
  'ITEM_NOT_FOUND',
  'ITEM_NOT_AVAILABLE',
  'FORM_INVALID',
  'WAIVER_NOT_APPLICABLE',
  'IDEMPOTENCY_KEY_REUSED',
  'INVALID_ACCEPT_REPLY',
  'INVALID_SNAPSHOT',
  'NOTICE_NOT_FOUND',
  'NOTICE_ALREADY_RESOLVED',
  'NOTICE_MISMATCH',
  // Applications (casework)
  'APPLICATION_NOT_FOUND',
  'NOT_OWNING_OFFICER',
  'ROLE_NOT_ALLOWED',
  'INVALID_TRANSITION',
  'REASON_REQUIRED',
  'VERSION_CONFLICT',
  'EXTENSION_NOT_PENDING',
  'EXTENSION_ALREADY_PENDING',
  'TOLERATED_COMMITMENT_REQUIRED',
  'TOLERATED_MATERIAL_OUTSTANDING',
  'DUPLICATE_OPEN_APPLICATION',
  // Death cancellation (household)
  'FOLLOW_UPS_PENDING',
  // Transfers between police types (transfers; counter's transfer views; follow-up workers)
  'TRANSFER_NOT_FOUND',
  'TRANSFER_CASE_NOT_FOUND',
  'TRANSFER_SENDER_UNKNOWN',
  'INVALID_TRANSFER_TARGET',
  'INVALID_TRANSFER_STATE',
  'REFUSAL_REASON_REQUIRED',
  'NOT_SENDING_STAFF',
  'NOT_RECEIVING_OFFICER',
  'REVOCATION_MANUAL',
  'POLICE_TYPE_REQUIRED',
  'SUBJECT_ID_NUMBER_MISSING',
  'RESTORE_UNKNOWN',
  'TRANSFER_SUBJECT_MISSING',
  'TRANSFER_RESTORE_UNKNOWN',
  // Exit-entry
  'DOCUMENT_NOT_FOUND',
  'DOCUMENT_REQUIRED',
  'GUARDIAN_REQUIRED',
  'SELF_SERVICE_NOT_ELIGIBLE',
  // Traffic
  'RENEWAL_TOO_EARLY',
  'LICENCE_NOT_FOUND',
  'LICENCE_NOT_VALID',
  'VEHICLE_NOT_FOUND',
  'VEHICLE_NOT_ACTIVE',
  'NOT_VEHICLE_OWNER',
  'VEHICLE_ALREADY_REGISTERED',
  'ALREADY_OWNER',
  'OPEN_VIOLATIONS',
  'NO_OPEN_VIOLATIONS',
  'VIOLATION_NOT_FOUND',
  'VIOLATION_ALREADY_DECIDED',
  'VIOLATION_NOT_DECIDED',
  'VIOLATION_ALREADY_PAID',
  'HANDLING_REFERENCE_REQUIRED',
  'REFERENCE_IN_USE',
  'QUERY_TARGET_REQUIRED',
  // Public security: permits
  'PERMIT_NOT_FOUND',
  'PERMIT_ALREADY_HELD',
  'PERMIT_STATUS_CHANGE_NOT_ALLOWED',
  'APPLICANT_NOT_ELIGIBLE',
  // Public security: lost and found (失物招领)
  'FOUND_ITEM_NOT_FOUND',
  'LOST_REPORT_NOT_FOUND',
  'BATCH_REFERENCE_REQUIRED',
  'BATCH_ALREADY_REGISTERED',
  'DATE_IN_FUTURE',
  'REPORT_NOT_OPEN',
  'IDENTITY_NOT_VERIFIED',
  'CLAIMANT_NOT_ON_REGISTER',
  'CLAIMANT_DECEASED',
  'CLAIMANT_MISMATCH',
  // Casework time limits
  'EXTENSION_LIMIT_EXCEEDED',
  // Register changes on approval (household)
  'TARGET_HOUSEHOLD_NOT_FOUND',
  'TARGET_HOUSEHOLD_KIND_MISMATCH',
  'DECLARANT_HAS_NO_HOUSEHOLD',
  'BIRTH_ALREADY_REGISTERED',
  'ID_SEQUENCE_EXHAUSTED',
  'REGISTER_DATA_MISSING',
  // Residence permits (household)
  'RESIDENCE_PERMIT_ALREADY_HELD',
  'RESIDENCE_PERMIT_NOT_FOUND',
  'ENDORSEMENT_NOT_DUE',
  // Complaints (信访投诉)
  'COMPLAINT_NOT_FOUND',
  'COMPLAINT_INVALID_TRANSITION',
  'COMPLAINT_CHANNEL_NOT_ALLOWED',
  'COMPLAINT_ABOUT_SELF',
  'COMPLAINT_EXTENSION_ALREADY_USED',
  'COMPLAINT_FINDING_REQUIRED',
  'COMPLAINT_FINDING_INVALID',
  'COMPLAINT_DEDUCTION_NOT_FOUND',
  'COMPLAINT_DEDUCTION_ALREADY_REVERSED',
  'COMPLAINT_ANALYSIS_MONTH_INVALID',
  // Evaluations (好差评) and callbacks (回访核实)
  'RATING_PAIRING_INVALID',
  'RATING_DEVICE_INVALID',
  'EVALUATION_APPLICATION_NOT_FOUND',
  'EVALUATION_WRONG_WINDOW',
  'EVALUATION_ALREADY_RECORDED',
  'EVALUATION_VISIT_NOT_PRESENTED',
  'EVALUATION_REASON_REQUIRED',
  'EVALUATION_SMS_UNKNOWN_SENDER',
  'EVALUATION_SMS_UNKNOWN_ANSWER',
  'EVALUATION_SMS_SIGNATURE_INVALID',
  'CALLBACK_TASK_NOT_FOUND',
  'CALLBACK_INVALID_TRANSITION',
  'CALLBACK_ABOUT_SELF',
  'RATE_LIMITED',
  'VERIFICATION_CODE_INVALID',
  'ROUTING_RULES_INVALID',
  'ROUTING_VERSION_NOT_FOUND',
  'WORK_ORDER_ALREADY_RECEIVED',
  'COMPLAINT_TRANSFER_NOT_ALLOWED',
  // issue 10, monthly figures (月报)
  'REPORT_MONTH_INVALID',
  'REPORT_MONTH_IN_FUTURE',
  'REPORT_UNIT_UNKNOWN',
  'REPORT_OUT_OF_JURISDICTION',
  // issue 10: month close and push to the city bureau (月报报送)
  'REPORT_MONTH_NOT_FINISHED',
  'REPORT_CLOSE_NOT_CONFIGURED',
  'BUREAU_SIGNATURE_INVALID',
  'BUREAU_DISTRICT_UNKNOWN',
  'BUREAU_VERSION_CONFLICT',
  'BUREAU_REPORT_INVALID',
  'BUREAU_MODE_ONLY',
  // Audit trail for supervisors (审计查询; counter and every service's audit.query handler)
  'AUDIT_RANGE_INVALID',
  'AUDIT_RANGE_TOO_LONG',
  // Supervision (督察): inspections and random inspections (双随机一公开)
  'SUPERVISION_TEMPLATE_UNKNOWN',
  'SUPERVISION_TEMPLATE_INVALID',
  'SUPERVISION_UNIT_UNKNOWN',
  'SUPERVISION_INSPECTION_NOT_FOUND',
  'SUPERVISION_RESULTS_INVALID',
  'SUPERVISION_DEADLINE_INVALID',
  'SUPERVISION_FINDING_NOT_FOUND',
  'SUPERVISION_FINDING_INVALID_TRANSITION',
  'SUPERVISION_CITY_SUPERVISOR_ONLY',
  'SUPERVISION_PERIOD_INVALID',
  'SUPERVISION_DRAW_POOL_TOO_SMALL',
  'SUPERVISION_NO_ELIGIBLE_INSPECTOR',
  'SUPERVISION_DRAW_NOT_FOUND',
  'SUPERVISION_DRAW_INCOMPLETE',
  'SUPERVISION_DRAW_PUBLISHED',
  // issue 11, the front office (大厅服务): one file per feature
  ...QUEUE_ERROR_CODES,
  ...QUEUE_BALANCING_ERROR_CODES,
  ...APPOINTMENT_ERROR_CODES,
  ...SERVICE_POINT_ERROR_CODES,
  ...HOME_VISIT_ERROR_CODES,
] as const;

/** The union of every error code (see `ERROR_CODES`). */
export type ErrorCode = (typeof ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(ERROR_CODES);

/** A code read from the wire (a string) narrowed to the union. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && KNOWN.has(code);
}

// Every common code is in the union (compile-time check).
const _commonCodesAreErrorCodes: readonly ErrorCode[] = Object.values(CommonErrorCode);
void _commonCodesAreErrorCodes;

/** Wire shape of an error reply over NATS request/reply. */
export interface RpcErrorBody {
  code: string;
  message: string;
  details?: unknown;
}
