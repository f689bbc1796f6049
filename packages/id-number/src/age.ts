import { parseIsoDate } from './calendar-date.js';

/**
 * Age in full years (周岁) on date `on`; both dates 'YYYY-MM-DD'. A year is complete on the
 * birthday; someone born on 29 February completes it on 1 March in common years. Rules that
 * count "from the day after the birthday" (criminal-law age thresholds) must add that day
 * themselves. Throws `RangeError` for malformed dates or when `on` precedes `birthDate`.
 */
export function ageOn(birthDate: string, on: string): number {
  const birth = parseIsoDate(birthDate);
  const at = parseIsoDate(on);
  if (!birth) throw new RangeError(`birthDate must be a real date 'YYYY-MM-DD', got "${birthDate}"`);
  if (!at) throw new RangeError(`on must be a real date 'YYYY-MM-DD', got "${on}"`);
  if (on < birthDate) throw new RangeError(`on (${on}) precedes birthDate (${birthDate})`);
  const beforeBirthday = at.month < birth.month || (at.month === birth.month && at.day < birth.day);
  return at.year - birth.year - (beforeBirthday ? 1 : 0);
}
