import { createHmac, timingSafeEqual } from 'node:crypto';

/** Signature of a 12345 push: `sha256=` + hex HMAC-SHA256 of `<timestamp>.<body>` with the shared secret. */
export function workOrderSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type PushRefusal = 'NOT_CONFIGURED' | 'UNSIGNED' | 'STALE' | 'BAD_SIGNATURE';

/** Why a push is refused, or null when it is authentic and fresh (`nowSeconds` is wall-clock time). */
export function checkPush(
  secret: string | undefined, headers: { timestamp?: string; signature?: string }, body: string, nowSeconds: number, maxSkewSeconds: number,
): PushRefusal | null {
  if (!secret) return 'NOT_CONFIGURED';
  const { timestamp, signature } = headers;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return 'UNSIGNED';
  if (Math.abs(nowSeconds - Number(timestamp)) > maxSkewSeconds) return 'STALE';
  const expected = Buffer.from(workOrderSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : 'BAD_SIGNATURE';
}
