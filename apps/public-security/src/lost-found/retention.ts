// 民法典 第三百一十八条: lost property unclaimed within one year of the public notice (招领公告)
// passes to the state. The platform publishes the notice when the item is registered, so the
// year runs from the registration date (a sanitation batch collected over several days is
// registered — and announced — on the day it is handed in; counting from the day an item was
// found would cut the owner's year short).
// 第二百零一条/第二百零二条: the start day is not counted and a year ends on the corresponding day
// of the final year, or the last day of that month when there is none (29 Feb → 28 Feb).
// 第二百零三条: a period whose last day is a statutory rest day ends on the next working day.
import { isValidIsoDate, plusDays, type WorkingCalendar } from '@onewindow/calendar';

/** The corresponding day one year later; 29 February maps to 28 February. */
export function oneYearAfter(date: string): string {
  if (!isValidIsoDate(date)) throw new Error(`not a date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + 1;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export interface Retention {
  /** Last day the owner may claim (inclusive). */
  retentionUntil: string;
  /** True when the calendar had no published data for that year (Mon–Fri assumed). */
  provisional: boolean;
}

/** Last day of the claim period for an item announced on `noticeDate`. */
export function retentionUntil(noticeDate: string, calendar: WorkingCalendar): Retention {
  let day = oneYearAfter(noticeDate);
  while (!calendar.isWorkingDay(day)) day = plusDays(day, 1);
  return { retentionUntil: day, provisional: calendar.isProvisional(day) };
}

/** An item may be disposed of once its claim period is over (the day after retention_until). */
export function isPastRetention(retentionUntilDate: string, today: string): boolean {
  return today > retentionUntilDate;
}
