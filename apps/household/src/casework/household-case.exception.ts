import { DomainException } from '@onewindow/platform';

/** Why the household rules refuse an application or a transition (codes travel on the wire as-is). */
export enum HouseholdCaseErrorCode {
  /** The applicant (or the person the application is about) is not on the population register. */
  PERSON_NOT_FOUND = 'PERSON_NOT_FOUND',
  /** The person's hukou was cancelled on death. */
  PERSON_DECEASED = 'PERSON_DECEASED',
  /** The person has moved out; the item needs a registration here. */
  PERSON_MOVED_OUT = 'PERSON_MOVED_OUT',
  /** Residence permits are for people registered elsewhere. */
  PERSON_REGISTERED_LOCALLY = 'PERSON_REGISTERED_LOCALLY',
  /** A cancellation proof was asked for a person whose hukou is not cancelled. */
  PERSON_NOT_CANCELLED = 'PERSON_NOT_CANCELLED',
  /** The form does not satisfy the catalog's formFields (details: FieldProblem[]). */
  FORM_INVALID = 'FORM_INVALID',
  /** Sex or birth date on the form contradicts the ID number (details: mismatches). */
  ID_INCONSISTENT = 'ID_INCONSISTENT',
  /** A claimed fee waiver is not offered by the item or its condition is not met. */
  WAIVER_NOT_APPLICABLE = 'WAIVER_NOT_APPLICABLE',
}

export class HouseholdCaseException extends DomainException {
  constructor(code: HouseholdCaseErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
