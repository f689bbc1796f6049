import { isOverdueIn, monthEnd, previousMonth, unitAtLevel, type AnalysedComplaint } from './analysis.rules.js';

describe('analysis rules', () => {
  it('months: ends (leap years, December) and the month before', () => {
    expect([monthEnd('2026-02'), monthEnd('2028-02'), monthEnd('2026-12'), monthEnd('2026-04')]).toEqual(['2026-02-28', '2028-02-29', '2026-12-31', '2026-04-30']);
    expect([previousMonth('2026-01'), previousMonth('2026-03')]).toEqual(['2025-12', '2026-02']);
  });

  it('groups units by code prefix: station (full), district (6), city (4)', () => {
    expect(['STATION', 'DISTRICT', 'CITY'].map((l) => unitAtLevel('510107001', l as never))).toEqual(['510107001', '510107', '5101']);
  });

  it('overdue in a month: a deadline in the month, passed, and not met by it', () => {
    const c = (over: Partial<AnalysedComplaint>) => ({ acceptanceDeadline: '2026-03-09', decidedOn: null, answerDeadline: null, answeredOn: null, ...over }) as AnalysedComplaint;
    expect(isOverdueIn(c({ decidedOn: '2026-03-10' }), '2026-03', '2026-04-10')).toBe(true); // decided late
    expect(isOverdueIn(c({ decidedOn: '2026-03-09' }), '2026-03', '2026-04-10')).toBe(false); // on the last day
    expect(isOverdueIn(c({}), '2026-03', '2026-03-09')).toBe(false); // due today: not yet
    expect(isOverdueIn(c({}), '2026-03', '2026-03-10')).toBe(true); // undecided after the deadline
    expect(isOverdueIn(c({}), '2026-02', '2026-04-10')).toBe(false); // the deadline is not in February
    expect(isOverdueIn(c({ decidedOn: '2026-03-01', answerDeadline: '2026-03-31', answeredOn: '2026-04-02' }), '2026-03', '2026-04-10')).toBe(true); // answered late
  });
});
