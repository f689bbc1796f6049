/**
 * The exact bytes of an HTTP request body, for endpoints whose signature covers them (the bureau's
 * district pushes, the 12345 hotline's work orders). Reading stops as soon as the body passes
 * `maxBytes`, so an oversized body is refused without being held in memory: `undefined`.
 */
export async function readRawBody(req: AsyncIterable<Buffer | string>, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > maxBytes) return undefined;
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** A request whose body an endpoint reads itself (no JSON parsing before the signature check). */
export type RawHttpRequest = AsyncIterable<Buffer | string> & { headers: Record<string, string | string[] | undefined> };
