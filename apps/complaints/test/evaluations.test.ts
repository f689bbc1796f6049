import { WorkingCalendar } from '@onewindow/calendar';
import { Role, type ApplicationSnapshot, type Identity } from '@onewindow/contracts';
import { AuditService, buildDataSourceOptions, createLogger, loadConfig, OutboxService, type BusinessClock, type RpcClient } from '@onewindow/platform';
import { createTestDatabase, type TestDatabase } from '@onewindow/testing';
import { DataSource } from 'typeorm';
import { CallbackRepository } from '../src/callback/callback.repository.js';
import { CallbackService } from '../src/callback/callback.service.js';
import { COMPLAINTS_ENTITIES, COMPLAINTS_MIGRATIONS } from '../src/complaints.schema.js';
import { ComplaintsConfig } from '../src/config.js';
import { EvaluationRepository } from '../src/evaluation/evaluation.repository.js';
import { EvaluationService } from '../src/evaluation/evaluation.service.js';

/**
 * The evaluation register on a real, migrated PostgreSQL (the outbox rows stand for what JetStream
 * would carry): the SMS invitation is sent once per matter however often the completion event
 * arrives, and not for unfinished or phoneless matters; a window rating closes the matter for SMS;
 * the invitation takes replies for seven days; a bad review's task gets the city's rectification
 * period and is flagged by the deadline job.
 */
describe('evaluations on PostgreSQL', () => {
  const logger = createLogger('evaluations-test', 'silent');
  const clerk: Identity = { sub: 'demo:demo-clerk', username: 'demo-clerk', displayName: '王窗口', roles: [Role.CLERK], unitCode: '510107001', unitName: '浆洗街派出所' };
  let today = '2026-09-16';
  const clock = { today: () => today, now: () => new Date(`${today}T02:00:00Z`) } as unknown as BusinessClock;
  const config = loadConfig('complaints', ComplaintsConfig, { EVALUATION_RECTIFY_WORKING_DAYS_BY_CITY: '5101:3' });
  const snapshot = (number: string, status: string, phone: string | null = '13800138000') => ({
    number, service: 'household', policeType: 'HOUSEHOLD', itemCode: 'HH-ID-CARD-REPLACE', itemName: '居民身份证补领', applicantIdNumber: '510107198804129130', applicantName: '张伟',
    applicantPhone: phone, status, unitCode: '510107001', unitName: '浆洗街派出所', firstInquiryOwnerSub: 'demo:demo-clerk', firstInquiryOwnerName: '王窗口',
    acceptedAt: '2026-09-16T02:00:00Z', deadline: '2026-10-14', deadlineProvisional: false, deadlineState: 'ON_TIME', feeFen: 4000, presentedMaterials: [], toleratedMaterials: [],
    form: {}, timeline: [], version: 1, updatedAt: '2026-09-16T02:00:00Z',
  }) as unknown as ApplicationSnapshot;

  let db: TestDatabase;
  let ds: DataSource;
  let service: EvaluationService;
  let callbacks: CallbackService;
  const rpc = { request: (_subject: string, data: { number: string }) => Promise.resolve(snapshot(data.number, 'ACCEPTED')) } as unknown as RpcClient;

  beforeAll(async () => {
    db = await createTestDatabase('evaluations');
    ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: COMPLAINTS_ENTITIES, migrations: COMPLAINTS_MIGRATIONS, migrationsRun: true, poolSize: 3 }));
    await ds.initialize();
    const outbox = new OutboxService();
    const audit = new AuditService(ds);
    callbacks = new CallbackService(ds, new CallbackRepository(), audit, outbox, WorkingCalendar.default(), clock, config);
    service = new EvaluationService(ds, new EvaluationRepository(), callbacks, audit, outbox, rpc, clock, config, logger);
  }, 60_000);

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  }, 60_000);

  const rows = <T>(sql: string, params: unknown[] = []) => ds.query(sql, params) as Promise<T[]>;
  const invitations = () => rows<{ subject: string; n: string }>(`SELECT count(*)::text AS n FROM outbox WHERE payload->>'template' = 'EVALUATION_INVITATION'`).then((r) => Number(r[0]!.n));

  it('invites a completed matter once, however often its completion arrives; not an unfinished or phoneless one', async () => {
    const apply = (s: ApplicationSnapshot) => ds.transaction((m) => service.onApplicationChanged(s, m));
    expect(await apply(snapshot('HH20260916000001', 'APPROVED'))).toBe(false);
    expect(await apply(snapshot('HH20260916000001', 'DELIVERED'))).toBe(true);
    expect(await apply(snapshot('HH20260916000001', 'DELIVERED'))).toBe(false);
    expect(await apply(snapshot('HH20260916000001', 'CLOSED'))).toBe(false);
    expect(await apply(snapshot('HH20260916000002', 'DELIVERED', null))).toBe(false);
    expect(await invitations()).toBe(1);
    expect(await rows(`SELECT payload->>'phone' AS phone, payload->>'notificationId' AS id FROM outbox WHERE payload->>'template' = 'EVALUATION_INVITATION'`)).toEqual([
      { phone: '13800138000', id: 'IHH20260916000001' },
    ]);
  });

  it('a matter rated at the window is not invited by SMS afterwards', async () => {
    const { deviceToken } = await service.pairDevice((await service.startPairing(clerk, '3')).code);
    const visit = await service.present(clerk, '3', 'HH20260916000003');
    const { evaluation, callbackOpened } = await service.rateVisit({ deviceToken, visitId: visit.id, rating: 'BASIC' });
    expect(evaluation).toMatchObject({ level: 'BASIC', channel: 'WINDOW', officerUsername: 'demo-clerk', windowNo: '3', unitCode: '510107001' });
    expect(callbackOpened).toBe(false);
    expect(await ds.transaction((m) => service.onApplicationChanged(snapshot('HH20260916000003', 'DELIVERED'), m))).toBe(false);
    expect(await invitations()).toBe(1);
  });

  it('an invitation takes replies for seven days; after that a reply is from an unknown sender', async () => {
    today = '2026-09-24';
    await expect(service.takeSmsReply({ messageId: 'late-1', from: '13800138000', text: '1' })).rejects.toMatchObject({ code: 'EVALUATION_SMS_UNKNOWN_SENDER' });
    today = '2026-09-22';
    await expect(service.takeSmsReply({ messageId: 'in-time-1', from: '13800138000', text: '3' })).resolves.toMatchObject({ outcome: 'RECORDED', level: 'DISSATISFIED', callbackOpened: true });
  });

  it('the bad review\'s task runs on the city\'s 3 working days and is flagged by the deadline job', async () => {
    const [task] = await rows<{ opened_on: string; callback_due: string; resolve_due: string; deadline_state: string }>(
      `SELECT opened_on::text, callback_due::text, resolve_due::text, deadline_state FROM callback_task`);
    // Tuesday 09-22: callback Wednesday 09-23, rectification 3 working days → Friday 09-25 is 中秋 (rest) → 09-28.
    expect(task).toEqual({ opened_on: '2026-09-22', callback_due: '2026-09-23', resolve_due: '2026-09-28', deadline_state: 'ON_TIME' });
    today = '2026-09-23';
    expect(await callbacks.flagDeadlines()).toEqual({ checked: 1, changed: 1 });
    today = '2026-09-24';
    expect(await callbacks.flagDeadlines()).toEqual({ checked: 1, changed: 1 });
    expect(await rows(`SELECT deadline_state FROM callback_task`)).toEqual([{ deadline_state: 'OVERDUE' }]);
    expect(await rows(`SELECT payload->>'status' AS status, payload->>'deadlineState' AS state FROM outbox WHERE payload ? 'taskId' ORDER BY created_at, id`)).toEqual([
      { status: 'OPEN', state: 'ON_TIME' }, { status: 'OPEN', state: 'DUE_SOON' }, { status: 'OPEN', state: 'OVERDUE' },
    ]);
  });
});
