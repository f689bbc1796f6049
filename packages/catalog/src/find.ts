import type { Catalog, CatalogItem } from './schema.js';

/** The item with this code, or undefined. */
export function findItem(catalog: Pick<Catalog, 'items'>, code: string): CatalogItem | undefined {
  return catalog.items.find((i) => i.code === code);
}
