import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';

export interface ExtractedPdf {
  numpages: number;
  info: Record<string, unknown>;
  text: string;
  /** Text without any whitespace: phrases wrapped across lines still match. */
  compact: string;
}

export async function extractPdf(pdf: Buffer): Promise<ExtractedPdf> {
  const result = await pdfParse(pdf);
  return { numpages: result.numpages, info: result.info, text: result.text, compact: result.text.replace(/\s+/g, '') };
}

export function compact(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Writes the PDF to $NOTICE_PDF_SAMPLE_DIR when set (for looking at the output by eye). */
export function maybeWriteSample(name: string, pdf: Buffer): void {
  const dir = process.env['NOTICE_PDF_SAMPLE_DIR'];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), pdf);
}

export function expectPdfEnvelope(pdf: Buffer): void {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.subarray(-16).toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
}
