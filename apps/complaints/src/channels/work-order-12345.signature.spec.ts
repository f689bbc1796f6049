import { checkPush, workOrderSignature } from './work-order-12345.signature.js';

const SECRET = 'x'.repeat(40);
const BODY = '工单编号,受理日期\nGD1,2026-09-15';

describe('12345 push signature', () => {
  const now = 1_790_000_000;
  const signed = (ts: number, body = BODY) => ({ timestamp: String(ts), signature: workOrderSignature(SECRET, String(ts), body) });

  it('accepts a fresh, correctly signed body', () => {
    expect(checkPush(SECRET, signed(now - 10), BODY, now, 300)).toBeNull();
  });
  it('refuses without a configured secret, unsigned, stale (replay window), or a changed body', () => {
    expect(checkPush(undefined, signed(now), BODY, now, 300)).toBe('NOT_CONFIGURED');
    expect(checkPush(SECRET, {}, BODY, now, 300)).toBe('UNSIGNED');
    expect(checkPush(SECRET, signed(now - 301), BODY, now, 300)).toBe('STALE');
    expect(checkPush(SECRET, signed(now), `${BODY}0`, now, 300)).toBe('BAD_SIGNATURE');
    expect(checkPush(SECRET, { timestamp: String(now), signature: workOrderSignature('y'.repeat(40), String(now), BODY) }, BODY, now, 300)).toBe('BAD_SIGNATURE');
  });
});
