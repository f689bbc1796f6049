/** Internal representation of one calendar year's 放假调休 arrangement. */

/** Where a year's data comes from. */
export type YearOrigin = 'chinese-days' | 'override';

export interface YearData {
  readonly year: number;
  readonly origin: YearOrigin;
  /** Human-readable source: library name and version, or the notice cited by the override. */
  readonly source: string;
  /** Statutory rest days of the notice (including weekend days inside a holiday block) → festival name. */
  readonly holidays: ReadonlyMap<string, string | undefined>;
  /** Adjusted working weekend days (调休上班) → festival they belong to. */
  readonly workdays: ReadonlyMap<string, string | undefined>;
}

/** Public description of where a year's data comes from. */
export interface YearSource {
  readonly year: number;
  readonly origin: YearOrigin;
  readonly source: string;
}
