import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CalendarError, loadOverridesFile, validateOverrides, WorkingCalendar } from './index.js';

/**
 * A HYPOTHETICAL 2027 arrangement (the real notice is not published yet); it only exercises the
 * loading mechanism. 春节 2027 falls on Sat 2027-02-06.
 */
const year2027 = {
  source: '国办发明电〔2026〕xx号 (hypothetical test data)',
  holidays: [
    '2027-01-01', '2027-01-02', '2027-01-03',
    '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11',
    '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07',
  ],
  workdays: ['2027-01-31', '2027-02-20', '2027-09-26', '2027-10-09'],
  names: { '2027-02-06': '春节', '2027-02-20': '春节' },
};

function errorOf(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CalendarError);
    return e as CalendarError;
  }
  throw new Error('expected a CalendarError');
}

describe('overrides', () => {
  it('add 2027: the year is no longer provisional', () => {
    const cal = WorkingCalendar.withOverrides({ years: { '2027': year2027 } });
    expect(cal.coveredYears()).toContain(2027);
    expect(cal.coveredYears().at(-1)).toBe(2027);
    expect(cal.yearSource(2027)).toEqual({ year: 2027, origin: 'override', source: year2027.source });
    expect(cal.isWorkingDay('2027-01-01')).toBe(false); // a Friday, holiday by the override
    expect(cal.isWorkingDay('2027-01-31')).toBe(true); // a Sunday, adjusted workday
    expect(cal.holidayName('2027-02-06')).toBe('春节');
    expect(cal.holidayName('2027-02-05')).toBeUndefined(); // no name given
    expect(cal.dayInfo('2027-02-20')).toMatchObject({ kind: 'ADJUSTED_WORKDAY', name: '春节', provisional: false });
    expect(cal.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04', provisional: false });
    expect(cal.addWorkingDays('2027-02-04', 1)).toEqual({ date: '2027-02-12', provisional: false });
    expect(cal.addCalendarDays('2026-12-20', 15)).toEqual({ date: '2027-01-04', provisional: false });
    // 2028 is still provisional
    expect(cal.addWorkingDays('2027-12-31', 1)).toEqual({ date: '2028-01-03', provisional: true });
    // the default calendar is untouched
    expect(WorkingCalendar.default().isWorkingDay('2027-01-01')).toBe(true);
  });

  it('an override year replaces the library data for that year completely', () => {
    const cal = WorkingCalendar.withOverrides({
      years: { '2026': { source: 'corrected notice (test)', holidays: ['2026-03-02'], workdays: ['2026-03-07'] } },
    });
    // library 2026 data is gone:
    expect(cal.isHoliday('2026-10-01')).toBe(false);
    expect(cal.isWorkingDay('2026-10-01')).toBe(true);
    expect(cal.isWorkingDay('2026-02-14')).toBe(false); // library: adjusted Saturday; override: plain Saturday
    // override data applies:
    expect(cal.isWorkingDay('2026-03-02')).toBe(false);
    expect(cal.isWorkingDay('2026-03-07')).toBe(true);
    expect(cal.workingDaysBetween('2026-02-27', '2026-03-09')).toBe(6); // 3-3..3-6, 3-7, 3-9
    // 2025 keeps the library data
    expect(cal.isWorkingDay('2025-10-01')).toBe(false);
    expect(cal.yearSource(2026)?.origin).toBe('override');
    expect(cal.yearSource(2025)?.origin).toBe('chinese-days');
  });

  it('fromOverrides accepts JSON text', () => {
    const cal = WorkingCalendar.fromOverrides(JSON.stringify({ years: { '2027': year2027 } }));
    expect(cal.isHoliday('2027-10-07')).toBe(true);
  });

  it('names the bad entries', () => {
    const err = errorOf(() =>
      validateOverrides({
        years: {
          '2027': {
            source: 'x',
            holidays: ['2027-01-01', '2027-02-30', '2028-01-01', 5, '2027-01-02'],
            workdays: ['2027-01-04', '2027-01-02'],
            extra: true,
          },
          '27': { source: 'x', holidays: [], workdays: [] },
        },
      }),
    );
    expect(err.code).toBe('INVALID_OVERRIDES');
    expect(err.message).toContain('years.2027.holidays[1]: "2027-02-30" is not a valid YYYY-MM-DD date');
    expect(err.message).toContain('years.2027.holidays[2]: "2028-01-01" is not in year 2027');
    expect(err.message).toContain('years.2027.holidays[3]: 5 is not a valid YYYY-MM-DD date');
    expect(err.message).toContain('years.2027.workdays[0]: "2027-01-04" is a Monday–Friday');
    expect(err.message).toContain('years.2027: "2027-01-02" is listed both in holidays and in workdays');
    expect(err.message).toContain('years.2027.extra: unknown key');
    expect(err.message).toContain('years.27: year key must be a four-digit year');
    expect(err.details.length).toBe(7);
  });

  it('requires source, holidays and workdays', () => {
    const err = errorOf(() => validateOverrides({ years: { '2027': { holidays: ['2027-01-01'] } } }));
    expect(err.details).toEqual([
      'years.2027.source: must name the notice, e.g. "国办发明电〔2026〕xx号"',
      'years.2027.workdays: must be an array of YYYY-MM-DD strings',
    ]);
    expect(errorOf(() => validateOverrides([])).code).toBe('INVALID_OVERRIDES');
    expect(errorOf(() => validateOverrides({ year: {} })).message).toContain('years: must be an object');
    expect(errorOf(() => WorkingCalendar.fromOverrides('{ not json')).message).toContain('not valid JSON');
  });
});

describe('loadOverridesFile and fromEnv', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'calendar-overrides-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads a valid file (with a BOM) and fromEnv uses CALENDAR_OVERRIDES_FILE', () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, '\ufeff' + JSON.stringify({ comment: 'deployment data', years: { '2027': year2027 } }, null, 2));
    expect(Object.keys(loadOverridesFile(file).years)).toEqual(['2027']);
    const cal = WorkingCalendar.fromEnv({ CALENDAR_OVERRIDES_FILE: file });
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(WorkingCalendar.fromEnv({})).toBe(WorkingCalendar.default());
    expect(WorkingCalendar.fromEnv({ CALENDAR_OVERRIDES_FILE: '  ' })).toBe(WorkingCalendar.default());
  });

  it('names the file and the bad entry', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ years: { '2027': { ...year2027, holidays: ['2027-13-01'] } } }));
    const err = errorOf(() => loadOverridesFile(file));
    expect(err.code).toBe('INVALID_OVERRIDES');
    expect(err.message).toContain(file);
    expect(err.message).toContain('years.2027.holidays[0]: "2027-13-01"');
    // names refer to dates that are no longer listed
    expect(err.message).toContain('years.2027.names["2027-02-06"]: date is not listed');
  });

  it('reports an unreadable file and invalid JSON', () => {
    expect(errorOf(() => loadOverridesFile(join(dir, 'missing.json'))).code).toBe('OVERRIDES_FILE_UNREADABLE');
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "years": ');
    const err = errorOf(() => WorkingCalendar.fromEnv({ CALENDAR_OVERRIDES_FILE: file }));
    expect(err.code).toBe('INVALID_OVERRIDES');
    expect(err.message).toContain('not valid JSON');
  });
});
