import { emptyReportMetrics, PoliceType, type ReportFigureRow } from '@onewindow/contracts';
import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS, monthlyReportCsv, monthlyReportXlsx } from './report-export.builders.js';

const row = (unitCode: string, policeType: PoliceType, itemCode: string | null, over: Partial<ReturnType<typeof emptyReportMetrics>>): ReportFigureRow => ({
  month: '2026-10', unitCode, policeType, itemCode, itemName: itemCode ? '居民身份证换领' : null, metrics: { ...emptyReportMetrics(), ...over },
});

const rows = [
  row('510107001', PoliceType.HOUSEHOLD, 'HH-ID-RENEW', { accepted: 10, completed: 8, completedOnTime: 6, workingDaysSum: 20 }),
  row('510107002', PoliceType.HOUSEHOLD, 'HH-ID-RENEW', { accepted: 5, completed: 2, completedOnTime: 2, workingDaysSum: 3 }),
  row('510107001', PoliceType.COMPLAINTS, null, { complaintsDelay: 1, evaluationsSatisfied: 3, evaluationsDissatisfied: 1 }),
];

async function read(buf: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buf as unknown as ArrayBuffer);
  return book;
}

const col = (header: string) => EXPORT_COLUMNS.findIndex((c) => c.header === header) + 1;

describe('monthly report XLSX', () => {
  it('one sheet per police type with Chinese headers, frozen header row, unit names, number formats and a totals row', async () => {
    const book = await read(await monthlyReportXlsx({ month: '2026-10', unitCode: '510107', rows }));
    expect(book.worksheets.map((s) => s.name)).toEqual(['户政', '出入境', '交管', '治安', '信访投诉']);
    const hh = book.getWorksheet('户政')!;
    expect(hh.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(hh.getRow(1).getCell(1).value).toBe('单位');
    expect(hh.getRow(1).getCell(col('受理件数')).value).toBe('受理件数');
    expect(hh.getRow(2).getCell(1).value).toBe('成都市公安局武侯区分局浆洗街派出所');
    expect(hh.getRow(2).getCell(col('按时办结率')).value).toBe(0.75);
    expect(hh.getRow(2).getCell(col('按时办结率')).numFmt).toBe('0.0%');
    expect(hh.getRow(2).getCell(col('平均办结用时（工作日）')).numFmt).toBe('0.0');
    expect(hh.getRow(2).getCell(col('受理件数')).numFmt).toBe('0');
    const total = hh.getRow(4);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(col('受理件数')).value).toBe(15);
    expect(total.getCell(col('按时办结率')).value).toBe(0.8);
    expect(hh.rowCount).toBe(4);
    const cp = book.getWorksheet('信访投诉')!;
    expect(cp.getRow(2).getCell(3).value).toBe('其他（短信、投诉、评价）');
    expect(cp.getRow(2).getCell(col('满意率')).value).toBe(0.75);
    expect(book.getWorksheet('交管')!.rowCount).toBe(1); // headers only, no totals of nothing
  });

  it('0 rows: a well-formed workbook with headers only', async () => {
    const book = await read(await monthlyReportXlsx({ month: '2026-10', unitCode: '5101', rows: [] }));
    expect(book.worksheets).toHaveLength(5);
    for (const s of book.worksheets) {
      expect(s.rowCount).toBe(1);
      expect(s.getRow(1).getCell(1).value).toBe('单位');
    }
  });
});

describe('monthly report CSV', () => {
  it('UTF-8 with BOM, one table with month and police type, totals after each police type, rates as fractions', () => {
    const buf = monthlyReportCsv({ month: '2026-10', unitCode: '510107', rows });
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = buf.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]!.startsWith('统计月份,警种,单位,单位代码,事项,受理件数')).toBe(true);
    expect(lines).toHaveLength(1 + 2 + 1 + 1 + 1); // header, 户政 2 + 合计, 信访投诉 1 + 合计
    expect(lines[3]!.split(',').slice(0, 4)).toEqual(['2026-10', '户政', '合计', '510107']);
    expect(lines[3]!.split(',')[5]).toBe('15');
  });

  it('0 rows: the header line only', () => {
    const lines = monthlyReportCsv({ month: '2026-10', unitCode: '5101', rows: [] }).subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(1);
  });
});
