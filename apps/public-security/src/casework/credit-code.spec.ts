import { creditCodeCheckCharacter, validateCreditCode } from './credit-code.js';
import { DEMO_HOTEL_CREDIT_CODE } from '../seed/demo-data.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts the standard example and real-world codes', () => {
    // 91350100M000100Y43 is the example printed in GB 32100-2015.
    for (const code of ['91350100M000100Y43', '91110108551385082Q', '91110000600037341L', DEMO_HOTEL_CREDIT_CODE]) {
      expect(validateCreditCode(code)).toEqual({ valid: true, normalized: code });
    }
  });

  it('computes the check character, mapping 31 back to 0', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckCharacter('91510107MA6C9JL01')).toBe('7');
    // Σ ≡ 0 (mod 31) → 31 − 0 = 31 → '0'.
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });

  it('normalises lower case and spaces', () => {
    expect(validateCreditCode(' 91350100m000100y43 ')).toEqual({ valid: true, normalized: '91350100M000100Y43' });
  });

  it('rejects a wrong check character, a wrong length and characters outside the code set', () => {
    expect(validateCreditCode('91350100M000100Y44')).toMatchObject({ valid: false, reason: 'CHECK_CHARACTER' });
    expect(validateCreditCode('91350100M000100Y4')).toMatchObject({ valid: false, reason: 'LENGTH' });
    // I, O, S, V, Z are not in the code set; positions 3–8 are a numeric division code.
    expect(validateCreditCode('91350100M0001O0Y43')).toMatchObject({ valid: false, reason: 'CHARSET' });
    expect(validateCreditCode('913501A0M000100Y43')).toMatchObject({ valid: false, reason: 'CHARSET' });
  });

  it('detects any single-character typo', () => {
    const code = '91350100M000100Y43';
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let i = 0; i < 17; i++) {
      for (const c of charset) {
        if (c === code[i] || (i >= 2 && i < 8 && !/\d/.test(c))) continue;
        const typo = code.slice(0, i) + c + code.slice(i + 1);
        expect(validateCreditCode(typo).valid).toBe(false);
      }
    }
  });
});
