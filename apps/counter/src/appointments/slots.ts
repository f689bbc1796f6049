import type { DayInfo } from '@onewindow/calendar';
import type { BookableItem, HallSchedule } from './hall-schedule.data.js';

/** What the slot rules ask of the statutory calendar (the platform's WorkingCalendar). */
export interface CalendarView {
  dayInfo(date: string): DayInfo;
}

export type DayOpeningKind = 'WORKDAY' | 'SATURDAY' | 'HOLIDAY_LAST_DAYS';

export type DayOpening =
  | { open: true; kind: DayOpeningKind; extended: boolean; holidayName?: string }
  | { open: false; reason: 'HOLIDAY' | 'WEEKEND'; holidayName?: string };

export interface Slot {
  /** HH:MM */
  start: string;
  end: string;
  capacity: number;
  /** Extended hours (延时服务): over lunch, or the whole day on a Saturday / the last days of a holiday. */
  extended: boolean;
}

export function minutesOf(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`not a time of day: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Whether the hall takes appointments on `date`, and whether it is an extended-hours day.
 * Working days (incl. 调休上班 weekend days) are open. A run of consecutive rest days that holds a
 * statutory holiday is a holiday: open on its last `shortHolidayLastDays` days when short, its
 * last `longHolidayLastDays` when it lasts `longHolidayMinDays` or more. An ordinary weekend:
 * Saturdays open when the rule says so, Sundays closed.
 */
export function dayOpening(calendar: CalendarView, date: string, schedule: Pick<HallSchedule, 'extended'>): DayOpening {
  const info = calendar.dayInfo(date);
  if (info.working) return { open: true, kind: 'WORKDAY', extended: false };
  // The run of rest days around `date`.
  let first = date;
  let last = date;
  for (let i = 0; i < 31 && !calendar.dayInfo(addDays(first, -1)).working; i++) first = addDays(first, -1);
  for (let i = 0; i < 31 && !calendar.dayInfo(addDays(last, 1)).working; i++) last = addDays(last, 1);
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
  const holiday = days.map((d) => calendar.dayInfo(d)).find((d) => d.kind === 'HOLIDAY');
  if (holiday) {
    const rule = schedule.extended;
    const lastN = days.length >= rule.longHolidayMinDays ? rule.longHolidayLastDays : rule.shortHolidayLastDays;
    const index = days.indexOf(date);
    if (index >= days.length - lastN) return { open: true, kind: 'HOLIDAY_LAST_DAYS', extended: true, holidayName: holiday.name };
    return { open: false, reason: 'HOLIDAY', holidayName: holiday.name };
  }
  if (info.dayOfWeek === 6 && schedule.extended.saturdays) return { open: true, kind: 'SATURDAY', extended: true };
  return { open: false, reason: 'WEEKEND' };
}

/** Minutes one booking of `item` takes: the item's, else its service group's, else the default. */
export function processingMinutes(schedule: Pick<HallSchedule, 'defaultMinutes' | 'groupMinutes'>, item: BookableItem): number {
  return item.minutes ?? schedule.groupMinutes[item.serviceGroup] ?? schedule.defaultMinutes;
}

/**
 * The slots of `item` on `date` (pure): from opening to closing in steps of the item's processing
 * time, the lunch break skipped unless extended hours keep it open; capacity = the windows
 * serving the item (on extended days at most the windows on duty). Closed days have none.
 */
export function generateSlots(calendar: CalendarView, schedule: HallSchedule, item: BookableItem, date: string): Slot[] {
  const opening = dayOpening(calendar, date, schedule);
  if (!opening.open) return [];
  const step = processingMinutes(schedule, item);
  const capacity = opening.extended ? Math.min(item.windows, schedule.extended.windowsOnDuty) : item.windows;
  if (step <= 0 || capacity <= 0) return [];
  const open = minutesOf(schedule.hours.open);
  const close = minutesOf(schedule.hours.close);
  const lunchStart = minutesOf(schedule.hours.lunchStart);
  const lunchEnd = minutesOf(schedule.hours.lunchEnd);
  const periods: [number, number][] = schedule.extended.lunchOpen ? [[open, close]] : [[open, lunchStart], [lunchEnd, close]];
  const slots: Slot[] = [];
  for (const [from, to] of periods) {
    for (let s = from; s + step <= to; s += step) {
      const overLunch = s < lunchEnd && s + step > lunchStart;
      slots.push({ start: hhmm(s), end: hhmm(s + step), capacity, extended: opening.extended || overLunch });
    }
  }
  return slots;
}

export type CheckInTiming = 'TOO_EARLY' | 'ON_TIME' | 'LATE';

/**
 * Arrival against the booked slot: from `earlyMinutes` before its start to its end → on time (a
 * priority ticket); after the end, or on a later day → late (an ordinary ticket); before → too early.
 */
export function checkInTiming(slot: { date: string; start: string; end: string }, now: { date: string; minutes: number }, earlyMinutes: number): CheckInTiming {
  if (now.date < slot.date) return 'TOO_EARLY';
  if (now.date > slot.date) return 'LATE';
  if (now.minutes < minutesOf(slot.start) - earlyMinutes) return 'TOO_EARLY';
  return now.minutes <= minutesOf(slot.end) ? 'ON_TIME' : 'LATE';
}

/** A slot is past once it has started (today) or its day is over. */
export function slotInPast(slot: { date: string; start: string }, now: { date: string; minutes: number }): boolean {
  return slot.date < now.date || (slot.date === now.date && minutesOf(slot.start) <= now.minutes);
}
