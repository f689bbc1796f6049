import type { PoliceType, ServiceName } from '@onewindow/contracts';

export const CASEWORK_OPTIONS = Symbol('CASEWORK_OPTIONS');

export interface CaseworkOptions {
  service: ServiceName;
  policeType: PoliceType;
  catalogPath: string;
  /** Application number prefix, e.g. HH for household. */
  numberPrefix: string;
}
