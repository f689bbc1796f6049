import { decodeJwt } from 'jose';
import type { Identity } from '@onewindow/contracts';

/** What the gateway needs of a verifier: a bearer token in, the verified identity out (or a throw). */
export interface TokenVerifier {
  verify(token: string): Promise<Identity>;
}

/**
 * Remembers verified bearer tokens for a short while, so a clerk's burst of requests costs one
 * signature check instead of one per request (the jose verification was a visible share of the
 * gateway's CPU per request). Only successful verifications are kept, each until the earlier of
 * the token's own `exp` and `maxAgeMs` after it was verified — so a key the issuer rotated out is
 * noticed within `maxAgeMs`, and an expired token is never accepted. Refusals are not cached (a
 * forged token costs the attacker a full check every time). Bounded: the oldest entry is dropped
 * when `maxEntries` is reached.
 */
export class CachedTokenVerifier implements TokenVerifier {
  private readonly entries = new Map<string, { identity: Identity; until: number }>();

  constructor(
    private readonly inner: TokenVerifier,
    private readonly maxAgeMs = 60_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async verify(token: string): Promise<Identity> {
    const hit = this.entries.get(token);
    if (hit) {
      if (hit.until > this.now()) return hit.identity;
      this.entries.delete(token);
    }
    const identity = await this.inner.verify(token);
    const exp = decodeJwt(token).exp;
    const until = Math.min(this.now() + this.maxAgeMs, typeof exp === 'number' ? exp * 1000 : 0);
    if (until > this.now()) {
      if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
      this.entries.set(token, { identity, until });
    }
    return identity;
  }
}
