import { IdNumberErrorCode, InvalidIdNumberError, checkConsistency } from './index.js';

const ID = '11010519491231002X'; // female, born 1949-12-31

describe('checkConsistency', () => {
  it('returns nothing when the form agrees with the number', () => {
    expect(checkConsistency(ID, { sex: 'FEMALE', birthDate: '1949-12-31' })).toEqual([]);
    expect(checkConsistency('11010519491231002x', { sex: 'FEMALE' })).toEqual([]);
    expect(checkConsistency(ID, {})).toEqual([]);
  });

  it('reports a stated sex that contradicts the number', () => {
    expect(checkConsistency(ID, { sex: 'MALE' })).toEqual([
      { field: 'sex', stated: 'MALE', fromIdNumber: 'FEMALE', message: '填写的性别（男）与身份号码（女）不一致' },
    ]);
  });

  it('reports a stated birth date that contradicts the number', () => {
    expect(checkConsistency(ID, { birthDate: '1949-12-30' })).toEqual([
      {
        field: 'birthDate',
        stated: '1949-12-30',
        fromIdNumber: '1949-12-31',
        message: '填写的出生日期（1949-12-30）与身份号码（1949-12-31）不一致',
      },
    ]);
  });

  it('reports both at once', () => {
    expect(checkConsistency(ID, { sex: 'MALE', birthDate: '1950-01-01' }).map((m) => m.field)).toEqual(['sex', 'birthDate']);
  });

  it('works for a converted 15-digit number', () => {
    expect(checkConsistency('110105491231002', { sex: 'FEMALE', birthDate: '1949-12-31' })).toEqual([]);
  });

  it('throws InvalidIdNumberError when the number itself is invalid', () => {
    expect(() => checkConsistency('110105194912310021', { sex: 'FEMALE' })).toThrow(InvalidIdNumberError);
    expect(() => checkConsistency('1101', {})).toThrow(
      expect.objectContaining({ code: IdNumberErrorCode.FORMAT }) as unknown as Error,
    );
  });
});
