import type { AuditTrailEntry } from './audit-trail.model.js';

const COLUMNS: { header: string; width: number; value: (e: AuditTrailEntry) => string }[] = [
  { header: '时间', width: 22, value: (e) => beijingTime(e.at) },
  { header: '服务', width: 14, value: (e) => e.service },
  { header: '操作人', width: 18, value: (e) => e.actor },
  { header: '操作人单位代码', width: 14, value: (e) => e.actorUnit },
  { header: '操作人单位', width: 22, value: (e) => e.actorUnitName ?? '' },
  { header: '操作类型', width: 22, value: (e) => e.action },
  { header: '对象类型', width: 18, value: (e) => e.subjectType },
  { header: '对象', width: 22, value: (e) => e.subjectRef },
  { header: '事由', width: 24, value: (e) => e.purpose ?? '' },
  { header: '结果', width: 10, value: (e) => OUTCOME_LABELS[e.outcome] ?? e.outcome },
  { header: '详情', width: 50, value: (e) => e.details },
];

const OUTCOME_LABELS: Record<string, string> = { SUCCESS: '成功', DENIED: '拒绝', FAILURE: '失败' };

/** `2026-12-01T02:00:00.123456Z` → `2026-12-01 10:00:00` (Beijing time, as the bureau reads it). */
export function beijingTime(at: string): string {
  const d = new Date(new Date(at).getTime() + 8 * 3_600_000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/** One sheet 审计记录, Chinese headers, frozen header row; every cell text (no formulas from data). */
export async function auditTrailXlsx(entries: AuditTrailEntry[]): Promise<Buffer> {
  // exceljs is loaded on the first export, not at boot (memory, start time).
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  const sheet = book.addWorksheet('审计记录', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const e of entries) sheet.addRow(COLUMNS.map((c) => c.value(e)));
  return Buffer.from(await book.xlsx.writeBuffer());
}

const csvCell = (s: string) => {
  // A cell starting with = + - @ would be a formula in Excel (CSV injection): prefix a quote.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** UTF-8 with BOM so Excel opens the Chinese right; CRLF line ends. */
export function auditTrailCsv(entries: AuditTrailEntry[]): Buffer {
  const lines = [COLUMNS.map((c) => csvCell(c.header)).join(',')];
  for (const e of entries) lines.push(COLUMNS.map((c) => csvCell(c.value(e))).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}
