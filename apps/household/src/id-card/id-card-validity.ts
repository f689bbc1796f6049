import { addMonths } from '@onewindow/calendar';
import { ageOn } from '@onewindow/id-number';

/**
 * Validity of a resident ID card (居民身份证法 第五条), decided by the applicant's age in full
 * years (周岁) on the day of application: under 16 → 5 years, 16–25 → 10 years, 26–45 → 20 years,
 * 46 and over → long-term (长期). The card is valid from its issue date; the end date has the same
 * month and day N years later (as printed on the card, e.g. 2015.03.15-2035.03.15).
 */
export type IdCardTerm = 'FIVE_YEARS' | 'TEN_YEARS' | 'TWENTY_YEARS' | 'LONG_TERM';

export interface IdCardValidity {
  term: IdCardTerm;
  /** null = long-term (长期). */
  years: number | null;
  /** As printed: 5年 / 10年 / 20年 / 长期. */
  label: string;
  /** Age in full years on the application date. */
  age: number;
}

const TERMS: Record<IdCardTerm, { years: number | null; label: string }> = {
  FIVE_YEARS: { years: 5, label: '5年' },
  TEN_YEARS: { years: 10, label: '10年' },
  TWENTY_YEARS: { years: 20, label: '20年' },
  LONG_TERM: { years: null, label: '长期' },
};

export function idCardTermForAge(age: number): IdCardTerm {
  if (!Number.isInteger(age) || age < 0) throw new RangeError(`age must be a non-negative integer, got ${age}`);
  if (age < 16) return 'FIVE_YEARS';
  if (age <= 25) return 'TEN_YEARS';
  if (age <= 45) return 'TWENTY_YEARS';
  return 'LONG_TERM';
}

/** Validity of the card applied for on `applicationDate` by someone born on `birthDate` (both YYYY-MM-DD). */
export function idCardValidity(birthDate: string, applicationDate: string): IdCardValidity {
  const age = ageOn(birthDate, applicationDate);
  const term = idCardTermForAge(age);
  return { term, ...TERMS[term], age };
}

/** Last day of validity of a card issued on `issuedOn`; null for long-term cards. */
export function idCardValidUntil(term: IdCardTerm, issuedOn: string): string | null {
  const years = TERMS[term].years;
  return years === null ? null : addMonths(issuedOn, years * 12);
}

/** 临时居民身份证: valid three months from the issue date (临时居民身份证管理办法). */
export function temporaryIdCardValidUntil(issuedOn: string): string {
  return addMonths(issuedOn, 3);
}
