import { Role, type Identity } from '@onewindow/contracts';
import { hasRole } from '@onewindow/platform';

/**
 * Who sees VINs, phone numbers and other persons' ID numbers in full: back-office officers and
 * supervisors. Window clerks see them masked (PIPL minimisation; they rarely need more).
 */
export function seesFullDetails(viewer: Identity): boolean {
  return hasRole(viewer, Role.OFFICER, Role.SUPERVISOR, Role.ADMIN);
}
