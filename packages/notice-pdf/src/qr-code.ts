import { createRequire } from 'node:module';
import type QRCodeModule from 'qrcode';
import { contentLeft, FONT, SIZE, type Doc } from './layout.js';

// qrcode (≈ 60 files with pngjs) is loaded on the first printed receipt, not when the counter boots
// (issue 14: start time), like pdfkit.
const require = createRequire(import.meta.url);
let qrcode: typeof QRCodeModule | undefined;
const QRCode = (): typeof QRCodeModule => (qrcode ??= require('qrcode') as typeof QRCodeModule);

/** Draws `text` as a QR code (error correction M, 4-module quiet zone) with its top-left corner at (x, y), `size` points wide. */
export function drawQrCode(doc: Doc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode().create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const cell = size / (n + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('#ffffff').fillColor('#000000');
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (qr.modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill('#000000').restore();
}

/**
 * The progress-query QR code in the free top-left corner of the title block (the unit name and
 * title are centred, the number right-aligned), with a two-line caption beside it: it takes no
 * room from the body, so the receipt keeps its page count.
 */
export function progressQueryCorner(doc: Doc, url: string): void {
  const size = 54;
  const x = contentLeft(doc);
  const y = doc.y;
  drawQrCode(doc, url, x, y, size);
  doc.save().font(FONT.regular).fontSize(SIZE.small).fillColor('#000000');
  doc.text('扫码查询', x + size + 2, y + 16, { width: 40, lineBreak: false });
  doc.text('办理进度', x + size + 2, y + 27, { width: 40, lineBreak: false });
  doc.restore();
  doc.x = x;
  doc.y = y;
}
