/** Machine-readable reasons a calendar operation was rejected. */
export type CalendarErrorCode =
  | 'INVALID_DATE'
  | 'DATE_OUT_OF_RANGE'
  | 'INVALID_DAYS'
  | 'DAYS_OUT_OF_RANGE'
  | 'INVALID_UNIT'
  | 'INVALID_OVERRIDES'
  | 'OVERRIDES_FILE_UNREADABLE'
  | 'LIBRARY_DATA_INVALID';

/** Error thrown for any invalid input or invalid calendar data. */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  readonly code: CalendarErrorCode;
  /** Individual problems, e.g. one line per bad entry of an overrides file. */
  readonly details: readonly string[];

  constructor(code: CalendarErrorCode, message: string, details: readonly string[] = []) {
    super(message);
    this.code = code;
    this.details = details;
  }
}
