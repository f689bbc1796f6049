import { catalogText, plainItem } from '../test/fixtures.js';
import { loadCatalog } from './loader.js';
import { normalizeKeyword, searchCatalog, searchCatalogHits } from './search.js';

const items = loadCatalog(
  catalogText([
    plainItem({ code: 'HH-DESC', name: '户籍证明', aliases: ['户口证明'], description: '办理身份证补领时可作核对依据' }),
    plainItem({ code: 'HH-ALIAS', name: '临时居民身份证', aliases: ['临时证', '身份证补领急用'], description: '急需用证' }),
    plainItem({ code: 'HH-NAME', name: '居民身份证补领申请', aliases: [], description: '补办' }),
    plainItem({ code: 'HH-EXACT', name: '身份证补领', aliases: [], description: '补办' }),
    plainItem({ code: 'HH-OTHER', name: '出生登记', aliases: ['报出生', 'Birth Registration'], description: '新生儿落户' }),
  ]),
  'fixture',
).items;

describe('searchCatalog', () => {
  it('ranks exact name > name contains > alias contains > description contains', () => {
    expect(searchCatalog(items, '身份证补领').map((i) => i.code)).toEqual(['HH-EXACT', 'HH-NAME', 'HH-ALIAS', 'HH-DESC']);
    expect(searchCatalogHits(items, '身份证补领').map((h) => h.match)).toEqual(['EXACT_NAME', 'NAME', 'ALIAS', 'DESCRIPTION']);
  });

  it('keeps catalog order within a tier and leaves non-matches out', () => {
    expect(searchCatalog(items, '身份证').map((i) => i.code)).toEqual(['HH-ALIAS', 'HH-NAME', 'HH-EXACT', 'HH-DESC']);
    expect(searchCatalog(items, '护照')).toEqual([]);
  });

  it('is case-insensitive for ASCII, ignores whitespace and full-width forms', () => {
    expect(searchCatalog(items, 'birth').map((i) => i.code)).toEqual(['HH-OTHER']);
    expect(searchCatalog(items, 'ＢＩＲＴＨ  registration').map((i) => i.code)).toEqual(['HH-OTHER']);
    expect(searchCatalog(items, ' 出生 登记 ').map((i) => i.code)).toEqual(['HH-OTHER']);
  });

  it('matches an exact item code like an exact name', () => {
    expect(searchCatalogHits(items, 'hh-name')[0]).toMatchObject({ match: 'EXACT_NAME', item: { code: 'HH-NAME' } });
  });

  it('returns every item for an empty keyword', () => {
    expect(searchCatalog(items, '  ')).toHaveLength(items.length);
  });

  it('normalises keywords', () => {
    expect(normalizeKeyword(' ＡＢc 身份 证 ')).toBe('abc身份证');
  });
});
