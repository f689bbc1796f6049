import { addMonths } from '@onewindow/calendar';

/** 居住证暂行条例 第十五条: endorse yearly, within the month before each year of residence is complete. */
export const ENDORSEMENT_WINDOW_MONTHS = 1;

/** A new card is valid one year from its issue date (until its first 签注). */
export function permitValidUntil(issuedOn: string): string {
  return addMonths(issuedOn, 12);
}

/**
 * The validity a 签注 on `today` gives: a year after the current expiry when endorsed in time;
 * after a lapse (使用功能中止) the years count again from the late endorsement, so a year from today.
 */
export function endorsedValidUntil(currentValidUntil: string, today: string): string {
  return today <= currentValidUntil ? addMonths(currentValidUntil, 12) : addMonths(today, 12);
}

/** First day a 签注 may be made: one month before the expiry. */
export function endorsementOpensOn(currentValidUntil: string): string {
  return addMonths(currentValidUntil, -ENDORSEMENT_WINDOW_MONTHS);
}
