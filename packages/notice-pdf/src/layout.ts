/**
 * Shared page layout for printable counter documents (一次性告知单, 受理回执):
 * A4 page set-up, embedded Noto Sans SC, title block, section headings, paragraphs,
 * tables that repeat their header row after a page break, signature block, and running
 * header / footer with page numbers drawn once all pages are known.
 */
import type PDFKitDocument from 'pdfkit';
import { loadFonts } from './fonts.js';

/** pdfkit is loaded on the first document, not at boot: most service processes never print (memory, start time). */
let pdfkit: Promise<typeof PDFKitDocument> | undefined;
const loadPdfKit = () => (pdfkit ??= import('pdfkit').then((m) => m.default));

export type Doc = PDFKit.PDFDocument;

export const AUTHOR = '公安政务服务一窗通办';

export const FONT = {
  regular: 'NotoSansSC-Regular',
  bold: 'NotoSansSC-Bold',
} as const;

/** Font sizes in points (10.5 pt is the Chinese 五号 size used in official documents). */
export const SIZE = {
  title: 22,
  unit: 13,
  heading: 12,
  body: 10.5,
  table: 10,
  small: 8,
} as const;

const LINE_GAP = 3;
const CELL_PAD = 3.5;
const TABLE_LINE_GAP = 1.5;
const TEXT_COLOR = '#000000';
const MUTED_COLOR = '#555555';
const NOTE_SIZE = 9;
const RULE_COLOR = '#333333';
const HEADER_FILL = '#e8e8e8';

/** Page margins in points; the footer lives inside the bottom margin, the running header in the top. */
export const MARGINS = { top: 52, bottom: 76, left: 56, right: 56 } as const;

export interface DocumentSetup {
  title: string;
  subject: string;
  keywords?: string;
  /** Creation date written to the PDF metadata (fixed, so output is deterministic). */
  createdAt: Date;
}

/** Creates an A4 document with the CJK fonts registered and metadata set. */
export async function createDocument(setup: DocumentSetup): Promise<Doc> {
  const [fonts, PDFDocument] = await Promise.all([loadFonts(), loadPdfKit()]);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...MARGINS },
    bufferPages: true,
    compress: true,
    lang: 'zh-CN',
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: setup.title,
      Author: AUTHOR,
      Subject: setup.subject,
      Keywords: setup.keywords ?? '',
      Creator: AUTHOR,
      Producer: 'PDFKit',
      CreationDate: setup.createdAt,
      ModDate: setup.createdAt,
    },
  });
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
  doc.font(FONT.regular).fontSize(SIZE.body).fillColor(TEXT_COLOR);
  return doc;
}

/** Ends the document and collects its bytes. */
export function renderToBuffer(doc: Doc): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export function contentLeft(doc: Doc): number {
  return doc.page.margins.left;
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottomLimit(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` points still fit below the current position. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) {
    doc.addPage();
    doc.x = contentLeft(doc);
  }
}

function useFont(doc: Doc, bold: boolean, size: number, color = TEXT_COLOR): void {
  doc.font(bold ? FONT.bold : FONT.regular).fontSize(size).fillColor(color);
}

export function moveDown(doc: Doc, points: number): void {
  doc.y += points;
}

function rule(doc: Doc, y: number, weight = 0.8, color = RULE_COLOR): void {
  const left = contentLeft(doc);
  doc
    .save()
    .moveTo(left, y)
    .lineTo(left + contentWidth(doc), y)
    .lineWidth(weight)
    .strokeColor(color)
    .stroke()
    .restore();
}

export interface TitleBlock {
  unitName: string;
  title: string;
  /** e.g. 编号 */
  numberLabel: string;
  number: string;
}

/** First-page header: issuing unit, document title, document number and a double rule. */
export function drawTitleBlock(doc: Doc, block: TitleBlock): void {
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  useFont(doc, false, SIZE.unit);
  doc.text(block.unitName, left, doc.y, { width, align: 'center' });
  moveDown(doc, 2);
  useFont(doc, true, SIZE.title);
  doc.text(block.title, left, doc.y, { width, align: 'center' });
  moveDown(doc, 4);
  useFont(doc, false, SIZE.body);
  doc.text(`${block.numberLabel}：${block.number}`, left, doc.y, { width, align: 'right' });
  moveDown(doc, 4);
  rule(doc, doc.y, 1.6);
  rule(doc, doc.y + 2.5, 0.5);
  moveDown(doc, 10);
}

/** Bold section heading; kept on the same page as at least `keepWith` points of what follows. */
export function sectionHeading(doc: Doc, text: string, keepWith = 48): void {
  useFont(doc, true, SIZE.heading);
  const h = doc.heightOfString(text, { width: contentWidth(doc) });
  ensureSpace(doc, h + keepWith);
  useFont(doc, true, SIZE.heading);
  moveDown(doc, 4);
  doc.text(text, contentLeft(doc), doc.y, { width: contentWidth(doc), lineGap: LINE_GAP });
  moveDown(doc, 4);
  useFont(doc, false, SIZE.body);
}

export interface ParagraphOptions {
  /** First-line indent in characters (Chinese paragraphs use 2). */
  indentChars?: number;
  bold?: boolean;
  size?: number;
  color?: string;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Extra left offset in points. */
  offset?: number;
  spaceAfter?: number;
}

/** A wrapped paragraph; moved to the next page as a whole when it fits on one page. */
export function paragraph(doc: Doc, text: string, options: ParagraphOptions = {}): void {
  const size = options.size ?? SIZE.body;
  useFont(doc, options.bold ?? false, size, options.color);
  const offset = options.offset ?? 0;
  const textOptions: PDFKit.Mixins.TextOptions = {
    width: contentWidth(doc) - offset,
    lineGap: LINE_GAP,
    indent: (options.indentChars ?? 0) * size,
    align: options.align ?? 'justify',
  };
  const h = doc.heightOfString(text, textOptions);
  const pageBody = bottomLimit(doc) - doc.page.margins.top;
  if (h <= pageBody) ensureSpace(doc, h);
  // A new page starts with the default graphics state: set font and colour again.
  useFont(doc, options.bold ?? false, size, options.color);
  doc.text(text, contentLeft(doc) + offset, doc.y, textOptions);
  moveDown(doc, options.spaceAfter ?? 4);
  useFont(doc, false, SIZE.body);
}

export interface TableColumn {
  header: string;
  /** Width in points; one column may omit it and takes the remaining width. */
  width?: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  columns: TableColumn[];
  rows: string[][];
  /** Header row text on continuation pages gets this suffix. */
  continuedSuffix?: string;
  /** Shade the first column (for label/value tables). */
  labelColumn?: boolean;
  /** Hide the header row (label/value tables). */
  noHeader?: boolean;
}

/**
 * Ruled table. Rows never split across pages; after a page break the header row is repeated.
 * A single row taller than a whole page is not supported (pdfkit would wrap it mid-cell).
 */
export function table(doc: Doc, options: TableOptions): void {
  const left = contentLeft(doc);
  const total = contentWidth(doc);
  const fixed = options.columns.reduce((s, c) => s + (c.width ?? 0), 0);
  const flexible = options.columns.filter((c) => c.width === undefined).length;
  const flexWidth = flexible > 0 ? (total - fixed) / flexible : 0;
  const widths = options.columns.map((c) => c.width ?? flexWidth);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w, 0));

  const rowHeight = (cells: readonly string[], bold: boolean): number => {
    useFont(doc, bold, SIZE.table);
    let h = 0;
    cells.forEach((cell, i) => {
      const w = widths[i]! - 2 * CELL_PAD;
      h = Math.max(h, doc.heightOfString(cell === '' ? ' ' : cell, { width: w, lineGap: TABLE_LINE_GAP }));
    });
    return h + 2 * CELL_PAD;
  };

  const drawRow = (cells: readonly string[], header: boolean): void => {
    const h = rowHeight(cells, header);
    const y = doc.y;
    doc.save().lineWidth(0.6).strokeColor(RULE_COLOR);
    cells.forEach((_, i) => {
      const shaded = header || (options.labelColumn === true && i === 0);
      if (shaded) doc.rect(xs[i]!, y, widths[i]!, h).fillAndStroke(HEADER_FILL, RULE_COLOR);
      else doc.rect(xs[i]!, y, widths[i]!, h).stroke();
    });
    doc.restore();
    cells.forEach((cell, i) => {
      const bold = header || (options.labelColumn === true && i === 0);
      useFont(doc, bold, SIZE.table);
      doc.text(cell, xs[i]! + CELL_PAD, y + CELL_PAD, {
        width: widths[i]! - 2 * CELL_PAD,
        lineGap: TABLE_LINE_GAP,
        align: header ? 'center' : (options.columns[i]!.align ?? 'left'),
      });
    });
    doc.x = left;
    doc.y = y + h;
  };

  const headers = options.columns.map((c) => c.header);
  const showHeader = options.noHeader !== true;
  const headerHeight = showHeader ? rowHeight(headers, true) : 0;
  const firstRowHeight = options.rows.length > 0 ? rowHeight(options.rows[0]!, false) : 0;
  ensureSpace(doc, headerHeight + firstRowHeight);
  if (showHeader) drawRow(headers, true);
  for (const row of options.rows) {
    const h = rowHeight(row, false);
    if (doc.y + h > bottomLimit(doc)) {
      doc.addPage();
      if (showHeader) {
        const suffix = options.continuedSuffix ?? '';
        drawRow(
          headers.map((hd, i) => (i === headers.length - 1 && suffix ? `${hd}${suffix}` : hd)),
          true,
        );
      }
    }
    drawRow(row, false);
  }
  moveDown(doc, 6);
  useFont(doc, false, SIZE.body);
}

export interface SignatureBlock {
  /** Left/right pairs, e.g. [['窗口工作人员：张三（警号/工号：012345）', '告知日期：2025年3月5日']]. */
  lines: [string, string][];
  /** Small print under the signatures (kept on the same page). */
  note?: string;
}

/** Signature / date lines and an optional note; the whole block stays on one page. */
export function signatureBlock(doc: Doc, block: SignatureBlock): void {
  useFont(doc, false, SIZE.body);
  const lineHeight = doc.currentLineHeight(true) + 7;
  const left = contentLeft(doc);
  const width = contentWidth(doc);
  let noteHeight = 0;
  if (block.note !== undefined) {
    useFont(doc, false, NOTE_SIZE, MUTED_COLOR);
    noteHeight = doc.heightOfString(block.note, { width, lineGap: LINE_GAP }) + 2;
  }
  ensureSpace(doc, 6 + block.lines.length * lineHeight + noteHeight);
  moveDown(doc, 6);
  useFont(doc, false, SIZE.body);
  const half = width / 2;
  for (const [l, r] of block.lines) {
    const y = doc.y;
    doc.text(l, left, y, { width: half + 40, lineBreak: false });
    doc.text(r, left + half + 40, y, { width: half - 40, lineBreak: false });
    doc.x = left;
    doc.y = y + lineHeight;
  }
  if (block.note !== undefined) {
    useFont(doc, false, NOTE_SIZE, MUTED_COLOR);
    doc.text(block.note, left, doc.y, { width, lineGap: LINE_GAP });
    useFont(doc, false, SIZE.body);
  }
}

export interface PageFurniture {
  /** Running header on continuation pages (page 2 onwards). */
  runningHeader: string;
  /** Small print at the bottom of every page (legal basis). */
  footerNote: string;
  /** Shown at the bottom left of every page, e.g. the document number. */
  footerLeft: string;
}

/** Draws running header, footer note and "第 n 页 共 m 页" on every buffered page. */
export function finalizePages(doc: Doc, furniture: PageFurniture): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const page = doc.page;
    const savedBottom = page.margins.bottom;
    page.margins.bottom = 0; // drawing inside the margin must not trigger a page break
    const left = page.margins.left;
    const width = page.width - page.margins.left - page.margins.right;

    if (i > range.start) {
      useFont(doc, false, SIZE.small, MUTED_COLOR);
      doc.text(furniture.runningHeader, left, 26, { width, align: 'left', lineBreak: false });
      rule(doc, 40, 0.5, MUTED_COLOR);
    }

    const footerTop = page.height - savedBottom + 8;
    rule(doc, footerTop, 0.5, MUTED_COLOR);
    useFont(doc, false, SIZE.small, MUTED_COLOR);
    doc.text(furniture.footerNote, left, footerTop + 5, { width, lineGap: 1.5, align: 'justify' });
    const lastLineY = page.height - 28;
    doc.text(furniture.footerLeft, left, lastLineY, { width: width / 2, lineBreak: false });
    doc.text(`第 ${i - range.start + 1} 页  共 ${range.count} 页`, left + width / 2, lastLineY, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    });
    page.margins.bottom = savedBottom;
  }
  doc.switchToPage(range.start + range.count - 1);
  useFont(doc, false, SIZE.body);
}

/** Throws if a value that must be masked looks like a full, unmasked ID number. */
export function assertMaskedIdNumber(value: string, field: string): void {
  const compact = value.replace(/\s/g, '');
  if (/^\d{17}[\dXx]$/.test(compact) || /^\d{15}$/.test(compact)) {
    throw new Error(`${field}: looks like an unmasked ID number; mask it (first 6 + last 4) before printing`);
  }
}

/** Throws if a required text field is empty. */
export function assertNonEmpty(value: string | undefined, field: string): void {
  if (value === undefined || value.trim() === '') {
    throw new Error(`${field} must not be empty`);
  }
}
