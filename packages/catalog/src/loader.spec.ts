import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogText, plainCatalog, plainItem } from '../test/fixtures.js';
import { CatalogValidationError } from './errors.js';
import { loadCatalog, loadCatalogFile, loadCatalogFileAsync } from './loader.js';
import { Catalog, CatalogItem } from './schema.js';

function problemsOf(text: string): CatalogValidationError {
  try {
    loadCatalog(text, 'test.yaml');
  } catch (e) {
    if (e instanceof CatalogValidationError) return e;
    throw e;
  }
  throw new Error('expected CatalogValidationError');
}

describe('loadCatalog', () => {
  it('loads a valid JSON catalog into class instances with defaults applied', () => {
    const c = loadCatalog(catalogText(), 'test.json');
    expect(c).toBeInstanceOf(Catalog);
    expect(c.items[0]).toBeInstanceOf(CatalogItem);
    expect(c.items[0]!.materials[0]).toMatchObject({ code: 'ID_PHOTO_RECEIPT', toleratedIfMissing: false, verifiedOnline: false });
    expect(c.items[0]!.fee.amountFen).toBe(2000);
  });

  it('loads YAML, defaulting aliases and waivers to empty lists', () => {
    const yaml = `
policeType: HOUSEHOLD
version: "2.1.0"
effectiveFrom: "2025-03-01"
items:
  - code: HH-YAML
    name: 户籍证明
    policeType: HOUSEHOLD
    category: 证明
    description: 出具户籍证明
    materials:
      - { code: ID_CARD, name: 居民身份证, required: true }
    fee: { amountFen: 0, description: 不收费 }
    statutoryTimeLimit: { value: 1, unit: WORKING_DAYS }
    promisedTimeLimit: { value: 0, unit: WORKING_DAYS }
    channels: [COUNTER, ONLINE]
    processSteps: [申请, 出具]
    legalBasis: [户口登记条例]
    supervisionPhone: "12389"
    resultName: 户籍证明
    formFields:
      - { key: contactPhone, label: 联系电话, type: phone, required: true }
    sources:
      - { title: 国家政务服务平台, url: "https://gjzwfw.www.gov.cn/" }
`;
    const c = loadCatalog(yaml, 'inline.yaml');
    expect(c.version).toBe('2.1.0');
    expect(c.items[0]!.aliases).toEqual([]);
    expect(c.items[0]!.fee.waivers).toEqual([]);
    expect(c.items[0]!.channels).toEqual(['COUNTER', 'ONLINE']);
  });

  it('defaults the clock stop to the decision and the extension cap to 行政许可法 第四十二条; an item may say otherwise', () => {
    const c = loadCatalog(catalogText(), 'test.json');
    expect(c.items[0]).toMatchObject({ clockStopsAt: 'APPROVED', maxExtension: { workingDays: 10, basis: '《中华人民共和国行政许可法》第四十二条' } });
    const own = loadCatalog(catalogText([plainItem({ clockStopsAt: 'READY_FOR_PICKUP', maxExtension: { workingDays: 0, basis: '当场办结' } })]), 'own.json');
    expect(own.items[0]).toMatchObject({ clockStopsAt: 'READY_FOR_PICKUP', maxExtension: { workingDays: 0, basis: '当场办结' } });
    const bad = problemsOf(catalogText([plainItem({ clockStopsAt: 'ACCEPTED', maxExtension: { workingDays: -1 } })]));
    expect(bad.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['clockStopsAt', 'maxExtension.workingDays', 'maxExtension.basis']));
  });

  it('lists every problem with item code and field path', () => {
    const bad = plainItem({
      code: 'HH-BAD',
      materials: [{ code: 'bad code', name: '', required: 'yes' }],
      channels: ['COUNTER', 'FAX'],
      supervisionPhone: 12389,
      formFields: [{ key: 'Phone', label: '电话', type: 'email', required: true }],
      sources: [{ title: '来源', url: 'not a url' }],
    });
    const err = problemsOf(catalogText([bad]));
    const where = err.problems.map((p) => `${p.itemCode}|${p.path}`);
    expect(where).toEqual(
      expect.arrayContaining([
        'HH-BAD|materials[0].code',
        'HH-BAD|materials[0].name',
        'HH-BAD|materials[0].required',
        'HH-BAD|channels',
        'HH-BAD|supervisionPhone',
        'HH-BAD|formFields[0].key',
        'HH-BAD|formFields[0].type',
        'HH-BAD|sources[0].url',
      ]),
    );
    expect(err.sourceName).toBe('test.yaml');
    expect(err.message).toContain('[HH-BAD] materials[0].code');
    expect(err.name).toBe('CatalogValidationError');
  });

  it('reports a missing field once, and unknown fields', () => {
    const item = plainItem({ code: 'HH-MISSING', colour: 'red' });
    delete item['resultName'];
    const err = problemsOf(catalogText([item], { extra: true }));
    expect(err.problems).toEqual(
      expect.arrayContaining([
        { itemCode: 'HH-MISSING', path: 'resultName', message: 'resultName is required' },
        expect.objectContaining({ itemCode: 'HH-MISSING', path: 'colour' }),
        expect.objectContaining({ path: 'extra' }),
      ]),
    );
    expect(err.problems.filter((p) => p.path === 'resultName')).toHaveLength(1);
  });

  it('names an item without a code by its index', () => {
    const item = plainItem();
    delete item['code'];
    const err = problemsOf(catalogText([plainItem(), item]));
    expect(err.problems).toContainEqual({ itemCode: '#1', path: 'code', message: 'code is required' });
  });

  it('rejects duplicate item codes and duplicate material codes', () => {
    const a = plainItem({ code: 'HH-DUP' });
    const b = plainItem({
      code: 'HH-DUP',
      materials: [
        { code: 'ID_CARD', name: '身份证', required: true },
        { code: 'ID_CARD', name: '身份证复印件', required: false },
      ],
    });
    const err = problemsOf(catalogText([a, b]));
    expect(err.problems).toEqual(
      expect.arrayContaining([
        { itemCode: 'HH-DUP', path: 'code', message: 'duplicate item code HH-DUP' },
        { itemCode: 'HH-DUP', path: 'materials', message: 'duplicate material code ID_CARD' },
      ]),
    );
  });

  it("rejects an item whose police type differs from the catalog's, and a foreign code prefix", () => {
    const err = problemsOf(catalogText([plainItem({ code: 'EE-PASSPORT', policeType: 'EXIT_ENTRY' })]));
    expect(err.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ itemCode: 'EE-PASSPORT', path: 'policeType' }),
        expect.objectContaining({ itemCode: 'EE-PASSPORT', path: 'code', message: 'code must start with HH- in a HOUSEHOLD catalog' }),
      ]),
    );
  });

  it('rejects a promised limit longer than the statutory one in the same unit', () => {
    const item = plainItem({
      statutoryTimeLimit: { value: 20, unit: 'WORKING_DAYS' },
      promisedTimeLimit: { value: 25, unit: 'WORKING_DAYS' },
    });
    const err = problemsOf(catalogText([item]));
    expect(err.problems).toEqual([expect.objectContaining({ itemCode: 'HH-TEST-ITEM', path: 'promisedTimeLimit' })]);
  });

  it('accepts equal limits, and compares working against calendar days conservatively', () => {
    const equal = plainItem({
      code: 'HH-EQUAL',
      statutoryTimeLimit: { value: 3, unit: 'CALENDAR_DAYS' },
      promisedTimeLimit: { value: 3, unit: 'CALENDAR_DAYS' },
    });
    const calendarPromise = plainItem({
      code: 'HH-CAL',
      statutoryTimeLimit: { value: 5, unit: 'WORKING_DAYS' },
      promisedTimeLimit: { value: 7, unit: 'CALENDAR_DAYS' },
    });
    expect(() => loadCatalog(catalogText([equal, calendarPromise]), 't')).not.toThrow();
    const tooLong = plainItem({
      statutoryTimeLimit: { value: 3, unit: 'CALENDAR_DAYS' },
      promisedTimeLimit: { value: 4, unit: 'WORKING_DAYS' },
    });
    expect(problemsOf(catalogText([tooLong])).problems[0]!.message).toContain('working days exceeds statutory 3 calendar days');
  });

  it('checks cross-field rules of materials, fees and form fields', () => {
    const item = plainItem({
      materials: [
        { code: 'OPTIONAL', name: '选交材料', required: false, toleratedIfMissing: true },
        { code: 'ORPHAN_BY', name: '材料', required: true, verifiedBy: '民政部门' },
      ],
      fee: { amountFen: 0, description: '免费', waivers: [{ code: 'LOW_INCOME', description: 'x', condition: 'y' }] },
      formFields: [
        { key: 'pickupMethod', label: '领取方式', type: 'enum', required: true },
        { key: 'name', label: '姓名', type: 'string', required: true, options: ['a'] },
        { key: 'name', label: '姓名2', type: 'string', required: false },
      ],
    });
    const paths = problemsOf(catalogText([item])).problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'materials[0].toleratedIfMissing',
        'materials[1].verifiedBy',
        'fee.waivers',
        'formFields[0].options',
        'formFields[1].options',
        'formFields',
      ]),
    );
  });

  it('checks version, date and the list of items', () => {
    const err = problemsOf(JSON.stringify(plainCatalog([], { version: '1.0', effectiveFrom: '2025-02-30', policeType: 'FIRE' })));
    const paths = err.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['version', 'effectiveFrom', 'policeType', 'items']));
    expect(err.problems.find((p) => p.path === 'effectiveFrom')!.message).toContain('not a calendar date');
  });

  it('turns YAML syntax errors and non-mapping roots into CatalogValidationError', () => {
    expect(problemsOf('items: [unclosed').problems[0]!.path).toBe('(parse)');
    expect(problemsOf('a: 1\na: 2').problems[0]!.path).toBe('(parse)');
    expect(problemsOf('- just a list').problems[0]!.path).toBe('(root)');
    expect(problemsOf('').problems[0]!.path).toBe('(root)');
  });
});

describe('loadCatalogFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-'));

  it('reads and validates a file, sync and async', async () => {
    const path = join(dir, 'ok.catalog.yaml');
    writeFileSync(path, catalogText());
    expect(loadCatalogFile(path).items).toHaveLength(1);
    expect((await loadCatalogFileAsync(path)).items[0]!.code).toBe('HH-TEST-ITEM');
  });

  it('uses the path as the source name', () => {
    const path = join(dir, 'bad.catalog.yaml');
    writeFileSync(path, catalogText([plainItem({ code: 'nope' })]));
    expect(() => loadCatalogFile(path)).toThrow(path);
  });

  it('reports a missing file as a CatalogValidationError', async () => {
    const path = join(dir, 'absent.yaml');
    expect(() => loadCatalogFile(path)).toThrow(CatalogValidationError);
    await expect(loadCatalogFileAsync(path)).rejects.toBeInstanceOf(CatalogValidationError);
  });
});
