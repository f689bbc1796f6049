import { DomainException } from '@onewindow/platform';

/** Why the exit-entry rules refuse an application (codes travel on the wire as-is). */
export enum ExitEntryCaseErrorCode {
  /** The applicant is not on the population register (asked of household over NATS). */
  PERSON_NOT_FOUND = 'PERSON_NOT_FOUND',
  /** The applicant's hukou was cancelled on death. */
  PERSON_DECEASED = 'PERSON_DECEASED',
  /** The register's sex or birth date contradicts the ID number (details: mismatches). */
  ID_INCONSISTENT = 'ID_INCONSISTENT',
  /** The form does not satisfy the catalog's formFields (details: FieldProblem[]). */
  FORM_INVALID = 'FORM_INVALID',
  /**
   * An applicant under 18 without complete guardian data (guardianIdNumber + guardianRelation and
   * the GUARDIAN_DOCS material), or with a guardian who is not a living adult on the register
   * (details.reason: MISSING | NOT_FOUND | DECEASED | MINOR | RELATION_MISMATCH).
   */
  GUARDIAN_REQUIRED = 'GUARDIAN_REQUIRED',
  /** Self-service endorsement needs an earlier endorsement of the same type on record. */
  SELF_SERVICE_NOT_ELIGIBLE = 'SELF_SERVICE_NOT_ELIGIBLE',
  /** A claimed fee waiver is not offered by the item. */
  WAIVER_NOT_APPLICABLE = 'WAIVER_NOT_APPLICABLE',
}

export class ExitEntryCaseException extends DomainException {
  constructor(code: ExitEntryCaseErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
