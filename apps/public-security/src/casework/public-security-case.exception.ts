import { DomainException } from '@onewindow/platform';

/**
 * Why the public-security rules refuse an application (codes travel on the wire as-is). The base
 * RegisterCheckedRules adds PERSON_NOT_FOUND, PERSON_DECEASED, ID_INCONSISTENT and FORM_INVALID
 * (contact phone).
 */
export enum PublicSecurityCaseErrorCode {
  /** The form does not satisfy the item's formFields or business rules (details: FieldProblem[]). */
  FORM_INVALID = 'FORM_INVALID',
  /** The applicant does not meet a statutory condition (e.g. a security guard under 18). */
  APPLICANT_NOT_ELIGIBLE = 'APPLICANT_NOT_ELIGIBLE',
  /** The applicant already holds a valid permit of this kind (一人一证). */
  PERMIT_ALREADY_HELD = 'PERMIT_ALREADY_HELD',
}

export class PublicSecurityCaseException extends DomainException {
  constructor(code: PublicSecurityCaseErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
