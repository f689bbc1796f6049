import { checkFinding, consequenceOf, isSubstantiated } from './deduction.rules.js';
import { standingsOf } from './deduction.service.js';
import type { ComplaintDeductionEntity } from './deduction.entity.js';

describe('findings and consequences (seed 004)', () => {
  it('两次 → 取消立功授奖和评优资格, 三次及以上 → 下发《提示单》', () => {
    expect([0, 1, 2, 3, 4].map(consequenceOf)).toEqual(['NONE', 'NONE', 'NO_AWARDS', 'WARNING_NOTICE', 'WARNING_NOTICE']);
  });

  it('不涉及 only for consultations, suggestions and praise; 属实 and 部分属实 are substantiated', () => {
    expect(() => checkFinding('PRAISE', 'NOT_APPLICABLE', null)).not.toThrow();
    expect(() => checkFinding('PRAISE', 'SUBSTANTIATED', 'x')).toThrow(expect.objectContaining({ code: 'COMPLAINT_FINDING_INVALID' }));
    expect(() => checkFinding('ATTITUDE', 'NOT_APPLICABLE', null)).toThrow(expect.objectContaining({ code: 'COMPLAINT_FINDING_INVALID' }));
    expect(['SUBSTANTIATED', 'PARTLY_SUBSTANTIATED', 'NOT_SUBSTANTIATED', 'NOT_APPLICABLE', null].map((f) => isSubstantiated(f as never))).toEqual([true, true, false, false, false]);
  });

  it('standings count standing deductions only, per officer and unit, most first', () => {
    const d = (officerUsername: string, unitCode: string, reversedOn: string | null = null) =>
      ({ officerUsername, officerName: officerUsername, unitCode, unitPoints: 3, officerPoints: 2, reversedOn }) as ComplaintDeductionEntity;
    const s = standingsOf([d('li', '510107001'), d('li', '510107001'), d('wu', '510107002'), d('li', '510107001', '2026-06-01')]);
    expect(s.officers.map((o) => [o.officerUsername, o.deductions, o.points, o.consequence])).toEqual([['li', 2, 4, 'NO_AWARDS'], ['wu', 1, 2, 'NONE']]);
    expect(s.units).toEqual([{ unitCode: '510107001', deductions: 2, points: 6 }, { unitCode: '510107002', deductions: 1, points: 3 }]);
  });
});
