import {
  addReportMetrics, deriveReportRates, emptyReportMetrics, PoliceType, POLICE_TYPE_LABELS, policeUnitName, REPORT_METRICS,
  type ReportFigureRow, type ReportMetrics, type ReportRates,
} from '@onewindow/contracts';

/*
 * The monthly figures (月报) as the files a bureau clerk pastes into the monthly notice: XLSX (one
 * sheet per police type, Chinese headers, frozen header row, number formats, unit names, a totals
 * row) and CSV (UTF-8 with BOM so Excel reads the Chinese right). Pure: rows in, bytes out.
 */

type Format = 'text' | 'count' | 'rate' | 'average';
interface Column {
  header: string;
  format: Format;
  value: (line: ExportLine) => string | number | null;
}

/** One line of a sheet: a station × item row, or a total. */
export interface ExportLine {
  unitName: string;
  unitCode: string;
  itemName: string;
  metrics: ReportMetrics;
  rates: ReportRates;
}

const RATE_COLUMNS: { header: string; format: Format; value: (r: ReportRates) => number | null }[] = [
  { header: '按时办结率', format: 'rate', value: (r) => r.onTimeRate },
  { header: '平均办结用时（工作日）', format: 'average', value: (r) => r.averageWorkingDays },
  { header: '告知后补齐率', format: 'rate', value: (r) => r.noticeReturnRate },
  { header: '移交按时率', format: 'rate', value: (r) => r.transferOnTimeRate },
  { header: '短信失败率', format: 'rate', value: (r) => r.smsFailureRate },
  { header: '评价总数', format: 'count', value: (r) => r.evaluations },
  { header: '满意率', format: 'rate', value: (r) => r.satisfactionRate },
  { header: '投诉咨询建议表扬总数', format: 'count', value: (r) => r.complaints },
];

export const EXPORT_COLUMNS: readonly Column[] = [
  { header: '单位', format: 'text', value: (l) => l.unitName },
  { header: '单位代码', format: 'text', value: (l) => l.unitCode },
  { header: '事项', format: 'text', value: (l) => l.itemName },
  ...REPORT_METRICS.map((m): Column => ({ header: m.label, format: 'count', value: (l) => l.metrics[m.key] })),
  ...RATE_COLUMNS.map((c): Column => ({ header: c.header, format: c.format, value: (l) => c.value(l.rates) })),
];

export const NUMBER_FORMATS: Record<Exclude<Format, 'text'>, string> = { count: '0', rate: '0.0%', average: '0.0' };

/** Figures of no service item (SMS, complaints, evaluations of no known application). */
export const NO_ITEM_LABEL = '其他（短信、投诉、评价）';

export const POLICE_TYPE_ORDER: readonly PoliceType[] = [PoliceType.HOUSEHOLD, PoliceType.EXIT_ENTRY, PoliceType.TRAFFIC, PoliceType.PUBLIC_SECURITY, PoliceType.COMPLAINTS];

const lineOf = (r: ReportFigureRow): ExportLine => ({
  unitName: policeUnitName(r.unitCode),
  unitCode: r.unitCode,
  itemName: r.itemCode ? (r.itemName ?? r.itemCode) : NO_ITEM_LABEL,
  metrics: r.metrics,
  rates: deriveReportRates(r.metrics),
});

function totalLine(label: string, unitCode: string, rows: ReportFigureRow[]): ExportLine {
  const metrics = rows.reduce((acc, r) => addReportMetrics(acc, r.metrics), emptyReportMetrics());
  return { unitName: label, unitCode, itemName: '', metrics, rates: deriveReportRates(metrics) };
}

export interface ExportInput {
  month: string;
  /** The scope's unit code (4/6/9 digits). */
  unitCode: string;
  rows: ReportFigureRow[];
}

/** Lines of each police type's sheet, in the port's order, with a 合计 line when there are rows. */
export function sheetsOf(input: ExportInput): { policeType: PoliceType; label: string; lines: ExportLine[]; total: ExportLine | null }[] {
  return POLICE_TYPE_ORDER.map((t) => {
    const rows = input.rows.filter((r) => r.policeType === t);
    return { policeType: t, label: POLICE_TYPE_LABELS[t], lines: rows.map(lineOf), total: rows.length ? totalLine('合计', input.unitCode, rows) : null };
  });
}

export async function monthlyReportXlsx(input: ExportInput): Promise<Buffer> {
  // exceljs is loaded on the first export, not at boot (memory, start time).
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'onewindow counter';
  book.title = `${policeUnitName(input.unitCode)} ${input.month} 月报`;
  for (const s of sheetsOf(input)) {
    const sheet = book.addWorksheet(s.label, { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
    sheet.columns = EXPORT_COLUMNS.map((c, i) => ({
      header: c.header,
      key: `c${i}`,
      width: c.format === 'text' ? (i === 0 ? 40 : 16) : Math.max(10, c.header.length * 2 + 2),
      ...(c.format === 'text' ? {} : { style: { numFmt: NUMBER_FORMATS[c.format] } }),
    }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    for (const l of s.lines) sheet.addRow(EXPORT_COLUMNS.map((c) => c.value(l)));
    if (s.total) sheet.addRow(EXPORT_COLUMNS.map((c) => c.value(s.total!))).font = { bold: true };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One table: 统计月份, 警种 and the sheet columns; each police type's 合计 after its rows; rates as fractions. UTF-8 with BOM. */
export function monthlyReportCsv(input: ExportInput): Buffer {
  const lines: string[][] = [['统计月份', '警种', ...EXPORT_COLUMNS.map((c) => c.header)]];
  for (const s of sheetsOf(input)) {
    for (const l of [...s.lines, ...(s.total ? [s.total] : [])]) lines.push([input.month, s.label, ...EXPORT_COLUMNS.map((c) => csvCell(c.value(l)))]);
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.map((l) => l.join(',')).join('\r\n') + '\r\n', 'utf8')]);
}
