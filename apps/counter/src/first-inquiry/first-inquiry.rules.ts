import { FIRST_INQUIRY_NUMBER_PATTERN } from '@onewindow/contracts';

/** What the officer did with the inquiry: answered it, or directed the person to another unit (with its contact). */
export function firstInquiryOutcome(r: { answer?: string | null; directedUnit?: string | null; directedContact?: string | null }): 'ANSWERED' | 'DIRECTED' | null {
  if (r.answer?.trim()) return 'ANSWERED';
  if (r.directedUnit?.trim() && r.directedContact?.trim()) return 'DIRECTED';
  return null;
}

/** SW-yyyymmdd-nnnn for the n-th record of a day (China date). */
export function firstInquiryNumber(day: string, n: number): string {
  return `SW-${day.replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
}

export function isFirstInquiryNumber(v: string): boolean {
  return FIRST_INQUIRY_NUMBER_PATTERN.test(v);
}
