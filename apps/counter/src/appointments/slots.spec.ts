import { WorkingCalendar } from '@onewindow/calendar';
import { HALL_SCHEDULE, type HallSchedule } from './hall-schedule.data.js';
import { checkInTiming, dayOpening, generateSlots, processingMinutes, slotInPast } from './slots.js';

const cal = WorkingCalendar.default();
const item = (code: string) => HALL_SCHEDULE.items.find((i) => i.itemCode === code)!;
const open = (date: string) => {
  const o = dayOpening(cal, date, HALL_SCHEDULE);
  return o.open ? `${o.kind}${o.extended ? '+' : ''}` : `closed:${o.reason}`;
};

describe('appointment slots (预约时段)', () => {
  it('国庆 2026 (Oct 1–7, a long holiday): closed Oct 1–3, extended Oct 4–7; Sat Oct 10 (调休) an ordinary working day', () => {
    expect(['2026-09-30', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-10'].map(open)).toEqual([
      'WORKDAY', 'closed:HOLIDAY', 'closed:HOLIDAY', 'closed:HOLIDAY', 'HOLIDAY_LAST_DAYS+', 'HOLIDAY_LAST_DAYS+', 'HOLIDAY_LAST_DAYS+', 'HOLIDAY_LAST_DAYS+', 'WORKDAY', 'WORKDAY',
    ]);
  });

  it('清明 2026 (Apr 4–6, short): only Apr 6 extended; 春节 (Feb 15–23, 9 days): Feb 20–23; 劳动节 (May 1–5, 5 days < 7): May 5', () => {
    expect(['2026-04-04', '2026-04-05', '2026-04-06', '2026-04-07'].map(open)).toEqual(['closed:HOLIDAY', 'closed:HOLIDAY', 'HOLIDAY_LAST_DAYS+', 'WORKDAY']);
    expect(['2026-02-14', '2026-02-15', '2026-02-19', '2026-02-20', '2026-02-23', '2026-02-24'].map(open)).toEqual([
      'WORKDAY', 'closed:HOLIDAY', 'closed:HOLIDAY', 'HOLIDAY_LAST_DAYS+', 'HOLIDAY_LAST_DAYS+', 'WORKDAY',
    ]);
    expect(['2026-05-04', '2026-05-05', '2026-05-09'].map(open)).toEqual(['closed:HOLIDAY', 'HOLIDAY_LAST_DAYS+', 'WORKDAY']);
    expect(dayOpening(cal, '2026-10-05', HALL_SCHEDULE)).toMatchObject({ holidayName: expect.stringContaining('国庆') });
  });

  it('ordinary weekends: Saturday extended, Sunday closed; the rule is data (no Saturdays, longer holiday tail)', () => {
    expect(['2026-03-14', '2026-03-15'].map(open)).toEqual(['SATURDAY+', 'closed:WEEKEND']);
    const strict: HallSchedule = { ...HALL_SCHEDULE, extended: { ...HALL_SCHEDULE.extended, saturdays: false, longHolidayLastDays: 2, shortHolidayLastDays: 0 } };
    expect(dayOpening(cal, '2026-03-14', strict).open).toBe(false);
    expect(dayOpening(cal, '2026-10-05', strict).open).toBe(false);
    expect(dayOpening(cal, '2026-10-06', strict).open).toBe(true);
    expect(dayOpening(cal, '2026-04-06', strict).open).toBe(false);
  });

  it('slots step by the processing time (item, else group, else default); lunch open as extended hours; capacity = windows', () => {
    const renew = generateSlots(cal, HALL_SCHEDULE, item('HH-ID-CARD-RENEW'), '2026-09-30');
    expect(renew).toHaveLength(32); // 09:00–17:00 in 15 minutes
    expect(renew[0]).toEqual({ start: '09:00', end: '09:15', capacity: 2, extended: false });
    expect(renew.filter((s) => s.extended).map((s) => s.start)).toEqual(['12:00', '12:15', '12:30', '12:45']);
    expect(processingMinutes(HALL_SCHEDULE, item('EE-PASSPORT-FIRST'))).toBe(20);
    expect(processingMinutes(HALL_SCHEDULE, { itemCode: 'X-Y', itemName: 'x', serviceGroup: 'TRAFFIC', windows: 1 })).toBe(15);
    const moveIn = generateSlots(cal, HALL_SCHEDULE, item('HH-MOVE-IN'), '2026-09-30');
    expect(moveIn.map((s) => s.start).slice(0, 3)).toEqual(['09:00', '09:30', '10:00']);
    expect(moveIn.every((s) => s.capacity === 1)).toBe(true);
  });

  it('without the lunch extension the break is skipped; extended days have the windows on duty; closed days none', () => {
    const noLunch: HallSchedule = { ...HALL_SCHEDULE, extended: { ...HALL_SCHEDULE.extended, lunchOpen: false } };
    const passport = generateSlots(cal, noLunch, item('EE-PASSPORT-FIRST'), '2026-09-30');
    expect(passport.map((s) => s.start)).toEqual(['09:00', '09:20', '09:40', '10:00', '10:20', '10:40', '11:00', '11:20', '11:40', '13:00', '13:20', '13:40', '14:00', '14:20', '14:40', '15:00', '15:20', '15:40', '16:00', '16:20', '16:40']);
    const holiday = generateSlots(cal, HALL_SCHEDULE, item('HH-ID-CARD-RENEW'), '2026-10-05');
    expect(holiday).toHaveLength(32);
    expect(holiday.every((s) => s.extended && s.capacity === 1)).toBe(true);
    expect(generateSlots(cal, HALL_SCHEDULE, item('HH-ID-CARD-RENEW'), '2026-10-02')).toEqual([]);
  });

  it('check-in: 30 minutes before the start to the end is on time; after, late; before, too early', () => {
    const slot = { date: '2026-09-30', start: '10:00', end: '10:15' };
    expect(checkInTiming(slot, { date: '2026-09-30', minutes: 9 * 60 + 29 }, 30)).toBe('TOO_EARLY');
    expect(checkInTiming(slot, { date: '2026-09-30', minutes: 9 * 60 + 30 }, 30)).toBe('ON_TIME');
    expect(checkInTiming(slot, { date: '2026-09-30', minutes: 10 * 60 + 15 }, 30)).toBe('ON_TIME');
    expect(checkInTiming(slot, { date: '2026-09-30', minutes: 10 * 60 + 16 }, 30)).toBe('LATE');
    expect(checkInTiming(slot, { date: '2026-10-08', minutes: 0 }, 30)).toBe('LATE');
    expect(checkInTiming(slot, { date: '2026-09-29', minutes: 600 }, 30)).toBe('TOO_EARLY');
    expect(slotInPast({ date: '2026-09-30', start: '10:00' }, { date: '2026-09-30', minutes: 600 })).toBe(true);
    expect(slotInPast({ date: '2026-09-30', start: '10:15' }, { date: '2026-09-30', minutes: 600 })).toBe(false);
    expect(slotInPast({ date: '2026-09-29', start: '16:00' }, { date: '2026-09-30', minutes: 0 })).toBe(true);
  });
});
