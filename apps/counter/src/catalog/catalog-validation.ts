import type { CatalogPublishedEvent } from '@onewindow/contracts';
import { CatalogValidationError, formatProblem, loadCatalog, normalizeKeyword, searchCatalogHits, type CatalogItem } from '@onewindow/catalog';

export interface ValidatedCatalog {
  items: CatalogItem[];
  /** Items left out, with every problem found (logged by the caller). */
  rejected: { code: string; problems: string[] }[];
}

/**
 * Validates each published item with @onewindow/catalog by wrapping it in a one-item catalog of
 * the event's police type, version and date (so the schema, the cross-field rules and the
 * police-type code prefix all apply). One bad item does not block the rest; duplicates keep
 * the first occurrence.
 */
export function validatePublishedCatalog(event: CatalogPublishedEvent): ValidatedCatalog {
  const items: CatalogItem[] = [];
  const rejected: ValidatedCatalog['rejected'] = [];
  const seen = new Set<string>();
  event.items.forEach((published, index) => {
    const code = published.code || `#${index}`;
    if (seen.has(code)) {
      rejected.push({ code, problems: ['duplicate item code in this version'] });
      return;
    }
    try {
      const catalog = loadCatalog(
        JSON.stringify({ policeType: event.policeType, version: event.version, effectiveFrom: event.effectiveFrom, items: [published.item] }),
        `${event.service}@${event.version}:${code}`,
      );
      const item = catalog.items[0]!;
      if (item.code !== published.code) {
        rejected.push({ code, problems: [`envelope code ${published.code} differs from item code ${item.code}`] });
        return;
      }
      seen.add(code);
      items.push(item);
    } catch (err) {
      if (!(err instanceof CatalogValidationError)) throw err;
      rejected.push({ code, problems: err.problems.map(formatProblem) });
    }
  });
  return { items, rejected };
}

/** Text the SQL pre-filter matches a keyword against: the same normalisation as searchCatalog. */
export function searchTextOf(item: CatalogItem): string {
  return normalizeKeyword([item.code, item.name, ...item.aliases, item.description].join('\u0001'));
}

/**
 * The counter's ranking: exactly searchCatalog (exact name or code > name contains > alias >
 * description), applied to items already in index order (police type, then catalog order).
 */
export function rankCatalogItems<T extends CatalogItem>(items: readonly T[], keyword: string | undefined): T[] {
  return searchCatalogHits(items, keyword ?? '').map((h) => h.item);
}
