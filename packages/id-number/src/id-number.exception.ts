/** Why a string is not a usable citizen ID number. */
export enum IdNumberErrorCode {
  /** Not 18 characters (17 digits + digit or X) nor 15 digits. */
  FORMAT = 'FORMAT',
  /** The check code (18th character) does not match ISO 7064 MOD 11-2. */
  CHECKSUM = 'CHECKSUM',
  /** The first digits are not a province-level code, nor 9 (foreigner). */
  REGION = 'REGION',
  /** Not a real calendar date, or earlier than the earliest accepted year. */
  BIRTH_DATE = 'BIRTH_DATE',
  /** The birth date lies after today (China time). */
  FUTURE_BIRTH_DATE = 'FUTURE_BIRTH_DATE',
}

/** Thrown by `assertIdNumber`; `message` is Chinese and may be shown to clerks and citizens. */
export class InvalidIdNumberError extends Error {
  readonly code: IdNumberErrorCode;

  constructor(code: IdNumberErrorCode, message: string) {
    super(message);
    this.name = 'InvalidIdNumberError';
    this.code = code;
  }
}
