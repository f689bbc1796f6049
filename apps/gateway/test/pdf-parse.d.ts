// pdf-parse 1.x ships no types. Import 'pdf-parse/lib/pdf-parse.js' directly: the package index
// runs a debug self-test (reading a missing sample file) when it thinks it is the main module.
declare module 'pdf-parse/lib/pdf-parse.js' {
  interface PdfParseResult {
    numpages: number;
    numrender: number;
    info: Record<string, unknown>;
    metadata: unknown;
    text: string;
    version: string;
  }
  function pdfParse(data: Buffer, options?: Record<string, unknown>): Promise<PdfParseResult>;
  export default pdfParse;
}
