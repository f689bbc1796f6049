// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters —
// 1 registration authority (登记管理部门码), 1 organisation category (机构类别码), 6 administrative
// division (登记管理机关行政区划码), 9 organisation code (主体标识码, GB 11714), 1 check character.
// Characters come from a 31-symbol set without I, O, S, V, Z; the check character is
// 31 − (Σ value × weight mod 31), where 31 maps back to 0.

/** The code set of GB 32100-2015, in value order (0–30). */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type CreditCodeProblem = 'LENGTH' | 'CHARSET' | 'CHECK_CHARACTER';

export type CreditCodeCheck =
  | { valid: true; normalized: string }
  | { valid: false; reason: CreditCodeProblem; message: string };

/** The check character for the first 17 characters (which must already be in the code set). */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new Error('creditCodeCheckCharacter needs 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new Error(`character ${first17[i]} is not in the GB 32100 code set`);
    sum += value * WEIGHTS[i]!;
  }
  const check = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[check === 31 ? 0 : check]!;
}

/**
 * Validates a unified social credit code: 18 characters of the code set (lower case and spaces
 * accepted and normalised), a numeric division code, and the GB 32100 check character. The
 * registration authority and category are not checked against today's list, so codes of
 * authorities added later stay valid.
 */
export function validateCreditCode(input: string): CreditCodeCheck {
  const value = input.replace(/\s+/g, '').toUpperCase();
  if (value.length !== 18) return { valid: false, reason: 'LENGTH', message: `统一社会信用代码应为18位，实际${value.length}位` };
  if (!SHAPE.test(value)) return { valid: false, reason: 'CHARSET', message: '统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z，第3–8位为行政区划代码）' };
  const expected = creditCodeCheckCharacter(value.slice(0, 17));
  if (value[17] !== expected) return { valid: false, reason: 'CHECK_CHARACTER', message: '统一社会信用代码校验位不正确，请核对' };
  return { valid: true, normalized: value };
}
