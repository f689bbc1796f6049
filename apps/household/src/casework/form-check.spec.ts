import type { FormFieldSpec } from '@onewindow/catalog';
import { checkForm, formSubjects } from './form-check.js';

const f = (key: string, type: FormFieldSpec['type'], required = false, options?: string[]) => ({ key, label: key, type, required, options }) as FormFieldSpec;

describe('checkForm', () => {
  it('checks each type and ignores blank optional fields', () => {
    const fields = [f('n', 'number'), f('b', 'boolean'), f('t', 'text'), f('s', 'string'), f('e', 'enum', false, ['甲']), f('o', 'string')];
    expect(checkForm(fields, { n: 3, b: false, t: 'x', s: 'y', e: '甲', o: '  ' }, '2026-11-26')).toEqual([]);
    expect(checkForm(fields, { n: '3', b: 'false', t: 'x'.repeat(1001), s: 'y'.repeat(101), e: '乙' }, '2026-11-26').map((p) => p.field)).toEqual(['n', 'b', 't', 's', 'e']);
  });

  it('refuses dates after today: they record what has happened', () => {
    expect(checkForm([f('d', 'date')], { d: '2026-11-27' }, '2026-11-26')[0]?.problems).toEqual(['不能晚于今天']);
  });

  it('finds the persons a form names by their idNumber fields, the applicant first', () => {
    const fields = [f('declarantName', 'string'), f('declarantIdNumber', 'idNumber'), f('deceasedName', 'string'), f('deceasedIdNumber', 'idNumber'), f('managerIdNumber', 'idNumber')];
    expect(formSubjects(fields)).toEqual([
      { prefix: 'declarant', idField: 'declarantIdNumber', nameField: 'declarantName' },
      { prefix: 'deceased', idField: 'deceasedIdNumber', nameField: 'deceasedName' },
      { prefix: 'manager', idField: 'managerIdNumber', nameField: undefined },
    ]);
  });
});
