import { Role, type Identity } from '@onewindow/contracts';
import { IdentitySigner } from './identity-token.js';

const clerk: Identity = { sub: 'u1', username: 'demo-clerk', displayName: '王窗口', roles: [Role.CLERK], unitCode: '510107001', unitName: '浆洗街派出所' };

describe('IdentitySigner', () => {
  const signer = new IdentitySigner('x'.repeat(40));

  it('carries the client address the gateway saw, signed with the identity', async () => {
    const token = await signer.sign(clerk, { clientIp: '203.0.113.7' });
    expect(await signer.verifyAssertion(token)).toEqual({ identity: clerk, clientIp: '203.0.113.7' });
    expect(await signer.verify(token)).toEqual(clerk);
  });

  it('has no address when none was signed, and refuses a token signed with another secret', async () => {
    expect(await signer.verifyAssertion(await signer.sign(clerk))).toEqual({ identity: clerk });
    const forged = await new IdentitySigner('y'.repeat(40)).sign(clerk, { clientIp: '1.2.3.4' });
    await expect(signer.verifyAssertion(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
