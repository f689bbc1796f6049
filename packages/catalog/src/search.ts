import type { CatalogItem } from './schema.js';

/** Match tiers, best first. */
export type SearchMatch = 'EXACT_NAME' | 'NAME' | 'ALIAS' | 'DESCRIPTION';
const TIER: Readonly<Record<SearchMatch, number>> = { EXACT_NAME: 0, NAME: 1, ALIAS: 2, DESCRIPTION: 3 };

export interface SearchHit<T extends CatalogItem = CatalogItem> {
  item: T;
  match: SearchMatch;
}

/** NFKC (full-width → half-width), lower case (affects ASCII letters only in practice), no whitespace. */
export function normalizeKeyword(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

/**
 * Rank items for a keyword: exact name (or exact item code) > name contains > alias contains >
 * description contains. Items that do not match are left out; ties keep catalog order.
 * An empty keyword returns every item (match 'NAME') in catalog order.
 */
export function searchCatalogHits<T extends CatalogItem>(items: readonly T[], keyword: string): SearchHit<T>[] {
  const k = normalizeKeyword(keyword);
  if (!k) return items.map((item) => ({ item, match: 'NAME' as const }));
  const hits: SearchHit<T>[] = [];
  for (const item of items) {
    const name = normalizeKeyword(item.name);
    let match: SearchMatch | undefined;
    if (name === k || normalizeKeyword(item.code) === k) match = 'EXACT_NAME';
    else if (name.includes(k)) match = 'NAME';
    else if (item.aliases.some((a) => normalizeKeyword(a).includes(k))) match = 'ALIAS';
    else if (normalizeKeyword(item.description).includes(k)) match = 'DESCRIPTION';
    if (match) hits.push({ item, match });
  }
  // Array.prototype.sort is stable: ties keep catalog order.
  return hits.sort((a, b) => TIER[a.match] - TIER[b.match]);
}

/** searchCatalogHits without the match tier. */
export function searchCatalog<T extends CatalogItem>(items: readonly T[], keyword: string): T[] {
  return searchCatalogHits(items, keyword).map((h) => h.item);
}
