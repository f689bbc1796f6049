import { WorkingCalendar } from '@onewindow/calendar';
import { ApplicationRepository, CASEWORK_ENTITIES, CASEWORK_MIGRATIONS, CaseworkService, PoliceTypeCatalogService, type CaseworkOptions, type PoliceTypeRules } from '@onewindow/casework';
import { EventSubjects, PoliceType, Role, ServiceName, streamOf, type AcceptApplicationCommand, type ApplicationAction, type Identity } from '@onewindow/contracts';
import { AuditService, buildDataSourceOptions, BusinessClock, createLogger, NatsService, OutboxRelay, OutboxService } from '@onewindow/platform';
import { createTestDatabase, deleteStreams, randomName, TEST_NATS_URL, type TestDatabase } from '@onewindow/testing';
import { DataSource } from 'typeorm';
import { DeathCaseService } from '../src/death-follow-up/death-case.service.js';
import { HOUSEHOLD_CATALOG_PATH, HOUSEHOLD_ENTITIES, HOUSEHOLD_MIGRATIONS } from '../src/household.schema.js';
import { IdCardRepository } from '../src/id-card/id-card.repository.js';
import { PersonRepository } from '../src/person/person.repository.js';
import { HouseholdCaseRules } from '../src/register-effects/household-case.rules.js';
import { RegisterEffectsRepository } from '../src/register-effects/register-effects.repository.js';
import { RegisterEffectsService } from '../src/register-effects/register-effects.service.js';
import { ResidencePermitRepository } from '../src/residence-permit/residence-permit.repository.js';
import { ResidencePermitService } from '../src/residence-permit/residence-permit.service.js';
import { seedDemoData } from '../src/seed/demo-seed.js';
import type { TransfersService } from '@onewindow/transfers';
import { DEMO_VERIFICATION_FIXTURE_PATH, fixtureAdapters, loadVerificationFixture, type VerificationAdapters } from '@onewindow/online-verification';
import { OnlineVerificationService } from '../src/online-verification/online-verification.service.js';

export const clerk: Identity = { sub: 'u-clerk', username: 'demo-clerk', displayName: '窗口民警', roles: [Role.CLERK], unitCode: '510107001', unitName: '浆洗街派出所' };
export const officer: Identity = { ...clerk, sub: 'u-officer', username: 'demo-household', displayName: '户政民警', roles: [Role.OFFICER], policeType: 'HOUSEHOLD' as Identity['policeType'] };

/**
 * The household casework as the service runs it — CaseworkService with the registered rules
 * (HouseholdCaseRules), on a fresh, migrated PostgreSQL database, with the outbox relayed to the
 * real JetStream under a random prefix — without the HTTP/NATS listeners. The death case's
 * transfers are not wired: the items tested here never open follow-ups.
 */
export class CaseworkHarness {
  db!: TestDatabase;
  ds!: DataSource;
  nats!: NatsService;
  relay!: OutboxRelay;
  casework!: CaseworkService;
  catalog!: PoliceTypeCatalogService;
  rules!: HouseholdCaseRules;
  residencePermits!: ResidencePermitService;
  private options!: CaseworkOptions;
  readonly outbox = new OutboxService();
  readonly prefix = randomName('t');
  private keys = 0;

  /** `adapters`: the departments' online checks (default: the demo fixture). */
  constructor(readonly today: string, private readonly adapters: VerificationAdapters = fixtureAdapters(loadVerificationFixture(DEMO_VERIFICATION_FIXTURE_PATH))) {}

  async start(): Promise<this> {
    const logger = createLogger('household-test', 'silent');
    this.db = await createTestDatabase('household');
    this.ds = new DataSource(buildDataSourceOptions({
      url: this.db.url, entities: [...HOUSEHOLD_ENTITIES, ...CASEWORK_ENTITIES], migrations: [...HOUSEHOLD_MIGRATIONS, ...CASEWORK_MIGRATIONS], migrationsRun: true, poolSize: 4,
    }));
    await this.ds.initialize();
    await seedDemoData(this.ds, { mode: 'test', population: 0, seed: 1, unitCodes: ['510107001'] }, logger);
    this.nats = new NatsService({ url: TEST_NATS_URL, prefix: this.prefix, name: 'household-register-test' }, logger);
    await this.nats.connect();
    await this.nats.ensureStream(streamOf(ServiceName.HOUSEHOLD));
    this.relay = new OutboxRelay(this.ds, this.nats, this.outbox, logger, { intervalMs: 0, batchSize: 100 });
    this.rules = new HouseholdCaseRules(new PersonRepository(this.ds), new IdCardRepository(this.ds), new AuditService(this.ds));
    this.residencePermits = new ResidencePermitService(new ResidencePermitRepository(this.ds), new AuditService(this.ds));
    Object.assign(this.rules, {
      deathCase: new DeathCaseService({} as TransfersService),
      registerEffects: new RegisterEffectsService(new RegisterEffectsRepository()),
      residencePermits: this.residencePermits,
      onlineVerification: new OnlineVerificationService(this.adapters),
    });
    const options: CaseworkOptions = (this.options = { service: ServiceName.HOUSEHOLD, policeType: PoliceType.HOUSEHOLD, catalogPath: HOUSEHOLD_CATALOG_PATH, numberPrefix: 'HH' });
    this.catalog = new PoliceTypeCatalogService(options, this.ds, this.outbox, logger);
    this.casework = new CaseworkService(WorkingCalendar.default(), this.ds, options, this.rules as PoliceTypeRules, new ApplicationRepository(), this.catalog, this.outbox, new BusinessClock(this.today));
    return this;
  }

  /** Moves the business date (a fixed clock, as CLOCK_FIXED_DATE does in the service). */
  at(today: string): this {
    this.casework = new CaseworkService(WorkingCalendar.default(), this.ds, this.options, this.rules as PoliceTypeRules, new ApplicationRepository(), this.catalog, this.outbox, new BusinessClock(today));
    return this;
  }

  async stop(): Promise<void> {
    await this.nats?.onApplicationShutdown();
    if (this.ds?.isInitialized) await this.ds.destroy();
    await this.db?.drop();
    await deleteStreams(this.prefix);
  }

  rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.ds.query(sql, params) as Promise<T[]>;
  }

  accept(itemCode: string, applicantIdNumber: string, form: Record<string, unknown>, presentedMaterials?: string[]) {
    const item = this.catalog.getItem(itemCode);
    const cmd = {
      idempotencyKey: `k-register-${++this.keys}`, itemCode, applicantIdNumber, form,
      // By default the citizen brings every required material on paper (no online check); tests of 免提交 say what they bring.
      presentedMaterials: presentedMaterials ?? item.materials.filter((m) => m.required).map((m) => m.code),
    } as AcceptApplicationCommand;
    return this.casework.accept(cmd, clerk);
  }

  async acceptOrThrow(itemCode: string, applicantIdNumber: string, form: Record<string, unknown>): Promise<string> {
    const reply = await this.accept(itemCode, applicantIdNumber, form);
    if (reply.outcome !== 'ACCEPTED' || !reply.application) throw new Error(`not accepted: ${JSON.stringify(reply)}`);
    return reply.application.number;
  }

  transition(number: string, action: ApplicationAction, actor: Identity = officer, reason?: string) {
    return this.casework.transition({ number, action, reason }, actor);
  }

  /** Publish what the outbox holds; return the `application.changed` events on the stream for this case. */
  async publishedChanges(number: string): Promise<{ status: string; timeline: { action: string; details?: Record<string, unknown> }[] }[]> {
    await this.relay.drain();
    const stream = this.nats.stream(streamOf(ServiceName.HOUSEHOLD).name);
    const info = await this.nats.manager.streams.info(stream);
    const out: { number: string; status: string; timeline: { action: string; details?: Record<string, unknown> }[] }[] = [];
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const m = await this.nats.manager.streams.getMessage(stream, { seq }).catch(() => null);
      if (!m || m.subject !== this.nats.subject(EventSubjects.applicationChanged(ServiceName.HOUSEHOLD))) continue;
      out.push(m.json());
    }
    return out.filter((e) => e.number === number);
  }
}
