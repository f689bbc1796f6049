import type { Identity } from '@onewindow/contracts';
import { jurisdictionOf, type Jurisdiction } from '@onewindow/platform';

/**
 * 一窗通办: a window anywhere in the city serves any resident of the city, so reads of one
 * person's documents (acceptance checks, the citizen 360 section, a lookup by number) are scoped
 * to the caller's city — the first 4 digits of the unit code — as household's person lookups are.
 */
export function cityScopeOf(actor: Identity): Jurisdiction {
  return { unitPrefix: jurisdictionOf(actor).unitPrefix.slice(0, 4) };
}
