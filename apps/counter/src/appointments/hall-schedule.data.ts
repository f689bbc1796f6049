/**
 * The hall's appointment schedule (预约时段) as data: opening hours, the lunch break, extended
 * hours (延时服务, seed 000: "工作日的12:00-13:00、每周六、小长假的最后一天、大长假的后4天"),
 * per-item processing time and windows, and the booking policy. A deployment changes this file
 * (or a later admin screen), not the slot code: `slots.ts` only reads it.
 */
export interface OpeningHours {
  /** HH:MM */
  open: string;
  close: string;
  lunchStart: string;
  lunchEnd: string;
}

export interface ExtendedHoursRule {
  /** Keep the windows open over lunch on the days the hall is open (12:00–13:00). */
  lunchOpen: boolean;
  /** Open on ordinary Saturdays (not the Saturdays inside a holiday). */
  saturdays: boolean;
  /** A holiday run (consecutive rest days containing a statutory holiday) of at least this many days is "long" (大长假). */
  longHolidayMinDays: number;
  /** Open on the last N days of a short holiday (小长假). */
  shortHolidayLastDays: number;
  /** Open on the last N days of a long holiday. */
  longHolidayLastDays: number;
  /** Windows on duty on extended days (Saturdays, holiday days): capacity per slot is at most this. */
  windowsOnDuty: number;
}

export interface BookableItem {
  itemCode: string;
  itemName: string;
  /** The queue's service group (户政 / 出入境 …): processing time falls back to the group's. */
  serviceGroup: string;
  /** Minutes one booking takes at a window; absent → the group's, then the default. */
  minutes?: number;
  /** Windows serving this item on ordinary working days (capacity per slot). */
  windows: number;
}

export interface HallSchedule {
  hours: OpeningHours;
  extended: ExtendedHoursRule;
  defaultMinutes: number;
  groupMinutes: Readonly<Record<string, number>>;
  items: readonly BookableItem[];
  /** Check-in opens this many minutes before the slot's start and closes at its end (later: an ordinary ticket). */
  checkInEarlyMinutes: number;
  /** How far ahead a booking may be made (calendar days from today). */
  horizonDays: number;
  /** Active bookings (booked or checked in) per phone number per day. */
  maxPerPhonePerDay: number;
  /** No-shows in the last `noShowWindowDays` days at which a phone may no longer book online (the hotline still can). */
  noShowLimit: number;
  noShowWindowDays: number;
}

export const HALL_SCHEDULE: HallSchedule = {
  hours: { open: '09:00', close: '17:00', lunchStart: '12:00', lunchEnd: '13:00' },
  extended: { lunchOpen: true, saturdays: true, longHolidayMinDays: 7, shortHolidayLastDays: 1, longHolidayLastDays: 4, windowsOnDuty: 1 },
  defaultMinutes: 15,
  groupMinutes: { HOUSEHOLD: 15, EXIT_ENTRY: 20 },
  items: [
    { itemCode: 'HH-ID-CARD-FIRST', itemName: '居民身份证首次申领', serviceGroup: 'HOUSEHOLD', minutes: 15, windows: 2 },
    { itemCode: 'HH-ID-CARD-RENEW', itemName: '居民身份证换领', serviceGroup: 'HOUSEHOLD', minutes: 15, windows: 2 },
    { itemCode: 'HH-ID-CARD-REPLACE', itemName: '居民身份证补领', serviceGroup: 'HOUSEHOLD', minutes: 15, windows: 2 },
    { itemCode: 'HH-MOVE-IN', itemName: '户口迁入', serviceGroup: 'HOUSEHOLD', minutes: 30, windows: 1 },
    { itemCode: 'HH-RESIDENCE-PERMIT', itemName: '居住证申领', serviceGroup: 'HOUSEHOLD', windows: 1 },
    { itemCode: 'EE-PASSPORT-FIRST', itemName: '普通护照首次申领', serviceGroup: 'EXIT_ENTRY', windows: 2 },
    { itemCode: 'EE-HKMO-PERMIT-FIRST', itemName: '往来港澳通行证首次申领', serviceGroup: 'EXIT_ENTRY', windows: 2 },
  ],
  checkInEarlyMinutes: 30,
  horizonDays: 14,
  maxPerPhonePerDay: 2,
  noShowLimit: 3,
  noShowWindowDays: 90,
};
