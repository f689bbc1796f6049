/**
 * Demo roster of community officers (社区民警) per station, seeded at boot outside production when
 * the roster is empty. Production starts empty: the roster is the bureau's data.
 */
export const DEMO_COMMUNITY_OFFICERS: readonly { account: string; name: string; unitCode: string; area: string }[] = [
  { account: 'demo-community', name: '黄社区', unitCode: '510107001', area: '浆洗街社区' },
  { account: 'community-wangjiang-1', name: '唐社区', unitCode: '510107002', area: '望江路社区' },
  { account: 'community-chunxi-1', name: '彭社区', unitCode: '510104002', area: '春熙路社区' },
];
