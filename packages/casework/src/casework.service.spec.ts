import { WorkingCalendar } from '@onewindow/calendar';
import { PoliceType, Role, ServiceName, type AcceptApplicationCommand, type ApplicationAction, type Identity, type TransitionApplicationCommand } from '@onewindow/contracts';
import { BusinessClock, buildDataSourceOptions, createLogger, DomainException, OutboxService } from '@onewindow/platform';
import { createTestDatabase, type TestDatabase } from '@onewindow/testing';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CaseworkErrorCode } from './casework.exception.js';
import { CASEWORK_ENTITIES, CASEWORK_MIGRATIONS } from './casework.module.js';
import type { CaseworkOptions } from './casework.options.js';
import { ApplicationRepository } from './casework.repository.js';
import { CaseworkService } from './casework.service.js';
import { PoliceTypeCatalogService } from './police-type-catalog.service.js';
import type { AcceptanceContext, AcceptanceDecision, AfterAcceptContext, PoliceTypeRules, RulesTimelineNote, TransitionContext } from './police-type-rules.js';

/** A police type's rules as the core sees them: records what it was asked, refuses on demand. */
class FakePoliceTypeRules implements PoliceTypeRules {
  readonly accepted: string[] = [];
  readonly transitions: ApplicationAction[] = [];
  refuseApplicant: string | null = null;
  refuseAction: ApplicationAction | null = null;

  checkAcceptance(ctx: AcceptanceContext): Promise<AcceptanceDecision> {
    this.accepted.push(ctx.item.code);
    if (ctx.applicantIdNumber === this.refuseApplicant) return Promise.reject(new DomainException('PERSON_DECEASED', '申请人户口已因死亡注销'));
    return Promise.resolve({ applicantName: '张伟', applicantPhone: '13800138000', details: { checkedBy: 'fake' } });
  }

  afterAccept(ctx: AfterAcceptContext): Promise<RulesTimelineNote[]> {
    return Promise.resolve([{ action: 'FAKE_AFTER_ACCEPT', reason: `已登记 ${ctx.application.number}` }]);
  }

  onTransition(ctx: TransitionContext): Promise<RulesTimelineNote[]> {
    if (ctx.action === this.refuseAction) return Promise.reject(new DomainException('CONFLICT', '警种规则拒绝'));
    this.transitions.push(ctx.action);
    return Promise.resolve(ctx.action === 'APPROVE' ? [{ action: 'FAKE_ON_APPROVE', details: { from: ctx.application.status } }] : []);
  }
}

/** The business date moves as the test says. */
class TestClock extends BusinessClock {
  date = '2026-02-10';
  override today(): string {
    return this.date;
  }
  override now(): Date {
    return new Date(`${this.date}T02:00:00.000Z`);
  }
}

const item = (code: string, extra: Record<string, unknown>) => ({
  code,
  name: `测试事项 ${code}`,
  policeType: 'HOUSEHOLD',
  category: '测试',
  description: '用于 CaseworkService 单元测试',
  materials: [
    { code: 'ID_PHOTO_RECEIPT', name: '数字相片采集回执', required: true },
    { code: 'HOUSEHOLD_REGISTER', name: '居民户口簿', required: true, toleratedIfMissing: true },
  ],
  fee: { amountFen: 2000, description: '工本费', waivers: [] },
  statutoryTimeLimit: { value: 60, unit: 'CALENDAR_DAYS' },
  promisedTimeLimit: { value: 15, unit: 'WORKING_DAYS' },
  channels: ['COUNTER'],
  processSteps: ['受理', '审核'],
  legalBasis: ['测试依据'],
  supervisionPhone: '12389',
  resultName: '测试证件',
  formFields: [],
  sources: [{ title: '测试', url: 'https://flk.npc.gov.cn/' }],
  ...extra,
});

const CATALOG = {
  policeType: 'HOUSEHOLD',
  version: '1.0.0',
  effectiveFrom: '2025-01-01',
  items: [
    // A document: the clock runs until it is made.
    item('HH-TEST-CARD', { clockStopsAt: 'READY_FOR_PICKUP' }),
    // A licence: the decision ends the clock; defaults everywhere else.
    item('HH-TEST-LICENCE', { statutoryTimeLimit: { value: 20, unit: 'WORKING_DAYS' } }),
    // Decided on the spot: no extension.
    item('HH-TEST-SPOT', { maxExtension: { workingDays: 0, basis: '当场办结事项不适用延期' } }),
  ],
};

const base = { unitCode: '510107001', unitName: '浆洗街派出所' };
const clerk: Identity = { ...base, sub: 'u-clerk', username: 'clerk', displayName: '王窗口', roles: [Role.CLERK] };
const officer: Identity = { ...base, sub: 'u-officer', username: 'officer', displayName: '李户政', roles: [Role.OFFICER], policeType: PoliceType.HOUSEHOLD };
const supervisor: Identity = { ...base, sub: 'u-sup', username: 'sup', displayName: '赵督察', roles: [Role.SUPERVISOR] };
const elsewhere: Identity = { ...clerk, sub: 'u-far', unitCode: '510104002', unitName: '别处派出所' };
const APPLICANT = '11010519491231002X';

const NOTICE_2027 = { years: { '2027': { source: '测试通知（2027年放假安排）', holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'], workdays: [] } } };

describe('CaseworkService on PostgreSQL with fake police-type rules', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let rules: FakePoliceTypeRules;
  let clock: TestClock;
  let catalog: PoliceTypeCatalogService;
  let casework: CaseworkService;
  let key = 0;
  const options: CaseworkOptions = { service: ServiceName.HOUSEHOLD, policeType: PoliceType.HOUSEHOLD, catalogPath: '', numberPrefix: 'HH' };

  const build = (calendar?: WorkingCalendar) =>
    new CaseworkService(calendar ?? WorkingCalendar.default(), ds, options, rules, new ApplicationRepository(), catalog, new OutboxService(), clock);

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casework-spec-'));
    options.catalogPath = join(dir, 'test.catalog.yaml');
    writeFileSync(options.catalogPath, JSON.stringify(CATALOG));
    db = await createTestDatabase('casework');
    ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: CASEWORK_ENTITIES, migrations: CASEWORK_MIGRATIONS, migrationsRun: true, poolSize: 3 }));
    await ds.initialize();
    catalog = new PoliceTypeCatalogService(options, ds, new OutboxService(), createLogger('casework-spec', 'silent'));
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  beforeEach(() => {
    rules = new FakePoliceTypeRules();
    clock = new TestClock();
    casework = build();
  });

  const cmd = (itemCode: string, over: Partial<AcceptApplicationCommand> = {}): AcceptApplicationCommand => ({
    idempotencyKey: `spec-key-${++key}`,
    itemCode,
    applicantIdNumber: APPLICANT,
    presentedMaterials: ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER'],
    form: {},
    ...over,
  });
  const accept = async (itemCode: string, over: Partial<AcceptApplicationCommand> = {}) => {
    const reply = await casework.accept(cmd(itemCode, over), clerk);
    if (!reply.application) throw new Error(`not accepted: ${JSON.stringify(reply)}`);
    return reply.application;
  };
  const step = (number: string, action: ApplicationAction, actor: Identity, over: Partial<TransitionApplicationCommand> = {}) =>
    casework.transition({ number, action, reason: '测试理由', ...over }, actor);
  const codeOf = async (p: Promise<unknown>) => p.then(() => 'resolved', (err: { code?: string }) => err.code ?? String(err));
  const count = async (table: string) => ((await ds.query(`SELECT count(*)::int AS n FROM ${table}`)) as { n: number }[])[0]!.n;

  describe('acceptance (受理)', () => {
    it('stores both limits: promised 15 working days and statutory 60 calendar days, each with its deadline', async () => {
      const app = await accept('HH-TEST-CARD');
      // <prefix><acceptance day><sequence, 6 digits>, drawn inside the insert; the row holds the same number, and the timeline announced (not read back) is the stored one.
      expect(app.number).toMatch(/^HH\d{8}\d{6}$/);
      expect(await ds.query(`SELECT a.number, count(e.id)::int AS events FROM application a JOIN application_event e ON e.application_id = a.id WHERE a.number = $1 GROUP BY a.number`, [app.number]))
        .toEqual([{ number: app.number, events: app.timeline.length }]);
      expect(app.version).toBe(1);
      expect(app).toMatchObject({
        status: 'ACCEPTED',
        applicantName: '张伟',
        deadline: '2026-03-09', // 15 working days across 春节 2026 and two 调休 Saturdays
        deadlineProvisional: false,
        promisedTimeLimit: { value: 15, unit: 'WORKING_DAYS' },
        statutoryTimeLimit: { value: 60, unit: 'CALENDAR_DAYS' },
        statutoryDeadline: '2026-04-13', // 60 days end Sat 04-11 → next working day
        statutoryDeadlineProvisional: false,
        clockStopsAt: 'READY_FOR_PICKUP',
        extendedWorkingDays: 0,
        maxExtensionWorkingDays: 10,
        deadlineState: 'ON_TIME',
        feeFen: 2000,
      });
      expect(rules.accepted).toEqual(['HH-TEST-CARD']);
      expect(app.timeline.map((e) => e.action)).toEqual(['ACCEPT', 'FAKE_AFTER_ACCEPT']);
      expect(app.timeline[0]!.details).toMatchObject({ deadline: '2026-03-09', statutoryDeadline: '2026-04-13', clockStopsAt: 'READY_FOR_PICKUP' });
      const [row] = (await ds.query(`SELECT clock_started_on::text AS d FROM application WHERE number = $1`, [app.number])) as { d: string }[];
      expect(row!.d).toBe('2026-02-10');
    });

    it('a refusal by the police-type rules leaves nothing written and keeps its code', async () => {
      rules.refuseApplicant = APPLICANT;
      const before = await Promise.all([count('application'), count('outbox')]);
      expect(await codeOf(casework.accept(cmd('HH-TEST-CARD'), clerk))).toBe('PERSON_DECEASED');
      expect(await Promise.all([count('application'), count('outbox')])).toEqual(before);
    });

    it('missing materials give the exact list and write nothing; unknown items and bad ID numbers are typed', async () => {
      const before = await count('application');
      const reply = await casework.accept(cmd('HH-TEST-CARD', { presentedMaterials: ['HOUSEHOLD_REGISTER'] }), clerk);
      expect(reply).toMatchObject({ outcome: 'MISSING_MATERIALS', missing: [{ code: 'ID_PHOTO_RECEIPT', name: '数字相片采集回执' }] });
    expect(reply.outcome === 'MISSING_MATERIALS' && reply.missing).toHaveLength(1);
      expect(await count('application')).toBe(before);
      expect(await codeOf(casework.accept(cmd('HH-NO-SUCH-ITEM'), clerk))).toBe(CaseworkErrorCode.ITEM_NOT_FOUND);
      expect(await codeOf(casework.accept(cmd('HH-TEST-CARD', { applicantIdNumber: '110105194912310021' }), clerk))).toBe(CaseworkErrorCode.INVALID_ID_NUMBER);
    });

    it('a tolerated gap needs a written commitment due after today', async () => {
      const gap = { presentedMaterials: ['ID_PHOTO_RECEIPT'] };
      expect(await codeOf(casework.accept(cmd('HH-TEST-CARD', { ...gap, toleratedMaterials: [{ code: 'HOUSEHOLD_REGISTER', commitment: '三日内补交', dueDate: '2026-02-10' }] }), clerk)))
        .toBe(CaseworkErrorCode.TOLERATED_COMMITMENT_REQUIRED);
      const app = await accept('HH-TEST-CARD', { ...gap, toleratedMaterials: [{ code: 'HOUSEHOLD_REGISTER', commitment: '三日内补交', dueDate: '2026-02-13' }] });
      expect(app.toleratedMaterials).toEqual([expect.objectContaining({ code: 'HOUSEHOLD_REGISTER', suppliedAt: null })]);
    });

    it('the same idempotency key twice gives one application', async () => {
      const c = cmd('HH-TEST-LICENCE');
      const first = await casework.accept(c, clerk);
      const again = await casework.accept(c, clerk);
      expect(again).toMatchObject({ outcome: 'ACCEPTED', replayed: true, application: { number: first.application!.number } });
    });
  });

  describe('lifecycle through the service', () => {
    it('runs the rules hook inside the transition and records its notes after the step', async () => {
      const app = await accept('HH-TEST-LICENCE');
      await step(app.number, 'START_REVIEW', officer);
      const approved = await step(app.number, 'APPROVE', officer);
      expect(rules.transitions).toEqual(['START_REVIEW', 'APPROVE']);
      expect(approved.timeline.slice(-2).map((e) => [e.action, e.actorName])).toEqual([['APPROVE', '李户政'], ['FAKE_ON_APPROVE', '系统']]);
      expect(approved.timeline.at(-1)!.details).toEqual({ from: 'IN_REVIEW' });
    });

    it('a refusal by the rules hook rolls the transition back', async () => {
      const app = await accept('HH-TEST-LICENCE');
      rules.refuseAction = 'START_REVIEW';
      expect(await codeOf(step(app.number, 'START_REVIEW', officer))).toBe('CONFLICT');
      expect((await casework.get(app.number, clerk)).status).toBe('ACCEPTED');
    });

    it('refuses with exact codes: wrong role, other jurisdiction, stale version', async () => {
      const app = await accept('HH-TEST-LICENCE');
      expect(await codeOf(step(app.number, 'APPROVE', clerk))).toBe(CaseworkErrorCode.NOT_OWNING_OFFICER);
      expect(await codeOf(step(app.number, 'START_REVIEW', elsewhere))).toBe(CaseworkErrorCode.APPLICATION_NOT_FOUND);
      expect(await codeOf(casework.get(app.number, elsewhere))).toBe(CaseworkErrorCode.APPLICATION_NOT_FOUND);
      expect(await codeOf(step(app.number, 'START_REVIEW', officer, { expectedVersion: app.version + 5 }))).toBe(CaseworkErrorCode.VERSION_CONFLICT);
    });

    it('hand-out waits for a tolerated material', async () => {
      const app = await accept('HH-TEST-CARD', { presentedMaterials: ['ID_PHOTO_RECEIPT'], toleratedMaterials: [{ code: 'HOUSEHOLD_REGISTER', commitment: '补交', dueDate: '2026-02-20' }] });
      await step(app.number, 'APPROVE', officer);
      await step(app.number, 'MARK_READY', officer);
      expect(await codeOf(step(app.number, 'DELIVER', clerk))).toBe(CaseworkErrorCode.TOLERATED_MATERIAL_OUTSTANDING);
      expect(await codeOf(step(app.number, 'SUPPLY_TOLERATED', clerk, { materialCode: 'NOT_TOLERATED' }))).toBe(CaseworkErrorCode.INVALID_TRANSITION);
      await step(app.number, 'SUPPLY_TOLERATED', clerk, { materialCode: 'HOUSEHOLD_REGISTER' });
      expect((await step(app.number, 'DELIVER', clerk)).status).toBe('DELIVERED');
    });
  });

  describe('限时办结 runs to the step that ends the clock', () => {
    it('an ID card approved but never made is overdue when its deadline passes; making it ends the clock', async () => {
      const card = await accept('HH-TEST-CARD');
      const approved = await step(card.number, 'APPROVE', officer);
      expect(approved.deadlineState).toBe('ON_TIME');
      clock.date = '2026-03-10'; // deadline 2026-03-09 has passed
      const job = await casework.flagDeadlines();
      expect(job.changed).toBeGreaterThanOrEqual(1);
      const late = await casework.get(card.number, clerk);
      expect(late).toMatchObject({ status: 'APPROVED', deadlineState: 'OVERDUE' });
      expect(late.timeline.at(-1)).toMatchObject({ action: 'FLAG_OVERDUE', actorName: '系统（时限监控）' });
      const made = await step(card.number, 'MARK_READY', officer);
      expect(made.deadlineState).toBe('DONE');
    });

    it('a licence decided in time is done at approval, however late it is collected', async () => {
      const licence = await accept('HH-TEST-LICENCE');
      expect((await step(licence.number, 'APPROVE', officer)).deadlineState).toBe('DONE');
      clock.date = '2026-06-01';
      await casework.flagDeadlines();
      expect((await casework.get(licence.number, clerk)).deadlineState).toBe('DONE');
    });
  });

  describe('补正 and 延期 move both deadlines; 延期 is capped', () => {
    it('补正 moves the promised and the statutory deadline by the working days waited', async () => {
      const app = await accept('HH-TEST-LICENCE'); // promised 2026-03-09, statutory 20 working days → 2026-03-16
      expect(app.statutoryDeadline).toBe('2026-03-16');
      await step(app.number, 'REQUEST_SUPPLEMENT', officer);
      clock.date = '2026-02-13'; // Fri: 3 working days waited (11, 12, 13)
      const resumed = await step(app.number, 'SUPPLEMENT_RECEIVED', clerk);
      expect(resumed).toMatchObject({ deadline: '2026-03-12', statutoryDeadline: '2026-03-19' });
      expect(resumed.timeline.at(-1)!.details).toMatchObject({ clockStoppedSince: '2026-02-10', clockResumed: '2026-02-13', pausedWorkingDays: 3 });
    });

    it('caps extensions at 10 working days in total (行政许可法 第四十二条) with EXTENSION_LIMIT_EXCEEDED', async () => {
      const app = await accept('HH-TEST-LICENCE');
      await step(app.number, 'REQUEST_EXTENSION', officer, { extensionDays: 6 });
      const extended = await step(app.number, 'APPROVE_EXTENSION', supervisor);
      expect(extended).toMatchObject({ deadline: '2026-03-17', statutoryDeadline: '2026-03-24', extendedWorkingDays: 6 });
      let refused: unknown;
      await step(app.number, 'REQUEST_EXTENSION', officer, { extensionDays: 5 }).catch((err: unknown) => (refused = err));
      expect(refused).toMatchObject({ code: CaseworkErrorCode.EXTENSION_LIMIT_EXCEEDED, details: { requested: 5, alreadyExtended: 6, maxWorkingDays: 10, basis: '《中华人民共和国行政许可法》第四十二条' } });
      await step(app.number, 'REQUEST_EXTENSION', officer, { extensionDays: 4 });
      expect((await step(app.number, 'APPROVE_EXTENSION', supervisor)).extendedWorkingDays).toBe(10);
    });

    it('an item that allows no extension refuses the first request', async () => {
      const app = await accept('HH-TEST-SPOT');
      expect(await codeOf(step(app.number, 'REQUEST_EXTENSION', officer, { extensionDays: 1 }))).toBe(CaseworkErrorCode.EXTENSION_LIMIT_EXCEEDED);
      expect(await codeOf(step(app.number, 'APPROVE_EXTENSION', supervisor))).toBe(CaseworkErrorCode.EXTENSION_NOT_PENDING);
    });
  });

  describe('provisional deadlines (a year without published 放假调休 data)', () => {
    it('are recomputed once the year is loaded, with a timeline entry saying so', async () => {
      clock.date = '2026-12-21';
      const app = await accept('HH-TEST-LICENCE');
      expect(app).toMatchObject({ deadline: '2027-01-11', deadlineProvisional: true, statutoryDeadline: '2027-01-18', statutoryDeadlineProvisional: true });
      expect(app.timeline[0]!.details).toMatchObject({ provisional: true });
      await step(app.number, 'REQUEST_EXTENSION', officer, { extensionDays: 2 });
      await step(app.number, 'APPROVE_EXTENSION', supervisor); // 2027-01-13, still provisional

      // Same calendar: nothing to recompute, no timeline noise.
      expect(await casework.recomputeProvisionalDeadlines()).toMatchObject({ recomputed: 0 });

      // The 2027 notice is loaded (元旦 Jan 1–4 in this test notice): replay acceptance + extension on it.
      casework = build(WorkingCalendar.withOverrides(NOTICE_2027));
      const job = await casework.flagDeadlines();
      expect(job.recomputed).toBeGreaterThanOrEqual(1);
      const after = await casework.get(app.number, clerk);
      expect(after).toMatchObject({ deadline: '2027-01-15', deadlineProvisional: false, statutoryDeadline: '2027-01-22', statutoryDeadlineProvisional: false });
      const entry = after.timeline.at(-1)!;
      expect(entry).toMatchObject({ action: 'DEADLINE_RECOMPUTED', actorName: '系统（时限监控）' });
      expect(entry.reason).toContain('测试通知（2027年放假安排）');
      expect(entry.details).toMatchObject({ previousDeadline: '2027-01-13', deadline: '2027-01-15', provisional: false });
      expect(await casework.recomputeProvisionalDeadlines()).toMatchObject({ recomputed: 0 });
    });
  });

  it('the time-limit migration goes down and up again, back-filling the clock start and promised limit of existing cases', async () => {
    const app = await accept('HH-TEST-LICENCE');
    // Undo the migrations that came after it (the material-check table), then it.
    while ((await ds.query(`SELECT name FROM migrations ORDER BY timestamp DESC LIMIT 1`) as { name: string }[])[0]?.name !== 'AddCaseworkTimeLimits1764950000200') await ds.undoLastMigration();
    await ds.undoLastMigration();
    const cols = (await ds.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'application' AND column_name = 'statutory_deadline'`)) as unknown[];
    expect(cols).toEqual([]);
    await ds.runMigrations();
    const [row] = (await ds.query(
      `SELECT clock_started_on::text AS started, promised_time_limit AS promised, statutory_time_limit AS statutory, clock_stops_at AS stop, extended_working_days AS extended FROM application WHERE number = $1`,
      [app.number],
    )) as Record<string, unknown>[];
    expect(row).toEqual({ started: '2026-02-10', promised: { value: 15, unit: 'WORKING_DAYS' }, statutory: null, stop: 'APPROVED', extended: 0 });
  });
});
