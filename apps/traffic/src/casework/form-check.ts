import { checkFormFields, formInvalidMessage, type FieldProblem, type FormFieldSpec } from '@onewindow/catalog';
import { TrafficCaseErrorCode, TrafficCaseException } from './traffic-case.exception.js';

/**
 * Checks a form against the item's formFields (see checkFormFields). Dates are not bounded by
 * today: traffic dates may lie in the future, e.g. a licence expiry.
 */
export function checkForm(fields: readonly FormFieldSpec[], form: Record<string, unknown>): FieldProblem[] {
  return checkFormFields(fields, form);
}

export function throwIfFormInvalid(problems: FieldProblem[]): void {
  if (problems.length) throw new TrafficCaseException(TrafficCaseErrorCode.FORM_INVALID, formInvalidMessage(problems), problems);
}
