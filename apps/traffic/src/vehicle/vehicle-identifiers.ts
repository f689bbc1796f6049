/**
 * Identifiers of a motor vehicle: VIN (车辆识别代号, GB 16735: 17 characters, no I, O or Q),
 * plate numbers (号牌号码, GA 36) and the owner's identifier (citizen ID number or an
 * organisation's unified social credit code, GB 32100-2015).
 */
export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

/** Letters used on plates: I and O are never used (confused with 1 and 0). */
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const SERIALS_PER_LETTER = 10_000;
/** Capacity of the plate serial (see the plate_serial sequence). */
export const PLATE_SERIAL_MAX = PLATE_LETTERS.length * SERIALS_PER_LETTER - 1;

/** A plate as stored: province character, authority letter, then 5 (ordinary) or 6 (new-energy) characters. */
export const PLATE_PATTERN = /^[\u4e00-\u9fa5][A-Z][A-HJ-NP-Z0-9]{5,6}$/u;

export function normalizePlate(raw: string): string {
  return raw.replace(/[\s·•.-]+/g, '').toUpperCase();
}

export function normalizeVin(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/**
 * The plate for the n-th issue of this 车管所: ordinary plates `川A` + letter + 4 digits
 * (川AA0001); small new-energy vehicles `川A` + D + letter + 4 digits (川ADA0001 — GA 36's
 * new-energy plates have 6 characters after the prefix, starting with D for battery-electric)
 * [unverified: D/F choice by drive type is not asked on the form]. Plates held before this system
 * start with a digit in the demo data, so the two never collide; the issuer still checks.
 */
export function plateForSerial(prefix: string, serial: number, vehicleType: string): string {
  if (!Number.isInteger(serial) || serial < 0 || serial > PLATE_SERIAL_MAX) throw new RangeError(`plate serial out of range: ${serial}`);
  const letter = PLATE_LETTERS[Math.floor(serial / SERIALS_PER_LETTER)]!;
  const digits = String(serial % SERIALS_PER_LETTER).padStart(4, '0');
  return vehicleType.startsWith('新能源') ? `${prefix}D${letter}${digits}` : `${prefix}${letter}${digits}`;
}

/** 'LSVAU2180N2183941' → 'LSV********183941' (manufacturer code and last 6 kept). */
export function maskVin(vin: string): string {
  if (vin.length !== 17) return '*'.repeat(vin.length);
  return `${vin.slice(0, 3)}${'*'.repeat(8)}${vin.slice(-6)}`;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 with a correct check character (GB 32100-2015), e.g. 91350100M000100Y43. */
export function isUnifiedSocialCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(value[i]!) * USCC_WEIGHTS[i]!;
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === value[17];
}
