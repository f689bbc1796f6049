import { PoliceType } from '@onewindow/contracts';

/** The default service groups a station's hall starts with (editable data afterwards). */
export const DEFAULT_SERVICE_GROUPS: readonly { code: string; prefix: string; name: string; policeTypes: PoliceType[] }[] = [
  { code: 'HOUSEHOLD', prefix: 'A', name: '户政业务', policeTypes: [PoliceType.HOUSEHOLD] },
  { code: 'EXIT_ENTRY', prefix: 'B', name: '出入境业务', policeTypes: [PoliceType.EXIT_ENTRY] },
  { code: 'TRAFFIC', prefix: 'C', name: '交管业务', policeTypes: [PoliceType.TRAFFIC] },
  { code: 'PUBLIC_SECURITY', prefix: 'D', name: '治安业务', policeTypes: [PoliceType.PUBLIC_SECURITY] },
  { code: 'GENERAL', prefix: 'E', name: '综合及信访', policeTypes: [PoliceType.COMPLAINTS] },
];

/** Demo windows of the demo stations (outside production, when a station has none). */
export const DEMO_WINDOWS: readonly { unitCode: string; number: number; servesAll: boolean; groupCodes: string[] }[] = [
  { unitCode: '510107001', number: 1, servesAll: true, groupCodes: [] },
  { unitCode: '510107001', number: 2, servesAll: false, groupCodes: ['HOUSEHOLD'] },
  { unitCode: '510107001', number: 3, servesAll: false, groupCodes: ['HOUSEHOLD', 'GENERAL'] },
  { unitCode: '510107001', number: 4, servesAll: false, groupCodes: ['EXIT_ENTRY'] },
  { unitCode: '510107001', number: 5, servesAll: false, groupCodes: ['TRAFFIC', 'PUBLIC_SECURITY'] },
  { unitCode: '510104002', number: 1, servesAll: true, groupCodes: [] },
  { unitCode: '510104002', number: 2, servesAll: false, groupCodes: ['HOUSEHOLD', 'EXIT_ENTRY'] },
];

/** Public kiosk limits (per client address; per phone and station per day). */
export const KIOSK_LIMITS = {
  perIp: { limit: 120, windowSeconds: 600 },
  perPhone: { limit: 3, windowSeconds: 86_400 },
} as const;
