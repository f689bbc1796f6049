/**
 * Loads the holiday data shipped by the npm package chinese-days (dist/chinese-days.json,
 * documented in its README as a public artefact).
 *
 * The library's JavaScript API is deliberately not used: after its data ends it silently treats
 * every Monday–Friday as a working day, while this package must know which years are covered.
 * The package is CommonJS without an "exports" map, so the JSON file is loaded with
 * createRequire, which works the same under Node ESM, tsc output and Jest.
 */
import { createRequire } from 'node:module';
import { CalendarError } from '../errors.js';
import { isValidIsoDate } from '../iso-date.js';
import type { YearData } from '../year-data.js';

const require = createRequire(import.meta.url);

type DateRecord = Record<string, string>;

function asDateRecord(value: unknown, key: string): DateRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CalendarError('LIBRARY_DATA_INVALID', `chinese-days data: "${key}" is not an object`);
  }
  for (const [date, label] of Object.entries(value)) {
    if (!isValidIsoDate(date) || typeof label !== 'string') {
      throw new CalendarError('LIBRARY_DATA_INVALID', `chinese-days data: bad entry ${key}["${date}"]`);
    }
  }
  return value as DateRecord;
}

/** Labels look like "Spring Festival,春节,4" (English, Chinese, length); keep the Chinese name. */
function festivalName(label: string): string | undefined {
  const parts = label.split(',');
  const name = (parts.length >= 2 ? parts[1] : parts[0])?.trim();
  return name ? name : undefined;
}

function libraryVersion(): string {
  try {
    const pkg = require('chinese-days/package.json') as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

let cache: ReadonlyMap<number, YearData> | undefined;

/** Year → data for every year present in the chinese-days data set. */
export function loadChineseDaysYears(): ReadonlyMap<number, YearData> {
  if (cache) return cache;
  const raw: unknown = require('chinese-days/dist/chinese-days.json');
  if (typeof raw !== 'object' || raw === null) {
    throw new CalendarError('LIBRARY_DATA_INVALID', 'chinese-days data is not an object');
  }
  const record = raw as Record<string, unknown>;
  const holidays = asDateRecord(record['holidays'], 'holidays');
  const workdays = asDateRecord(record['workdays'], 'workdays');
  const source = `chinese-days@${libraryVersion()}`;

  const byYear = new Map<number, { holidays: Map<string, string | undefined>; workdays: Map<string, string | undefined> }>();
  const bucket = (date: string) => {
    const year = Number(date.slice(0, 4));
    let entry = byYear.get(year);
    if (!entry) {
      entry = { holidays: new Map(), workdays: new Map() };
      byYear.set(year, entry);
    }
    return entry;
  };
  for (const [date, label] of Object.entries(holidays)) bucket(date).holidays.set(date, festivalName(label));
  for (const [date, label] of Object.entries(workdays)) bucket(date).workdays.set(date, festivalName(label));

  const result = new Map<number, YearData>();
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const entry = byYear.get(year)!;
    result.set(year, { year, origin: 'chinese-days', source, holidays: entry.holidays, workdays: entry.workdays });
  }
  cache = result;
  return result;
}
