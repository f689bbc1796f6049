// Citizen ID numbers (公民身份号码) per GB 11643-1999: 6-digit address code, 8-digit birth date,
// 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check code. The same layout is used by
// the residence permits of Hong Kong, Macao and Taiwan residents (address codes 810000, 820000,
// 830000) and by foreigners' permanent residence ID cards (first digit 9).

import { chinaDateOf, isCalendarDate, parseIsoDate } from './calendar-date.js';
import { IdNumberErrorCode, InvalidIdNumberError } from './id-number.exception.js';

export type Sex = 'MALE' | 'FEMALE';

export type IdNumberKind = 'RESIDENT' | 'HK_MACAU_TAIWAN_RESIDENCE' | 'FOREIGN_PERMANENT_RESIDENT';

export interface ValidIdNumber {
  valid: true;
  /** 18 characters, check code X in upper case; 15-digit legacy numbers are converted. */
  normalized: string;
  /** The first 6 digits (address code; for foreigners, 9 + issuing province + nationality). */
  regionCode: string;
  /** 'YYYY-MM-DD'. */
  birthDate: string;
  sex: Sex;
  kind: IdNumberKind;
  /** True when the input was a 15-digit number issued before 1999. */
  legacy15: boolean;
}

export interface InvalidIdNumber {
  valid: false;
  reason: IdNumberErrorCode;
  /** Chinese, suitable for the counter screen. */
  message: string;
}

export type IdNumberCheck = ValidIdNumber | InvalidIdNumber;

export interface ValidateIdNumberOptions {
  /** The instant taken as "now" for the future-birth-date rule; defaults to the current time. */
  today?: Date;
}

export interface IdNumberParts {
  /** Six digits. */
  regionCode: string;
  /** 'YYYY-MM-DD'. */
  birthDate: string;
  /** 0–999; odd for men, even for women. */
  sequence: number;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CODES = '10X98765432';

/**
 * The earliest birth year accepted. The standard's own example 440524188001010014 was born in
 * 1880, and legacy numbers were issued to people born in the 1880s and 1890s, so 1900 would be
 * too strict; 1800 still rejects typed nonsense such as 0519 or 1049.
 */
export const EARLIEST_BIRTH_YEAR = 1800;

/** Province-level codes of GB/T 2260 (31 provinces, Taiwan 71, Hong Kong 81, Macao 82) plus 83. */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

const HK_MACAU_TAIWAN_PROVINCES: ReadonlySet<string> = new Set(['81', '82', '83']);

const FORMAT_18 = /^\d{17}[\dX]$/;
const FORMAT_15 = /^\d{15}$/;
const WHITESPACE = /\s+/g;

/** Removes all whitespace (including the full-width space) and upper-cases a trailing x. */
export function normalizeIdNumberInput(input: string): string {
  return input.replace(WHITESPACE, '').toUpperCase();
}

/** The check code for the first 17 digits of an ID number. */
export function computeCheckCode(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError(`computeCheckCode expects 17 digits, got ${first17.length} characters`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  }
  return CHECK_CODES[sum % 11]!;
}

/** Validates and parses an ID number. Never throws; see `assertIdNumber` for the throwing form. */
export function validateIdNumber(input: string, opts: ValidateIdNumberOptions = {}): IdNumberCheck {
  const value = normalizeIdNumberInput(input);
  let normalized: string;
  let legacy15 = false;

  if (FORMAT_18.test(value)) {
    if (computeCheckCode(value.slice(0, 17)) !== value[17]) {
      return invalid(IdNumberErrorCode.CHECKSUM, '身份号码校验码错误，请核对是否有数字录入错误');
    }
    normalized = value;
  } else if (FORMAT_15.test(value)) {
    // Legacy numbers have a two-digit year of the 1900s and no check code.
    const first17 = `${value.slice(0, 6)}19${value.slice(6)}`;
    normalized = first17 + computeCheckCode(first17);
    legacy15 = true;
  } else {
    return invalid(IdNumberErrorCode.FORMAT, '身份号码格式错误：应为18位（末位可为X）或15位数字');
  }

  const regionCode = normalized.slice(0, 6);
  const kind = kindOf(regionCode);
  if (kind === undefined) {
    return invalid(IdNumberErrorCode.REGION, `身份号码地址码错误：${regionCode.slice(0, 2)}不是省级行政区划代码`);
  }
  if (legacy15 && kind !== 'RESIDENT') {
    return invalid(IdNumberErrorCode.REGION, '15位旧身份号码只能是居民身份号码，地址码错误');
  }

  const year = Number(normalized.slice(6, 10));
  const month = Number(normalized.slice(10, 12));
  const day = Number(normalized.slice(12, 14));
  if (!isCalendarDate(year, month, day)) {
    return invalid(IdNumberErrorCode.BIRTH_DATE, '身份号码中的出生日期不是有效日期');
  }
  if (year < EARLIEST_BIRTH_YEAR) {
    return invalid(IdNumberErrorCode.BIRTH_DATE, `身份号码中的出生日期早于${EARLIEST_BIRTH_YEAR}年`);
  }
  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  // ISO dates compare correctly as strings.
  if (birthDate > chinaDateOf(opts.today ?? new Date())) {
    return invalid(IdNumberErrorCode.FUTURE_BIRTH_DATE, '身份号码中的出生日期晚于今天');
  }

  const sequenceDigit = normalized.charCodeAt(16) - 48;
  return {
    valid: true,
    normalized,
    regionCode,
    birthDate,
    sex: sequenceDigit % 2 === 1 ? 'MALE' : 'FEMALE',
    kind,
    legacy15,
  };
}

/** Returns the parsed number, or throws `InvalidIdNumberError` with a code and a Chinese message. */
export function assertIdNumber(input: string, opts: ValidateIdNumberOptions = {}): ValidIdNumber {
  const check = validateIdNumber(input, opts);
  if (!check.valid) throw new InvalidIdNumberError(check.reason, check.message);
  return check;
}

/**
 * Builds a valid 18-digit number from its parts (test factories, synthetic data). Throws
 * `RangeError` when a part is malformed or the result would not pass `validateIdNumber` for a
 * reason other than lying in the future.
 */
export function buildIdNumber(parts: IdNumberParts): string {
  const { regionCode, birthDate, sequence } = parts;
  if (!/^\d{6}$/.test(regionCode)) {
    throw new RangeError(`regionCode must be 6 digits, got "${regionCode}"`);
  }
  if (kindOf(regionCode) === undefined) {
    throw new RangeError(`regionCode ${regionCode} does not start with a province-level code or 9`);
  }
  const date = parseIsoDate(birthDate);
  if (!date || date.year < EARLIEST_BIRTH_YEAR) {
    throw new RangeError(`birthDate must be a real date 'YYYY-MM-DD' from ${EARLIEST_BIRTH_YEAR}, got "${birthDate}"`);
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`sequence must be an integer 0–999, got ${sequence}`);
  }
  const first17 = regionCode + birthDate.replaceAll('-', '') + String(sequence).padStart(3, '0');
  return first17 + computeCheckCode(first17);
}

function kindOf(regionCode: string): IdNumberKind | undefined {
  if (regionCode[0] === '9') return 'FOREIGN_PERMANENT_RESIDENT';
  const province = regionCode.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) return undefined;
  // Only the county part is deliberately not checked: abolished counties stay valid for life.
  return HK_MACAU_TAIWAN_PROVINCES.has(province) ? 'HK_MACAU_TAIWAN_RESIDENCE' : 'RESIDENT';
}

function invalid(reason: IdNumberErrorCode, message: string): InvalidIdNumber {
  return { valid: false, reason, message };
}
