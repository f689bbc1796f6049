import { PoliceType, SERVICE_OF_POLICE_TYPE, ServiceName } from '@onewindow/contracts';

/** The police-type services whose events the counter consumes, in display order. */
export const POLICE_SERVICES: readonly ServiceName[] = [
  ServiceName.HOUSEHOLD,
  ServiceName.EXIT_ENTRY,
  ServiceName.TRAFFIC,
  ServiceName.PUBLIC_SECURITY,
  ServiceName.COMPLAINTS,
];

export const POLICE_TYPE_ORDER: readonly PoliceType[] = [
  PoliceType.HOUSEHOLD,
  PoliceType.EXIT_ENTRY,
  PoliceType.TRAFFIC,
  PoliceType.PUBLIC_SECURITY,
  PoliceType.COMPLAINTS,
];

const SERVICE_OF_PREFIX: Readonly<Record<string, ServiceName>> = {
  HH: ServiceName.HOUSEHOLD,
  EE: ServiceName.EXIT_ENTRY,
  TR: ServiceName.TRAFFIC,
  PS: ServiceName.PUBLIC_SECURITY,
  CP: ServiceName.COMPLAINTS,
};

export function serviceOfPoliceType(policeType: PoliceType): ServiceName {
  return SERVICE_OF_POLICE_TYPE[policeType];
}

export function policeTypeOfService(service: string): PoliceType | undefined {
  return POLICE_TYPE_ORDER.find((p) => SERVICE_OF_POLICE_TYPE[p] === service);
}

/**
 * The service owning an application or item code, from its two-letter prefix
 * (HH-…, EE-…, TR-…, PS-…, CP-…; item codes and application numbers share the scheme).
 */
export function serviceOfNumber(number: string): ServiceName | undefined {
  return SERVICE_OF_PREFIX[number.trim().slice(0, 2).toUpperCase()];
}
