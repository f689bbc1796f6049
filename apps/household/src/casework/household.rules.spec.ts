import { loadCatalogFile, type CatalogItem } from '@onewindow/catalog';
import { Role, type AcceptApplicationCommand, type ApplicationAction, type ApplicationSnapshot, type Identity } from '@onewindow/contracts';
import { buildIdNumber } from '@onewindow/id-number';
import type { AuditService } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { HOUSEHOLD_CATALOG_PATH } from '../household.schema.js';
import type { IdCardEntity, IdCardKind, IdCardStatus } from '../id-card/id-card.entity.js';
import type { IdCardRepository, NewIdCard } from '../id-card/id-card.repository.js';
import type { PersonEntity, PersonStatus } from '../person/person.entity.js';
import type { PersonRepository } from '../person/person.repository.js';
import { HouseholdRules } from './household.rules.js';

const TODAY = '2026-11-26';
const manager = {} as EntityManager;
const clerk: Identity = { sub: 'u-clerk', username: 'demo-clerk', displayName: '窗口民警', roles: [Role.CLERK], unitCode: '510107001', unitName: '浆洗街派出所' };
const catalog = loadCatalogFile(HOUSEHOLD_CATALOG_PATH);
const item = (code: string): CatalogItem => {
  const found = catalog.items.find((i) => i.code === code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
};

let seq = 1;
function makePerson(o: Partial<PersonEntity> & { birthDate?: string; sex?: 'MALE' | 'FEMALE' } = {}): PersonEntity {
  const birthDate = o.birthDate ?? '1988-04-12';
  const sex = o.sex ?? 'MALE';
  const s = seq++ * 2 + (sex === 'MALE' ? 1 : 0);
  return {
    id: `p${s}`, idNumber: buildIdNumber({ regionCode: '510107', birthDate, sequence: s }), name: '张伟', sex, ethnicity: '汉族', birthDate,
    address: '武侯区', phone: '13911112222', householdId: null, household: null, relationToHead: '户主', status: 'NORMAL', deceasedOn: null,
    unitCode: '510107001', createdAt: new Date(), updatedAt: new Date(), ...o,
  } as PersonEntity;
}

class FakePersons {
  readonly byId = new Map<string, PersonEntity>();
  add(...ps: PersonEntity[]) { for (const p of ps) this.byId.set(p.idNumber, p); }
  async findByIdNumber(id: string, scope: { unitPrefix: string }) {
    const p = this.byId.get(id);
    return p && p.unitCode.startsWith(scope.unitPrefix) ? p : null;
  }
  async updateStatus(id: string, _scope: unknown, change: { status: PersonStatus; deceasedOn?: string | null }) {
    const p = this.byId.get(id);
    if (!p) return 0;
    p.status = change.status;
    p.deceasedOn = change.deceasedOn ?? null;
    return 1;
  }
}

class FakeCards {
  cards: IdCardEntity[] = [];
  add(idNumber: string, issuedOn: string, status: IdCardStatus = 'VALID', kind: IdCardKind = 'RESIDENT') {
    this.cards.push({ id: `c${this.cards.length}`, idNumber, kind, issuedOn, validUntil: null, status, applicationNumber: null } as IdCardEntity);
  }
  async findResidentCards(id: string) { return this.cards.filter((c) => c.idNumber === id && c.kind === 'RESIDENT'); }
  async findByApplication(n: string) { return this.cards.find((c) => c.applicationNumber === n) ?? null; }
  async closeValidCard(id: string, kind: IdCardKind, status: IdCardStatus) {
    const hit = this.cards.filter((c) => c.idNumber === id && c.kind === kind && c.status === 'VALID');
    for (const c of hit) c.status = status;
    return hit.length;
  }
  async cancelAllValid(id: string) {
    const hit = this.cards.filter((c) => c.idNumber === id && c.status === 'VALID');
    for (const c of hit) c.status = 'CANCELLED';
    return hit.length;
  }
  /** One card change at a time per person: the real repository's advisory lock (tested on PostgreSQL in test/household-rules.test.ts). */
  async lockPerson() {}
  async insert(card: NewIdCard) { this.cards.push({ id: `c${this.cards.length}`, status: 'VALID', ...card } as IdCardEntity); }
}

let persons: FakePersons;
let cards: FakeCards;
let audits: unknown[];
let rules: HouseholdRules;

beforeEach(() => {
  persons = new FakePersons();
  cards = new FakeCards();
  audits = [];
  const audit = { record: async (_a: Identity, e: unknown) => void audits.push(e) } as unknown as AuditService;
  rules = new HouseholdRules(persons as unknown as PersonRepository, cards as unknown as IdCardRepository, audit);
});

function accept(code: string, applicant: string, form: Record<string, unknown>, claimedWaivers?: string[], it: CatalogItem = item(code)) {
  const command = { idempotencyKey: 'k-12345678', itemCode: code, applicantIdNumber: applicant, presentedMaterials: [], form, claimedWaivers } as AcceptApplicationCommand;
  return rules.checkAcceptance({ item: it, command, applicantIdNumber: applicant, actor: clerk, today: TODAY, manager });
}

const replaceForm = (p: PersonEntity, o: Record<string, unknown> = {}) => ({
  applicantName: p.name, applicantIdNumber: p.idNumber, contactPhone: '13800138000', replaceReason: '丢失', pickupMethod: '窗口领取', ...o,
});

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string; details?: unknown }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; details?: unknown };
  }
  throw new Error('expected a refusal');
}

describe('HouseholdRules.checkAcceptance', () => {
  it('accepts an ID card replacement: fee 40 yuan, contact phone from the form, validity by age, audited read', async () => {
    const p = makePerson();
    persons.add(p);
    const d = await accept('HH-ID-CARD-REPLACE', p.idNumber, replaceForm(p));
    expect(d).toMatchObject({ applicantName: '张伟', applicantPhone: '13800138000', feeFen: 4000, waiverCode: null });
    expect(d.details?.['idCardValidity']).toEqual({ term: 'TWENTY_YEARS', years: 20, label: '20年', age: 38 });
    expect(audits).toEqual([expect.objectContaining({ action: 'PERSON_READ', subjectRef: p.idNumber, purpose: '受理：居民身份证补领' })]);
  });

  it('refuses applicants missing from the register, deceased, or moved out where a local registration is needed', async () => {
    const ghost = buildIdNumber({ regionCode: '510107', birthDate: '1990-01-01', sequence: 11 });
    expect((await refusal(accept('HH-ID-CARD-REPLACE', ghost, replaceForm(makePerson({ idNumber: ghost }))))).code).toBe('PERSON_NOT_FOUND');

    const dead = makePerson({ status: 'DECEASED', deceasedOn: '2024-11-20' });
    const gone = makePerson({ status: 'MOVED_OUT' });
    persons.add(dead, gone);
    const e1 = await refusal(accept('HH-ID-CARD-REPLACE', dead.idNumber, replaceForm(dead)));
    expect(e1.code).toBe('PERSON_DECEASED');
    expect(e1.message).toMatch(/死亡注销/);
    expect((await refusal(accept('HH-ID-CARD-REPLACE', gone.idNumber, replaceForm(gone)))).code).toBe('PERSON_MOVED_OUT');
    // A moved-out relative may still declare a death.
    const deceased = makePerson({ name: '赵国强', birthDate: '1949-10-01' });
    persons.add(deceased);
    await expect(accept('HH-DEATH-CANCEL', gone.idNumber, deathForm(gone, deceased))).resolves.toMatchObject({ applicantName: '张伟', feeFen: 0 });
  });

  it('a person moving in may be new to the register; a birth declarant must exist, and a declaring parent must be registered here', async () => {
    const newcomer = buildIdNumber({ regionCode: '440106', birthDate: '1996-03-03', sequence: 21 });
    const d = await accept('HH-MOVE-IN', newcomer, { applicantName: '林晓', applicantIdNumber: newcomer, contactPhone: '13711112222', moveReason: '购房落户', newAddress: '武侯区某街1号', householdChoice: '立新户', ethnicity: '汉族' });
    expect(d).toMatchObject({ applicantName: '林晓', applicantPhone: '13711112222' });

    const birth = (p: { idNumber: string; name: string }, relation = '母亲') => ({
      applicantName: p.name, applicantIdNumber: p.idNumber, contactPhone: '13711112222', relationToBaby: relation, babyName: '王小宝', babyGender: '女', babyBirthDate: '2026-11-01', babyEthnicity: '汉族',
    });
    expect((await refusal(accept('HH-BIRTH-REG', newcomer, birth({ idNumber: newcomer, name: '林晓' })))).code).toBe('PERSON_NOT_FOUND');
    const mother = makePerson({ name: '刘芳', sex: 'FEMALE', birthDate: '1995-12-02', status: 'MOVED_OUT' });
    persons.add(mother);
    expect((await refusal(accept('HH-BIRTH-REG', mother.idNumber, birth(mother)))).code).toBe('PERSON_MOVED_OUT');
    await expect(accept('HH-BIRTH-REG', mother.idNumber, birth(mother, '其他监护人'))).resolves.toMatchObject({ applicantName: '刘芳' });
  });

  it('FORM_INVALID lists every field problem', async () => {
    const p = makePerson();
    persons.add(p);
    const e = await refusal(
      accept('HH-ID-CARD-REPLACE', p.idNumber, {
        applicantName: p.name, applicantIdNumber: p.idNumber.slice(0, 17) + (p.idNumber.endsWith('0') ? '1' : '0'), contactPhone: '12800138000',
        replaceReason: '忘了', lossReported: 'yes', pickupMethod: '邮寄', nickname: 'x',
      }),
    );
    expect(e.code).toBe('FORM_INVALID');
    const fields = (e.details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['applicantIdNumber', 'contactPhone', 'lossReported', 'mailingAddress', 'nickname', 'replaceReason']);

    const missing = await refusal(accept('HH-ID-CARD-LOST', p.idNumber, { applicantName: p.name, applicantIdNumber: p.idNumber, lossDate: '2026-02-30' }));
    expect(missing.details).toEqual([
      { field: 'contactPhone', label: '联系电话', problems: ['必填'] },
      { field: 'lossDate', label: '丢失日期', problems: ['应为有效日期，格式 YYYY-MM-DD'] },
    ]);
    const future = await refusal(accept('HH-ID-CARD-LOST', p.idNumber, { applicantName: p.name, applicantIdNumber: p.idNumber, contactPhone: '13800138000', lossDate: '2026-11-27' }));
    expect(future.details).toEqual([{ field: 'lossDate', label: '丢失日期', problems: ['不能晚于今天'] }]);
  });

  it('the form applicant must be the applicant, named as on the register', async () => {
    const p = makePerson();
    const other = makePerson({ name: '李四' });
    persons.add(p, other);
    const e1 = await refusal(accept('HH-ID-CARD-REPLACE', p.idNumber, replaceForm(p, { applicantIdNumber: other.idNumber })));
    expect(e1).toMatchObject({ code: 'FORM_INVALID', details: [{ field: 'applicantIdNumber', label: '公民身份号码', problems: ['与申请人身份证号码不一致'] }] });
    const e2 = await refusal(accept('HH-ID-CARD-REPLACE', p.idNumber, replaceForm(p, { applicantName: '张卫' })));
    expect(e2).toMatchObject({ code: 'FORM_INVALID', details: [{ field: 'applicantName', problems: ['与人口信息库登记的姓名不一致'] }] });
    // a lowercase x in the form is the same number
    const x = makePerson({ idNumber: '51010419851202926X', name: '刘芳', sex: 'FEMALE', birthDate: '1985-12-02' });
    persons.add(x);
    await expect(accept('HH-ID-CARD-REPLACE', x.idNumber, replaceForm(x, { applicantIdNumber: '51010419851202926x' }))).resolves.toBeDefined();
    // and a 15-digit legacy number is the 18-digit one
    const old = makePerson({ idNumber: buildIdNumber({ regionCode: '510107', birthDate: '1970-01-01', sequence: 123 }), birthDate: '1970-01-01' });
    persons.add(old);
    await expect(accept('HH-ID-CARD-REPLACE', old.idNumber, replaceForm(old, { applicantIdNumber: '510107700101123' }))).resolves.toBeDefined();
  });

  it('ID_INCONSISTENT when the sex or birth date stated on a form contradicts the ID number', async () => {
    const base = item('HH-STATUS-PROOF');
    const withFacts: CatalogItem = Object.assign(Object.create(Object.getPrototypeOf(base) as object) as CatalogItem, base, {
      formFields: [...base.formFields, { key: 'applicantSex', label: '性别', type: 'enum', required: true, options: ['男', '女'] }, { key: 'applicantBirthDate', label: '出生日期', type: 'date', required: true }],
    });
    const p = makePerson({ sex: 'MALE', birthDate: '1988-04-12' });
    persons.add(p);
    const form = { applicantName: p.name, applicantIdNumber: p.idNumber, contactPhone: '13800138000', applicantSex: '女', applicantBirthDate: '1988-04-13' };
    const e = await refusal(accept('HH-STATUS-PROOF', p.idNumber, form, [], withFacts));
    expect(e.code).toBe('ID_INCONSISTENT');
    expect((e.details as { formField: string }[]).map((m) => m.formField)).toEqual(['applicantSex', 'applicantBirthDate']);
    await expect(accept('HH-STATUS-PROOF', p.idNumber, { ...form, applicantSex: '男', applicantBirthDate: '1988-04-12' }, [], withFacts)).resolves.toBeDefined();
  });

  describe('fee waivers', () => {
    const firstForm = (p: PersonEntity) => ({ applicantName: p.name, applicantIdNumber: p.idNumber, contactPhone: '13800138001', pickupMethod: '窗口领取', fingerprintStatus: '已采集' });

    it('FIRST_ID_CARD only without a card on record; PUPIL_HOLIDAY only for ages 6–18', async () => {
      const child = makePerson({ name: '王子涵', birthDate: '2016-05-01' });
      persons.add(child);
      const d = await accept('HH-ID-CARD-FIRST', child.idNumber, firstForm(child), ['FIRST_ID_CARD']);
      expect(d).toMatchObject({ feeFen: 0, waiverCode: 'FIRST_ID_CARD', details: { idCardValidity: { term: 'FIVE_YEARS', age: 10 }, waiver: { basis: 'REGISTER_CHECKED' } } });
      await expect(accept('HH-ID-CARD-FIRST', child.idNumber, firstForm(child), ['PUPIL_HOLIDAY'])).resolves.toMatchObject({ feeFen: 0, waiverCode: 'PUPIL_HOLIDAY' });

      cards.add(child.idNumber, '2024-07-01', 'LOST');
      const e = await refusal(accept('HH-ID-CARD-FIRST', child.idNumber, firstForm(child), ['FIRST_ID_CARD']));
      expect(e).toMatchObject({ code: 'WAIVER_NOT_APPLICABLE', details: { waiver: 'FIRST_ID_CARD', previousIssuedOn: '2024-07-01' } });

      const adult = makePerson({ birthDate: '2007-11-26' }); // 19 today
      const pupil = makePerson({ birthDate: '2007-11-27' }); // still 18
      const toddler = makePerson({ birthDate: '2020-11-27' }); // 5
      persons.add(adult, pupil, toddler);
      expect((await refusal(accept('HH-ID-CARD-FIRST', adult.idNumber, firstForm(adult), ['PUPIL_HOLIDAY']))).details).toEqual({ waiver: 'PUPIL_HOLIDAY', age: 19 });
      await expect(accept('HH-ID-CARD-FIRST', pupil.idNumber, firstForm(pupil), ['PUPIL_HOLIDAY'])).resolves.toMatchObject({ feeFen: 0 });
      expect((await refusal(accept('HH-ID-CARD-FIRST', toddler.idNumber, firstForm(toddler), ['PUPIL_HOLIDAY']))).code).toBe('WAIVER_NOT_APPLICABLE');
    });

    it('LOW_INCOME rests on the clerk claim and is noted; a waiver the item does not offer is refused', async () => {
      const p = makePerson();
      persons.add(p);
      cards.add(p.idNumber, '2016-05-20');
      const renew = { applicantName: p.name, applicantIdNumber: p.idNumber, contactPhone: '13800138000', renewReason: '有效期满', pickupMethod: '窗口领取' };
      const d = await accept('HH-ID-CARD-RENEW', p.idNumber, renew, ['LOW_INCOME']);
      expect(d).toMatchObject({ feeFen: 0, waiverCode: 'LOW_INCOME', details: { waiver: { code: 'LOW_INCOME', basis: 'CLERK_CLAIM', claimedBy: 'demo-clerk' } } });
      expect(await accept('HH-ID-CARD-RENEW', p.idNumber, renew)).toMatchObject({ feeFen: 2000, waiverCode: null });
      const e = await refusal(accept('HH-ID-CARD-REPLACE', p.idNumber, replaceForm(p), ['LOW_INCOME']));
      expect(e).toMatchObject({ code: 'WAIVER_NOT_APPLICABLE', details: { waiver: 'LOW_INCOME' } });
    });
  });

  it('death cancellation: the deceased must be on the register, living, named right, and not the declarant', async () => {
    const spouse = makePerson({ name: '孙桂兰', sex: 'FEMALE', birthDate: '1952-03-15' });
    const husband = makePerson({ name: '赵国强', birthDate: '1949-10-01' });
    const dead = makePerson({ name: '李秀英', status: 'DECEASED', deceasedOn: '2024-11-20' });
    persons.add(spouse, husband, dead);
    await expect(accept('HH-DEATH-CANCEL', spouse.idNumber, deathForm(spouse, husband))).resolves.toMatchObject({ applicantName: '孙桂兰', feeFen: 0 });
    expect((await refusal(accept('HH-DEATH-CANCEL', spouse.idNumber, deathForm(spouse, dead)))).code).toBe('PERSON_DECEASED');
    const stranger = buildIdNumber({ regionCode: '510107', birthDate: '1940-01-01', sequence: 33 });
    expect((await refusal(accept('HH-DEATH-CANCEL', spouse.idNumber, deathForm(spouse, { idNumber: stranger, name: '某某' })))).code).toBe('PERSON_NOT_FOUND');
    expect((await refusal(accept('HH-DEATH-CANCEL', spouse.idNumber, deathForm(spouse, spouse)))).code).toBe('FORM_INVALID');
    const wrong = await refusal(accept('HH-DEATH-CANCEL', spouse.idNumber, { ...deathForm(spouse, husband), deceasedName: '赵国', dateOfDeath: '1949-01-01' }));
    expect((wrong.details as { field: string }[]).map((d) => d.field)).toEqual(['deceasedName', 'dateOfDeath']);
  });

  it('cancellation proof only for a cancelled hukou; residence permit only for people registered elsewhere', async () => {
    const p = makePerson({ name: '孙桂兰', sex: 'FEMALE', birthDate: '1952-03-15' });
    const living = makePerson({ name: '赵国强' });
    persons.add(p, living);
    const proof = { applicantName: p.name, applicantIdNumber: p.idNumber, contactPhone: '13800138003', cancelledPersonName: '赵国强', cancelledPersonIdNumber: living.idNumber };
    expect((await refusal(accept('HH-CANCEL-PROOF', p.idNumber, proof))).code).toBe('PERSON_NOT_CANCELLED');
    living.status = 'DECEASED';
    await expect(accept('HH-CANCEL-PROOF', p.idNumber, proof)).resolves.toBeDefined();

    const permit = (id: string, since = '2025-01-01') => ({ applicantName: '林晓', applicantIdNumber: id, contactPhone: '13711112222', residenceAddress: '武侯区某街1号', residenceSince: since, qualifyingCondition: '合法稳定就业', pickupMethod: '窗口领取' });
    expect((await refusal(accept('HH-RESIDENCE-PERMIT', p.idNumber, { ...permit(p.idNumber), applicantName: p.name }))).code).toBe('PERSON_REGISTERED_LOCALLY');
    const migrant = buildIdNumber({ regionCode: '440106', birthDate: '1996-03-03', sequence: 21 });
    await expect(accept('HH-RESIDENCE-PERMIT', migrant, permit(migrant))).resolves.toMatchObject({ applicantName: '林晓', feeFen: 0 });
    expect((await refusal(accept('HH-RESIDENCE-PERMIT', migrant, permit(migrant, '2026-06-01')))).details).toEqual([
      { field: 'residenceSince', label: '开始居住日期', problems: ['居住未满6个月，不符合居住证申领条件'] },
    ]);
  });
});

function deathForm(declarant: { idNumber: string; name: string }, deceased: { idNumber: string; name: string }) {
  return {
    declarantName: declarant.name, declarantIdNumber: declarant.idNumber, contactPhone: '13800138003', relationToDeceased: '配偶',
    deceasedName: deceased.name, deceasedIdNumber: deceased.idNumber, dateOfDeath: '2026-11-20',
  };
}

describe('HouseholdRules.onTransition', () => {
  function transition(code: string, applicant: string, action: ApplicationAction, form: Record<string, unknown> = {}, acceptedAt = '2026-11-20T02:00:00.000Z') {
    const application = { number: `HH-20261120-0001-${code}`, itemCode: code, applicantIdNumber: applicant, form, acceptedAt } as unknown as ApplicationSnapshot;
    return rules.onTransition({ application, action, command: { number: application.number, action }, actor: { ...clerk, roles: [Role.OFFICER] }, today: TODAY, manager });
  }

  it('death cancellation approved: the deceased becomes DECEASED with the date of death, cards cancelled', async () => {
    const spouse = makePerson({ name: '孙桂兰', sex: 'FEMALE' });
    const husband = makePerson({ name: '赵国强', birthDate: '1949-10-01' });
    persons.add(spouse, husband);
    cards.add(husband.idNumber, '2005-03-01');
    await transition('HH-DEATH-CANCEL', spouse.idNumber, 'START_REVIEW', deathForm(spouse, husband));
    expect(husband.status).toBe('NORMAL');
    await transition('HH-DEATH-CANCEL', spouse.idNumber, 'APPROVE', deathForm(spouse, husband));
    expect(husband).toMatchObject({ status: 'DECEASED', deceasedOn: '2026-11-20' });
    expect(spouse.status).toBe('NORMAL');
    expect(cards.cards.map((c) => c.status)).toEqual(['CANCELLED']);
    expect((await refusal(transition('HH-DEATH-CANCEL', spouse.idNumber, 'APPROVE', deathForm(spouse, husband)))).code).toBe('PERSON_DECEASED');
  });

  it('move-out approved → MOVED_OUT; lost report approved → the valid card is LOST', async () => {
    const p = makePerson();
    persons.add(p);
    cards.add(p.idNumber, '2016-05-20');
    await transition('HH-ID-CARD-LOST', p.idNumber, 'APPROVE');
    expect(cards.cards[0]!.status).toBe('LOST');
    await transition('HH-MOVE-OUT', p.idNumber, 'APPROVE', { destination: '重庆市' });
    expect(p.status).toBe('MOVED_OUT');
  });

  it('ID card ready: a new card valid by the age at application replaces the old one, once', async () => {
    const p = makePerson({ birthDate: '2000-11-25' }); // 25 when accepted on 2026-11-20 → 10 years
    persons.add(p);
    cards.add(p.idNumber, '2016-12-01');
    await transition('HH-ID-CARD-REPLACE', p.idNumber, 'APPROVE', { replaceReason: '被盗' });
    expect(cards.cards).toHaveLength(1);
    await transition('HH-ID-CARD-REPLACE', p.idNumber, 'MARK_READY', { replaceReason: '被盗' });
    await transition('HH-ID-CARD-REPLACE', p.idNumber, 'MARK_READY', { replaceReason: '被盗' });
    expect(cards.cards.map((c) => [c.kind, c.status, c.issuedOn, c.validUntil])).toEqual([
      ['RESIDENT', 'LOST', '2016-12-01', null],
      ['RESIDENT', 'VALID', TODAY, '2036-11-26'],
    ]);

    const renewer = makePerson({ birthDate: '1970-01-01' });
    persons.add(renewer);
    cards.add(renewer.idNumber, '2006-01-01');
    await transition('HH-ID-CARD-RENEW', renewer.idNumber, 'MARK_READY', { renewReason: '有效期满' });
    expect(cards.cards.filter((c) => c.idNumber === renewer.idNumber).map((c) => [c.status, c.validUntil])).toEqual([['REPLACED', null], ['VALID', null]]);

    await transition('HH-ID-CARD-TEMP', renewer.idNumber, 'MARK_READY');
    expect(cards.cards.at(-1)).toMatchObject({ kind: 'TEMPORARY', validUntil: '2027-02-26', status: 'VALID' });
  });
});
