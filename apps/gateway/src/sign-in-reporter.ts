import type { Identity } from '@onewindow/contracts';
import { IDENTITY_HEADER, type IdentitySigner, type Logger } from '@onewindow/platform';
import { decodeJwt } from 'jose';

const ANONYMOUS: Identity = { sub: 'anonymous', username: 'anonymous', displayName: '匿名', roles: [], unitCode: '', unitName: '' };
const MUTATION = 'mutation($o: String!, $r: String, $u: String) { recordGatewaySignIn(outcome: $o, reason: $r, claimedUsername: $u) }';

/**
 * 登录留痕 of OIDC sign-ins (decision 0027): the first time the gateway accepts a token, and every
 * token it refuses, is recorded in the counter's audit log through the counter's `@inaccessible`
 * `recordGatewaySignIn` (signed by the gateway, audience counter). Reported in the background: a
 * sign-in is never held up by its record; a lost report is logged. Tokens of the demo issuer are
 * not reported here — the demo `login` records its own.
 */
export class SignInReporter {
  /** Tokens already reported (sub + issued-at), oldest first; bounded. */
  private readonly seen = new Map<string, true>();

  constructor(
    private readonly counterUrl: string,
    private readonly signer: IdentitySigner,
    private readonly logger: Logger,
    private readonly maxSeen = 50_000,
  ) {}

  accepted(identity: Identity, token: string, clientIp: string | undefined): void {
    const key = `${identity.sub}:${issuedAt(token)}`;
    if (this.seen.has(key)) return;
    this.seen.set(key, true);
    if (this.seen.size > this.maxSeen) this.seen.delete(this.seen.keys().next().value as string);
    void this.send(identity, clientIp, { o: 'SUCCESS' });
  }

  refused(token: string, reason: string, clientIp: string | undefined): void {
    void this.send(ANONYMOUS, clientIp, { o: 'FAILURE', r: reason.slice(0, 200), u: claimedUsername(token) });
  }

  private async send(identity: Identity, clientIp: string | undefined, variables: Record<string, unknown>): Promise<void> {
    try {
      const res = await fetch(this.counterUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: await this.signer.sign(identity, { audience: 'counter', clientIp }) },
        body: JSON.stringify({ query: MUTATION, variables }),
        signal: AbortSignal.timeout(5000),
      });
      const body = (await res.json()) as { errors?: unknown[] };
      if (!res.ok || body.errors?.length) throw new Error(`counter answered ${res.status}`);
    } catch (err) {
      this.logger.warn({ err: String(err), outcome: variables['o'] }, 'sign-in record not written');
    }
  }
}

function issuedAt(token: string): string {
  try {
    return String(decodeJwt(token).iat ?? '');
  } catch {
    return '';
  }
}

/** The user name a token claims (unverified, for the record only; never more than a safe name). */
function claimedUsername(token: string): string | undefined {
  try {
    const p = decodeJwt(token);
    const v = p['preferred_username'] ?? p.sub;
    return typeof v === 'string' && /^[\w.@-]{1,64}$/.test(v) ? v : undefined;
  } catch {
    return undefined;
  }
}
