import { checkFormFields, fieldProblem, formInvalidMessage, isBlank, isCalendarDate } from './form-check.js';
import type { FormFieldSpec } from './schema.js';

const f = (key: string, type: FormFieldSpec['type'], required = false, options?: string[]) => ({ key, label: `${key}标签`, type, required, options }) as FormFieldSpec;
const ID = '510107198804129130';
const fieldsOf = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('checkFormFields', () => {
  it('accepts well-typed values and ignores blank optional fields', () => {
    const fields = [f('n', 'number'), f('b', 'boolean'), f('t', 'text'), f('s', 'string', true), f('e', 'enum', false, ['甲']), f('i', 'idNumber'), f('p', 'phone'), f('d', 'date'), f('o', 'string')];
    expect(checkFormFields(fields, { n: 3, b: false, t: 'x', s: 'y', e: '甲', i: ID, p: '13800138000', d: '2024-02-29', o: '  ' })).toEqual([]);
  });

  it('says what is wrong with each field, in formFields order, unknown keys last', () => {
    const fields = [f('n', 'number'), f('b', 'boolean'), f('t', 'text'), f('s', 'string', true), f('e', 'enum', false, ['甲', '乙']), f('i', 'idNumber'), f('p', 'phone'), f('d', 'date')];
    const problems = checkFormFields(fields, { zz: 1, n: Number.NaN, b: 'no', t: 1, e: '丙', i: '510107198804129131', p: '110', d: '2025-02-29' });
    expect(fieldsOf(problems)).toEqual(['n', 'b', 't', 's', 'e', 'i', 'p', 'd', 'zz']);
    const byField = Object.fromEntries(problems.map((p) => [p.field, p]));
    expect(byField['n']).toEqual({ field: 'n', label: 'n标签', problems: ['应为数字'] });
    expect(byField['b']?.problems).toEqual(['应为是或否']);
    expect(byField['t']?.problems).toEqual(['应为文本']);
    expect(byField['s']?.problems).toEqual(['必填']);
    expect(byField['e']?.problems).toEqual(['应为以下之一：甲、乙']);
    expect(byField['i']?.problems).toHaveLength(1);
    expect(byField['p']?.problems).toEqual(['应为11位大陆手机号码']);
    expect(byField['d']?.problems).toEqual(['应为有效日期，格式 YYYY-MM-DD']);
    expect(byField['zz']).toEqual({ field: 'zz', label: 'zz', problems: ['本事项表单没有此字段'] });
  });

  it('treats a blank required field as missing and limits text lengths', () => {
    const fields = [f('s', 'string', true), f('short', 'string'), f('long', 'text')];
    expect(checkFormFields(fields, { s: ' ', short: 'y'.repeat(100), long: 'x'.repeat(1000) }).map((p) => p.problems)).toEqual([['必填']]);
    expect(checkFormFields(fields, { s: 'a', short: 'y'.repeat(101), long: 'x'.repeat(1001) }).map((p) => p.problems)).toEqual([['不得超过100个字符'], ['不得超过1000个字符']]);
  });

  it('without today, any real date is fine', () => {
    expect(checkFormFields([f('d', 'date')], { d: '2999-01-01' })).toEqual([]);
  });

  it('with today, dates may not lie ahead, except the planned ones, which may not lie behind', () => {
    const fields = [f('happened', 'date'), f('planned', 'date')];
    const options = { today: '2026-03-10', futureDateFields: new Set(['planned']) };
    expect(checkFormFields(fields, { happened: '2026-03-10', planned: '2026-03-10' }, options)).toEqual([]);
    expect(checkFormFields(fields, { happened: '2026-03-11', planned: '2026-03-09' }, options).map((p) => p.problems)).toEqual([['不能晚于今天'], ['不能早于今天']]);
    expect(checkFormFields(fields, { planned: '2026-03-11' }, { today: '2026-03-10' })[0]?.problems).toEqual(['不能晚于今天']);
  });
});

describe('form values', () => {
  it('knows real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-2-01')).toBe(false);
  });

  it('counts absent, null and whitespace as blank, but not 0 or false', () => {
    expect([undefined, null, '', ' \t'].map(isBlank)).toEqual([true, true, true, true]);
    expect([0, false, 'x'].map(isBlank)).toEqual([false, false, false]);
  });
});

describe('problems for the clerk', () => {
  const item = { formFields: [f('contactPhone', 'phone')] };

  it('labels a problem as the form does, or by its key', () => {
    expect(fieldProblem(item, 'contactPhone', '错')).toEqual({ field: 'contactPhone', label: 'contactPhone标签', problems: ['错'] });
    expect(fieldProblem(item, 'other', '错').label).toBe('other');
  });

  it('sums all problems up in one line', () => {
    expect(formInvalidMessage([{ field: 'a', label: '甲', problems: ['必填'] }, { field: 'b', label: '乙', problems: ['x', 'y'] }])).toBe('表单填写有误：甲：必填；乙：x，y');
  });
});
