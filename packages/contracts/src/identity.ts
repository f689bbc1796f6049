import { PoliceType, Role } from './enums.js';

/**
 * Who is acting. Verified by the gateway from the caller's token and forwarded to subgraphs and
 * over NATS as a signed assertion, never as plain headers.
 */
export interface Identity {
  /** Stable user id (subject). `anonymous` for unauthenticated callers of public fields. */
  sub: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** Set for officers: the police type whose cases they may decide. */
  policeType?: PoliceType;
  /** Jurisdiction unit code (辖区单位代码), e.g. 510107 district, 510107001 police station. */
  unitCode: string;
  unitName: string;
}

export const ANONYMOUS: Identity = {
  sub: 'anonymous',
  username: 'anonymous',
  displayName: '匿名',
  roles: [],
  unitCode: '',
  unitName: '',
};

export const SYSTEM_USERNAME = 'system';

/** A record in unit `recordUnit` is within the jurisdiction of `userUnit` when the code nests under it. */
export function withinJurisdiction(userUnit: string, recordUnit: string): boolean {
  return userUnit.length > 0 && recordUnit.startsWith(userUnit);
}
