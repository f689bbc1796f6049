import { Role, type Identity } from '@onewindow/contracts';
import { CachedTokenVerifier, type TokenVerifier } from './token-cache.js';

const identity: Identity = { sub: 'u1', username: 'clerk', displayName: '窗口', roles: [Role.CLERK], unitCode: '510107001', unitName: '' };
/** An unsigned JWT with the given exp (the cache only reads exp; the inner verifier decides validity). */
const token = (exp: number, tag = 'a') => `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from(JSON.stringify({ exp, tag })).toString('base64url')}.sig`;

function counting(result: () => Promise<Identity>): TokenVerifier & { calls: number } {
  const v = { calls: 0, verify: async () => { v.calls++; return result(); } };
  return v;
}

describe('CachedTokenVerifier', () => {
  let now = 1_000_000_000_000;
  const clock = () => now;

  it('verifies a token once within the cache window', async () => {
    const inner = counting(async () => identity);
    const cache = new CachedTokenVerifier(inner, 60_000, 10, clock);
    const t = token(now / 1000 + 3600);
    await expect(cache.verify(t)).resolves.toBe(identity);
    await expect(cache.verify(t)).resolves.toBe(identity);
    expect(inner.calls).toBe(1);
    now += 60_001;
    await cache.verify(t);
    expect(inner.calls).toBe(2);
  });

  it('never serves a token past its own exp', async () => {
    const inner = counting(async () => identity);
    const cache = new CachedTokenVerifier(inner, 60_000, 10, clock);
    const t = token(now / 1000 + 5);
    await cache.verify(t);
    now += 5_000;
    await cache.verify(t);
    expect(inner.calls).toBe(2);
  });

  it('does not remember refusals', async () => {
    const inner = counting(async () => { throw new Error('登录令牌无效或已过期'); });
    const cache = new CachedTokenVerifier(inner, 60_000, 10, clock);
    const t = token(now / 1000 + 3600);
    await expect(cache.verify(t)).rejects.toThrow('登录令牌无效');
    await expect(cache.verify(t)).rejects.toThrow('登录令牌无效');
    expect(inner.calls).toBe(2);
  });

  it('stays bounded', async () => {
    const inner = counting(async () => identity);
    const cache = new CachedTokenVerifier(inner, 60_000, 2, clock);
    const exp = now / 1000 + 3600;
    for (const tag of ['a', 'b', 'c']) await cache.verify(token(exp, tag));
    await cache.verify(token(exp, 'a')); // dropped as the oldest
    expect(inner.calls).toBe(4);
    await cache.verify(token(exp, 'c'));
    expect(inner.calls).toBe(4);
  });
});
