import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { APPLICATION_NUMBER_PATTERN, ServiceName, type EvaluationLevel } from '@onewindow/contracts';

/*
 * Pure rules of 好差评: the window's three levels on the national five, reasons, SMS replies,
 * pairing codes and device tokens, the inbound-SMS signature. No NestJS, no database.
 */

/** The window's three levels (seed 002: 满意 / 基本满意 / 不满意). */
export const WINDOW_RATINGS = ['SATISFIED', 'BASIC', 'DISSATISFIED'] as const;
export type WindowRating = (typeof WINDOW_RATINGS)[number];

/** Reasons a citizen gives when not satisfied (seed 002: 时间太长 / 业务不熟 / 态度不好 / 其他). */
export const EVALUATION_REASONS = ['TOO_SLOW', 'UNFAMILIAR', 'ATTITUDE', 'OTHER'] as const;
export type EvaluationReason = (typeof EVALUATION_REASONS)[number];

export const LEVEL_LABELS: Record<EvaluationLevel, string> = {
  VERY_SATISFIED: '非常满意',
  SATISFIED: '满意',
  BASIC: '基本满意',
  DISSATISFIED: '不满意',
  VERY_DISSATISFIED: '非常不满意',
};

/**
 * The window's three levels on the national five: each maps to the national level of the same
 * name (满意 → 满意, 基本满意 → 基本满意, 不满意 → 不满意). 非常满意 and 非常不满意 are not offered
 * at the window or by SMS (they stay for five-level channels). Consequence, by the national
 * definition of the satisfaction rate: a 基本满意 is a good review but does not count as satisfied.
 * (docs/decisions/0014-evaluations.md)
 */
export function nationalLevelOf(rating: WindowRating): EvaluationLevel {
  switch (rating) {
    case 'SATISFIED':
      return 'SATISFIED';
    case 'BASIC':
      return 'BASIC';
    case 'DISSATISFIED':
      return 'DISSATISFIED';
  }
}

/** 差评: 不满意 and 非常不满意 open a callback-and-verify task (回访核实). */
export function isBadReview(level: EvaluationLevel): boolean {
  return level === 'DISSATISFIED' || level === 'VERY_DISSATISFIED';
}

/** Reasons are asked for when the citizen is not satisfied, and only then; duplicates collapse. */
export function reasonsFor(level: EvaluationLevel, reasons: readonly EvaluationReason[] | undefined): EvaluationReason[] | 'REQUIRED' {
  if (!isBadReview(level)) return [];
  const unique = [...new Set(reasons ?? [])];
  return unique.length ? unique : 'REQUIRED';
}

/**
 * A citizen's reply to the callback SMS ("回复1满意 2基本满意 3不满意"): the digit (half- or
 * full-width, with surrounding spaces or punctuation) or the level's words. Anything else: undefined.
 */
export function parseSmsReply(text: string): WindowRating | undefined {
  const t = text
    .normalize('NFKC')
    .replace(/[\s。.,，!！、]/g, '');
  if (t === '1' || t === '满意') return 'SATISFIED';
  if (t === '2' || t === '基本满意') return 'BASIC';
  if (t === '3' || t === '不满意') return 'DISSATISFIED';
  return undefined;
}

/** The police-type service owning an application number (by its prefix), or undefined. */
export function serviceOfApplication(number: string): ServiceName | undefined {
  if (!APPLICATION_NUMBER_PATTERN.test(number)) return undefined;
  const prefix = number.slice(0, 2);
  return ({ HH: ServiceName.HOUSEHOLD, EE: ServiceName.EXIT_ENTRY, TR: ServiceName.TRAFFIC, PS: ServiceName.PUBLIC_SECURITY } as Record<string, ServiceName>)[prefix];
}

/** Application statuses after which the citizen is invited by SMS (办结: handed out or closed). */
export const COMPLETED_STATUSES: readonly string[] = ['DELIVERED', 'CLOSED'];

// ---- pairing and device tokens -----------------------------------------------------------------

/** No 0/O, 1/I/L: read off one screen and typed on another. 30^8 ≈ 6.6e11 codes. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A short-lived pairing code the clerk's screen shows and the tablet types (8 characters). */
export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export function normalizePairingCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

/** An opaque device token (256 random bits); only its hash is stored, so a database read cannot pair a device. */
export function newDeviceToken(): string {
  return `rd_${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(secretish: string): string {
  return createHash('sha256').update(secretish).digest('hex');
}

/** `unitCode-windowNo`, the key issue 11's window register will adopt. */
export function windowKey(unitCode: string, windowNo: string): string {
  return `${unitCode}-${windowNo}`;
}

// ---- inbound SMS signature ---------------------------------------------------------------------

export interface InboundSms {
  messageId: string;
  from: string;
  text: string;
}

/** What the provider signs: the timestamp and the three fields, joined by newlines. */
export function inboundSmsPayload(timestamp: string, sms: InboundSms): string {
  return [timestamp, sms.messageId, sms.from, sms.text].join('\n');
}

export function signInboundSms(secret: string, timestamp: string, sms: InboundSms): string {
  return createHmac('sha256', secret).update(inboundSmsPayload(timestamp, sms)).digest('hex');
}

/**
 * Checks the provider's HMAC-SHA256 (hex) over `inboundSmsPayload` and that the timestamp (Unix
 * seconds) is within `maxSkewSeconds` of `nowMs`, so a captured request cannot be replayed later.
 */
export function verifyInboundSms(
  secret: string, timestamp: string | undefined, signature: string | undefined, sms: InboundSms, nowMs: number, maxSkewSeconds: number,
): 'OK' | 'MISSING' | 'STALE' | 'BAD_SIGNATURE' {
  if (!timestamp || !signature) return 'MISSING';
  if (!/^\d{9,11}$/.test(timestamp)) return 'STALE';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > maxSkewSeconds) return 'STALE';
  const expected = Buffer.from(signInboundSms(secret, timestamp, sms), 'hex');
  const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'OK' : 'BAD_SIGNATURE';
}

/** A mainland mobile number as the carrier sends it (+86 / 0086 / 86 removed), or undefined. */
export function normalizeMobile(raw: string): string | undefined {
  let v = raw.replace(/[\s-]+/g, '');
  const intl = /^(?:\+86|0086|86)(1\d{10})$/.exec(v);
  if (intl) v = intl[1]!;
  return /^1[3-9]\d{9}$/.test(v) ? v : undefined;
}
