import { COMPLAINT_CHANNELS, COMPLAINT_KINDS } from '@onewindow/contracts';
import type ExcelJS from 'exceljs';
import { POLICE_TYPE_LABEL, type AnalysisFigures, type ComplaintAnalysis } from './analysis.rules.js';

/*
 * The monthly analysis as files a bureau clerk pastes into the monthly notice: XLSX (a summary
 * sheet, one sheet per police type, the repeat complainants masked; Chinese headers, frozen header
 * row, number formats) and CSV (UTF-8 with BOM, so Excel opens the Chinese right).
 */

export const KIND_LABELS: Record<(typeof COMPLAINT_KINDS)[number], string> = {
  ATTITUDE: '态度', DELAY: '拖延', UNFAMILIAR: '业务不熟', MISCONDUCT: '违纪', CONSULTATION: '咨询', SUGGESTION: '建议', PRAISE: '表扬',
};
export const CHANNEL_LABELS: Record<(typeof COMPLAINT_CHANNELS)[number], string> = {
  WINDOW: '窗口', ONLINE: '网上', HOTLINE_96166: '96166', HOTLINE_960111: '960111', HOTLINE_12345: '12345', LETTER: '来信', VISIT: '来访',
};

type Format = 'count' | 'change' | 'rate';
interface Column {
  header: string;
  value: (f: AnalysisFigures) => number | string | null;
  format?: Format;
  width?: number;
}

const FIGURE_COLUMNS: Column[] = [
  { header: '本月件数', value: (f) => f.total, format: 'count' },
  { header: '上月件数', value: (f) => f.previousTotal, format: 'count' },
  { header: '环比增减', value: (f) => f.change, format: 'change' },
  { header: '环比', value: (f) => f.changeRate, format: 'rate' },
  ...COMPLAINT_KINDS.map((k): Column => ({ header: KIND_LABELS[k], value: (f) => f.byKind.find((c) => c.key === k)?.count ?? 0, format: 'count' })),
  ...COMPLAINT_CHANNELS.map((ch): Column => ({ header: CHANNEL_LABELS[ch], value: (f) => f.byChannel.find((c) => c.key === ch)?.count ?? 0, format: 'count' })),
  { header: '重复投诉件数', value: (f) => f.repeatComplaints, format: 'count' },
  { header: '重复投诉人数', value: (f) => f.repeatComplainants, format: 'count' },
  { header: '超期件数', value: (f) => f.overdue, format: 'count' },
  { header: '属实件数（含部分属实）', value: (f) => f.substantiated, format: 'count' },
  { header: '已核查件数', value: (f) => f.investigated, format: 'count' },
  { header: '属实率', value: (f) => f.substantiatedRate, format: 'rate' },
  { header: '扣分次数', value: (f) => f.deductions, format: 'count' },
  { header: '单位扣分', value: (f) => f.deductionPoints, format: 'count' },
];

const NUMBER_FORMATS: Record<Format, string> = { count: '0', change: '+0;-0;0', rate: '0.0%' };

const unitLabel = (f: AnalysisFigures) => (f.unitCode ? `${f.unitName}` : '合计');

/** The header row of every figures table: the label columns, then the figures. */
export const figureHeaders = (labels: string[]) => [...labels, ...FIGURE_COLUMNS.map((c) => c.header)];

function addFigureSheet(book: ExcelJS.Workbook, name: string, labels: string[], rows: { labels: string[]; figures: AnalysisFigures; bold?: boolean }[]): void {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: labels.length }] });
  sheet.columns = [
    ...labels.map((l, i) => ({ header: l, key: `l${i}`, width: i === 0 ? 36 : 14 })),
    ...FIGURE_COLUMNS.map((c, i) => ({ header: c.header, key: `f${i}`, width: Math.max(8, c.header.length * 2 + 2), style: { numFmt: NUMBER_FORMATS[c.format ?? 'count'] } })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (const r of rows) {
    const row = sheet.addRow([...r.labels, ...FIGURE_COLUMNS.map((c) => c.value(r.figures))]);
    if (r.bold) row.font = { bold: true };
  }
}

export async function analysisXlsx(a: ComplaintAnalysis): Promise<Buffer> {
  // exceljs is loaded on the first export, not at boot (memory, start time).
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = 'onewindow complaints';
  book.created = new Date(`${a.asOf}T00:00:00+08:00`);
  addFigureSheet(book, '汇总', ['警种'], [
    ...a.byPoliceType.map((f) => ({ labels: [POLICE_TYPE_LABEL(f.policeType)], figures: f })),
    { labels: ['合计'], figures: a.total, bold: true },
  ]);
  for (const t of a.byPoliceType) {
    const rows = a.groups.filter((g) => g.policeType === t.policeType);
    addFigureSheet(book, POLICE_TYPE_LABEL(t.policeType), ['单位', '单位代码'], [
      ...rows.map((g) => ({ labels: [unitLabel(g), g.unitCode ?? ''], figures: g })),
      { labels: ['合计', ''], figures: t, bold: true },
    ]);
  }
  const people = book.addWorksheet('重复投诉人', { views: [{ state: 'frozen', ySplit: 1 }] });
  people.columns = [
    { header: '投诉人（脱敏）', key: 'name', width: 14 },
    { header: '联系电话（脱敏）', key: 'phone', width: 16 },
    { header: '本月投诉件数', key: 'complaints', width: 14, style: { numFmt: '0' } },
    { header: '其中重复件数', key: 'repeats', width: 14, style: { numFmt: '0' } },
    { header: '首件信访编号', key: 'first', width: 20 },
    { header: '被投诉单位代码', key: 'units', width: 24 },
  ];
  people.getRow(1).font = { bold: true };
  for (const p of a.repeatComplainants) people.addRow([p.complainantName, p.complainantPhone, p.complaints, p.repeats, p.firstNumber, p.unitCodes.join('、')]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const csvCell = (v: number | string | null) => {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One table: each unit × police type row, each police type's total, the grand total; rates as fractions (0.25). UTF-8 with BOM. */
export function analysisCsv(a: ComplaintAnalysis): Buffer {
  const lines = [figureHeaders(['统计月份', '警种', '单位', '单位代码'])];
  const line = (policeType: string | null, f: AnalysisFigures, unit: string, code: string) =>
    [a.month, POLICE_TYPE_LABEL(policeType), unit, code, ...FIGURE_COLUMNS.map((c) => c.value(f))].map(csvCell);
  for (const t of a.byPoliceType) {
    for (const g of a.groups.filter((x) => x.policeType === t.policeType)) lines.push(line(g.policeType, g, unitLabel(g), g.unitCode ?? ''));
    lines.push(line(t.policeType, t, '小计', ''));
  }
  lines.push(line(null, a.total, '合计', a.unitPrefix));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.map((l) => l.join(',')).join('\r\n') + '\r\n', 'utf8')]);
}
