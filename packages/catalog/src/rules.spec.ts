import { catalogText, plainItem } from '../test/fixtures.js';
import { loadCatalog } from './loader.js';
import { checkMaterials, computeFee, formatFen, formatTimeLimit } from './rules.js';
import type { CatalogItem } from './schema.js';

const item: CatalogItem = loadCatalog(catalogText([plainItem()]), 'fixture').items[0]!;
const codes = (list: { code: string }[]) => list.map((m) => m.code);

describe('checkMaterials', () => {
  it('lists required materials not presented, skipping online-verified and optional ones', () => {
    const r = checkMaterials(item, []);
    expect(codes(r.missing)).toEqual(['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER']);
    expect(codes(r.verifiedOnline)).toEqual(['BIRTH_CERT']);
    expect(r.tolerated).toEqual([]);
    expect(r.unknown).toEqual([]);
    expect(r.complete).toBe(false);
  });

  it('accepts a tolerated gap only for a toleratedIfMissing material', () => {
    const r = checkMaterials(item, ['ID_PHOTO_RECEIPT'], { tolerated: ['HOUSEHOLD_REGISTER'] });
    expect(codes(r.tolerated)).toEqual(['HOUSEHOLD_REGISTER']);
    expect(r.missing).toEqual([]);
    expect(r.complete).toBe(true);

    const notTolerable = checkMaterials(item, ['HOUSEHOLD_REGISTER'], { tolerated: ['ID_PHOTO_RECEIPT'] });
    expect(codes(notTolerable.missing)).toEqual(['ID_PHOTO_RECEIPT']);
    expect(notTolerable.tolerated).toEqual([]);
    expect(notTolerable.complete).toBe(false);
  });

  it('does not list a presented material as tolerated or online-verified', () => {
    const r = checkMaterials(item, ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'BIRTH_CERT'], { tolerated: ['HOUSEHOLD_REGISTER'] });
    expect(r).toEqual({ missing: [], tolerated: [], verifiedOnline: [], unknown: [], complete: true });
  });

  it('reports unknown presented codes once, trimmed, in presentation order', () => {
    const r = checkMaterials(item, [' ID_PHOTO_RECEIPT ', 'PASSPORT', 'HOUSEHOLD_REGISTER', 'PASSPORT', 'VISA']);
    expect(r.unknown).toEqual(['PASSPORT', 'VISA']);
    expect(r.complete).toBe(true);
  });

  it('ignores a tolerated code the item does not have', () => {
    const r = checkMaterials(item, [], { tolerated: ['NOPE', 'HOUSEHOLD_REGISTER'] });
    expect(codes(r.missing)).toEqual(['ID_PHOTO_RECEIPT']);
    expect(codes(r.tolerated)).toEqual(['HOUSEHOLD_REGISTER']);
  });
});

describe('computeFee', () => {
  it('charges the full fee without a valid waiver', () => {
    expect(computeFee(item, [])).toEqual({ amountFen: 2000 });
    expect(computeFee(item)).toEqual({ amountFen: 2000 });
    expect(computeFee(item, ['PUPIL_HOLIDAY'])).toEqual({ amountFen: 2000 });
  });

  it('waives the fee for a claimed waiver the item offers', () => {
    const r = computeFee(item, ['UNKNOWN', 'LOW_INCOME']);
    expect(r.amountFen).toBe(0);
    expect(r.waiver?.code).toBe('LOW_INCOME');
  });

  it("applies the first of the item's waivers in catalog order", () => {
    const two = {
      fee: {
        amountFen: 2000,
        description: '工本费',
        waivers: [
          { code: 'FIRST_ID_CARD', description: '首次申领免费', condition: '首次' },
          { code: 'LOW_INCOME', description: '低保', condition: '低保' },
        ],
      },
    };
    expect(computeFee(two, ['LOW_INCOME', 'FIRST_ID_CARD']).waiver?.code).toBe('FIRST_ID_CARD');
  });

  it('returns no waiver for a free item', () => {
    expect(computeFee({ fee: { amountFen: 0, description: '免费', waivers: [] } }, ['LOW_INCOME'])).toEqual({ amountFen: 0 });
  });
});

describe('formatFen', () => {
  it.each([
    [2000, '20.00元'],
    [4000, '40.00元'],
    [0, '0.00元'],
    [5, '0.05元'],
    [1234567, '12345.67元'],
    [-150, '-1.50元'],
  ])('%d → %s', (fen, text) => expect(formatFen(fen)).toBe(text));

  it('rejects non-integers', () => {
    expect(() => formatFen(12.5)).toThrow(RangeError);
    expect(() => formatFen(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatTimeLimit', () => {
  it('formats both units and on-the-spot', () => {
    expect(formatTimeLimit({ value: 15, unit: 'WORKING_DAYS' })).toBe('15个工作日');
    expect(formatTimeLimit({ value: 60, unit: 'CALENDAR_DAYS' })).toBe('60日（自然日）');
    expect(formatTimeLimit({ value: 0, unit: 'WORKING_DAYS' })).toBe('当场办结');
  });
});
