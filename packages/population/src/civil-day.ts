// Dates as day numbers (days since 1970-01-01) for cheap arithmetic; conversion per Howard
// Hinnant's civil-date algorithms, so no Date object is created per person.

export const DAYS_PER_YEAR = 365.2425;

/** Whole days in `years` average Gregorian years. */
export function yearsToDays(years: number): number {
  return Math.floor(years * DAYS_PER_YEAR);
}

export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  /** 'YYYYMMDD', as in an ID number. */
  compact: string;
  /** 'YYYY-MM-DD'. */
  iso: string;
}

export function civilFromDay(dayNumber: number): CivilDate {
  const { year, month, day } = partsFromDay(dayNumber);
  const yyyy = String(year).padStart(4, '0');
  const mm = month < 10 ? `0${month}` : String(month);
  const dd = day < 10 ? `0${day}` : String(day);
  return { year, compact: yyyy + mm + dd, iso: `${yyyy}-${mm}-${dd}` };
}

/**
 * The same calendar day `years` later (negative: earlier), so that full-year ages come out exact;
 * 29 February becomes 28 February in a common year.
 */
export function addYears(dayNumber: number, years: number): number {
  const { year, month, day } = partsFromDay(dayNumber);
  const target = year + years;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  return dayFromCivil(target, month, month === 2 && day === 29 && !leap ? 28 : day);
}

function partsFromDay(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Parses 'YYYY-MM-DD' into a day number; undefined when not a real date. */
export function parseIsoDay(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const dayNumber = dayFromCivil(year, month, day);
  return civilFromDay(dayNumber).iso === value ? dayNumber : undefined;
}
