import { checkFormFields, fieldProblem, isBlank, type CatalogItem, type FieldProblem, type FormFieldSpec } from '@onewindow/catalog';
import { validateIdNumber } from '@onewindow/id-number';

/** Checks a form against the item's formFields (see checkFormFields); dates are not bounded by today. */
export function checkForm(fields: readonly FormFieldSpec[], form: Record<string, unknown>): FieldProblem[] {
  return checkFormFields(fields, form);
}

/** The 18-digit form of an ID number as the registers key it (15-digit legacy numbers converted). */
export function normalizedIdNumber(value: string): string {
  const check = validateIdNumber(value);
  return check.valid ? check.normalized : value.trim().toUpperCase();
}

/**
 * Rules between fields that the catalog schema cannot express: the form's applicant is the
 * command's, a postal pickup needs an address, guardian number and relation come together.
 */
export function crossFieldProblems(item: Pick<CatalogItem, 'formFields'>, form: Record<string, unknown>, applicantIdNumber: string, already: readonly FieldProblem[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const has = (key: string) => item.formFields.some((f) => f.key === key);
  const flagged = (key: string) => already.some((p) => p.field === key);
  const stated = form['applicantIdNumber'];
  if (has('applicantIdNumber') && typeof stated === 'string' && !flagged('applicantIdNumber') && normalizedIdNumber(stated) !== applicantIdNumber) {
    problems.push(fieldProblem(item, 'applicantIdNumber', '与申请人身份证号码不一致'));
  }
  if (has('mailingAddress') && form['pickupMethod'] === '邮寄' && isBlank(form['mailingAddress'])) {
    problems.push(fieldProblem(item, 'mailingAddress', '选择邮寄领取的须填写邮寄地址'));
  }
  if (has('guardianIdNumber') && has('guardianRelation')) {
    const idGiven = !isBlank(form['guardianIdNumber']);
    const relationGiven = !isBlank(form['guardianRelation']);
    if (idGiven && !relationGiven) problems.push(fieldProblem(item, 'guardianRelation', '填写监护人的须同时填写与申请人关系'));
    if (relationGiven && !idGiven) problems.push(fieldProblem(item, 'guardianIdNumber', '填写与申请人关系的须同时填写监护人身份证号码'));
    if (idGiven && typeof form['guardianIdNumber'] === 'string' && !flagged('guardianIdNumber') && normalizedIdNumber(form['guardianIdNumber']) === applicantIdNumber) {
      problems.push(fieldProblem(item, 'guardianIdNumber', '监护人不能是申请人本人'));
    }
  }
  return problems;
}
