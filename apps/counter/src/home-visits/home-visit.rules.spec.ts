import { WorkingCalendar } from '@onewindow/calendar';
import { HOME_VISIT_STATUSES, stationUnitType } from '@onewindow/contracts';
import { homeVisitDeadline, isHomeVisitOverdue, nextHomeVisitStatus, scheduleProblem } from './home-visit.rules.js';

const cal = WorkingCalendar.default();

describe('home-visit rules', () => {
  it('is due 5 working days after the request in an urban unit, 10 in a rural one (the request day not counted)', () => {
    // Wednesday 2026-03-18: +5 working days = Wednesday 03-25; +10 = Wednesday 04-01.
    expect(homeVisitDeadline(cal, '2026-03-18', 'URBAN')).toEqual({ date: '2026-03-25', provisional: false, days: 5 });
    expect(homeVisitDeadline(cal, '2026-03-18', 'RURAL')).toEqual({ date: '2026-04-01', provisional: false, days: 10 });
    // Over the National Day holiday (2026-10-01..07, adjusted working day Saturday 10-10).
    expect(homeVisitDeadline(cal, '2026-09-30', 'URBAN').date).toBe(cal.addWorkingDays('2026-09-30', 5).date);
  });

  it('reads the unit type from the unit table (data)', () => {
    expect(stationUnitType('510107001')).toBe('URBAN');
    expect(stationUnitType('371122004')).toBe('RURAL');
    expect(stationUnitType('510107')).toBeUndefined();
  });

  it('allows only the transitions of the state machine', () => {
    const table: Record<string, (string | null)[]> = {
      // ASSIGN, SCHEDULE, DONE, NOT_POSSIBLE
      REQUESTED: ['ASSIGNED', null, null, null],
      ASSIGNED: ['ASSIGNED', 'SCHEDULED', null, 'NOT_POSSIBLE'],
      SCHEDULED: ['ASSIGNED', 'SCHEDULED', 'DONE', 'NOT_POSSIBLE'],
      DONE: [null, null, null, null],
      NOT_POSSIBLE: [null, null, null, null],
    };
    for (const s of HOME_VISIT_STATUSES) {
      expect((['ASSIGN', 'SCHEDULE', 'DONE', 'NOT_POSSIBLE'] as const).map((step) => nextHomeVisitStatus(s, step))).toEqual(table[s]);
    }
  });

  it('flags open visits past their deadline only', () => {
    expect(isHomeVisitOverdue('SCHEDULED', '2026-03-25', '2026-03-26')).toBe(true);
    expect(isHomeVisitOverdue('SCHEDULED', '2026-03-25', '2026-03-25')).toBe(false);
    expect(isHomeVisitOverdue('DONE', '2026-03-25', '2026-04-30')).toBe(false);
    expect(isHomeVisitOverdue('NOT_POSSIBLE', '2026-03-25', '2026-04-30')).toBe(false);
  });

  it('refuses schedules in the past, before the request or far beyond the deadline', () => {
    const now = new Date('2026-03-18T02:00:00Z');
    expect(scheduleProblem(new Date('2026-03-20T01:30:00Z'), now, '2026-03-18', '2026-03-25')).toBeNull();
    expect(scheduleProblem(new Date('2026-03-17T01:30:00Z'), now, '2026-03-18', '2026-03-25')).toMatch('早于现在');
    expect(scheduleProblem(new Date('2026-06-01T01:30:00Z'), now, '2026-03-18', '2026-03-25')).toMatch('太远');
  });
});
