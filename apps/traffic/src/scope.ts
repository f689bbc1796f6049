import type { Identity } from '@onewindow/contracts';
import { jurisdictionOf, type Jurisdiction } from '@onewindow/platform';

/**
 * 一窗通办: any window of the city serves any resident, so exact lookups by ID number, plate or
 * record id are scoped to the caller's city (first 4 digits of the unit code) — the traffic
 * registers of a city are kept by its 车管所, not by police station.
 */
export function cityScope(actor: Identity): Jurisdiction {
  return cityScopeOfUnit(jurisdictionOf(actor).unitPrefix);
}

export function cityScopeOfUnit(unitCode: string): Jurisdiction {
  return { unitPrefix: unitCode.slice(0, 4) };
}
