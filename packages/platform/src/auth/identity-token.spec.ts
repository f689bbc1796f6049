import { Role, type Identity } from '@onewindow/contracts';
import { SignJWT } from 'jose';
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
});
