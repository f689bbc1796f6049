/** One problem found in a catalog file. */
export interface CatalogProblem {
  /** Code of the item the problem is in (or `#<index>` when the item has no usable code). */
  itemCode?: string;
  /** Field path inside the item (or the catalog when itemCode is absent), e.g. `materials[1].code`. */
  path: string;
  message: string;
}

export function formatProblem(p: CatalogProblem): string {
  const where = p.itemCode ? `[${p.itemCode}] ${p.path}` : p.path;
  return `${where}: ${p.message}`;
}

/** Thrown by the loader; lists every problem found, not just the first. */
export class CatalogValidationError extends Error {
  override readonly name = 'CatalogValidationError';

  constructor(
    readonly sourceName: string,
    readonly problems: readonly CatalogProblem[],
  ) {
    super(
      `Catalog ${sourceName} is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join('\n'),
    );
  }
}
