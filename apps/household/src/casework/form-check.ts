import { checkFormFields, type FieldProblem, type FormFieldSpec } from '@onewindow/catalog';
import { checkConsistency, validateIdNumber, type ConsistencyMismatch, type Sex } from '@onewindow/id-number';

/**
 * Checks a form against the item's formFields (see checkFormFields). Every date on a household
 * form records something that has already happened (birth, death, loss, start of residence), so
 * none may lie after `today` (YYYY-MM-DD).
 */
export function checkForm(fields: readonly FormFieldSpec[], form: Record<string, unknown>, today: string): FieldProblem[] {
  return checkFormFields(fields, form, { today });
}

/** A person the form speaks about, recognised by an idNumber field `<prefix>IdNumber`. */
export interface FormSubject {
  prefix: string;
  idField: string;
  nameField?: string;
}

/** The persons a form carries, in formFields order; the first is the applicant (申请人/申报人/管理人员). */
export function formSubjects(fields: readonly FormFieldSpec[]): FormSubject[] {
  const keys = new Set(fields.map((f) => f.key));
  return fields
    .filter((f) => f.type === 'idNumber' && f.key.endsWith('IdNumber'))
    .map((f) => {
      const prefix = f.key.slice(0, -'IdNumber'.length);
      const nameField = `${prefix}Name`;
      return { prefix, idField: f.key, nameField: keys.has(nameField) ? nameField : undefined };
    });
}

const SEX_VALUES: Record<string, Sex> = { 男: 'MALE', 女: 'FEMALE', MALE: 'MALE', FEMALE: 'FEMALE' };

export interface FormMismatch extends ConsistencyMismatch {
  /** The form field holding the stated value. */
  formField: string;
}

/**
 * Sex and birth date stated on the form next to an ID number (`<prefix>Sex|Gender`,
 * `<prefix>BirthDate`; plain `sex`/`gender`/`birthDate` for the applicant) must match the number.
 * Call after checkForm passed (ID numbers valid).
 */
export function statedFactMismatches(fields: readonly FormFieldSpec[], form: Record<string, unknown>): FormMismatch[] {
  const subjects = formSubjects(fields);
  const mismatches: FormMismatch[] = [];
  subjects.forEach((s, i) => {
    const idNumber = form[s.idField];
    if (typeof idNumber !== 'string' || !validateIdNumber(idNumber).valid) return;
    const plain = i === 0 ? ['sex', 'gender'] : [];
    const sexField = [`${s.prefix}Sex`, `${s.prefix}Gender`, ...plain].find((k) => typeof form[k] === 'string');
    const birthField = [`${s.prefix}BirthDate`, ...(i === 0 ? ['birthDate'] : [])].find((k) => typeof form[k] === 'string');
    const sex = sexField ? SEX_VALUES[form[sexField] as string] : undefined;
    const birthDate = birthField ? (form[birthField] as string) : undefined;
    for (const m of checkConsistency(idNumber, { sex, birthDate })) {
      mismatches.push({ ...m, formField: m.field === 'sex' ? sexField! : birthField! });
    }
  });
  return mismatches;
}
