import type { Identity } from '@onewindow/contracts';
import { jurisdictionOf, type Jurisdiction } from '../auth/roles.js';

/** Digits of a unit code that name the city (5101 = 成都市公安局). */
const CITY_CODE_LENGTH = 4;

/**
 * 一窗通办: a window anywhere in the city serves any resident of the city, so exact reads of one
 * person's records (a lookup by ID number, plate or record id, acceptance checks, the citizen 360°
 * section, the lost-and-found notice board) are scoped to the caller's city. Lists stay scoped to
 * the caller's own unit (`jurisdictionOf`).
 */
export function cityScope(actor: Identity): Jurisdiction {
  return cityScopeOfUnit(jurisdictionOf(actor).unitPrefix);
}

/** The city of a unit code, e.g. of the unit that requested a transfer. */
export function cityScopeOfUnit(unitCode: string): Jurisdiction {
  return { unitPrefix: unitCode.slice(0, CITY_CODE_LENGTH) };
}

/** Scope of the bureau's own scheduled jobs and inbound transfers (system identities have no unit). */
export const WHOLE_BUREAU: Jurisdiction = { unitPrefix: '' };

/** Identity a service's scheduled jobs and automatic workers act as, in history rows and audit entries. */
export function systemActor(sub: string, displayName: string): Identity {
  return { sub, username: 'system', displayName, roles: [], unitCode: '', unitName: '' };
}
