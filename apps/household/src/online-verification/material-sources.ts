import { VerificationSource } from '@onewindow/online-verification';

/** Which department an online-verified household material is checked with, and what it matches on. */
export interface VerificationTarget {
  source: VerificationSource;
  facts: Record<string, string>;
}

const text = (form: Record<string, unknown>, key: string): string => (typeof form[key] === 'string' ? form[key].trim() : '');
const facts = (form: Record<string, unknown>, keys: string[]): Record<string, string> =>
  Object.fromEntries(keys.map((k) => [k, text(form, k)]).filter(([, v]) => v));

/**
 * Household materials marked `verifiedOnline` that one of the four departments holds. Others
 * marked so (迁移证 and 准迁证 of other police bureaus, 居住登记 of our own system, 死亡医学证明,
 * 学历, 营业执照) have no adapter yet and are trusted as before.
 */
export function verificationTargetOf(materialCode: string, form: Record<string, unknown>): VerificationTarget | undefined {
  switch (materialCode) {
    case 'BIRTH_MEDICAL_CERT':
      return { source: VerificationSource.HEALTH_BIRTH_CERTIFICATE, facts: facts(form, ['babyName', 'babyGender', 'babyBirthDate']) };
    case 'MARRIAGE_CERT':
      return { source: VerificationSource.CIVIL_AFFAIRS_MARRIAGE, facts: {} };
    case 'HOUSING_PROOF':
      return { source: VerificationSource.HOUSING_PROPERTY, facts: facts(form, ['newAddress', 'residenceAddress']) };
    case 'EMPLOYMENT_PROOF':
      return { source: VerificationSource.SOCIAL_SECURITY, facts: facts(form, ['employer']) };
    case 'CONDITION_PROOF': // 居住证: the condition the applicant claims decides the department
      if (text(form, 'qualifyingCondition') === '合法稳定就业') return { source: VerificationSource.SOCIAL_SECURITY, facts: {} };
      if (text(form, 'qualifyingCondition') === '合法稳定住所') return { source: VerificationSource.HOUSING_PROPERTY, facts: facts(form, ['residenceAddress']) };
      return undefined; // 连续就读: education has no adapter
    default:
      return undefined;
  }
}
