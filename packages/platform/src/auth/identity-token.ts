import type { Identity } from '@onewindow/contracts';
import { jwtVerify, SignJWT } from 'jose';
import { DomainException } from '../errors/domain.exception.js';

/** Header carrying the signed identity from the gateway to subgraphs and between services over NATS. */
export const IDENTITY_HEADER = 'x-onewindow-identity';
const ISSUER = 'onewindow-gateway';
const AUDIENCE = 'onewindow-services';

/**
 * Signs and verifies the internal identity assertion (HS256, short-lived). Subgraphs verify it
 * themselves, so a request that bypasses the gateway without the secret is refused.
 */
export class IdentitySigner {
  private readonly key: Uint8Array;
  constructor(secret: string, private readonly ttlSeconds = 300) {
    this.key = new TextEncoder().encode(secret);
  }

  /**
   * `context.clientIp`: the caller's address as the gateway saw it (its connection, or the
   * X-Forwarded-For entry set by a configured trusted proxy). Signed with the identity, so a
   * client cannot choose the address a subgraph rate-limits on.
   */
  async sign(identity: Identity, context: { clientIp?: string } = {}): Promise<string> {
    return new SignJWT({ idn: identity, ...(context.clientIp ? { cip: context.clientIp } : {}) })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(identity.sub)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  async verify(token: string | undefined | null): Promise<Identity> {
    return (await this.verifyAssertion(token)).identity;
  }

  /** The identity and the client address signed with it (absent when the gateway did not know it). */
  async verifyAssertion(token: string | undefined | null): Promise<{ identity: Identity; clientIp?: string }> {
    if (!token) throw DomainException.unauthenticated('缺少经签名的身份信息');
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      const idn = payload['idn'] as Identity | undefined;
      if (!idn || typeof idn.sub !== 'string' || !Array.isArray(idn.roles)) throw new Error('malformed identity');
      const cip = payload['cip'];
      return typeof cip === 'string' && cip ? { identity: idn, clientIp: cip } : { identity: idn };
    } catch {
      throw DomainException.unauthenticated('身份签名无效或已过期');
    }
  }
}
