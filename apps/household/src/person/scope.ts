import type { Identity } from '@onewindow/contracts';
import { jurisdictionOf, type Jurisdiction } from '@onewindow/platform';

/**
 * 一窗通办: a clerk at any station of the city serves any resident of the city, so an exact lookup
 * by ID number is scoped to the caller's city (first 4 digits of the unit code) and audited;
 * lists stay scoped to the caller's own unit.
 */
export function windowLookupScope(actor: Identity): Jurisdiction {
  const own = jurisdictionOf(actor);
  return { unitPrefix: own.unitPrefix.slice(0, 4) };
}
