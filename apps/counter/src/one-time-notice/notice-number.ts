/**
 * 一次性告知单编号: `YCTZ-<unit code>-<YYYYMMDD>-<seq>`, e.g. `YCTZ-510107001-20260210-0001`.
 * YCTZ = 一次（性）告知; the unit code makes the number unique across the city and tells at a
 * glance who issued it; the sequence restarts every business day per unit.
 */
export const NOTICE_NUMBER_PREFIX = 'YCTZ';
const PATTERN = /^YCTZ-(\d{2,12})-(\d{4})(\d{2})(\d{2})-(\d{4,})$/;

export function formatNoticeNumber(unitCode: string, day: string, seq: number): string {
  if (!/^\d{2,12}$/.test(unitCode)) throw new RangeError(`unit code must be 2-12 digits: ${unitCode}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`day must be YYYY-MM-DD: ${day}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`sequence must be a positive integer: ${seq}`);
  return `${NOTICE_NUMBER_PREFIX}-${unitCode}-${day.replace(/-/g, '')}-${String(seq).padStart(4, '0')}`;
}

export function parseNoticeNumber(number: string): { unitCode: string; day: string; seq: number } | undefined {
  const m = PATTERN.exec(number.trim().toUpperCase());
  if (!m) return undefined;
  return { unitCode: m[1]!, day: `${m[2]}-${m[3]}-${m[4]}`, seq: Number(m[5]) };
}
