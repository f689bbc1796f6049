/**
 * Deployment overrides: the State Council notice of a year, loaded as data.
 *
 * Shape (JSON):
 *   { "years": { "2027": { "source": "国办发明电〔2026〕xx号",
 *                          "holidays": ["2027-01-01", ...],
 *                          "workdays": ["2027-02-06", ...],
 *                          "names": { "2027-01-01": "元旦" } } } }
 * `names` and `comment` are optional. A year present here replaces the library's data for that
 * calendar year completely.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CalendarError } from './errors.js';
import { isValidIsoDate, isWeekdayNumber, toDayNumber } from './iso-date.js';
import type { YearData } from './year-data.js';

/** One year of a notice, as written in an overrides file. */
export interface OverrideYear {
  /** The notice this data comes from, e.g. "国办发明电〔2024〕12号". */
  source: string;
  /** Every rest day of the notice (放假), including weekend days inside a holiday block. */
  holidays: string[];
  /** Adjusted working weekend days (调休上班). May be empty. */
  workdays: string[];
  /** Optional festival names keyed by date (must be a date listed in holidays or workdays). */
  names?: Record<string, string>;
  comment?: string;
}

export interface CalendarOverrides {
  years: Record<string, OverrideYear>;
  comment?: string;
}

const MAX_REPORTED_PROBLEMS = 25;
const YEAR_KEYS = new Set(['source', 'holidays', 'workdays', 'names', 'comment']);
const TOP_KEYS = new Set(['years', 'comment']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : JSON.stringify(v) ?? String(v);
}

/**
 * Checks an overrides object and returns a normalised copy (dates de-duplicated and sorted).
 * Throws CalendarError('INVALID_OVERRIDES') listing every bad entry by its path,
 * e.g. `years.2027.holidays[3]: "2027-02-30" is not a valid YYYY-MM-DD date`.
 */
export function validateOverrides(input: unknown, origin = 'overrides'): CalendarOverrides {
  const problems: string[] = [];
  const fail = (path: string, msg: string) => problems.push(`${path}: ${msg}`);

  if (!isPlainObject(input)) {
    throw new CalendarError('INVALID_OVERRIDES', `Invalid calendar ${origin}: expected an object { "years": { ... } }`);
  }
  for (const key of Object.keys(input)) {
    if (!TOP_KEYS.has(key)) fail(key, `unknown key (allowed: ${[...TOP_KEYS].join(', ')})`);
  }
  const years = input['years'];
  const out: CalendarOverrides = { years: {} };
  if (typeof input['comment'] === 'string') out.comment = input['comment'];
  if (!isPlainObject(years)) {
    fail('years', 'must be an object keyed by four-digit year');
  } else {
    for (const [yearKey, entry] of Object.entries(years)) {
      const base = `years.${yearKey}`;
      if (!/^\d{4}$/.test(yearKey) || Number(yearKey) < 1) {
        fail(base, 'year key must be a four-digit year such as "2027"');
        continue;
      }
      if (!isPlainObject(entry)) {
        fail(base, 'must be an object with source, holidays and workdays');
        continue;
      }
      for (const key of Object.keys(entry)) {
        if (!YEAR_KEYS.has(key)) fail(`${base}.${key}`, `unknown key (allowed: ${[...YEAR_KEYS].join(', ')})`);
      }
      const source = entry['source'];
      if (typeof source !== 'string' || source.trim() === '') {
        fail(`${base}.source`, 'must name the notice, e.g. "国办发明电〔2026〕xx号"');
      }

      const readDates = (field: 'holidays' | 'workdays'): string[] => {
        const list = entry[field];
        if (!Array.isArray(list)) {
          fail(`${base}.${field}`, 'must be an array of YYYY-MM-DD strings');
          return [];
        }
        const dates = new Set<string>();
        list.forEach((d: unknown, i: number) => {
          const path = `${base}.${field}[${i}]`;
          if (!isValidIsoDate(d)) {
            fail(path, `${show(d)} is not a valid YYYY-MM-DD date`);
          } else if (d.slice(0, 4) !== yearKey) {
            fail(path, `${show(d)} is not in year ${yearKey}`);
          } else if (field === 'workdays' && isWeekdayNumber(toDayNumber(d))) {
            fail(path, `${show(d)} is a Monday–Friday; workdays lists only adjusted working weekend days (调休上班)`);
          } else {
            dates.add(d);
          }
        });
        return [...dates].sort();
      };
      const holidays = readDates('holidays');
      const workdays = readDates('workdays');
      if (Array.isArray(entry['holidays']) && entry['holidays'].length === 0) {
        fail(`${base}.holidays`, 'is empty; a notice always lists rest days');
      }
      const holidaySet = new Set(holidays);
      for (const d of workdays) {
        if (holidaySet.has(d)) fail(`${base}`, `"${d}" is listed both in holidays and in workdays`);
      }

      const yearOut: OverrideYear = { source: typeof source === 'string' ? source.trim() : '', holidays, workdays };
      const names = entry['names'];
      if (names !== undefined) {
        if (!isPlainObject(names)) {
          fail(`${base}.names`, 'must be an object mapping a date to a festival name');
        } else {
          const listed = new Set([...holidays, ...workdays]);
          const namesOut: Record<string, string> = {};
          for (const [d, name] of Object.entries(names)) {
            const path = `${base}.names["${d}"]`;
            if (!listed.has(d)) fail(path, 'date is not listed in holidays or workdays of this year');
            else if (typeof name !== 'string' || name.trim() === '') fail(path, 'name must be a non-empty string');
            else namesOut[d] = name.trim();
          }
          yearOut.names = namesOut;
        }
      }
      if (typeof entry['comment'] === 'string') yearOut.comment = entry['comment'];
      out.years[yearKey] = yearOut;
    }
  }

  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED_PROBLEMS);
    const more = problems.length > shown.length ? `; … and ${problems.length - shown.length} more` : '';
    throw new CalendarError(
      'INVALID_OVERRIDES',
      `Invalid calendar ${origin}: ${shown.join('; ')}${more}`,
      problems,
    );
  }
  return out;
}

/** Parses JSON text and validates it as calendar overrides. */
export function parseOverridesJson(text: string, origin = 'overrides'): CalendarOverrides {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new CalendarError('INVALID_OVERRIDES', `Invalid calendar ${origin}: not valid JSON (${(e as Error).message})`);
  }
  return validateOverrides(parsed, origin);
}

/** Reads and validates an overrides JSON file (synchronously: it is meant for start-up). */
export function loadOverridesFile(path: string): CalendarOverrides {
  const absolute = resolve(path);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (e) {
    throw new CalendarError(
      'OVERRIDES_FILE_UNREADABLE',
      `Cannot read calendar overrides file ${absolute}: ${(e as Error).message}`,
    );
  }
  return parseOverridesJson(text, `overrides file ${absolute}`);
}

/** Converts validated overrides into internal year data. */
export function overridesToYearData(overrides: CalendarOverrides): Map<number, YearData> {
  const result = new Map<number, YearData>();
  for (const [yearKey, entry] of Object.entries(overrides.years)) {
    const year = Number(yearKey);
    const names = entry.names ?? {};
    result.set(year, {
      year,
      origin: 'override',
      source: entry.source,
      holidays: new Map(entry.holidays.map((d) => [d, names[d]])),
      workdays: new Map(entry.workdays.map((d) => [d, names[d]])),
    });
  }
  return result;
}
