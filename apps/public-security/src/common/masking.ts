import { PoliceType, Role, type Identity } from '@onewindow/contracts';
import { maskIdNumber, maskName, maskPhone } from '@onewindow/id-number';
import { hasRole } from '@onewindow/platform';

/**
 * Who sees a citizen's ID number, name and phone in full on a detail screen: public-security
 * officers and supervisors. Clerks see them masked (they have the citizen and the ID card in
 * front of them); lists are masked for everyone.
 */
export function seesFullPersonalData(viewer: Identity): boolean {
  return hasRole(viewer, Role.SUPERVISOR) || (hasRole(viewer, Role.OFFICER) && viewer.policeType === PoliceType.PUBLIC_SECURITY);
}

export interface Masker {
  idNumber(v: string): string;
  idNumber(v: string | null | undefined): string | null;
  phone(v: string | null | undefined): string | null;
  name(v: string | null | undefined): string | null;
}

const full: Masker = {
  idNumber: ((v: string | null | undefined) => v ?? null) as Masker['idNumber'],
  phone: (v) => v ?? null,
  name: (v) => v ?? null,
};
const masked: Masker = {
  idNumber: ((v: string | null | undefined) => (v ? maskIdNumber(v) : null)) as Masker['idNumber'],
  phone: (v) => (v ? maskPhone(v) : null),
  name: (v) => (v ? maskName(v) : null),
};

/** `list: true` masks for everyone; otherwise by the viewer's role. */
export function maskerFor(viewer: Identity, opts: { list?: boolean } = {}): Masker {
  return !opts.list && seesFullPersonalData(viewer) ? full : masked;
}
