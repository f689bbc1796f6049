import { loadCatalogFile, type CatalogItem } from '@onewindow/catalog';
import { Role, type AcceptApplicationCommand, type ApplicationAction, type ApplicationSnapshot, type Identity } from '@onewindow/contracts';
import { AuditService, buildDataSourceOptions, createLogger } from '@onewindow/platform';
import { createTestDatabase, type TestDatabase } from '@onewindow/testing';
import { DataSource } from 'typeorm';
import { HouseholdRules } from '../src/casework/household.rules.js';
import { HOUSEHOLD_CATALOG_PATH, HOUSEHOLD_ENTITIES, HOUSEHOLD_MIGRATIONS } from '../src/household.schema.js';
import { IdCardRepository } from '../src/id-card/id-card.repository.js';
import { PersonRepository } from '../src/person/person.repository.js';
import { PersonService } from '../src/person/person.service.js';
import { DEMO_PERSON_IDS, DEMO_PERSONS } from '@onewindow/population';
import { seedDemoData } from '../src/seed/demo-seed.js';

/** The household rules on a real, freshly migrated database, through a real EntityManager and transaction. */
describe('household rules on PostgreSQL', () => {
  const TODAY = '2026-11-26';
  const clerk: Identity = { sub: 'u-clerk', username: 'demo-clerk', displayName: '窗口民警', roles: [Role.CLERK], unitCode: '510107001', unitName: '浆洗街派出所' };
  const officer: Identity = { ...clerk, sub: 'u-officer', username: 'demo-household', roles: [Role.OFFICER], policeType: 'HOUSEHOLD' as Identity['policeType'] };
  const catalog = loadCatalogFile(HOUSEHOLD_CATALOG_PATH);
  const item = (code: string) => catalog.items.find((i) => i.code === code) as CatalogItem;
  const demo = (id: string) => DEMO_PERSONS.find((p) => p.idNumber === id)!;
  let db: TestDatabase;
  let ds: DataSource;
  let rules: HouseholdRules;
  let persons: PersonRepository;

  beforeAll(async () => {
    db = await createTestDatabase('household');
    ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: HOUSEHOLD_ENTITIES, migrations: HOUSEHOLD_MIGRATIONS, migrationsRun: true, poolSize: 3 }));
    await ds.initialize();
    persons = new PersonRepository(ds);
    rules = new HouseholdRules(persons, new IdCardRepository(ds), new AuditService(ds));
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  const rows = <T>(sql: string, params: unknown[] = []) => ds.query(sql, params) as Promise<T[]>;

  const accept = (code: string, applicant: string, form: Record<string, unknown>, claimedWaivers: string[] = []) =>
    ds.transaction((manager) =>
      rules.checkAcceptance({
        item: item(code),
        command: { idempotencyKey: 'k-integration', itemCode: code, applicantIdNumber: applicant, presentedMaterials: [], form, claimedWaivers } as AcceptApplicationCommand,
        applicantIdNumber: applicant,
        actor: clerk,
        today: TODAY,
        manager,
      }),
    );

  const snapshot = (code: string, applicant: string, form: Record<string, unknown>) =>
    ({ number: `HH-20261126-${code}`, itemCode: code, applicantIdNumber: applicant, form, acceptedAt: '2026-11-26T01:00:00.000Z' }) as unknown as ApplicationSnapshot;
  const transition = (app: ApplicationSnapshot, action: ApplicationAction, afterwards?: () => never) =>
    ds.transaction(async (manager) => {
      await rules.onTransition({ application: app, action, command: { number: app.number, action }, actor: officer, today: TODAY, manager });
      afterwards?.();
    });

  it('seeds the fixed demo persons and a synthetic population once (demo mode), with bulk inserts', async () => {
    const logger = createLogger('household', 'silent');
    const first = await seedDemoData(ds, { mode: 'demo', population: 2_000, seed: 7, unitCodes: ['510107001', '510104002'] }, logger);
    expect(first).toMatchObject({ fixedPersons: DEMO_PERSONS.length, syntheticPersons: 2_000 });
    const again = await seedDemoData(ds, { mode: 'demo', population: 2_000, seed: 7, unitCodes: ['510107001', '510104002'] }, logger);
    expect(again).toEqual({ fixedPersons: 0, syntheticPersons: 0, syntheticHouseholds: 0 });
    const [count] = await rows<{ persons: number; units: number; orphans: number }>(
      `SELECT count(*)::int AS persons, count(DISTINCT unit_code)::int AS units, count(*) FILTER (WHERE household_id IS NULL)::int AS orphans FROM person`,
    );
    expect(count).toEqual({ persons: 2_000 + DEMO_PERSONS.length, units: 2, orphans: 0 });
  });

  it('accepts the ID-card replacement story and records the audited read in the same transaction', async () => {
    const adult = demo(DEMO_PERSON_IDS.adult);
    const decision = await accept('HH-ID-CARD-REPLACE', adult.idNumber, {
      applicantName: adult.name, applicantIdNumber: adult.idNumber, contactPhone: '13800138000', replaceReason: '丢失', pickupMethod: '窗口领取',
    });
    expect(decision).toMatchObject({ applicantName: '张伟', applicantPhone: '13800138000', feeFen: 4000, details: { idCardValidity: { term: 'TWENTY_YEARS', age: 38 } } });
    const audit = await rows<{ action: string; purpose: string }>(`SELECT action, purpose FROM audit_log WHERE subject_ref = $1`, [adult.idNumber]);
    expect(audit).toEqual([{ action: 'PERSON_READ', purpose: '受理：居民身份证补领' }]);
  });

  it('refuses the deceased, a first-card waiver for a card holder, and allows it for the minor', async () => {
    const dead = demo(DEMO_PERSON_IDS.deceased);
    const statusForm = (p: { name: string; idNumber: string }) => ({ applicantName: p.name, applicantIdNumber: p.idNumber, contactPhone: '13800138000' });
    await expect(accept('HH-STATUS-PROOF', dead.idNumber, statusForm(dead))).rejects.toMatchObject({ code: 'PERSON_DECEASED' });
    await expect(accept('HH-STATUS-PROOF', DEMO_PERSON_IDS.movedOut, statusForm(demo(DEMO_PERSON_IDS.movedOut)))).rejects.toMatchObject({ code: 'PERSON_MOVED_OUT' });

    const first = (p: { name: string; idNumber: string }) => ({ ...statusForm(p), pickupMethod: '窗口领取', fingerprintStatus: '已采集' });
    const adult = demo(DEMO_PERSON_IDS.adult);
    await expect(accept('HH-ID-CARD-FIRST', adult.idNumber, first(adult), ['FIRST_ID_CARD'])).rejects.toMatchObject({ code: 'WAIVER_NOT_APPLICABLE' });
    const minor = demo(DEMO_PERSON_IDS.minor);
    await expect(accept('HH-ID-CARD-FIRST', minor.idNumber, first(minor), ['FIRST_ID_CARD', 'PUPIL_HOLIDAY'])).resolves.toMatchObject({
      feeFen: 0, waiverCode: 'FIRST_ID_CARD', applicantPhone: '13800138000', details: { idCardValidity: { term: 'FIVE_YEARS', age: 10 } },
    });
  });

  it('death cancellation approved marks the person DECEASED and cancels the card, inside the caller transaction', async () => {
    const spouse = demo(DEMO_PERSON_IDS.toDieSpouse);
    const husband = demo(DEMO_PERSON_IDS.toDie);
    const form = {
      declarantName: spouse.name, declarantIdNumber: spouse.idNumber, contactPhone: '13800138003', relationToDeceased: '配偶',
      deceasedName: husband.name, deceasedIdNumber: husband.idNumber, dateOfDeath: '2026-11-20',
    };
    await expect(accept('HH-DEATH-CANCEL', spouse.idNumber, form)).resolves.toMatchObject({ applicantName: '孙桂兰' });
    const app = snapshot('HH-DEATH-CANCEL', spouse.idNumber, form);
    // A failure later in the same transaction leaves the register untouched.
    await expect(transition(app, 'APPROVE', () => { throw new Error('casework failed after the rules'); })).rejects.toThrow('casework failed');
    const state = () => rows<{ status: string; deceased_on: string | null; card: string }>(
      `SELECT p.status, to_char(p.deceased_on, 'YYYY-MM-DD') AS deceased_on, c.status AS card FROM person p JOIN id_card c USING (id_number) WHERE p.id_number = $1`, [husband.idNumber]);
    expect(await state()).toEqual([{ status: 'NORMAL', deceased_on: null, card: 'VALID' }]);
    await transition(app, 'APPROVE');
    expect(await state()).toEqual([{ status: 'DECEASED', deceased_on: '2026-11-20', card: 'CANCELLED' }]);
    await expect(accept('HH-DEATH-CANCEL', spouse.idNumber, form)).rejects.toMatchObject({ code: 'PERSON_DECEASED' });
  });

  it('ID card ready replaces the lost card with a new one valid by age; the lost report marks a card LOST', async () => {
    const adult = demo(DEMO_PERSON_IDS.adult);
    const app = snapshot('HH-ID-CARD-REPLACE', adult.idNumber, { replaceReason: '丢失' });
    await transition(app, 'MARK_READY');
    await transition(app, 'MARK_READY'); // recorded once
    const cards = () => rows<{ kind: string; status: string; issued_on: string; valid_until: string | null }>(
      `SELECT kind, status, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, to_char(valid_until, 'YYYY-MM-DD') AS valid_until FROM id_card WHERE id_number = $1 ORDER BY issued_on`, [adult.idNumber]);
    expect(await cards()).toEqual([
      { kind: 'RESIDENT', status: 'LOST', issued_on: '2016-05-20', valid_until: '2036-05-20' },
      { kind: 'RESIDENT', status: 'VALID', issued_on: TODAY, valid_until: '2046-11-26' },
    ]);
    await transition(snapshot('HH-ID-CARD-LOST', adult.idNumber, {}), 'APPROVE');
    expect((await cards()).map((c) => c.status)).toEqual(['LOST', 'LOST']);
  });

  it('two cards of one person made ready at the same moment: one after the other, one valid card at the end', async () => {
    const adult = demo(DEMO_PERSON_IDS.adult);
    const a = { ...snapshot('HH-ID-CARD-RENEW', adult.idNumber, {}), number: 'HH-20261126-RACE-A' } as ApplicationSnapshot;
    const b = { ...snapshot('HH-ID-CARD-RENEW', adult.idNumber, {}), number: 'HH-20261126-RACE-B' } as ApplicationSnapshot;
    // Before the per-person lock the second insert met id_card_one_valid_resident_idx (an INTERNAL answer).
    await expect(Promise.all([transition(a, 'MARK_READY'), transition(b, 'MARK_READY')])).resolves.toBeDefined();
    const valid = await rows<{ application_number: string }>(
      `SELECT application_number FROM id_card WHERE id_number = $1 AND kind = 'RESIDENT' AND status = 'VALID'`, [adult.idNumber]);
    expect(valid).toHaveLength(1);
    expect(['HH-20261126-RACE-A', 'HH-20261126-RACE-B']).toContain(valid[0]!.application_number);
  });

  it('lists the register of the caller unit only, masked by the resolver, and audits the list', async () => {
    const service = new PersonService(persons, new AuditService(ds));
    const chunxilu: Identity = { ...officer, unitCode: '510104002' };
    const page = await service.listForJurisdiction(chunxilu, { limit: 5, offset: 0 });
    const [{ n }] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM person WHERE unit_code = '510104002'`);
    expect(page.total).toBe(n);
    expect(page.items).toHaveLength(5);
    expect(page.items.every((p) => p.unitCode === '510104002' && p.household)).toBe(true);
    const dead = await service.listForJurisdiction(officer, { status: 'DECEASED', limit: 50, offset: 0 });
    expect(dead.items.map((p) => p.idNumber).sort()).toEqual([DEMO_PERSON_IDS.deceased, DEMO_PERSON_IDS.toDie].sort());
    await expect(service.listForJurisdiction({ ...officer, policeType: 'TRAFFIC' as Identity['policeType'] }, { limit: 5, offset: 0 })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const { household, members } = await service.getHouseholdForWindow(clerk, '510107001900003', '办理出生登记核对户内成员');
    expect(household.address).toMatch(/南浦西路/);
    expect(members.map((m) => m.relationToHead)).toEqual(['户主', '配偶', '子']);
    const audit = await rows<{ action: string }>(`SELECT action FROM audit_log WHERE action IN ('PERSON_LIST', 'HOUSEHOLD_READ')`);
    expect(audit.map((a) => a.action).sort()).toEqual(['HOUSEHOLD_READ', 'PERSON_LIST', 'PERSON_LIST']);
  });

  it('the household migrations revert and re-apply', async () => {
    // Undo the migrations after the population register (id_card and later), newest first.
    // Platform migrations newer than this service's own (e.g. ConsumerBegin1798400000000) go first.
    const newestOwn = Math.max(...HOUSEHOLD_MIGRATIONS.map((m) => Number(/(\d+)$/.exec(m.name)?.[1] ?? 0)));
    while (Number(((await ds.query(`SELECT max(timestamp) AS t FROM migrations`)) as { t: string }[])[0]?.t ?? 0) > newestOwn) await ds.undoLastMigration({ transaction: 'each' });
    for (let i = 1; i < HOUSEHOLD_MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await rows(`SELECT 1 FROM information_schema.tables WHERE table_name = 'id_card'`)).toEqual([]);
    expect(await rows(`SELECT 1 FROM information_schema.columns WHERE table_name = 'person' AND column_name = 'moved_out_on'`)).toEqual([]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await rows(`SELECT 1 FROM information_schema.tables WHERE table_name = 'id_card'`)).toHaveLength(1);
    expect(await rows(`SELECT 1 FROM information_schema.columns WHERE table_name = 'person' AND column_name = 'moved_out_on'`)).toHaveLength(1);
  });
});
