import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DomainException } from '../errors/domain.exception.js';
import { UserTokenVerifier } from './user-token.js';

const ISSUER = 'https://idp.example.gov.cn/realms/police';
const AUDIENCE = 'onewindow';
type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
const claims = { preferred_username: 'clerk01', name: '王窗口', roles: ['CLERK'], unit_code: '510107001', unit_name: '浆洗街派出所' };

describe('OIDC user tokens (issue 12): audience, issuer, expiry, maximum age and the unit code are enforced', () => {
  let server: Server;
  let verifier: UserTokenVerifier;
  let key: PrivateKey;
  let otherKey: PrivateKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    verifier = new UserTokenVerifier({ kind: 'oidc', issuer: ISSUER, jwksUrl: `http://127.0.0.1:${port}/jwks`, audience: AUDIENCE });
  });

  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const sign = (o: { payload?: Record<string, unknown>; iss?: string; aud?: string; exp?: string | number | null; iat?: number | null; signWith?: PrivateKey } = {}) => {
    let jwt = new SignJWT({ ...claims, ...o.payload }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(o.iss ?? ISSUER).setAudience(o.aud ?? AUDIENCE).setSubject('f3b2c1');
    if (o.iat !== null) jwt = jwt.setIssuedAt(o.iat);
    if (o.exp !== null) jwt = jwt.setExpirationTime(o.exp ?? '1h');
    return jwt.sign(o.signWith ?? key);
  };
  const refusal = async (token: Promise<string>) => {
    try {
      await verifier.verify(await token);
      return 'accepted';
    } catch (e) {
      return e instanceof DomainException ? `${e.code}: ${e.message}` : String(e);
    }
  };
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts a good token', async () => {
    expect(await verifier.verify(await sign())).toMatchObject({ sub: 'f3b2c1', username: 'clerk01', roles: ['CLERK'], unitCode: '510107001' });
  });

  it('refuses the wrong audience, another issuer, another key, an expired token, a token without exp or iat, one older than the maximum age', async () => {
    expect(await refusal(sign({ aud: 'another-app' }))).toMatch(/^UNAUTHENTICATED/);
    expect(await refusal(sign({ iss: 'https://evil.example.com' }))).toMatch(/^UNAUTHENTICATED/);
    expect(await refusal(sign({ signWith: otherKey }))).toMatch(/^UNAUTHENTICATED/);
    expect(await refusal(sign({ iat: now() - 7200, exp: now() - 60 }))).toMatch(/^UNAUTHENTICATED/);
    expect(await refusal(sign({ exp: null }))).toMatch(/^UNAUTHENTICATED/);
    expect(await refusal(sign({ iat: null }))).toMatch(/^UNAUTHENTICATED/);
    expect(await refusal(sign({ iat: now() - 13 * 3600, exp: now() + 3600 }))).toMatch(/^UNAUTHENTICATED/);
  });

  it('refuses a unit code that is not a unit (it becomes a jurisdiction prefix)', async () => {
    for (const unit_code of ['%', '', '5101%', '51010', '5101070011012', 'abc', '510107001 OR 1=1']) {
      expect(await refusal(sign({ payload: { unit_code } }))).toMatch(/^UNAUTHENTICATED/);
    }
    for (const unit_code of ['5101', '510107', '510107001', '5101070011', '510107001101']) expect(await refusal(sign({ payload: { unit_code } }))).toBe('accepted');
  });
});
