import type { Identity } from '@onewindow/contracts';
import { createHmac, createSecretKey, randomUUID, timingSafeEqual, type KeyObject } from 'node:crypto';
import { DomainException } from '../errors/domain.exception.js';

/** Header carrying the signed identity from the gateway to subgraphs and between services over NATS. */
export const IDENTITY_HEADER = 'x-onewindow-identity';
const ISSUER = 'onewindow-gateway';
/** Lifetime of one assertion: it is bound to one call, so it only has to outlive the hop. */
export const IDENTITY_TOKEN_TTL_SECONDS = 60;
/** Clock skew accepted between signer and receiver (and kept on top of `exp` in the replay memory). */
const CLOCK_TOLERANCE_SECONDS = 5;

export interface IdentitySignerOptions {
  /**
   * The service this process is: tokens are accepted only when their audience names it.
   * A signer without one (the gateway) can sign but not verify.
   */
  audience?: string;
  ttlSeconds?: number;
  /** How many token ids the replay memory holds at most (it refuses new tokens rather than forget live ones). */
  maxRemembered?: number;
}

/**
 * Token ids seen by this process, each until its token expires. A second use of the same id is a
 * replay. Per process on purpose: a token names one service (audience) and reaches exactly one
 * instance of it (one HTTP request, or one NATS queue-group delivery), so a replay sent to another
 * replica could only repeat within the token's 60 s life what the captured call already did with the
 * same identity; TLS and per-service NATS permissions keep tokens from being captured at all.
 */
class SeenTokenIds {
  private readonly seen = new Map<string, number>();
  constructor(private readonly max: number) {}

  /** true the first time an id is offered while unexpired; false for a replay (or when full of live ids). */
  remember(jti: string, expiresAtMs: number, nowMs: number): boolean {
    if (this.seen.has(jti)) return false;
    if (this.seen.size >= this.max) {
      for (const [id, exp] of this.seen) if (exp <= nowMs) this.seen.delete(id);
      if (this.seen.size >= this.max) return false;
    }
    this.seen.set(jti, expiresAtMs);
    return true;
  }
}

/** base64url of the protected header `{"alg":"HS256"}` (what jose's SignJWT writes). */
const HS256_HEADER = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');

const BASE64URL = /^[A-Za-z0-9_-]+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A base64url segment as a JSON object, or undefined (bad encoding, bad UTF-8, not an object). */
function jsonObjectOf(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(utf8.decode(Buffer.from(segment, 'base64url')));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The claims of a compact HS256 JWS whose signature, audience and times hold, or undefined — the
 * checks jose's `jwtVerify` made here (decision 0039), synchronously with node:crypto instead of
 * WebCrypto's asynchronous HMAC per call: the header must say `alg: HS256` (no `none`, no other
 * algorithm, no `crit` extensions, no unencoded payload); the HMAC-SHA256 over header.payload must
 * match in constant time; `iss` must be the gateway and `aud` must name this service; `exp`, `iat`
 * and `jti` must be present, `exp` not passed, `iat` neither older than `maxAgeSeconds` nor in the
 * future, `nbf` (if any) reached — each with the clock tolerance.
 */
function verifiedClaims(token: string, key: KeyObject, audience: string, maxAgeSeconds: number, now: number): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => BASE64URL.test(p))) return undefined;
  const [encodedHeader, encodedPayload, signature] = parts as [string, string, string];
  const header = jsonObjectOf(encodedHeader);
  if (!header || header['alg'] !== 'HS256' || header['crit'] !== undefined || (header['b64'] !== undefined && header['b64'] !== true)) return undefined;
  const expected = createHmac('sha256', key).update(`${encodedHeader}.${encodedPayload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  // Only the canonical encoding of exactly the expected length (no trailing bits or characters).
  if (given.length !== expected.length || given.toString('base64url') !== signature || !timingSafeEqual(given, expected)) return undefined;
  const claims = jsonObjectOf(encodedPayload);
  if (!claims) return undefined;
  for (const claim of ['exp', 'iat', 'jti', 'iss', 'aud']) if (!Object.hasOwn(claims, claim)) return undefined;
  const aud = claims['aud'];
  if (claims['iss'] !== ISSUER || !(aud === audience || (Array.isArray(aud) && aud.includes(audience)))) return undefined;
  const { exp, iat, nbf } = claims;
  const tolerance = CLOCK_TOLERANCE_SECONDS;
  if (typeof exp !== 'number' || typeof iat !== 'number' || (nbf !== undefined && typeof nbf !== 'number')) return undefined;
  if (typeof nbf === 'number' && nbf > now + tolerance) return undefined;
  if (exp <= now - tolerance) return undefined;
  if (now - iat - tolerance > maxAgeSeconds || now - iat < -tolerance) return undefined;
  return claims;
}

/**
 * One caller's identity prepared for the assertions of one request (decision 0037): the identity
 * and client address are serialised once; each `sign(audience)` still writes its own token (the
 * audience, a fresh jti, iat/exp) and its own HMAC, so every subgraph fetch carries a token that its
 * receiver accepts exactly once, as decision 0026 demands. Signing is synchronous (node:crypto HMAC).
 */
export class PreparedIdentity {
  private readonly claimsPrefix: string;

  constructor(private readonly key: Uint8Array, private readonly ttlSeconds: number, identity: Identity, clientIp?: string) {
    // The claims common to every assertion of this request, as a JSON object without its closing brace.
    const common = JSON.stringify({ idn: identity, ...(clientIp ? { cip: clientIp } : {}), iss: ISSUER, sub: identity.sub });
    this.claimsPrefix = common.slice(0, -1);
  }

  /** A fresh assertion for one call to `audience`. */
  sign(audience: string): string {
    const iat = Math.floor(Date.now() / 1000);
    const claims = `${this.claimsPrefix},"aud":${JSON.stringify(audience)},"jti":"${randomUUID()}","iat":${iat},"exp":${iat + this.ttlSeconds}}`;
    const signingInput = `${HS256_HEADER}.${Buffer.from(claims).toString('base64url')}`;
    return `${signingInput}.${createHmac('sha256', this.key).update(signingInput).digest('base64url')}`;
  }
}

/**
 * Signs and verifies the internal identity assertion (HS256). Each assertion is bound to one call
 * (decision 0026): `aud` = the target service, a 60 s expiry and a fresh `jti` that the receiver
 * accepts once. Subgraphs and NATS handlers verify it themselves, so a request that bypasses the
 * gateway without the secret is refused, and one captured on the way cannot be replayed or
 * redirected to another service.
 */
export class IdentitySigner {
  private readonly key: Uint8Array;
  private readonly hmacKey: KeyObject;
  private readonly ttlSeconds: number;
  private readonly seen: SeenTokenIds;

  constructor(secret: string, private readonly options: IdentitySignerOptions = {}) {
    this.key = new TextEncoder().encode(secret);
    this.hmacKey = createSecretKey(this.key);
    this.ttlSeconds = options.ttlSeconds ?? IDENTITY_TOKEN_TTL_SECONDS;
    this.seen = new SeenTokenIds(options.maxRemembered ?? 200_000);
  }

  /**
   * `audience`: the service the call goes to (a subgraph name, or the service named in an RPC subject).
   * `clientIp`: the caller's address as the gateway saw it (its connection, or the X-Forwarded-For
   * entry set by a configured trusted proxy). Signed with the identity, so a client cannot choose
   * the address a subgraph rate-limits on.
   */
  async sign(identity: Identity, context: { audience: string; clientIp?: string }): Promise<string> {
    return this.prepare(identity, context.clientIp).sign(context.audience);
  }

  /**
   * The identity serialised once for the many assertions of one request (the gateway's fetches to
   * its subgraphs); each `sign(audience)` is still a token of its own (fresh jti, one receiver).
   */
  prepare(identity: Identity, clientIp?: string): PreparedIdentity {
    return new PreparedIdentity(this.key, this.ttlSeconds, identity, clientIp);
  }

  async verify(token: string | undefined | null): Promise<Identity> {
    return (await this.verifyAssertion(token)).identity;
  }

  /** The identity and the client address signed with it (absent when the gateway did not know it). */
  async verifyAssertion(token: string | undefined | null): Promise<{ identity: Identity; clientIp?: string }> {
    if (!token) throw DomainException.unauthenticated('缺少经签名的身份信息');
    if (!this.options.audience) throw new Error('IdentitySigner without an audience cannot verify tokens');
    const payload = verifiedClaims(token, this.hmacKey, this.options.audience, this.ttlSeconds + CLOCK_TOLERANCE_SECONDS, Math.floor(Date.now() / 1000));
    if (!payload) throw DomainException.unauthenticated('身份签名无效或已过期');
    const idn = payload['idn'] as Identity | undefined;
    const jti = payload['jti'];
    if (!idn || typeof idn.sub !== 'string' || !Array.isArray(idn.roles) || typeof jti !== 'string') {
      throw DomainException.unauthenticated('身份签名无效或已过期');
    }
    const now = Date.now();
    if (!this.seen.remember(jti, (payload['exp'] as number) * 1000 + CLOCK_TOLERANCE_SECONDS * 1000, now)) {
      throw DomainException.unauthenticated('身份签名已被使用过（重放）');
    }
    const cip = payload['cip'];
    return typeof cip === 'string' && cip ? { identity: idn, clientIp: cip } : { identity: idn };
  }
}
