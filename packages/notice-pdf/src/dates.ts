/**
 * Date handling for printed documents. All dates are shown in Beijing time (UTC+8, no DST),
 * independent of the server's time zone, so the output is deterministic.
 */

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export interface ParsedDate {
  /** The instant (for PDF metadata). */
  instant: Date;
  /** Wall-clock fields in Beijing time. */
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** True when the input carried a time of day. */
  hasTime: boolean;
}

/**
 * Parses an ISO 8601 date (`2025-03-05`) or date-time (`2025-03-05T09:30:00+08:00`).
 * A date-time without offset and a bare date are read as Beijing time.
 */
export function parseIsoDate(value: string, field = 'date'): ParsedDate {
  const m = ISO_RE.exec(value.trim());
  if (!m) {
    throw new RangeError(`${field}: not an ISO 8601 date: ${JSON.stringify(value)}`);
  }
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const hasTime = h !== undefined;
  let offsetMs = BEIJING_OFFSET_MS;
  if (tz !== undefined) {
    if (tz === 'Z') {
      offsetMs = 0;
    } else {
      const sign = tz.startsWith('-') ? -1 : 1;
      const digits = tz.slice(1).replace(':', '');
      offsetMs = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
    }
  }
  const ms = frac ? Math.round(Number(frac) * 1000) : 0;
  const utc =
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms) -
    offsetMs;
  const instant = new Date(utc);
  const local = new Date(utc + BEIJING_OFFSET_MS);
  if (
    Number.isNaN(utc) ||
    // Reject overflowing fields such as 2025-02-30 (only checkable when the input is local time).
    (offsetMs === BEIJING_OFFSET_MS &&
      (local.getUTCFullYear() !== Number(y) ||
        local.getUTCMonth() + 1 !== Number(mo) ||
        local.getUTCDate() !== Number(d)))
  ) {
    throw new RangeError(`${field}: invalid date: ${JSON.stringify(value)}`);
  }
  return {
    instant,
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    hasTime,
  };
}

/** 2025年3月5日 */
export function formatChineseDate(value: string | ParsedDate, field?: string): string {
  const p = typeof value === 'string' ? parseIsoDate(value, field) : value;
  return `${p.year}年${p.month}月${p.day}日`;
}

/** 2025年3月5日9时05分 (date only when the input had no time). */
export function formatChineseDateTime(value: string | ParsedDate, field?: string): string {
  const p = typeof value === 'string' ? parseIsoDate(value, field) : value;
  const date = formatChineseDate(p);
  if (!p.hasTime) return date;
  return `${date}${p.hour}时${String(p.minute).padStart(2, '0')}分`;
}
