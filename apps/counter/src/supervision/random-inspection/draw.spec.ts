import { drawN, drawRandomInspection, generatorOf, mayInspect, type DrawCase, type DrawInspector } from './draw.js';

const cases: DrawCase[] = Array.from({ length: 12 }, (_, i) => ({
  number: `HH-2026-${String(i + 1).padStart(4, '0')}`,
  unitCode: i % 2 ? '510107001' : '510107002',
  firstInquiryOwnerSub: i % 3 ? 'demo:demo-clerk' : 'demo:demo-household',
}));
const roster: DrawInspector[] = [
  { account: 'demo-clerk', name: '王窗口', unitCode: '510104002' },
  { account: 'insp-a', name: '甲', unitCode: '510107001' },
  { account: 'insp-b', name: '乙', unitCode: '510104005' },
  { account: 'insp-c', name: '丙', unitCode: '510105' },
  { account: 'insp-d', name: '丁', unitCode: '510106' },
];

describe('random draw (双随机)', () => {
  it('is reproducible: the same seed over the same pools gives the same draw, whatever the pool order', () => {
    const a = drawRandomInspection({ cases, inspectors: roster, caseCount: 5, inspectorCount: 3, seed: 'seed-2026-03' });
    const b = drawRandomInspection({ cases: [...cases].reverse(), inspectors: [...roster].reverse(), caseCount: 5, inspectorCount: 3, seed: 'seed-2026-03' });
    expect(a).toEqual(b);
    expect(a.ok).toBe(true);
  });

  it('another seed gives another draw', () => {
    const draws = new Set(['s-0001', 's-0002', 's-0003', 's-0004'].map((seed) => {
      const r = drawRandomInspection({ cases, inspectors: roster, caseCount: 5, inspectorCount: 3, seed });
      return r.ok ? r.assignments.map((x) => `${x.case.number}/${x.inspector.account}`).join(',') : r.reason;
    }));
    expect(draws.size).toBeGreaterThan(1);
  });

  it('never assigns an inspector to a case of their own unit or a case they accepted', () => {
    for (let s = 0; s < 50; s++) {
      const r = drawRandomInspection({ cases, inspectors: roster, caseCount: 8, inspectorCount: 4, seed: `seed-${s}` });
      if (!r.ok) continue;
      for (const { case: c, inspector } of r.assignments) {
        expect(c.unitCode.startsWith(inspector.unitCode)).toBe(false);
        expect(c.firstInquiryOwnerSub).not.toBe(`demo:${inspector.account}`);
      }
      expect(new Set(r.assignments.map((x) => x.case.number)).size).toBe(8);
    }
  });

  it('refuses N or M larger than the pool, and a case no drawn inspector may check', () => {
    expect(drawRandomInspection({ cases, inspectors: roster, caseCount: 13, inspectorCount: 1, seed: 'abcd' })).toEqual({ ok: false, reason: 'CASE_POOL_TOO_SMALL' });
    expect(drawRandomInspection({ cases, inspectors: roster, caseCount: 1, inspectorCount: 6, seed: 'abcd' })).toEqual({ ok: false, reason: 'INSPECTOR_POOL_TOO_SMALL' });
    const onlyOwn = drawRandomInspection({ cases: cases.slice(0, 1), inspectors: [{ account: 'x', name: 'x', unitCode: '5101' }], caseCount: 1, inspectorCount: 1, seed: 'abcd' });
    expect(onlyOwn).toEqual({ ok: false, reason: 'NO_ELIGIBLE_INSPECTOR', caseNumber: 'HH-2026-0001' });
  });

  it('mayInspect: own unit (by prefix) and own case excluded', () => {
    const c: DrawCase = { number: 'n', unitCode: '510107001', firstInquiryOwnerSub: 'demo:demo-clerk' };
    expect(mayInspect({ account: 'a', name: '', unitCode: '510107001' }, c)).toBe(false);
    expect(mayInspect({ account: 'a', name: '', unitCode: '510107' }, c)).toBe(false);
    expect(mayInspect({ account: 'demo-clerk', name: '', unitCode: '510104002' }, c)).toBe(false);
    expect(mayInspect({ account: 'a', name: '', unitCode: '510104002' }, c)).toBe(true);
  });

  it('drawN draws distinct items and leaves the input alone', () => {
    const items = [1, 2, 3, 4, 5, 6];
    const drawn = drawN(items, 4, generatorOf('abcd'));
    expect(new Set(drawn).size).toBe(4);
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
