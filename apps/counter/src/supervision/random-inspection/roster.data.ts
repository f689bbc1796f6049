/**
 * Demo roster of inspectors (检查人员名录) for 双随机一公开, seeded at boot outside production when
 * the roster is empty. Production starts empty: the city supervisor enters the real roster.
 * Accounts are login names; the demo accounts (demo-clerk, demo-household) are on it so that the
 * exclusion of one's own cases can be seen.
 */
export const DEMO_INSPECTORS: readonly { account: string; name: string; unitCode: string }[] = [
  { account: 'demo-clerk', name: '王窗口', unitCode: '510107001' },
  { account: 'demo-household', name: '李户政', unitCode: '510107001' },
  { account: 'insp-wangjiang-1', name: '郑检查', unitCode: '510107002' },
  { account: 'insp-yulin-1', name: '冯检查', unitCode: '510107003' },
  { account: 'insp-chunxi-1', name: '何检查', unitCode: '510104002' },
  { account: 'insp-niushikou-1', name: '许检查', unitCode: '510104005' },
  { account: 'demo-clerk-jinjiang', name: '吴窗口', unitCode: '510104002' },
  { account: 'insp-qingyang-1', name: '罗检查', unitCode: '510105' },
];
