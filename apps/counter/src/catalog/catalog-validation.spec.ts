import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalogFile, type Catalog } from '@onewindow/catalog';
import { PoliceType, type CatalogPublishedEvent } from '@onewindow/contracts';
import { rankCatalogItems, searchTextOf, validatePublishedCatalog } from './catalog-validation.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// The household service's real catalog, as it would publish it.
const household: Catalog = loadCatalogFile(path.resolve(here, '../../../household/catalog/household.catalog.yaml'));

function event(items: unknown[], overrides: Partial<CatalogPublishedEvent> = {}): CatalogPublishedEvent {
  return {
    service: 'household',
    policeType: PoliceType.HOUSEHOLD,
    version: household.version,
    effectiveFrom: household.effectiveFrom,
    items: items.map((i) => ({ code: (i as { code: string }).code, name: (i as { name: string }).name, item: i as Record<string, unknown> })),
    ...overrides,
  };
}

const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as Record<string, unknown>;

describe('catalog index: validation of a published version', () => {
  it('accepts every item of a valid catalog, in order', () => {
    const { items, rejected } = validatePublishedCatalog(event(household.items.map(plain)));
    expect(rejected).toEqual([]);
    expect(items.map((i) => i.code)).toEqual(household.items.map((i) => i.code));
  });

  it('leaves out a bad item, a duplicate and an item of another police type, keeping the rest', () => {
    const [a, b, c] = household.items.map(plain);
    const broken = { ...b, materials: [{ code: 'lower-case', name: 'x', required: true }] };
    const foreign = { ...c, code: 'EE-PASSPORT-X', policeType: 'EXIT_ENTRY' };
    const { items, rejected } = validatePublishedCatalog(event([a, broken, foreign, a]));
    expect(items.map((i) => i.code)).toEqual([a!['code']]);
    expect(rejected.map((r) => r.code)).toEqual([b!['code'], 'EE-PASSPORT-X', a!['code']]);
    expect(rejected[0]!.problems.join()).toMatch(/materials\[0\]\.code/);
  });

  it('rejects every item of a version with a bad version string', () => {
    const { items, rejected } = validatePublishedCatalog(event(household.items.slice(0, 2).map(plain), { version: 'v2' }));
    expect(items).toEqual([]);
    expect(rejected).toHaveLength(2);
  });
});

describe('catalog index: ranking', () => {
  const items = household.items;

  it('ranks exact name > name contains > alias > description, ties in catalog order', () => {
    const hits = rankCatalogItems(items, '身份证').map((i) => i.code);
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.every((c) => c.startsWith('HH-'))).toBe(true);
    const nameHits = items.filter((i) => i.name.includes('身份证')).map((i) => i.code);
    expect(hits.slice(0, nameHits.length)).toEqual(nameHits);

    expect(rankCatalogItems(items, '居民身份证换领')[0]!.code).toBe('HH-ID-CARD-RENEW');
    expect(rankCatalogItems(items, 'hh-move-in')[0]!.code).toBe('HH-MOVE-IN');
    // An alias only: 新生儿落户 is how citizens say 出生登记.
    expect(rankCatalogItems(items, '新生儿落户').map((i) => i.code)).toEqual(['HH-BIRTH-REG']);
  });

  it('an empty keyword lists everything in index order; full-width and spaces are ignored', () => {
    expect(rankCatalogItems(items, undefined)).toHaveLength(items.length);
    expect(rankCatalogItems(items, ' 出生 登记 ')[0]!.code).toBe('HH-BIRTH-REG');
  });

  it('keeps a search text that the SQL pre-filter can match with the same normalisation', () => {
    const birth = items.find((i) => i.code === 'HH-BIRTH-REG')!;
    expect(searchTextOf(birth)).toContain('出生登记');
    expect(searchTextOf(birth)).toContain('新生儿落户');
    expect(searchTextOf(birth)).toContain('hh-birth-reg');
  });
});
