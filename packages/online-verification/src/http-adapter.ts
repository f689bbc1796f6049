import { VerificationSource, type VerificationAdapter, type VerificationAdapters, type VerificationRequest, type VerificationResult } from './verification.js';

export interface HttpAdapterOptions {
  /** Base URL of the department's verification endpoint (e.g. the data-sharing platform's route for it). */
  baseUrl: string;
  /** Bearer token issued by the department or the data-sharing platform (sensitive). */
  token: string;
  /** Give up after this many milliseconds and answer SOURCE_UNAVAILABLE. */
  timeoutMs: number;
  /** Clock, for checkedAt (tests). */
  now?: () => Date;
  /** fetch implementation (defaults to the global one). */
  fetch?: typeof fetch;
}

/**
 * Checks a record over HTTP: `POST <baseUrl>/verify` with JSON `{ idNumber, materialCode, facts }`
 * and `Authorization: Bearer <token>`. Answers:
 * - 200 `{ "found": true, "reference"?: string }` → FOUND; 200 `{ "found": false }` or 404 → NOT_FOUND;
 * - anything else — 401/403 (credentials), 429, 5xx, a timeout, a network error, a body that is
 *   not that JSON — → SOURCE_UNAVAILABLE with the reason in `detail`.
 */
export class HttpVerificationAdapter<S extends VerificationSource> implements VerificationAdapter<S> {
  private readonly url: string;

  constructor(readonly source: S, private readonly options: HttpAdapterOptions) {
    this.url = `${options.baseUrl.replace(/\/+$/, '')}/verify`;
  }

  async verify(request: VerificationRequest): Promise<VerificationResult> {
    const now = this.options.now ?? (() => new Date());
    const answer = (outcome: VerificationResult['outcome'], extra: Partial<VerificationResult> = {}): VerificationResult => ({
      source: this.source, outcome, checkedAt: now().toISOString(), ...extra,
    });
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}`, accept: 'application/json' },
        body: JSON.stringify({ idNumber: request.subjectIdNumber, materialCode: request.materialCode, facts: request.facts ?? {} }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (err) {
      const name = (err as { name?: string }).name;
      return answer('SOURCE_UNAVAILABLE', { detail: name === 'TimeoutError' || name === 'AbortError' ? `timeout after ${this.options.timeoutMs} ms` : `network error: ${(err as Error).message}` });
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return answer('NOT_FOUND', { detail: 'HTTP 404' });
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      return answer('SOURCE_UNAVAILABLE', { detail: `HTTP ${response.status}` });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return answer('SOURCE_UNAVAILABLE', { detail: 'response is not JSON' });
    }
    const found = (body as { found?: unknown } | null)?.found;
    if (found === true) {
      const reference = (body as { reference?: unknown }).reference;
      return answer('FOUND', typeof reference === 'string' && reference ? { reference } : {});
    }
    if (found === false) return answer('NOT_FOUND');
    return answer('SOURCE_UNAVAILABLE', { detail: 'response has no boolean "found"' });
  }
}

/** One HTTP adapter per department, each with its own base URL and token, sharing the timeout. */
export function httpAdapters(endpoints: { readonly [S in VerificationSource]: { baseUrl: string; token: string } }, timeoutMs: number): VerificationAdapters {
  const make = <S extends VerificationSource>(s: S) => new HttpVerificationAdapter(s, { ...endpoints[s], timeoutMs });
  return {
    [VerificationSource.CIVIL_AFFAIRS_MARRIAGE]: make(VerificationSource.CIVIL_AFFAIRS_MARRIAGE),
    [VerificationSource.HEALTH_BIRTH_CERTIFICATE]: make(VerificationSource.HEALTH_BIRTH_CERTIFICATE),
    [VerificationSource.HOUSING_PROPERTY]: make(VerificationSource.HOUSING_PROPERTY),
    [VerificationSource.SOCIAL_SECURITY]: make(VerificationSource.SOCIAL_SECURITY),
  };
}
