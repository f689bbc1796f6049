import type { FormFieldSpec } from '@onewindow/catalog';
import { checkForm, crossFieldProblems } from './form-check.js';

const f = (key: string, type: FormFieldSpec['type'], required = false, options?: string[]) => ({ key, label: key, type, required, options }) as FormFieldSpec;
const APPLICANT = '510107198804129130';

describe('checkForm', () => {
  it('checks each type, required fields and unknown keys; blank optional fields are fine', () => {
    const fields = [f('n', 'number'), f('b', 'boolean'), f('t', 'text'), f('s', 'string', true), f('e', 'enum', false, ['甲']), f('i', 'idNumber'), f('p', 'phone'), f('o', 'string')];
    expect(checkForm(fields, { n: 3, b: false, t: 'x', s: 'y', e: '甲', i: APPLICANT, p: '13800138000', o: '  ' })).toEqual([]);
    expect(checkForm(fields, { n: '3', b: 'no', t: 1, e: '乙', i: '510107198804129131', p: '110', zz: 1 }).map((p) => p.field)).toEqual(['n', 'b', 't', 's', 'e', 'i', 'p', 'zz']);
  });

  it('accepts a lowercase x and a 15-digit number as the same applicant', () => {
    const item = { formFields: [f('applicantIdNumber', 'idNumber', true)] };
    expect(crossFieldProblems(item, { applicantIdNumber: '51010419851202926x' }, '51010419851202926X', [])).toEqual([]);
  });
});
