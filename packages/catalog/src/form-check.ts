import { validateIdNumber } from '@onewindow/id-number';
import type { CatalogItem, FormFieldSpec } from './schema.js';

/** One form field and what is wrong with it (the details of a service's FORM_INVALID). */
export interface FieldProblem {
  field: string;
  label: string;
  problems: string[];
}

export interface FormCheckOptions {
  /**
   * The business date (YYYY-MM-DD). Given, a date field may not lie after it: it records something
   * that has already happened (birth, death, loss). Absent, dates are only checked to be real
   * dates (forms that mix past dates with planned ones or expiries).
   */
  today?: string;
  /** With `today`: date fields that plan something (an event, a transport), so today or later instead. */
  futureDateFields?: ReadonlySet<string>;
}

/** Mainland mobile number (as in SMS notices). */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
const DATE_PARTS = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_STRING = 100;
const MAX_TEXT = 1000;

/** A real calendar date written YYYY-MM-DD (no 2025-02-29). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_PARTS.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Absent, null or only whitespace: a form value that was not filled in. */
export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function checkDate(key: string, value: string, options: FormCheckOptions): string[] {
  const { today } = options;
  if (today === undefined) return [];
  if (options.futureDateFields?.has(key)) return value < today ? ['不能早于今天'] : [];
  return value > today ? ['不能晚于今天'] : [];
}

/** Problems of one present value against its field type; empty when fine. */
function checkValue(spec: FormFieldSpec, value: unknown, options: FormCheckOptions): string[] {
  switch (spec.type) {
    case 'string':
    case 'text': {
      if (typeof value !== 'string') return ['应为文本'];
      const max = spec.type === 'string' ? MAX_STRING : MAX_TEXT;
      return value.length > max ? [`不得超过${max}个字符`] : [];
    }
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value)) return ['应为有效日期，格式 YYYY-MM-DD'];
      return checkDate(spec.key, value, options);
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
 * Checks a form against an item's formFields: required fields present (blank counts as absent),
 * each present value of its field's type, no keys the item does not know. Problems come in
 * formFields order, unknown keys last. Rules between fields are the service's.
 */
export function checkFormFields(fields: readonly FormFieldSpec[], form: Record<string, unknown>, options: FormCheckOptions = {}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(fields.map((f) => f.key));
  for (const spec of fields) {
    const value = form[spec.key];
    if (isBlank(value)) {
      if (spec.required) problems.push({ field: spec.key, label: spec.label, problems: ['必填'] });
      continue;
    }
    const found = checkValue(spec, value, options);
    if (found.length) problems.push({ field: spec.key, label: spec.label, problems: found });
  }
  for (const key of Object.keys(form)) {
    if (!known.has(key)) problems.push({ field: key, label: key, problems: ['本事项表单没有此字段'] });
  }
  return problems;
}

/** One problem on one field of the item's form, labelled as the form labels it. */
export function fieldProblem(item: Pick<CatalogItem, 'formFields'>, field: string, message: string): FieldProblem {
  return { field, label: item.formFields.find((f) => f.key === field)?.label ?? field, problems: [message] };
}

/** The message of a FORM_INVALID error: every field with its problems, in one line for the clerk. */
export function formInvalidMessage(problems: readonly FieldProblem[]): string {
  const summary = problems.map((p) => `${p.label}：${p.problems.join('，')}`).join('；');
  return `表单填写有误：${summary}`;
}
