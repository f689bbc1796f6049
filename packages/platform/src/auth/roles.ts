import { PoliceType, Role, withinJurisdiction, type Identity } from '@onewindow/contracts';
import { DomainException } from '../errors/domain.exception.js';

export function hasRole(identity: Identity, ...roles: Role[]): boolean {
  return roles.some((r) => identity.roles.includes(r));
}

/** An officer may decide cases only of their own police type. */
export function assertOfficerOf(identity: Identity, policeType: PoliceType): void {
  if (!identity.roles.includes(Role.OFFICER) || identity.policeType !== policeType) {
    throw DomainException.forbidden('仅本警种后台民警可以审批此业务');
  }
}

export function assertJurisdiction(identity: Identity, recordUnit: string): void {
  if (!withinJurisdiction(identity.unitCode, recordUnit)) throw DomainException.outOfJurisdiction();
}

/**
 * The caller's jurisdiction as repositories need it: a unit-code prefix. Analysts and admins at the
 * city level carry a short code and so see more; the rule stays one prefix comparison.
 */
export interface Jurisdiction {
  unitPrefix: string;
}

export function jurisdictionOf(identity: Identity): Jurisdiction {
  if (!identity.unitCode) throw DomainException.outOfJurisdiction('账号未配置辖区');
  return { unitPrefix: identity.unitCode };
}
