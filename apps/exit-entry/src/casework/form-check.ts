import type { CatalogItem, FormFieldSpec } from '@onewindow/catalog';
import { validateIdNumber } from '@onewindow/id-number';

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

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** Problems of one present value against its field type; empty when fine. */
function checkValue(spec: FormFieldSpec, value: unknown): string[] {
  switch (spec.type) {
    case 'string':
    case 'text': {
      if (typeof value !== 'string') return ['应为文本'];
      const max = spec.type === 'string' ? MAX_STRING : MAX_TEXT;
      return value.length > max ? [`不得超过${max}个字符`] : [];
    }
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? [] : ['应为有效日期，格式 YYYY-MM-DD'];
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
 * present value of the right type (the same rules as household's forms).
 */
export function checkForm(fields: readonly FormFieldSpec[], form: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const spec of fields) {
    const value = form[spec.key];
    if (isBlank(value)) {
      if (spec.required) problems.push({ field: spec.key, label: spec.label, problems: ['必填'] });
      continue;
    }
    const found = checkValue(spec, value);
    if (found.length) problems.push({ field: spec.key, label: spec.label, problems: found });
  }
  for (const key of Object.keys(form)) {
    if (!known.has(key)) problems.push({ field: key, label: key, problems: ['本事项表单没有此字段'] });
  }
  return problems;
}

export function problem(item: Pick<CatalogItem, 'formFields'>, field: string, message: string): FieldProblem {
  return { field, label: item.formFields.find((f) => f.key === field)?.label ?? field, problems: [message] };
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
    problems.push(problem(item, 'applicantIdNumber', '与申请人身份证号码不一致'));
  }
  if (has('mailingAddress') && form['pickupMethod'] === '邮寄' && isBlank(form['mailingAddress'])) {
    problems.push(problem(item, 'mailingAddress', '选择邮寄领取的须填写邮寄地址'));
  }
  if (has('guardianIdNumber') && has('guardianRelation')) {
    const idGiven = !isBlank(form['guardianIdNumber']);
    const relationGiven = !isBlank(form['guardianRelation']);
    if (idGiven && !relationGiven) problems.push(problem(item, 'guardianRelation', '填写监护人的须同时填写与申请人关系'));
    if (relationGiven && !idGiven) problems.push(problem(item, 'guardianIdNumber', '填写与申请人关系的须同时填写监护人身份证号码'));
    if (idGiven && typeof form['guardianIdNumber'] === 'string' && !flagged('guardianIdNumber') && normalizedIdNumber(form['guardianIdNumber']) === applicantIdNumber) {
      problems.push(problem(item, 'guardianIdNumber', '监护人不能是申请人本人'));
    }
  }
  return problems;
}
