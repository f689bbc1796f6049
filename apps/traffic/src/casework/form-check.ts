import type { CatalogItem, FormFieldSpec } from '@onewindow/catalog';
import { validateIdNumber } from '@onewindow/id-number';
import { TrafficErrorCode, TrafficException } from '../traffic.exception.js';

/** One form field and what is wrong with it (the details of FORM_INVALID). */
export interface FieldProblem {
  field: string;
  label: string;
  problems: string[];
}

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

/** Problems of one present value against its field type (traffic dates may lie in the future, e.g. an expiry). */
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

/** The form against the item's formFields: no unknown keys, required fields present, types right. */
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

export function problem(item: CatalogItem, field: string, message: string): FieldProblem {
  return { field, label: item.formFields.find((f) => f.key === field)?.label ?? field, problems: [message] };
}

export function throwIfFormInvalid(problems: FieldProblem[]): void {
  if (!problems.length) return;
  const summary = problems.map((p) => `${p.label}：${p.problems.join('，')}`).join('；');
  throw new TrafficException(TrafficErrorCode.FORM_INVALID, `表单填写有误：${summary}`, problems);
}
