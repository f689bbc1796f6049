// Loads every catalog data file of the services and checks the rules the counter relies on.
import { fileURLToPath } from 'node:url';
import { loadCatalogFile } from './loader.js';
import { sixNoticesText } from './notices.js';
import { checkMaterials, computeFee } from './rules.js';
import type { Catalog, CatalogItem, PoliceType } from './schema.js';
import { searchCatalog } from './search.js';

const appFile = (app: string, file: string) => fileURLToPath(new URL(`../../../apps/${app}/catalog/${file}`, import.meta.url));

const FILES: { app: string; file: string; policeType: PoliceType; minItems: number; codes: string[] }[] = [
  {
    app: 'household',
    file: 'household.catalog.yaml',
    policeType: 'HOUSEHOLD',
    minItems: 12,
    codes: [
      'HH-BIRTH-REG', 'HH-MOVE-IN', 'HH-MOVE-OUT', 'HH-DEATH-CANCEL', 'HH-CANCEL-PROOF', 'HH-ID-CARD-FIRST',
      'HH-ID-CARD-RENEW', 'HH-ID-CARD-REPLACE', 'HH-ID-CARD-LOST', 'HH-ID-CARD-TEMP', 'HH-RESIDENCE-PERMIT',
      'HH-REGISTER-REPLACE', 'HH-STATUS-PROOF', 'HH-REGISTER-CHANGE', 'HH-TALENT-SETTLE',
    ],
  },
  {
    app: 'exit-entry',
    file: 'exit-entry.catalog.yaml',
    policeType: 'EXIT_ENTRY',
    minItems: 10,
    codes: ['EE-PASSPORT-FIRST', 'EE-PASSPORT-RENEW', 'EE-PASSPORT-REPLACE', 'EE-HKMO-PERMIT-FIRST', 'EE-SELF-ENDORSE', 'EE-TW-PERMIT', 'EE-TW-ENDORSE'],
  },
  {
    app: 'traffic',
    file: 'traffic.catalog.yaml',
    policeType: 'TRAFFIC',
    minItems: 10,
    codes: ['TR-DL-RENEW', 'TR-DL-REPLACE', 'TR-DL-CHANGE', 'TR-VEH-REGISTER', 'TR-VEH-TRANSFER', 'TR-VEH-DEREGISTER', 'TR-VIOLATION', 'TR-INSPECTION-STICKER', 'TR-TEMP-PLATE'],
  },
  {
    app: 'public-security',
    file: 'public-security.catalog.yaml',
    policeType: 'PUBLIC_SECURITY',
    minItems: 10,
    codes: [
      'PS-HOTEL-LICENCE', 'PS-SEAL-INDUSTRY-LICENCE', 'PS-SEAL-CARVING-FILING', 'PS-EXPLOSIVES-PURCHASE', 'PS-EXPLOSIVES-TRANSPORT',
      'PS-BLASTING-UNIT-LICENCE', 'PS-SECURITY-GUARD-CERT', 'PS-SECURITY-COMPANY-LICENCE', 'PS-LARGE-EVENT-PERMIT', 'PS-LOST-PROPERTY-CLAIM',
    ],
  },
];

const loaded = new Map<string, Catalog>();
const catalogOf = (app: string): Catalog => loaded.get(app)!;
const item = (app: string, code: string): CatalogItem => {
  const found = catalogOf(app).items.find((i) => i.code === code);
  if (!found) throw new Error(`${code} not in ${app}`);
  return found;
};

describe.each(FILES)('$file', ({ app, file, policeType, minItems, codes }) => {
  it('validates', () => {
    const catalog = loadCatalogFile(appFile(app, file));
    loaded.set(app, catalog);
    expect(catalog.policeType).toBe(policeType);
    expect(catalog.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(catalog.items.length).toBeGreaterThanOrEqual(minItems);
    expect(catalog.items.map((i) => i.code)).toEqual(expect.arrayContaining(codes));
  });

  it('gives every item a required phone field for the SMS and at least one source', () => {
    for (const i of catalogOf(app).items) {
      const phone = i.formFields.find((f) => f.type === 'phone');
      expect({ code: i.code, phone: phone?.key }).toEqual({ code: i.code, phone: expect.any(String) });
      if (i.code !== 'PS-LOST-PROPERTY-HANDOVER') expect({ code: i.code, required: phone!.required }).toEqual({ code: i.code, required: true });
      expect(i.sources.length).toBeGreaterThan(0);
    }
  });

  it('has no YAML flow-syntax leaking into text values', () => {
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(catalogOf(app));
    // e.g. 'X不收费, waivers: []' — a flow mapping swallowed by a quoted scalar.
    expect(strings.filter((s) => /,\s*[a-zA-Z]+:\s/.test(s) && !s.includes('[unverified'))).toEqual([]);
  });

  it('prints the six notices of every item without internal remarks', () => {
    for (const i of catalogOf(app).items) {
      const text = sixNoticesText(i).join('\n');
      expect({ code: i.code, leak: /\[|\]|unverified/i.test(text) }).toEqual({ code: i.code, leak: false });
      expect(text).toContain(i.name);
    }
  });
});

describe('household rules encoded in the data', () => {
  it('HH-ID-CARD-REPLACE: photo receipt blocks acceptance, household register may be tolerated', () => {
    const replace = item('household', 'HH-ID-CARD-REPLACE');
    const spec = (code: string) => replace.materials.find((m) => m.code === code)!;
    expect(spec('ID_PHOTO_RECEIPT')).toMatchObject({ required: true, toleratedIfMissing: false, verifiedOnline: false });
    expect(spec('HOUSEHOLD_REGISTER')).toMatchObject({ required: true, toleratedIfMissing: true });
    expect(spec('LOSS_STATEMENT')).toMatchObject({ required: true, toleratedIfMissing: false, verifiedOnline: false });

    const r = checkMaterials(replace, ['LOSS_STATEMENT'], { tolerated: ['HOUSEHOLD_REGISTER', 'ID_PHOTO_RECEIPT'] });
    expect(r.missing.map((m) => m.code)).toEqual(['ID_PHOTO_RECEIPT']);
    expect(r.tolerated.map((m) => m.code)).toEqual(['HOUSEHOLD_REGISTER']);
    expect(r.complete).toBe(false);
    expect(checkMaterials(replace, ['LOSS_STATEMENT', 'ID_PHOTO_RECEIPT'], { tolerated: ['HOUSEHOLD_REGISTER'] }).complete).toBe(true);
  });

  it('ID card fees: 20 yuan first/renewal with waivers, 40 replacement, 10 temporary', () => {
    expect(computeFee(item('household', 'HH-ID-CARD-FIRST'), [])).toEqual({ amountFen: 2000 });
    for (const code of ['FIRST_ID_CARD', 'PUPIL_HOLIDAY', 'LOW_INCOME']) {
      expect(computeFee(item('household', 'HH-ID-CARD-FIRST'), [code]).waiver?.code).toBe(code);
    }
    expect(computeFee(item('household', 'HH-ID-CARD-RENEW'), ['LOW_INCOME']).amountFen).toBe(0);
    expect(computeFee(item('household', 'HH-ID-CARD-RENEW'), [])).toEqual({ amountFen: 2000 });
    expect(computeFee(item('household', 'HH-ID-CARD-REPLACE'), ['LOW_INCOME'])).toEqual({ amountFen: 4000 });
    expect(computeFee(item('household', 'HH-ID-CARD-TEMP'), [])).toEqual({ amountFen: 1000 });
  });

  it('ID card time limits: 60 calendar days by law, 15 working days promised; temporary card 3 days', () => {
    for (const code of ['HH-ID-CARD-FIRST', 'HH-ID-CARD-RENEW', 'HH-ID-CARD-REPLACE']) {
      const i = item('household', code);
      expect(i.statutoryTimeLimit).toMatchObject({ value: 60, unit: 'CALENDAR_DAYS' });
      expect(i.promisedTimeLimit).toMatchObject({ value: 15, unit: 'WORKING_DAYS' });
      const pickup = i.formFields.find((f) => f.key === 'pickupMethod');
      expect(pickup).toMatchObject({ type: 'enum', required: true, options: ['窗口领取', '邮寄', '上门'] });
    }
    expect(item('household', 'HH-ID-CARD-TEMP').statutoryTimeLimit).toMatchObject({ value: 3, unit: 'CALENDAR_DAYS' });
    expect(item('household', 'HH-RESIDENCE-PERMIT').statutoryTimeLimit).toMatchObject({ value: 15, unit: 'CALENDAR_DAYS' });
    expect(item('household', 'HH-MOVE-IN').statutoryTimeLimit).toMatchObject({ value: 3, unit: 'CALENDAR_DAYS' });
    expect(item('household', 'HH-RESIDENCE-PERMIT').fee).toMatchObject({ amountFen: 0, basis: '《居住证暂行条例》第二十一条' });
  });

  it('cites the articles that set the limits: 居民身份证法 第十二条 for the 60 days and the temporary card', () => {
    for (const code of ['HH-ID-CARD-FIRST', 'HH-ID-CARD-RENEW', 'HH-ID-CARD-REPLACE']) {
      const i = item('household', code);
      expect(i.statutoryTimeLimit.note).toContain('居民身份证法第十二条');
      expect(i.legalBasis.join()).toContain('第十二条');
    }
    expect(item('household', 'HH-ID-CARD-TEMP').legalBasis).toContain('《中华人民共和国居民身份证法》第十二条');
  });

  it('限时办结 runs to issuance for documents: ID cards, passports, plates stop the clock when made', () => {
    for (const [app, code] of [['household', 'HH-ID-CARD-FIRST'], ['household', 'HH-ID-CARD-RENEW'], ['household', 'HH-ID-CARD-REPLACE'], ['exit-entry', 'EE-PASSPORT-FIRST'], ['traffic', 'TR-VEH-PLATE-REPLACE']] as const) {
      expect({ code, clockStopsAt: item(app, code).clockStopsAt }).toEqual({ code, clockStopsAt: 'READY_FOR_PICKUP' });
    }
    expect(item('public-security', 'PS-HOTEL-LICENCE').clockStopsAt).toBe('APPROVED');
    expect(item('public-security', 'PS-HOTEL-LICENCE').maxExtension).toMatchObject({ workingDays: 10 });
    expect(item('traffic', 'TR-VIOLATION').maxExtension.workingDays).toBe(0);
  });

  it('HH-DEATH-CANCEL is simple: death certificate checked online, proof issued on the spot', () => {
    const death = item('household', 'HH-DEATH-CANCEL');
    const cert = death.materials.find((m) => m.code === 'DEATH_MEDICAL_CERT')!;
    expect(cert).toMatchObject({ verifiedOnline: true, verifiedBy: '卫健部门' });
    // One visit: the register is cancelled and the other police types follow up within 5 working days.
    expect(death.promisedTimeLimit).toMatchObject({ value: 5, unit: 'WORKING_DAYS' });
    expect(death.resultName).toBe('户口注销证明');
    expect(death.fee.amountFen).toBe(0);
    const r = checkMaterials(death, ['DECLARANT_ID'], { tolerated: ['DECEASED_HOUSEHOLD_REGISTER'] });
    expect(r.complete).toBe(true);
    expect(r.verifiedOnline.map((m) => m.code)).toEqual(['DEATH_MEDICAL_CERT']);
  });

  it('search finds the replacement item for a citizen phrase', () => {
    expect(searchCatalog(catalogOf('household').items, '身份证丢了')[0]!.code).toBe('HH-ID-CARD-REPLACE');
    expect(searchCatalog(catalogOf('household').items, '居民身份证补领')[0]!.code).toBe('HH-ID-CARD-REPLACE');
  });
});

describe('other services encoded in the data', () => {
  it('passport: 120 yuan, 15 calendar days by law, 7 working days promised', () => {
    const p = item('exit-entry', 'EE-PASSPORT-FIRST');
    expect(p.fee.amountFen).toBe(12000);
    expect(p.statutoryTimeLimit).toMatchObject({ value: 15, unit: 'CALENDAR_DAYS' });
    expect(p.promisedTimeLimit).toMatchObject({ value: 7, unit: 'WORKING_DAYS' });
    expect(item('exit-entry', 'EE-HKMO-PERMIT-FIRST').fee.amountFen).toBe(6000);
    for (const code of ['EE-PASSPORT-FIRST', 'EE-PASSPORT-RENEW', 'EE-PASSPORT-REPLACE']) {
      expect(item('exit-entry', code).statutoryTimeLimit.note).toContain('护照法第六条');
    }
    expect(item('exit-entry', 'EE-PASSPORT-REPLACE').fee).toMatchObject({ amountFen: 12000, basis: expect.not.stringContaining('unverified') });
  });

  it('Taiwan permit: 60 yuan since 2020-01-01 (发改价格规〔2019〕1931号), 30 days; endorsements 15 yuan base', () => {
    const tw = item('exit-entry', 'EE-TW-PERMIT');
    expect(tw.fee.amountFen).toBe(6000);
    expect(tw.fee.basis).toContain('发改价格规〔2019〕1931号');
    expect(tw.statutoryTimeLimit).toMatchObject({ value: 30, unit: 'CALENDAR_DAYS', note: expect.not.stringContaining('unverified') });
    expect(item('exit-entry', 'EE-TW-ENDORSE').fee).toMatchObject({ amountFen: 1500, basis: expect.stringContaining('多次有效80元') });
    expect(item('exit-entry', 'EE-HKMO-ENDORSE-GROUP').fee).toMatchObject({ amountFen: 1500, basis: expect.stringContaining('二次有效30元') });
  });

  it('plates 15 days (公安部令第164号 第五十一条); explosives transport 3 days; the guard certificate limit is local', () => {
    expect(item('traffic', 'TR-VEH-PLATE-REPLACE').statutoryTimeLimit).toMatchObject({ value: 15, note: expect.stringContaining('第五十一条') });
    expect(item('public-security', 'PS-EXPLOSIVES-TRANSPORT').statutoryTimeLimit).toMatchObject({ value: 3, note: expect.not.stringContaining('unverified') });
    expect(item('public-security', 'PS-SECURITY-GUARD-CERT').statutoryTimeLimit.note).toContain('unverified: local');
  });

  it('hotel licence: free, 20 working days', () => {
    const h = item('public-security', 'PS-HOTEL-LICENCE');
    expect(h.fee.amountFen).toBe(0);
    expect(h.statutoryTimeLimit).toMatchObject({ value: 20, unit: 'WORKING_DAYS' });
    expect(item('public-security', 'PS-EXPLOSIVES-PURCHASE').statutoryTimeLimit.value).toBe(5);
  });
});

describe('三级窗口 delegation (seeds 000 and 002)', () => {
  const all = FILES.flatMap((f) => loadCatalogFile(appFile(f.app, f.file)).items);

  it('delegates 35 items in 4 police types to street points and 6 household items to community points', () => {
    const street = all.filter((i) => i.acceptLevels.includes('STREET'));
    expect(street).toHaveLength(35);
    expect(new Set(street.map((i) => i.policeType)).size).toBe(4);
    const community = all.filter((i) => i.acceptLevels.includes('COMMUNITY'));
    expect(community.map((i) => i.code).sort()).toEqual(
      ['HH-ID-CARD-LOST', 'HH-ID-CARD-RENEW', 'HH-ID-CARD-REPLACE', 'HH-RESIDENCE-PERMIT', 'HH-RESIDENCE-PERMIT-ENDORSE', 'HH-RESIDENCE-PERMIT-REPLACE'],
    );
    // Every item is taken at the district hall.
    expect(all.every((i) => i.acceptLevels.includes('DISTRICT_HALL'))).toBe(true);
  });
});
