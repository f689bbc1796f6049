import type { PoliceType, ServiceName } from '@onewindow/contracts';

export const CASEWORK_OPTIONS = Symbol('CASEWORK_OPTIONS');

export interface CaseworkOptions {
  service: ServiceName;
  policeType: PoliceType;
  catalogPath: string;
  /** Application number prefix, e.g. HH for household. */
  numberPrefix: string;
}

/**
 * Optional provider of the working calendar (tests give one with or without a year's notice);
 * default: WorkingCalendar.fromEnv (CALENDAR_OVERRIDES_FILE).
 */
export const WORKING_CALENDAR = Symbol('WORKING_CALENDAR');
