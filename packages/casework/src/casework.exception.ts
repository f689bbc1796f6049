import { DomainException } from '@onewindow/platform';

export enum CaseworkErrorCode {
  ITEM_NOT_FOUND = 'ITEM_NOT_FOUND',
  INVALID_ID_NUMBER = 'INVALID_ID_NUMBER',
  APPLICATION_NOT_FOUND = 'APPLICATION_NOT_FOUND',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  NOT_OWNING_OFFICER = 'NOT_OWNING_OFFICER',
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
  REASON_REQUIRED = 'REASON_REQUIRED',
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  TOLERATED_COMMITMENT_REQUIRED = 'TOLERATED_COMMITMENT_REQUIRED',
  TOLERATED_MATERIAL_OUTSTANDING = 'TOLERATED_MATERIAL_OUTSTANDING',
  EXTENSION_NOT_PENDING = 'EXTENSION_NOT_PENDING',
  EXTENSION_ALREADY_PENDING = 'EXTENSION_ALREADY_PENDING',
  /** The extension would exceed the item's cap (行政许可法 第四十二条: 10 working days, unless the catalog says otherwise). */
  EXTENSION_LIMIT_EXCEEDED = 'EXTENSION_LIMIT_EXCEEDED',
  /** The idempotency key was used before for another submission (other item, applicant or form). */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** The item refuses a second open application of the same person (catalog duplicateOpenApplication REFUSE). */
  DUPLICATE_OPEN_APPLICATION = 'DUPLICATE_OPEN_APPLICATION',
}

export class CaseworkException extends DomainException {
  constructor(code: CaseworkErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
