/**
 * Personal data and secrets never reach a log line (PIPL; issue 12 "Logs and errors"): values under
 * sensitive keys are replaced whatever their depth, and anything that looks like an ID number, a
 * mainland mobile or a token is masked inside every string — messages, error texts, SQL.
 */

/** Keys whose values are never logged (matched on the key name, case-insensitive). */
const SENSITIVE_KEY =
  /^(password|passwd|secret|.*_secret|token|.*token|authorization|cookie|x-identity|id_?number|.*idnumber|id_?card|phone|.*phone|mobile|address|.*address|name|applicant_?name|holder_?name|complainant_?name|citizen_?name|contact|verification_?code|code_?hash|parameters|params|detail|driver_?error|failing_?row)$/i;
/** Keys that look sensitive but are not personal data (officers' display names, unit names, error and subject names). */
const SAFE_KEY = /^(displayName|unitName|shortName|itemName|resultName|serviceName|templateName|typeName|name_?space|queueName|stream|durable|subject|service|context)$/;

const PATTERNS: [RegExp, string][] = [
  [/eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}/g, '[token]'], // JWT / signed identity
  [/Bearer\s+[\w\-.~+/]+=*/gi, 'Bearer [token]'],
  [/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, '[id-number]'], // 18-digit ID (GB 11643)
  [/(?<![\dA-Za-z])\d{15}(?![\dA-Za-z])/g, '[id-number]'], // 15-digit legacy ID
  [/(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)/g, '[phone]'], // mainland mobile
  // The values a failed query carried, in the texts drivers and ORMs write (names and addresses
  // have no pattern of their own, so the whole value list goes): TypeORM's "PARAMETERS: [...]",
  // PostgreSQL's "Key (col)=(value)" and "Failing row contains (...)", TypeORM's "matching: {...}".
  [/PARAMETERS:\s*\[[\s\S]*\]/g, 'PARAMETERS: [redacted]'],
  [/(Key \([^)]*\)=)\((?:[^()]|\([^()]*\))*\)/g, '$1([redacted])'],
  [/(Failing row contains )\((?:[^()]|\([^()]*\))*\)/g, '$1([redacted])'],
  [/(matching:\s*)\{[\s\S]*\}/g, '$1{[redacted]}'],
];

export const REDACTED = '[redacted]';
const JSON_FIELD = /"(\w*(?:name|address|id_?number|phone|mobile|contact))"\s*:\s*"(?:[^"\\]|\\.)*"/gi;

/** Masks ID numbers, mobiles and tokens inside a string. */
export function redactText(text: string): string {
  let out = text;
  for (const [re, by] of PATTERNS) out = out.replace(re, by);
  // A personal field serialised as JSON inside a string ('"holderName":"张伟"'), not officers' or units' names.
  return out.replace(JSON_FIELD, (field: string, key: string) => (isSensitiveKey(key) ? `"${key}":"${REDACTED}"` : field));
}

function isSensitiveKey(key: string): boolean {
  return !SAFE_KEY.test(key) && SENSITIVE_KEY.test(key);
}

/**
 * A copy of `value` fit for a log line: sensitive keys replaced at any depth, strings masked by
 * pattern, errors reduced to type, code, message and stack (masked) — never the raw error object,
 * whose driver fields (parameters, detail) carry the values of a failed query.
 */
export function redactForLog(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[depth]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) {
    const e = value as Error & { code?: unknown };
    return {
      type: e.name,
      ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
      message: redactText(e.message),
      ...(e.stack ? { stack: redactText(e.stack) } : {}),
    };
  }
  if (value instanceof Date) return value;
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (Array.isArray(value)) return value.map((v) => redactForLog(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = isSensitiveKey(k) && v !== null && v !== undefined && typeof v !== 'boolean' ? REDACTED : redactForLog(v, depth + 1, seen);
  }
  return out;
}
