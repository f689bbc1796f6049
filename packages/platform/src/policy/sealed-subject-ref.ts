import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { maskIdNumber } from '@onewindow/id-number';

/*
 * `Citizen.idNumber` is the federation key: the gateway hands the value one subgraph returns to the
 * next one (`travelDocument { holder { name } }` → household), and the client receives the same
 * value. When the viewer may not see the ID number in full, the subgraph returns it sealed:
 * `<masked>~<token>`, the token being the ID number encrypted (AES-256-GCM) under a key derived from
 * the services' shared INTERNAL_IDENTITY_SECRET. The receiving subgraph opens it; the gateway strips
 * `~<token>` from every response (`stripSealedSubjectRefs`), so the client sees only the masked form.
 */

const SEPARATOR = '~';
const SEALED = /^([0-9*X]{15,18})~([A-Za-z0-9_-]{40,})$/;

let key: Buffer | null = null;

/** Called once at start-up with the shared internal secret. */
export function configureSubjectRefSealing(secret: string): void {
  key = createHmac('sha256', secret).update('onewindow:citizen-ref:v1').digest();
}

function sealingKey(): Buffer {
  if (!key) throw new Error('subject-ref sealing is not configured (configureSubjectRefSealing)');
  return key;
}

/** The ID number as a key a viewer may not read: masked, with the sealed value appended. */
export function sealSubjectRef(idNumber: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(), iv);
  const body = Buffer.concat([cipher.update(idNumber, 'utf8'), cipher.final()]);
  return `${maskIdNumber(idNumber)}${SEPARATOR}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** An incoming key: a plain ID number is returned as is; a sealed one is opened (null when forged). */
export function openSubjectRef(value: string): { idNumber: string; sealed: boolean } | null {
  const m = SEALED.exec(value);
  if (!m) return value.includes(SEPARATOR) ? null : { idNumber: value, sealed: false };
  try {
    const raw = Buffer.from(m[2]!, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const idNumber = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    return { idNumber, sealed: true };
  } catch {
    return null;
  }
}

/** The client-facing form of a sealed key (its masked part); other values unchanged. */
export function displayedSubjectRef(value: string): string {
  const m = SEALED.exec(value);
  return m ? m[1]! : value;
}

/** Replaces every sealed key in a GraphQL response by its masked part, at any depth. */
export function stripSealedSubjectRefs<T>(data: T): T {
  if (typeof data === 'string') return displayedSubjectRef(data) as T;
  if (Array.isArray(data)) return data.map((v: unknown) => stripSealedSubjectRefs(v)) as T;
  if (data && typeof data === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data as Record<string, unknown>)) out[k] = stripSealedSubjectRefs(v);
    return out as T;
  }
  return data;
}

/** The ID number a Citizen entity reference stands for ('' for a forged sealed key: matches nobody). */
export function citizenKeyOf(key: string): string {
  return openSubjectRef(key)?.idNumber ?? '';
}
