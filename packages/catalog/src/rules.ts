import type { CatalogItem, FeeWaiver, MaterialSpec, TimeLimit } from './schema.js';

export interface CheckMaterialsOptions {
  /** Codes of missing materials the citizen commits in writing to supply later (容缺受理). */
  tolerated?: readonly string[];
}

export interface MaterialCheck {
  /** Required, not presented, not verified online, not (validly) tolerated: goes on the 一次性告知单. */
  missing: MaterialSpec[];
  /** Required and toleratedIfMissing, not presented, and listed in opts.tolerated: needs a 书面承诺. */
  tolerated: MaterialSpec[];
  /** Required, not presented, checked online with another department instead (免提交). */
  verifiedOnline: MaterialSpec[];
  /** Presented codes that the item does not know (deduplicated, in presentation order). */
  unknown: string[];
  /** True when nothing is missing (tolerated and online-verified gaps do not block acceptance). */
  complete: boolean;
}

/**
 * Compare the presented material codes with the item's list.
 * A tolerated code for a material that is not toleratedIfMissing stays missing.
 */
export function checkMaterials(
  item: Pick<CatalogItem, 'materials'>,
  presented: readonly string[],
  opts: CheckMaterialsOptions = {},
): MaterialCheck {
  const given = new Set(presented.map((c) => c.trim()));
  const toleratedCodes = new Set((opts.tolerated ?? []).map((c) => c.trim()));
  const known = new Set(item.materials.map((m) => m.code));

  const missing: MaterialSpec[] = [];
  const tolerated: MaterialSpec[] = [];
  const verifiedOnline: MaterialSpec[] = [];
  for (const m of item.materials) {
    if (!m.required || given.has(m.code)) continue;
    if (m.verifiedOnline) verifiedOnline.push(m);
    else if (m.toleratedIfMissing && toleratedCodes.has(m.code)) tolerated.push(m);
    else missing.push(m);
  }
  const unknown = [...new Set(presented.map((c) => c.trim()))].filter((c) => !known.has(c));
  return { missing, tolerated, verifiedOnline, unknown, complete: missing.length === 0 };
}

export interface FeeResult {
  amountFen: number;
  /** The waiver applied, if any (the first of the item's waivers that was claimed). */
  waiver?: FeeWaiver;
}

/**
 * Fee to charge. Waivers are full exemptions; the first of the item's own waivers (in catalog
 * order) that is claimed applies. Claimed codes the item does not offer are ignored — the clerk
 * verifies eligibility before claiming.
 */
export function computeFee(item: Pick<CatalogItem, 'fee'>, claimedWaivers: readonly string[] = []): FeeResult {
  if (item.fee.amountFen === 0) return { amountFen: 0 };
  const claimed = new Set(claimedWaivers.map((c) => c.trim()));
  const waiver = item.fee.waivers.find((w) => claimed.has(w.code));
  return waiver ? { amountFen: 0, waiver } : { amountFen: item.fee.amountFen };
}

/** 2000 → '20.00元'. */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount in fen must be an integer, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}元`;
}

/** { 15, WORKING_DAYS } → '15个工作日'; { 60, CALENDAR_DAYS } → '60日（自然日）'; value 0 → '当场办结'. */
export function formatTimeLimit(t: TimeLimit): string {
  if (t.value === 0) return '当场办结';
  return t.unit === 'WORKING_DAYS' ? `${t.value}个工作日` : `${t.value}日（自然日）`;
}
