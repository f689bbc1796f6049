import type { AcceptanceContext, TransitionContext } from '@onewindow/casework';
import { loadCatalogFile, type CatalogItem } from '@onewindow/catalog';
import { Role, RpcSubjects, type AcceptApplicationCommand, type ApplicationAction, type ApplicationSnapshot, type Identity, type PersonLookupReply } from '@onewindow/contracts';
import { DEMO_PERSON_IDS, DEMO_PERSONS } from '@onewindow/population';
import { buildIdNumber } from '@onewindow/id-number';
import type { RpcClient } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import type { DocumentIssuingService } from '../travel-document/document-issuing.service.js';
import type { DocumentKind, EndorsementType } from '../travel-document/document-kinds.js';
import type { DocumentRegisterRepository } from '../travel-document/document-register.repository.js';
import type { TravelDocumentEntity } from '../travel-document/travel-document.entity.js';
import { EXIT_ENTRY_CATALOG_PATH } from '../exit-entry.schema.js';
import { ExitEntryRules } from './exit-entry.rules.js';

const TODAY = '2026-11-26';
const clerk: Identity = { sub: 'u-clerk', username: 'demo-clerk', displayName: '王窗口', roles: [Role.CLERK], unitCode: '510107001', unitName: '浆洗街派出所' };
const catalog = loadCatalogFile(EXIT_ENTRY_CATALOG_PATH);
const item = (code: string): CatalogItem => {
  const found = catalog.items.find((i) => i.code === code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
};
const demo = (id: string) => DEMO_PERSONS.find((p) => p.idNumber === id)!;
const PASSPORT_MATERIALS = ['ID_CARD', 'ENTRY_EXIT_PHOTO', 'APPLICATION_FORM'];

/** household's register as the NATS lookup answers it. */
class FakeRegister {
  readonly persons = new Map<string, PersonLookupReply>();
  readonly asked: string[] = [];
  constructor() {
    for (const p of DEMO_PERSONS) this.add({ idNumber: p.idNumber, name: p.name, sex: p.sex, birthDate: p.birthDate, status: p.status, unitCode: p.unitCode });
  }
  add(p: Omit<PersonLookupReply, 'found'>) {
    this.persons.set(p.idNumber, { found: true, ...p });
  }
  asRpc(): RpcClient {
    return {
      request: async (subject: string, data: { idNumber: string }) => {
        expect(subject).toBe(RpcSubjects.personLookup);
        this.asked.push(data.idNumber);
        return this.persons.get(data.idNumber) ?? { found: false, idNumber: data.idNumber };
      },
    } as unknown as RpcClient;
  }
}

class FakeDocuments {
  docs: Partial<TravelDocumentEntity>[] = [];
  endorsed: { holder: string; type: EndorsementType }[] = [];
  async findValid(_m: EntityManager, holder: string, kind: DocumentKind) {
    return (this.docs.find((d) => d.holderIdNumber === holder && d.kind === kind && d.status === 'VALID') as TravelDocumentEntity | undefined) ?? null;
  }
  async hasEndorsementOfType(_m: EntityManager, holder: string, type: EndorsementType) {
    return this.endorsed.some((e) => e.holder === holder && e.type === type);
  }
}

let register: FakeRegister;
let documents: FakeDocuments;
let recorded: ApplicationSnapshot[];
let rules: ExitEntryRules;

beforeEach(() => {
  register = new FakeRegister();
  documents = new FakeDocuments();
  recorded = [];
  const issuing = { recordResult: async (app: ApplicationSnapshot) => void recorded.push(app) } as unknown as DocumentIssuingService;
  rules = new ExitEntryRules(register.asRpc(), documents as unknown as DocumentRegisterRepository, issuing);
});

function accept(code: string, applicant: string, form: Record<string, unknown>, opts: { materials?: string[]; waivers?: string[] } = {}) {
  const command = {
    idempotencyKey: 'k-12345678', itemCode: code, applicantIdNumber: applicant, presentedMaterials: opts.materials ?? PASSPORT_MATERIALS, form, claimedWaivers: opts.waivers,
  } as AcceptApplicationCommand;
  const ctx: AcceptanceContext = { item: item(code), command, applicantIdNumber: applicant, actor: clerk, today: TODAY, manager: {} as EntityManager };
  return rules.checkAcceptance(ctx);
}

const passportForm = (p: { name: string; idNumber: string }, extra: Record<string, unknown> = {}) => ({
  applicantName: p.name, applicantIdNumber: p.idNumber, contactPhone: '13800138000', travelPurpose: '旅游', pickupMethod: '窗口领取', ...extra,
});

describe('ExitEntryRules: the applicant on the register', () => {
  it('accepts an adult passport application with the register name, form phone and catalog fee', async () => {
    const adult = demo(DEMO_PERSON_IDS.adult);
    documents.docs.push({ holderIdNumber: adult.idNumber, kind: 'PASSPORT', status: 'VALID', number: 'E90000001', validUntil: '2029-07-14' });
    const decision = await accept('EE-PASSPORT-FIRST', adult.idNumber, passportForm(adult));
    expect(decision).toMatchObject({
      applicantName: '张伟', applicantPhone: '13800138000', feeFen: 12000, waiverCode: null,
      details: { age: 38, minor: false, guardian: null, documentValidityYears: 10, currentDocument: { kind: 'PASSPORT', number: 'E****0001', status: 'VALID' } },
    });
    expect(register.asked).toEqual([adult.idNumber]);
  });

  it('refuses the deceased with PERSON_DECEASED whatever the form says', async () => {
    await expect(accept('EE-PASSPORT-FIRST', DEMO_PERSON_IDS.deceased, {})).rejects.toMatchObject({ code: 'PERSON_DECEASED' });
    await expect(accept('EE-PASSPORT-FIRST', DEMO_PERSON_IDS.deceased, passportForm(demo(DEMO_PERSON_IDS.deceased)))).rejects.toMatchObject({ code: 'PERSON_DECEASED' });
  });

  it('refuses a person not on the register with PERSON_NOT_FOUND', async () => {
    const stranger = buildIdNumber({ regionCode: '510107', birthDate: '1990-01-01', sequence: 999 });
    await expect(accept('EE-PASSPORT-FIRST', stranger, passportForm({ name: '路人', idNumber: stranger }))).rejects.toMatchObject({ code: 'PERSON_NOT_FOUND' });
  });

  it('lets a moved-out resident apply (documents are issued nationwide)', async () => {
    const moved = demo(DEMO_PERSON_IDS.movedOut);
    await expect(accept('EE-PASSPORT-FIRST', moved.idNumber, passportForm(moved))).resolves.toMatchObject({ applicantName: '周杰' });
  });

  it('refuses a register entry that contradicts the ID number with ID_INCONSISTENT', async () => {
    const adult = demo(DEMO_PERSON_IDS.adult);
    register.add({ idNumber: adult.idNumber, name: adult.name, sex: 'FEMALE', birthDate: adult.birthDate, status: 'NORMAL', unitCode: adult.unitCode });
    await expect(accept('EE-PASSPORT-FIRST', adult.idNumber, passportForm(adult))).rejects.toMatchObject({ code: 'ID_INCONSISTENT' });
  });
});

describe('ExitEntryRules: the form', () => {
  it('lists every problem under FORM_INVALID', async () => {
    const adult = demo(DEMO_PERSON_IDS.adult);
    const err = await accept('EE-PASSPORT-FIRST', adult.idNumber, {
      applicantName: '张三', applicantIdNumber: DEMO_PERSON_IDS.jinjiang, contactPhone: '12345', pickupMethod: '邮寄', hobby: '游泳',
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'FORM_INVALID' });
    expect((err as { details: { field: string }[] }).details.map((p) => p.field).sort()).toEqual(
      ['applicantIdNumber', 'applicantName', 'contactPhone', 'hobby', 'mailingAddress', 'travelPurpose'].sort(),
    );
  });

  it('wants guardian number and relation together, and not the applicant as guardian', async () => {
    const adult = demo(DEMO_PERSON_IDS.adult);
    await expect(accept('EE-PASSPORT-FIRST', adult.idNumber, passportForm(adult, { guardianRelation: '父亲' }))).rejects.toMatchObject({
      code: 'FORM_INVALID', details: [{ field: 'guardianIdNumber' }],
    });
    await expect(accept('EE-PASSPORT-FIRST', adult.idNumber, passportForm(adult, { guardianIdNumber: adult.idNumber, guardianRelation: '其他法定监护人' }))).rejects.toMatchObject({
      code: 'FORM_INVALID', details: [{ field: 'guardianIdNumber', problems: ['监护人不能是申请人本人'] }],
    });
  });

  it('refuses a waiver the item does not offer', async () => {
    const adult = demo(DEMO_PERSON_IDS.adult);
    await expect(accept('EE-PASSPORT-FIRST', adult.idNumber, passportForm(adult), { waivers: ['LOW_INCOME'] })).rejects.toMatchObject({ code: 'WAIVER_NOT_APPLICABLE' });
  });
});

describe('ExitEntryRules: minors and guardians', () => {
  const minor = () => demo(DEMO_PERSON_IDS.minor);
  const father = () => demo(DEMO_PERSON_IDS.minorFather);
  const mother = () => demo(DEMO_PERSON_IDS.minorMother);
  const withGuardian = (g: { idNumber: string; name: string }, relation: string) =>
    passportForm(minor(), { contactPhone: '13800138001', guardianIdNumber: g.idNumber, guardianName: g.name, guardianRelation: relation });

  it('refuses a minor without guardian data with GUARDIAN_REQUIRED, before any other form check', async () => {
    await expect(accept('EE-PASSPORT-FIRST', minor().idNumber, passportForm(minor()))).rejects.toMatchObject({
      code: 'GUARDIAN_REQUIRED', details: { reason: 'MISSING', age: 10, missing: ['监护人公民身份号码', '监护人与申请人关系', '监护人身份证件及监护关系证明'] },
    });
    await expect(accept('EE-PASSPORT-FIRST', minor().idNumber, { contactPhone: 'x' })).rejects.toMatchObject({ code: 'GUARDIAN_REQUIRED' });
  });

  it('wants the guardian documents presented as well', async () => {
    await expect(accept('EE-PASSPORT-FIRST', minor().idNumber, withGuardian(father(), '父亲'))).rejects.toMatchObject({
      code: 'GUARDIAN_REQUIRED', details: { reason: 'MISSING', missing: ['监护人身份证件及监护关系证明'] },
    });
  });

  it('accepts a minor with a living adult guardian on the register; a 5-year passport', async () => {
    const decision = await accept('EE-PASSPORT-FIRST', minor().idNumber, withGuardian(mother(), '母亲'), { materials: [...PASSPORT_MATERIALS, 'GUARDIAN_DOCS'] });
    expect(decision).toMatchObject({
      applicantName: '王子涵', feeFen: 12000,
      details: { age: 10, minor: true, guardian: { idNumber: mother().idNumber, name: '刘芳', relation: '母亲' }, documentValidityYears: 5 },
    });
    expect(register.asked).toEqual([minor().idNumber, mother().idNumber]);
  });

  it('refuses a guardian who is not a living adult on the register, or not of the stated relation', async () => {
    const materials = [...PASSPORT_MATERIALS, 'GUARDIAN_DOCS'];
    const deceased = demo(DEMO_PERSON_IDS.deceased);
    await expect(accept('EE-PASSPORT-FIRST', minor().idNumber, withGuardian(deceased, '祖父母'), { materials })).rejects.toMatchObject({ code: 'GUARDIAN_REQUIRED', details: { reason: 'DECEASED' } });
    const stranger = buildIdNumber({ regionCode: '510107', birthDate: '1980-01-01', sequence: 995 });
    await expect(accept('EE-PASSPORT-FIRST', minor().idNumber, withGuardian({ idNumber: stranger, name: '某某' }, '其他法定监护人'), { materials })).rejects.toMatchObject({
      code: 'GUARDIAN_REQUIRED', details: { reason: 'NOT_FOUND' },
    });
    const sibling = buildIdNumber({ regionCode: '510107', birthDate: '2010-03-03', sequence: 997 });
    register.add({ idNumber: sibling, name: '王子轩', sex: 'MALE', birthDate: '2010-03-03', status: 'NORMAL', unitCode: '510107001' });
    await expect(accept('EE-PASSPORT-FIRST', minor().idNumber, withGuardian({ idNumber: sibling, name: '王子轩' }, '其他法定监护人'), { materials })).rejects.toMatchObject({
      code: 'GUARDIAN_REQUIRED', details: { reason: 'MINOR' },
    });
    await expect(accept('EE-PASSPORT-FIRST', minor().idNumber, withGuardian(father(), '母亲'), { materials })).rejects.toMatchObject({ code: 'GUARDIAN_REQUIRED', details: { reason: 'RELATION_MISMATCH' } });
    await expect(accept('EE-PASSPORT-FIRST', minor().idNumber, withGuardian({ idNumber: father().idNumber, name: '王建军' }, '父亲'), { materials })).rejects.toMatchObject({
      code: 'FORM_INVALID', details: [{ field: 'guardianName' }],
    });
  });

  it('counts age on the business date: adult on the 18th birthday, minor the day before', async () => {
    const born = '2008-11-26';
    const teen = buildIdNumber({ regionCode: '510107', birthDate: born, sequence: 993 });
    register.add({ idNumber: teen, name: '李青', sex: 'MALE', birthDate: born, status: 'NORMAL', unitCode: '510107001' });
    await expect(accept('EE-PASSPORT-FIRST', teen, passportForm({ name: '李青', idNumber: teen }))).resolves.toMatchObject({ details: { age: 18, minor: false } });
    const dayYounger = buildIdNumber({ regionCode: '510107', birthDate: '2008-11-27', sequence: 991 });
    register.add({ idNumber: dayYounger, name: '李红', sex: 'MALE', birthDate: '2008-11-27', status: 'NORMAL', unitCode: '510107001' });
    await expect(accept('EE-PASSPORT-FIRST', dayYounger, passportForm({ name: '李红', idNumber: dayYounger }))).rejects.toMatchObject({ code: 'GUARDIAN_REQUIRED', details: { age: 17 } });
  });
});

describe('ExitEntryRules: endorsements and fees', () => {
  const jinjiang = () => demo(DEMO_PERSON_IDS.jinjiang);
  const endorseForm = (entries: string, extra: Record<string, unknown> = {}) => ({
    applicantName: jinjiang().name, applicantIdNumber: jinjiang().idNumber, contactPhone: '13900139000', destination: '香港', entries, ...extra,
  });
  const ENDORSE_MATERIALS = ['HKMO_PERMIT', 'ID_CARD', 'APPLICATION_FORM'];
  const givePermit = (validUntil = '2030-06-09') =>
    documents.docs.push({ holderIdNumber: jinjiang().idNumber, kind: 'HKMO_PERMIT', status: 'VALID', number: 'C90000003', validUntil });

  it('needs a valid HK/Macau permit on the register (DOCUMENT_REQUIRED)', async () => {
    await expect(accept('EE-HKMO-ENDORSE-INDIVIDUAL', jinjiang().idNumber, endorseForm('一次有效'), { materials: ENDORSE_MATERIALS })).rejects.toMatchObject({ code: 'DOCUMENT_REQUIRED' });
    givePermit('2026-11-25');
    await expect(accept('EE-HKMO-ENDORSE-INDIVIDUAL', jinjiang().idNumber, endorseForm('一次有效'), { materials: ENDORSE_MATERIALS })).rejects.toMatchObject({ code: 'DOCUMENT_REQUIRED' });
  });

  it('charges by entries: 15 / 30 yuan, 80 for multiple entries', async () => {
    givePermit();
    const fee = async (code: string, entries: string, extra: Record<string, unknown> = {}) =>
      (await accept(code, jinjiang().idNumber, endorseForm(entries, extra), { materials: ENDORSE_MATERIALS })).feeFen;
    expect(await fee('EE-HKMO-ENDORSE-INDIVIDUAL', '一次有效')).toBe(1500);
    expect(await fee('EE-HKMO-ENDORSE-INDIVIDUAL', '二次有效')).toBe(3000);
    expect(await fee('EE-HKMO-ENDORSE-FAMILY', '多次有效', { relativeRelation: '父母' })).toBe(8000);
  });

  it('a permit applied for together with an endorsement costs both', async () => {
    const decision = await accept('EE-HKMO-PERMIT-FIRST', jinjiang().idNumber, {
      applicantName: jinjiang().name, applicantIdNumber: jinjiang().idNumber, contactPhone: '13900139000', withEndorsement: '个人旅游', endorsementEntries: '二次有效', pickupMethod: '窗口领取',
    });
    expect(decision).toMatchObject({ feeFen: 9000, details: { endorsement: { type: 'INDIVIDUAL_TOUR', entries: 'DOUBLE' }, documentValidityYears: 10 } });
  });

  it('self-service endorsement only for a type endorsed before (SELF_SERVICE_NOT_ELIGIBLE)', async () => {
    givePermit();
    const form = { applicantIdNumber: jinjiang().idNumber, contactPhone: '13900139000', endorsementType: '个人旅游', entries: '一次有效', machineId: 'ZZ-0101' };
    await expect(accept('EE-SELF-ENDORSE', jinjiang().idNumber, form, { materials: ['HKMO_PERMIT'] })).rejects.toMatchObject({ code: 'SELF_SERVICE_NOT_ELIGIBLE' });
    documents.endorsed.push({ holder: jinjiang().idNumber, type: 'INDIVIDUAL_TOUR' });
    await expect(accept('EE-SELF-ENDORSE', jinjiang().idNumber, form, { materials: ['HKMO_PERMIT'] })).resolves.toMatchObject({ applicantName: '陈静', feeFen: 1500 });
  });
});

describe('ExitEntryRules: transitions', () => {
  it('records the result on MARK_READY only', async () => {
    const app = { number: 'EE20261126000001', itemCode: 'EE-PASSPORT-FIRST' } as ApplicationSnapshot;
    const transition = (action: ApplicationAction) =>
      rules.onTransition({ application: app, action, command: { number: app.number, action }, actor: clerk, today: TODAY, manager: {} as EntityManager } as TransitionContext);
    await transition('APPROVE');
    await transition('DELIVER');
    expect(recorded).toEqual([]);
    await transition('MARK_READY');
    expect(recorded).toEqual([app]);
  });
});
