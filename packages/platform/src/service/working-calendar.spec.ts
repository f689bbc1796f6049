import { CalendarError, WorkingCalendar } from '@onewindow/calendar';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { workingCalendarOf } from './platform.module.js';

describe('the working calendar the platform module provides', () => {
  it('is the statutory calendar without an overrides file', () => {
    expect(workingCalendarOf({ CALENDAR_OVERRIDES_FILE: undefined })).toBe(WorkingCalendar.default());
  });

  it('takes the years of the overrides file', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'calendar-')), 'overrides.json');
    writeFileSync(file, JSON.stringify({ years: { '2031': { source: 'test', holidays: ['2031-01-01'], workdays: [] } } }));
    const calendar = workingCalendarOf({ CALENDAR_OVERRIDES_FILE: file });
    expect(calendar.isWorkingDay('2031-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2031-01-02')).toBe(true);
  });

  it('stops the boot when the file cannot be read', () => {
    expect(() => workingCalendarOf({ CALENDAR_OVERRIDES_FILE: '/nonexistent/calendar.json' })).toThrow(CalendarError);
  });
});
