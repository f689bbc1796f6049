import type { FormFieldSpec } from '@onewindow/catalog';
import { checkConsistency, validateIdNumber, type ConsistencyMismatch, type Sex } from '@onewindow/id-number';

/** One form field and what is wrong with it (the details of FORM_INVALID). */
export interface FieldProblem {
  field: string;
  label: string;
  problems: string[];
}

/** Mainland mobile number (as in SMS notices). */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_STRING = 100;
const MAX_TEXT = 1000;

export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** Problems of one present value against its field type; empty when fine. */
function checkValue(spec: FormFieldSpec, value: unknown, today: string): string[] {
  switch (spec.type) {
    case 'string':
    case 'text': {
      if (typeof value !== 'string') return ['应为文本'];
      const max = spec.type === 'string' ? MAX_STRING : MAX_TEXT;
      return value.length > max ? [`不得超过${max}个字符`] : [];
    }
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value)) return ['应为有效日期，格式 YYYY-MM-DD'];
      // Every date on a household form records something that has already happened
      // (birth, death, loss, start of residence).
      return value > today ? ['不能晚于今天'] : [];
    case 'phone':
      return typeof value === 'string' && MAINLAND_MOBILE.test(value) ? [] : ['应为11位大陆手机号码'];
    case 'enum':
      return typeof value === 'string' && (spec.options ?? []).includes(value) ? [] : [`应为以下之一：${(spec.options ?? []).join('、')}`];
    case 'idNumber': {
      if (typeof value !== 'string') return ['应为公民身份号码'];
      const check = validateIdNumber(value);
      return check.valid ? [] : [check.message];
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? [] : ['应为数字'];
    case 'boolean':
      return typeof value === 'boolean' ? [] : ['应为是或否'];
    default: {
      const unexpected: never = spec.type;
      return [`未知的字段类型 ${String(unexpected)}`];
    }
  }
}

/**
 * Checks a form against the item's formFields: no unknown keys, required fields present, each
 * present value of the right type. `today` (YYYY-MM-DD) bounds the dates.
 */
export function checkForm(fields: readonly FormFieldSpec[], form: Record<string, unknown>, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const spec of fields) {
    const value = form[spec.key];
    if (isBlank(value)) {
      if (spec.required) problems.push({ field: spec.key, label: spec.label, problems: ['必填'] });
      continue;
    }
    const found = checkValue(spec, value, today);
    if (found.length) problems.push({ field: spec.key, label: spec.label, problems: found });
  }
  for (const key of Object.keys(form)) {
    if (!known.has(key)) problems.push({ field: key, label: key, problems: ['本事项表单没有此字段'] });
  }
  return problems;
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
