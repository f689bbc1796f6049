import { route, routingListProblems, type RoutingRule } from './routing.rules.js';

const rule = (position: number, over: Partial<RoutingRule>): RoutingRule => ({
  position, label: `规则${position}`, kind: null, policeType: null, unitPrefix: null, target: 'RESPONSIBLE', targetUnitCode: null, ...over,
});

/** The seeded defaults (migration 1797000000000). */
const DEFAULTS = [
  rule(1, { kind: 'MISCONDUCT', target: 'CITY' }),
  rule(2, { kind: 'DELAY', policeType: 'HOUSEHOLD', target: 'DISTRICT' }),
  rule(3, { unitPrefix: '510104', target: 'UNIT', targetUnitCode: '510104' }),
  rule(4, {}),
];

describe('complaint routing (first match)', () => {
  it.each([
    ['违纪 → city supervision', { kind: 'MISCONDUCT', policeType: 'TRAFFIC', unitCode: '510107001' }, '5101', 1],
    ['户政拖延 → district complaints office', { kind: 'DELAY', policeType: 'HOUSEHOLD', unitCode: '510107001' }, '510107', 2],
    ['交管拖延 falls through to the catch-all', { kind: 'DELAY', policeType: 'TRAFFIC', unitCode: '510107001' }, '510107001', 4],
    ['unit prefix rule', { kind: 'ATTITUDE', policeType: 'HOUSEHOLD', unitCode: '510104002' }, '510104', 3],
    ['first match wins over a later one that also matches', { kind: 'MISCONDUCT', policeType: 'HOUSEHOLD', unitCode: '510104002' }, '5101', 1],
  ] as const)('%s', (_, c, unit, position) => {
    const d = route(DEFAULTS, { ...c });
    expect(d.handlingUnitCode).toBe(unit);
    expect(d.rule.position).toBe(position);
  });

  it('orders by position, not by array order', () => {
    expect(route([DEFAULTS[3]!, DEFAULTS[0]!], { kind: 'MISCONDUCT', policeType: 'HOUSEHOLD', unitCode: '510107001' }).handlingUnitCode).toBe('5101');
  });

  it('refuses a list without a final catch-all, a catch-all in the middle, a UNIT target without a code', () => {
    expect(routingListProblems([])).toEqual(['分派规则不能为空']);
    expect(routingListProblems([DEFAULTS[0]!])).toEqual(['最后一条规则须不设条件（兜底规则），保证每件投诉都有承办单位']);
    expect(routingListProblems([DEFAULTS[3]!, DEFAULTS[3]!])[0]).toMatch(/只能放在最后/);
    expect(routingListProblems([rule(1, { kind: 'PRAISE', target: 'UNIT' }), DEFAULTS[3]!])[0]).toMatch(/须填写单位代码/);
    expect(routingListProblems(DEFAULTS)).toEqual([]);
  });
});
