import { computeCheckCode } from '@onewindow/id-number';
import { type CivilDate, civilFromDay } from './civil-day.js';

/** Sequences available per region, birth date and sex: odd 001–999 (500), even 002–998 (499). */
const MALE_SLOTS = 500;
const FEMALE_SLOTS = 499;

export interface AllocatedIdNumber {
  idNumber: string;
  /** The birth date actually used: one day earlier per full day, should a day run out of sequences. */
  birthDate: CivilDate;
}

/**
 * Hands out unique ID numbers by counting sequences per (address code, birth date, sex), the way
 * a registry does, instead of remembering every number issued. Memory is one Uint16Array of two
 * counters per day of the covered span, per address code — fixed however many people are made.
 */
export class IdNumberAllocator {
  private readonly counters = new Map<string, Uint16Array>();
  private readonly spanDays: number;

  /** Covers birth days in [firstDay, lastDay] (day numbers since 1970-01-01). */
  constructor(
    private readonly firstDay: number,
    lastDay: number,
  ) {
    this.spanDays = lastDay - firstDay + 1;
  }

  allocate(regionCode: string, birthDay: number, male: boolean): AllocatedIdNumber {
    let counters = this.counters.get(regionCode);
    if (!counters) {
      counters = new Uint16Array(this.spanDays * 2);
      this.counters.set(regionCode, counters);
    }
    const slots = male ? MALE_SLOTS : FEMALE_SLOTS;
    for (let day = birthDay; day >= this.firstDay; day--) {
      const index = (day - this.firstDay) * 2 + (male ? 0 : 1);
      if (index >= counters.length) throw new RangeError(`birth day ${day} lies after the covered span`);
      const used = counters[index]!;
      if (used >= slots) continue;
      counters[index] = used + 1;
      // Start each day at a scattered slot so numbers do not all end in 001, 002, ...
      const slot = (scatter(day, regionCode) + used) % slots;
      const sequence = male ? slot * 2 + 1 : slot * 2 + 2;
      const birthDate = civilFromDay(day);
      const first17 = regionCode + birthDate.compact + String(sequence).padStart(3, '0');
      return { idNumber: first17 + computeCheckCode(first17), birthDate };
    }
    throw new RangeError(`no ID sequence left for region ${regionCode} on or before day ${birthDay}`);
  }
}

function scatter(day: number, regionCode: string): number {
  let h = Math.imul(day ^ Number(regionCode), 0x9e3779b1);
  h ^= h >>> 15;
  return (h >>> 0) % 40;
}
