// Deterministic synthetic population: households streamed one by one, every member with a valid
// and unique ID number. Same options, same data — byte for byte.

import { buildIdNumber, type Sex } from '@onewindow/id-number';
import { addYears, parseIsoDay, yearsToDays } from './civil-day.js';
import {
  COMPOSITIONS_BY_SIZE,
  HOUSEHOLD_SIZES,
  type MemberSlot,
  headAgeRange,
} from './household-templates.js';
import { IdNumberAllocator } from './id-number-allocator.js';
import { ETHNICITIES, MOBILE_PREFIXES } from './person-facts.js';
import { SURNAMES, drawName } from './person-names.js';
import {
  ABOLISHED_REGION_CODES,
  ABOLISHED_REGION_CODES_UNTIL,
  MIGRANT_REGION_CODES,
  type UnitPlace,
  drawAddress,
  resolveUnitPlace,
} from './places.js';
import { Random, deriveSeed } from './random.js';

export type RelationToHead = '户主' | '配偶' | '子' | '女' | '父亲' | '母亲' | '孙子' | '孙女';

export interface PersonRecord {
  idNumber: string;
  name: string;
  sex: Sex;
  ethnicity: string;
  /** 'YYYY-MM-DD'. */
  birthDate: string;
  address: string;
  /** Mainland mobile; children under 16 carry the head's number as their contact. */
  phone: string;
  relationToHead: RelationToHead;
  status: 'NORMAL';
}

export interface HouseholdRecord {
  /** 户号: unit code + 6-digit running number within the unit. */
  householdNumber: string;
  /** Police station (派出所) the household is registered with. */
  unitCode: string;
  address: string;
  headIdNumber: string;
  /** The head first, then spouse, children (eldest first), grandchildren, parents. */
  members: PersonRecord[];
}

export interface PopulationOptions {
  seed: number;
  /** Exact number of persons to generate; the last household is cut to fit. */
  persons: number;
  /** Police station codes: 6-digit district code + station digits, e.g. '510107001'. */
  unitCodes: string[];
  /**
   * Address codes for ID numbers. Default: mostly the station's own district, some from a
   * built-in list of other places (people who moved in), including abolished codes.
   */
  regionCodes?: string[];
  /** Reference date for ages, 'YYYY-MM-DD'; no one is born after it. Default '2025-01-01'. */
  asOf?: string;
}

export const DEFAULT_AS_OF = '2025-01-01';

const YEARS_20 = yearsToDays(20);
const YEARS_30 = yearsToDays(30);
const YEARS_38 = yearsToDays(38);
const OLDEST_AGE_YEARS = 99;
const ABOLISHED_BEFORE_DAY = parseIsoDay(ABOLISHED_REGION_CODES_UNTIL)!;

// Separate streams, so household sizes can be replayed without generating people.
const SIZE_STREAM = 1;
const PEOPLE_STREAM = 2;

interface Unit {
  code: string;
  district: string;
  place: UnitPlace;
  households: number;
}

interface MemberDraft {
  relation: RelationToHead;
  male: boolean;
  day: number;
  ethnicity: string;
  surname: string;
}

/**
 * Streams households until `persons` people are made. Options are checked at once (RangeError),
 * not at the first `next()`. Memory stays flat: only per-unit counters and the ID sequence
 * counters (fixed size per address code) are kept.
 */
export function generatePopulation(options: PopulationOptions): Generator<HouseholdRecord, void, undefined> {
  const config = resolveOptions(options);
  return streamHouseholds(config);
}

/** How many households `generatePopulation` yields for these options, without generating them. */
export function countHouseholds(options: Pick<PopulationOptions, 'seed' | 'persons'>): number {
  checkSeedAndPersons(options.seed, options.persons);
  const sizes = new Random(deriveSeed(options.seed, SIZE_STREAM));
  let households = 0;
  for (let remaining = options.persons; remaining > 0; households++) {
    remaining -= Math.min(sizes.weighted(HOUSEHOLD_SIZES), remaining);
  }
  return households;
}

interface ResolvedOptions {
  seed: number;
  persons: number;
  units: Unit[];
  regionCodes: readonly string[] | undefined;
  asOfDay: number;
}

function resolveOptions(options: PopulationOptions): ResolvedOptions {
  checkSeedAndPersons(options.seed, options.persons);
  if (!Array.isArray(options.unitCodes) || options.unitCodes.length === 0) {
    throw new RangeError('unitCodes must list at least one police station code');
  }
  for (const code of options.unitCodes) {
    if (!/^\d{7,12}$/.test(code)) throw new RangeError(`unit code must be 7–12 digits, got "${code}"`);
    if (options.regionCodes === undefined) assertRegionCode(code.slice(0, 6), `district of unit ${code}`);
  }
  if (options.regionCodes !== undefined) {
    if (options.regionCodes.length === 0) throw new RangeError('regionCodes, when given, must not be empty');
    for (const code of options.regionCodes) assertRegionCode(code, 'region code');
  }
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const asOfDay = parseIsoDay(asOf);
  if (asOfDay === undefined || asOf < '1950-01-01') {
    throw new RangeError(`asOf must be a real date 'YYYY-MM-DD' from 1950, got "${asOf}"`);
  }
  const units = [...new Set(options.unitCodes)].map((code) => ({
    code,
    district: code.slice(0, 6),
    place: resolveUnitPlace(code),
    households: 0,
  }));
  return { seed: options.seed, persons: options.persons, units, regionCodes: options.regionCodes, asOfDay };
}

function checkSeedAndPersons(seed: number, persons: number): void {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isSafeInteger(persons) || persons < 0) {
    throw new RangeError(`persons must be a non-negative integer, got ${persons}`);
  }
}

function assertRegionCode(code: string, what: string): void {
  try {
    buildIdNumber({ regionCode: code, birthDate: '2000-01-01', sequence: 1 });
  } catch (error) {
    throw new RangeError(`${what}: ${(error as Error).message}`, { cause: error });
  }
}

function* streamHouseholds(config: ResolvedOptions): Generator<HouseholdRecord, void, undefined> {
  const sizes = new Random(deriveSeed(config.seed, SIZE_STREAM));
  const random = new Random(deriveSeed(config.seed, PEOPLE_STREAM));
  const { asOfDay } = config;
  const dates: ReferenceDays = {
    asOfDay,
    oldestDay: addYears(asOfDay, -(OLDEST_AGE_YEARS + 1)) + 1,
    twentyYearsAgo: addYears(asOfDay, -20),
  };
  const sixteenYearsAgo = addYears(asOfDay, -16);
  // A year of slack below the oldest day, for days whose sequences run out.
  const allocator = new IdNumberAllocator(dates.oldestDay - 366, asOfDay);

  for (let remaining = config.persons; remaining > 0; ) {
    const size = Math.min(sizes.weighted(HOUSEHOLD_SIZES), remaining);
    remaining -= size;
    const composition = random.weighted(COMPOSITIONS_BY_SIZE[size]!);
    const unit = random.pick(config.units);
    const drafts = draftMembers(random, composition, dates);

    const address = drawAddress(random, unit.place);
    const members: PersonRecord[] = [];
    const headPhone = drawPhone(random); // the head is always an adult
    for (const draft of drafts) {
      const regionCode = drawRegionCode(random, config.regionCodes, unit.district, draft.day, asOfDay);
      const { idNumber, birthDate } = allocator.allocate(regionCode, draft.day, draft.male);
      const sex: Sex = draft.male ? 'MALE' : 'FEMALE';
      const isHead = members.length === 0;
      const phone = isHead ? headPhone : draft.day <= sixteenYearsAgo ? drawPhone(random) : headPhone;
      members.push({
        idNumber,
        name: drawName(random, draft.surname, draft.ethnicity, sex, birthDate.year),
        sex,
        ethnicity: draft.ethnicity,
        birthDate: birthDate.iso,
        address,
        phone,
        relationToHead: draft.relation,
        status: 'NORMAL',
      });
    }
    unit.households++;
    yield {
      householdNumber: unit.code + String(unit.households).padStart(6, '0'),
      unitCode: unit.code,
      address,
      headIdNumber: members[0]!.idNumber,
      members,
    };
  }
}

/** Draws relations, sexes, birth days, ethnicities and surnames; the head comes first. */
interface ReferenceDays {
  asOfDay: number;
  /** Birth day of the oldest possible person (99 years old on asOf). */
  oldestDay: number;
  /** The latest birth day of someone at least 20 on asOf. */
  twentyYearsAgo: number;
}

function draftMembers(random: Random, composition: readonly MemberSlot[], dates: ReferenceDays): MemberDraft[] {
  const { asOfDay, oldestDay, twentyYearsAgo } = dates;
  const has = (slot: MemberSlot) => composition.includes(slot);
  const [minAge, maxAge] = headAgeRange(composition);
  const headMale = random.chance(has('SPOUSE') ? 0.72 : 0.5);
  const head: MemberDraft = {
    relation: '户主',
    male: headMale,
    day: random.int(addYears(asOfDay, -(maxAge + 1)) + 1, addYears(asOfDay, -minAge)),
    ethnicity: random.weighted(ETHNICITIES),
    surname: random.weighted(SURNAMES),
  };

  let spouse: MemberDraft | undefined;
  if (has('SPOUSE')) {
    // Husbands tend to be a little older: from 2 years younger to 6 years older than the wife.
    const gap = random.int(yearsToDays(-2), yearsToDays(6));
    const day = headMale ? head.day + gap : head.day - gap;
    spouse = {
      relation: '配偶',
      male: !headMale,
      day: Math.max(oldestDay, Math.min(day, twentyYearsAgo)),
      ethnicity: random.chance(0.9) ? head.ethnicity : random.weighted(ETHNICITIES),
      surname: random.weighted(SURNAMES),
    };
  }

  const fatherSurname = headMale ? head.surname : spouse ? spouse.surname : random.chance(0.5) ? head.surname : random.weighted(SURNAMES);
  const motherSurname = headMale ? (spouse?.surname ?? fatherSurname) : head.surname;
  // Children are 20–40 years younger than both parents.
  const youngerParentDay = Math.max(head.day, spouse?.day ?? head.day);
  const olderParentDay = Math.min(head.day, spouse?.day ?? head.day);

  const children: MemberDraft[] = [];
  const grandchildren: MemberDraft[] = [];
  const parents: MemberDraft[] = [];
  let firstSon: MemberDraft | undefined;

  for (const slot of composition) {
    switch (slot) {
      case 'SPOUSE':
        break;
      case 'CHILD':
      case 'SON': {
        const male = slot === 'SON' || random.chance(0.52);
        const mustHaveChildren = slot === 'SON' && has('GRANDCHILD');
        const latest = Math.min(addYears(olderParentDay, 40) - 1, mustHaveChildren ? twentyYearsAgo : asOfDay);
        const child: MemberDraft = {
          relation: male ? '子' : '女',
          male,
          day: drawDayBetween(random, addYears(youngerParentDay, 20), latest),
          ethnicity: spouse && random.chance(0.5) ? spouse.ethnicity : head.ethnicity,
          surname: random.chance(0.9) ? fatherSurname : motherSurname,
        };
        if (slot === 'SON' && !firstSon) firstSon = child;
        children.push(child);
        break;
      }
      case 'GRANDCHILD': {
        // Through the son living here, or a child registered elsewhere.
        const parentDay =
          firstSon?.day ?? drawDayBetween(random, addYears(head.day, 20), Math.min(addYears(head.day, 38), twentyYearsAgo));
        const male = random.chance(0.52);
        grandchildren.push({
          relation: male ? '孙子' : '孙女',
          male,
          day: drawDayBetween(random, addYears(parentDay, 20), Math.min(addYears(parentDay, 40) - 1, asOfDay)),
          ethnicity: head.ethnicity,
          surname: firstSon?.surname ?? (random.chance(0.7) ? fatherSurname : random.weighted(SURNAMES)),
        });
        break;
      }
      case 'FATHER':
      case 'MOTHER':
      case 'PARENT': {
        // A widowed parent is more often the mother.
        const male = slot === 'FATHER' || (slot === 'PARENT' && random.chance(0.4));
        const partner = parents[0];
        let day: number;
        if (partner) {
          // The second parent is the first one's spouse: close in age, husband a little older.
          const gap = random.int(yearsToDays(-2), yearsToDays(6));
          day = Math.min(male ? partner.day - gap : partner.day + gap, addYears(head.day, -20));
        } else {
          day = head.day - random.int(male ? yearsToDays(22) : YEARS_20, YEARS_38);
        }
        parents.push({
          relation: male ? '父亲' : '母亲',
          male,
          day: Math.max(oldestDay, day),
          ethnicity: head.ethnicity,
          surname: male ? head.surname : random.weighted(SURNAMES),
        });
        break;
      }
      default: {
        const unexpected: never = slot;
        throw new Error(`unknown member slot ${String(unexpected)}`);
      }
    }
  }
  children.sort((a, b) => a.day - b.day);
  return [head, ...(spouse ? [spouse] : []), ...children, ...grandchildren, ...parents];
}

function drawDayBetween(random: Random, earliest: number, latest: number): number {
  return earliest <= latest ? random.int(earliest, latest) : latest;
}

function drawRegionCode(
  random: Random,
  regionCodes: readonly string[] | undefined,
  district: string,
  birthDay: number,
  asOfDay: number,
): string {
  if (regionCodes) return random.pick(regionCodes);
  // Most people were born where they are registered; the young even more so.
  if (random.chance(asOfDay - birthDay < YEARS_30 ? 0.85 : 0.65)) return district;
  if (birthDay < ABOLISHED_BEFORE_DAY && random.chance(0.1)) return random.pick(ABOLISHED_REGION_CODES);
  return random.pick(MIGRANT_REGION_CODES);
}

function drawPhone(random: Random): string {
  return random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
}
