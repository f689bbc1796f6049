import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/*
 * Signing a district's month report for the city bureau (decision 0017). Ed25519 (node:crypto):
 * the district signs with its own private key, the bureau verifies with the public key it has on
 * file for that district, so a valid signature proves WHICH district sent the figures, not just
 * that the sender got through the channel. The signed string binds the district code, key id,
 * timestamp (replay window) and the SHA-256 of the exact body bytes.
 */

/** JSON with object keys sorted at every depth: the same report always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}

export const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The string that is signed: district, key id, timestamp (unix seconds), body hash — one per line. */
export function signedString(districtCode: string, keyId: string, timestamp: string, body: string | Buffer): string {
  return `${districtCode}\n${keyId}\n${timestamp}\n${sha256Hex(body)}`;
}

/** A key given as PEM or as base64 of its DER (PKCS#8 private / SPKI public), so it fits one env line. */
export function privateKeyFrom(text: string): KeyObject {
  return text.includes('-----BEGIN') ? createPrivateKey(text) : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
}

export function publicKeyFrom(text: string): KeyObject {
  return text.includes('-----BEGIN') ? createPublicKey(text) : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
}

export function isEd25519(key: KeyObject): boolean {
  return key.asymmetricKeyType === 'ed25519';
}

export function signReport(privateKey: KeyObject, districtCode: string, keyId: string, timestamp: string, body: string | Buffer): string {
  return sign(null, Buffer.from(signedString(districtCode, keyId, timestamp, body)), privateKey).toString('base64');
}

export type SignatureRefusal = 'UNSIGNED' | 'STALE' | 'UNKNOWN_DISTRICT' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE';

export interface DistrictKey {
  keyId: string;
  publicKey: KeyObject;
}

/** Why a push is refused, or null when it is signed by the district's registered key within the replay window. */
export function checkReportSignature(
  keys: ReadonlyMap<string, DistrictKey>,
  headers: { district?: string; keyId?: string; timestamp?: string; signature?: string },
  body: Buffer,
  nowSeconds: number,
  maxSkewSeconds: number,
): SignatureRefusal | null {
  const { district, keyId, timestamp, signature } = headers;
  if (!district || !keyId || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return 'UNSIGNED';
  if (Math.abs(nowSeconds - Number(timestamp)) > maxSkewSeconds) return 'STALE';
  const key = keys.get(district);
  if (!key) return 'UNKNOWN_DISTRICT';
  if (key.keyId !== keyId) return 'UNKNOWN_KEY';
  let sig: Buffer;
  try {
    sig = Buffer.from(signature, 'base64');
  } catch {
    return 'BAD_SIGNATURE';
  }
  return verify(null, Buffer.from(signedString(district, keyId, timestamp, body)), key.publicKey, sig) ? null : 'BAD_SIGNATURE';
}

/**
 * Demo keys (Ed25519, base64 DER) of two districts, so a demo or test deployment works without
 * setup. Public in this repository, therefore refused in production (config.ts).
 */
export const DEMO_DISTRICT_KEYS: Readonly<Record<string, { keyId: string; privateKey: string; publicKey: string }>> = {
  '510104': {
    keyId: 'demo-510104',
    privateKey: 'MC4CAQAwBQYDK2VwBCIEIPWfA8uUjcGxNMs2/0guOnKugNKsM6bb5jJ8BXbEP/je',
    publicKey: 'MCowBQYDK2VwAyEAbmjr7twZElnv6dCVo02yzVusFnqDy4nkfn/LSJGdsaA=',
  },
  '510107': {
    keyId: 'demo-510107',
    privateKey: 'MC4CAQAwBQYDK2VwBCIEIGNayZJFMr7mQxRaeTuthQhqZtmsSrLIZpgQI03yKJX7',
    publicKey: 'MCowBQYDK2VwAyEAjeSsDduaUk0NxZAyZ8ITFhaLXwXVuJvo91s7uoAXUGA=',
  },
};

/** `{"510104":{"keyId":"…","publicKey":"<base64 SPKI or PEM>"}, …}` → keys by district; throws on a malformed entry. */
export function parseDistrictKeys(json: string): Map<string, DistrictKey> {
  const raw = JSON.parse(json) as unknown;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('BUREAU_DISTRICT_KEYS must be a JSON object keyed by 6-digit district code');
  const keys = new Map<string, DistrictKey>();
  for (const [district, entry] of Object.entries(raw as Record<string, unknown>)) {
    const e = entry as { keyId?: unknown; publicKey?: unknown };
    if (!/^\d{6}$/.test(district) || typeof e?.keyId !== 'string' || !e.keyId || typeof e.publicKey !== 'string') {
      throw new Error(`BUREAU_DISTRICT_KEYS: entry ${district} needs a 6-digit code, keyId and publicKey`);
    }
    const publicKey = publicKeyFrom(e.publicKey);
    if (!isEd25519(publicKey)) throw new Error(`BUREAU_DISTRICT_KEYS: the key of ${district} is not Ed25519`);
    keys.set(district, { keyId: e.keyId, publicKey });
  }
  return keys;
}
