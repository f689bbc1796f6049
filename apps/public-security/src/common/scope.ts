import type { Identity } from '@onewindow/contracts';
import { jurisdictionOf, type Jurisdiction } from '@onewindow/platform';

/**
 * 一窗通办: any window of the city serves any resident, and a lost wallet may turn up in another
 * district, so exact lookups and the lost-and-found notice board are scoped to the caller's city
 * (first 4 digits of the unit code). Registers of permits stay scoped to the caller's own unit.
 */
export function cityScope(actor: Identity): Jurisdiction {
  return { unitPrefix: jurisdictionOf(actor).unitPrefix.slice(0, 4) };
}

/** Scope of the bureau's own scheduled jobs and inbound transfers (system identities have no unit). */
export const WHOLE_BUREAU: Jurisdiction = { unitPrefix: '' };

/** Identity of this service's scheduled jobs in history rows and audit entries. */
export function systemActor(sub: string, displayName: string): Identity {
  return { sub, username: 'system', displayName, roles: [], unitCode: '', unitName: '' };
}
