import { kpiChange, kpiValue, percent, REPORT_KPIS, shortUnitName, type ReportFigures } from '../src/report-labels.js';

/** The 月报看板's formats: a rate with no denominator is "—", never 0 % or 100 %; 环比 / 同比 by kind. */
const kpi = (key: string) => REPORT_KPIS.find((k) => k.key === key)!;
const figures = (f: Partial<ReportFigures>) => ({ accepted: 0, onTimeRate: null, averageWorkingDays: null, ...f }) as ReportFigures;

describe('月报看板 formats', () => {
  it('rates: null is "—", otherwise one decimal percent', () => {
    expect(percent(null)).toBe('—');
    expect(percent(0)).toBe('0.0%');
    expect(percent(2 / 3)).toBe('66.7%');
    expect(kpiValue(kpi('onTimeRate'), figures({}))).toBe('—');
    expect(kpiValue(kpi('averageWorkingDays'), figures({ averageWorkingDays: 4.25 }))).toBe('4.3');
  });

  it('环比 / 同比: counts as a difference with the relative change, rates in points, "—" without a base', () => {
    expect(kpiChange(kpi('accepted'), figures({ accepted: 12 }), figures({ accepted: 10 }))).toEqual({ text: '+2（+20.0%）', direction: 1 });
    expect(kpiChange(kpi('accepted'), figures({ accepted: 4 }), figures({ accepted: 0 }))).toEqual({ text: '+4', direction: 1 });
    expect(kpiChange(kpi('onTimeRate'), figures({ onTimeRate: 0.9 }), figures({ onTimeRate: 0.95 }))).toEqual({ text: '-5.0 个百分点', direction: -1 });
    expect(kpiChange(kpi('onTimeRate'), figures({ onTimeRate: 1 }), figures({}))).toEqual({ text: '—', direction: 0 });
    expect(kpiChange(kpi('averageWorkingDays'), figures({ averageWorkingDays: 3 }), figures({ averageWorkingDays: 3 }))).toEqual({ text: '0.0 个工作日', direction: 0 });
  });

  it('chart labels drop the city bureau prefix', () => {
    expect(shortUnitName('成都市公安局武侯区分局')).toBe('武侯区分局');
    expect(shortUnitName('成都市公安局')).toBe('成都市公安局');
    expect(shortUnitName('浆洗街派出所')).toBe('浆洗街派出所');
  });
});
