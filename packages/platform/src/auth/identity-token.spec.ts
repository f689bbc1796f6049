import { Role, type Identity } from '@onewindow/contracts';
import { SignJWT } from 'jose';
import { createHmac } from 'node:crypto';
import { IdentitySigner } from './identity-token.js';

const clerk: Identity = { sub: 'u1', username: 'demo-clerk', displayName: '王窗口', roles: [Role.CLERK], unitCode: '510107001', unitName: '浆洗街派出所' };
const SECRET = 'x'.repeat(40);

describe('IdentitySigner', () => {
  const gateway = new IdentitySigner(SECRET);
  const household = () => new IdentitySigner(SECRET, { audience: 'household' });

  it('carries the client address the gateway saw, signed with the identity', async () => {
    const receiver = household();
    expect(await receiver.verifyAssertion(await gateway.sign(clerk, { audience: 'household', clientIp: '203.0.113.7' }))).toEqual({ identity: clerk, clientIp: '203.0.113.7' });
    expect(await receiver.verify(await gateway.sign(clerk, { audience: 'household' }))).toEqual(clerk);
  });

  it('has no address when none was signed, and refuses a token signed with another secret', async () => {
    const receiver = household();
    expect(await receiver.verifyAssertion(await gateway.sign(clerk, { audience: 'household' }))).toEqual({ identity: clerk });
    const forged = await new IdentitySigner('y'.repeat(40)).sign(clerk, { audience: 'household', clientIp: '1.2.3.4' });
    await expect(receiver.verifyAssertion(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('is bound to its audience: a token for exit-entry is refused by household', async () => {
    await expect(household().verify(await gateway.sign(clerk, { audience: 'exit-entry' }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('is accepted once: the same token (same jti) a second time is a replay', async () => {
    const receiver = household();
    const token = await gateway.sign(clerk, { audience: 'household' });
    await expect(receiver.verify(token)).resolves.toEqual(clerk);
    await expect(receiver.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('重放') });
    // a fresh token for the same call is fine
    await expect(receiver.verify(await gateway.sign(clerk, { audience: 'household' }))).resolves.toEqual(clerk);
  });

  it('expires within a minute and refuses tokens without jti or exp, or living longer than that', async () => {
    const key = new TextEncoder().encode(SECRET);
    const base = () => new SignJWT({ idn: clerk }).setProtectedHeader({ alg: 'HS256' }).setIssuer('onewindow-gateway').setAudience('household').setSubject(clerk.sub);
    const receiver = household();
    const noJti = await base().setIssuedAt().setExpirationTime('30s').sign(key);
    const noExp = await base().setJti('a').setIssuedAt().sign(key);
    const tooLong = await base().setJti('b').setIssuedAt().setExpirationTime('1h').sign(key);
    const old = await base().setJti('c').setIssuedAt(Math.floor(Date.now() / 1000) - 120).setExpirationTime('1h').sign(key);
    for (const t of [noJti, noExp, old]) await expect(receiver.verify(t)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    // exp far away but issued now: accepted once (maxTokenAge bounds it by iat), the default ttl is 60 s
    await expect(receiver.verify(tooLong)).resolves.toEqual(clerk);
    const payload = JSON.parse(Buffer.from((await gateway.sign(clerk, { audience: 'household' })).split('.')[1]!, 'base64url').toString()) as { exp: number; iat: number; jti: string };
    expect(payload.exp - payload.iat).toBe(60);
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('prepared once per request: every assertion still has its own jti, audience and HMAC (decision 0037)', async () => {
    const receiver = household();
    const prepared = gateway.prepare(clerk, '203.0.113.7');
    const first = prepared.sign('household');
    const second = prepared.sign('household');
    expect(first).not.toBe(second);
    expect(await receiver.verifyAssertion(first)).toEqual({ identity: clerk, clientIp: '203.0.113.7' });
    expect(await receiver.verifyAssertion(second)).toEqual({ identity: clerk, clientIp: '203.0.113.7' });
    await expect(receiver.verify(first)).rejects.toMatchObject({ message: expect.stringContaining('重放') });
    await expect(receiver.verify(prepared.sign('exit-entry'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const [header, payload] = first.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>);
    expect(header).toEqual({ alg: 'HS256' });
    expect(payload).toMatchObject({ iss: 'onewindow-gateway', aud: 'household', sub: 'u1', idn: clerk, cip: '203.0.113.7' });
  });

  it('refuses new tokens rather than forget live ones when its replay memory is full', async () => {
    const small = new IdentitySigner(SECRET, { audience: 'household', maxRemembered: 2 });
    await small.verify(await gateway.sign(clerk, { audience: 'household' }));
    await small.verify(await gateway.sign(clerk, { audience: 'household' }));
    await expect(small.verify(await gateway.sign(clerk, { audience: 'household' }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('cannot verify without knowing which service it is', async () => {
    await expect(gateway.verify(await gateway.sign(clerk, { audience: 'household' }))).rejects.toThrow(/audience/);
  });

  describe('refuses what jose refused (synchronous verification, decision 0039)', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const claims = (over: Record<string, unknown> = {}) => ({ idn: clerk, iss: 'onewindow-gateway', aud: 'household', sub: clerk.sub, jti: `j-${Math.random()}`, iat: now(), exp: now() + 60, ...over });
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    /** A token built by hand, HMAC'd with the right secret unless told otherwise. */
    const handMade = (header: Record<string, unknown>, payload: Record<string, unknown>, secret = SECRET) => {
      const input = `${b64(header)}.${b64(payload)}`;
      return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
    };
    const refused = async (token: string) => expect(household().verifyAssertion(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });

    it('accepts a hand-made token with every check satisfied (the control case)', async () => {
      await expect(household().verify(handMade({ alg: 'HS256', typ: 'JWT' }, claims()))).resolves.toEqual(clerk);
      await expect(household().verify(handMade({ alg: 'HS256' }, claims({ aud: ['exit-entry', 'household'] })))).resolves.toEqual(clerk);
    });

    it('refuses forged tokens: another secret, a changed payload under the old signature, a signature padded or cut', async () => {
      await refused(handMade({ alg: 'HS256' }, claims(), 'y'.repeat(40)));
      const [h, , sig] = (await gateway.sign(clerk, { audience: 'household' })).split('.');
      await refused(`${h}.${b64(claims({ idn: { ...clerk, roles: [Role.SUPERVISOR] } }))}.${sig}`);
      const good = await gateway.sign(clerk, { audience: 'household' });
      await refused(`${good}A`);
      await refused(good.slice(0, -1));
      await refused(`${good}.x`);
      await refused(good.replace(/\.[^.]+$/, '.'));
      await refused('not a token');
    });

    it('refuses alg none, other algorithms and critical extensions', async () => {
      await refused(`${b64({ alg: 'none' })}.${b64(claims())}.`);
      await refused(`${b64({ alg: 'none' })}.${b64(claims())}.${'A'.repeat(43)}`);
      await refused(handMade({ alg: 'none' }, claims()));
      await refused(handMade({ alg: 'HS512' }, claims()));
      await refused(handMade({ alg: 'RS256' }, claims()));
      await refused(handMade({}, claims()));
      await refused(handMade({ alg: 'HS256', crit: ['exp'], exp: 1 }, claims()));
      await refused(handMade({ alg: 'HS256', b64: false, crit: ['b64'] }, claims()));
    });

    it('refuses expired tokens, tokens from the future, and tokens not yet valid', async () => {
      await refused(handMade({ alg: 'HS256' }, claims({ iat: now() - 70, exp: now() - 10 })));
      await refused(handMade({ alg: 'HS256' }, claims({ iat: now() - 3600, exp: now() + 60 })));
      await refused(handMade({ alg: 'HS256' }, claims({ iat: now() + 60, exp: now() + 120 })));
      await refused(handMade({ alg: 'HS256' }, claims({ nbf: now() + 60 })));
      await refused(handMade({ alg: 'HS256' }, claims({ exp: String(now() + 60) })));
      // within the 5 s clock tolerance: still accepted
      await expect(household().verify(handMade({ alg: 'HS256' }, claims({ iat: now() + 3, exp: now() + 63 })))).resolves.toEqual(clerk);
    });

    it('refuses a wrong or missing audience or issuer, and missing claims', async () => {
      await refused(handMade({ alg: 'HS256' }, claims({ aud: 'exit-entry' })));
      await refused(handMade({ alg: 'HS256' }, claims({ aud: ['exit-entry'] })));
      await refused(handMade({ alg: 'HS256' }, claims({ iss: 'someone-else' })));
      for (const missing of ['aud', 'iss', 'exp', 'iat', 'jti', 'idn']) {
        const c: Record<string, unknown> = claims();
        delete c[missing];
        await refused(handMade({ alg: 'HS256' }, c));
      }
      await refused(handMade({ alg: 'HS256' }, claims({ jti: 7 })));
    });
  });
});
