import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

/**
 * China time for every date and time on screen. The services count business dates (deadlines,
 * application numbers) in Asia/Shanghai; a window PC set to another zone (or UTC) must not show
 * 23:30 yesterday for a case accepted at 07:30 today. Every screen formats through here.
 */
dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const CHINA_TIME_ZONE = 'Asia/Shanghai';

type Instant = string | number | Date | Dayjs;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An instant as China time. */
export function chinaTime(at?: Instant): Dayjs {
  return (at === undefined ? dayjs() : dayjs(at)).tz(CHINA_TIME_ZONE);
}

/** Today's date in China, as a day (for date pickers and "later than today" checks). */
export function chinaToday(): Dayjs {
  return dayjs(chinaTime().format('YYYY-MM-DD'));
}

/** `YYYY-MM-DD HH:mm` in China time; empty for no value. */
export function formatDateTime(at: Instant | null | undefined): string {
  if (at === null || at === undefined || at === '') return '';
  return chinaTime(at).format('YYYY-MM-DD HH:mm');
}

/** `YYYY-MM-DD`: a calendar date stays as it is; an instant is taken in China time. */
export function formatDate(at: Instant | null | undefined): string {
  if (at === null || at === undefined || at === '') return '';
  if (typeof at === 'string' && DATE_ONLY.test(at)) return at;
  return chinaTime(at).format('YYYY-MM-DD');
}
