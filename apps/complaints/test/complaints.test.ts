import { WorkingCalendar } from '@onewindow/calendar';
import { EventSubjects, Role, ServiceName, streamOf, type ComplaintChangedEvent, type Identity } from '@onewindow/contracts';
import {
  AuditService, buildDataSourceOptions, createLogger, NatsService, OutboxRelay, OutboxService, systemActor, type BusinessClock,
} from '@onewindow/platform';
import { createTestDatabase, deleteStreams, randomName, TEST_NATS_URL, type TestDatabase } from '@onewindow/testing';
import { DataSource } from 'typeorm';
import { toComplaint } from '../src/complaint/complaint.model.js';
import { ComplaintRepository } from '../src/complaint/complaint.repository.js';
import { ComplaintService, type ComplaintIntake } from '../src/complaint/complaint.service.js';
import { COMPLAINTS_ENTITIES, COMPLAINTS_MIGRATIONS } from '../src/complaints.schema.js';
import { DeductionRepository } from '../src/deduction/deduction.repository.js';
import { DeductionService } from '../src/deduction/deduction.service.js';
import { RoutingRepository } from '../src/routing/routing.repository.js';
import { RoutingService } from '../src/routing/routing.service.js';

/** The complaint register on a real, migrated PostgreSQL, announcing through the outbox into real JetStream. */
describe('complaint register on PostgreSQL and NATS', () => {
  const logger = createLogger('complaints-test', 'silent');
  const prefix = randomName('t');
  const clerk: Identity = { sub: 'u-clerk', username: 'demo-clerk', displayName: '王窗口', roles: [Role.CLERK], unitCode: '510107001', unitName: '浆洗街派出所' };
  const xf: Identity = { sub: 'u-xf', username: 'demo-xf', displayName: '赵信访', roles: [Role.OFFICER], policeType: 'COMPLAINTS' as Identity['policeType'], unitCode: '510107', unitName: '武侯区分局' };
  const xfJinjiang: Identity = { ...xf, sub: 'u-xf-jj', username: 'demo-xf-jj', displayName: '钱信访', unitCode: '510104', unitName: '锦江区分局' };
  const household: Identity = { ...xf, sub: 'u-hh', username: 'demo-hh', displayName: '李户政', policeType: 'HOUSEHOLD' as Identity['policeType'] };
  const supervisor: Identity = { sub: 'u-sup', username: 'demo-sup', displayName: '孙督察', roles: [Role.SUPERVISOR], unitCode: '510107', unitName: '武侯区分局' };
  const supervisorJinjiang: Identity = { ...supervisor, sub: 'u-sup-jj', username: 'demo-sup-jj', unitCode: '510104', unitName: '锦江区分局' };
  const analyst: Identity = { sub: 'u-an', username: 'demo-analyst', displayName: '周分析', roles: [Role.ANALYST], unitCode: '5101', unitName: '成都市公安局' };
  const PERSON = '510104198512120012';
  let today = '2026-09-16';
  const clock = { today: () => today, now: () => new Date(`${today}T02:00:00Z`) } as unknown as BusinessClock;

  let db: TestDatabase;
  let ds: DataSource;
  let nats: NatsService;
  let relay: OutboxRelay;
  let service: ComplaintService;

  beforeAll(async () => {
    db = await createTestDatabase('complaints');
    ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: COMPLAINTS_ENTITIES, migrations: COMPLAINTS_MIGRATIONS, migrationsRun: true, poolSize: 3 }));
    await ds.initialize();
    nats = new NatsService({ url: TEST_NATS_URL, prefix, name: 'complaints-test' }, logger);
    await nats.connect();
    await nats.ensureStream(streamOf(ServiceName.COMPLAINTS));
    const outbox = new OutboxService();
    relay = new OutboxRelay(ds, nats, outbox, logger, { intervalMs: 0, batchSize: 100 });
    const audit = new AuditService(ds);
    const deductions = new DeductionService(ds, new DeductionRepository(), audit, outbox, clock, { unitPoints: 2, officerPoints: 2 });
    service = new ComplaintService(ds, new ComplaintRepository(), audit, outbox, WorkingCalendar.default(), clock, deductions, new RoutingService(ds, new RoutingRepository(), audit));
  }, 60_000);

  afterAll(async () => {
    await nats?.onApplicationShutdown();
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
    await deleteStreams(prefix);
  }, 60_000);

  const rows = <T>(sql: string, params: unknown[] = []) => ds.query(sql, params) as Promise<T[]>;
  const written = async () => (await rows<{ n: string }>(`SELECT (SELECT count(*) FROM complaint_event) + (SELECT count(*) FROM outbox) + (SELECT count(*) FROM audit_log) AS n`))[0]!.n;
  const atWindow: ComplaintIntake = {
    channel: 'WINDOW', complainantName: '张伟', complainantIdNumber: PERSON, complainantPhone: '138 0013 8000', content: '户口迁入办理超过承诺时限仍未办结',
    policeType: 'HOUSEHOLD' as ComplaintIntake['policeType'], responsibleUnitCode: '510107001', officerUsername: 'demo-officer-li', officerName: '李警官',
    kind: 'DELAY', applicationNumber: 'HH20260910000001',
  };
  let first: string;
  let letter: string;

  it('intakes at the window (clerk) and by letter (complaints officer); the letter repeats the same matter and is linked, not counted twice', async () => {
    await expect(service.intake(clerk, { ...atWindow, channel: 'LETTER' })).rejects.toMatchObject({ code: 'COMPLAINT_CHANNEL_NOT_ALLOWED' });
    await expect(service.intake(clerk, { ...atWindow, complainantIdNumber: '510104198512120013' })).rejects.toMatchObject({ code: 'INVALID_ID_NUMBER' });
    const c = await service.intake(clerk, atWindow);
    first = c.number;
    expect(c).toMatchObject({
      number: 'XF20260916000001', status: 'RECEIVED', channel: 'WINDOW', complainantPhone: '13800138000', repeatOf: null, receivedUnitCode: '510107001',
      acceptanceDeadline: '2026-10-08', deadline: '2026-10-08', deadlineState: 'ON_TIME', // 09-16 + 15 = 10-01, National Day → 10-08
    });
    const l = await service.intake(xf, { ...atWindow, channel: 'LETTER', complainantIdNumber: undefined, content: '来信反映户口迁入拖延' });
    letter = l.number;
    expect(l).toMatchObject({ channel: 'LETTER', repeatOf: first, receivedBy: 'demo-xf' });
    expect(await rows(`SELECT e.action, e.note FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id WHERE c.number = $1 ORDER BY e.id`, [first])).toEqual([
      { action: 'INTAKE', note: '承办单位：成都市公安局武侯区分局（分派规则第 1 版第 2 条：户政拖延投诉由分局信访室承办）' },
      { action: 'REPEATED', note: `同一事项再次投诉：${letter}` },
    ]);
    expect(await rows(`SELECT payload->>'number' AS number, payload->>'action' AS action FROM outbox ORDER BY created_at, id`)).toEqual(expect.arrayContaining([
      { number: first, action: 'INTAKE' }, { number: letter, action: 'INTAKE' }, { number: first, action: 'REPEATED' },
    ]));
  });

  it('refuses a complaints officer of another district and an officer of another police type, writing nothing', async () => {
    const before = await written();
    await expect(service.accept(xfJinjiang, first, true)).rejects.toMatchObject({ code: 'OUT_OF_JURISDICTION' });
    await expect(service.intake(xfJinjiang, { ...atWindow, channel: 'HOTLINE_12345' })).rejects.toMatchObject({ code: 'OUT_OF_JURISDICTION' });
    await expect(service.read(xfJinjiang, first, '核查信访事项')).rejects.toMatchObject({ code: 'OUT_OF_JURISDICTION' });
    await expect(service.accept(household, first, true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.accept(clerk, first, true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Nothing written but the audit line of the refused read.
    expect(Number(await written())).toBe(Number(before) + 1);
    expect(await rows(`SELECT actor_username, outcome, details FROM audit_log WHERE outcome = 'DENIED'`)).toEqual([
      { actor_username: 'demo-xf-jj', outcome: 'DENIED', details: { code: 'OUT_OF_JURISDICTION' } },
    ]);
    expect(await rows(`SELECT status FROM complaint WHERE number = $1`, [first])).toEqual([{ status: 'RECEIVED' }]);
  });

  it('accepts, extends with the supervisor\'s approval and a notice, answers, reopens, answers again and closes', async () => {
    today = '2026-09-20';
    await expect(service.accept(xf, letter, false)).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
    expect(await service.accept(xf, letter, false, '与 ' + first + ' 为同一事项，并案办理')).toMatchObject({ status: 'NOT_ACCEPTED', deadline: null, deadlineState: 'DONE' });
    expect(await service.accept(xf, first, true)).toMatchObject({ status: 'ACCEPTED', acceptedOn: '2026-09-20', answerDeadline: '2026-11-19', deadline: '2026-11-19' });

    await expect(service.approveExtension(supervisor, first, '延期告知')).rejects.toMatchObject({ code: 'EXTENSION_NOT_PENDING' });
    expect(await service.requestExtension(xf, first, '需调取户籍档案核实')).toMatchObject({ extensionPending: true, answerDeadline: '2026-11-19' });
    await expect(service.requestExtension(xf, first, '再次申请')).rejects.toMatchObject({ code: 'EXTENSION_ALREADY_PENDING' });
    await expect(service.approveExtension(xf, first, '延期告知')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.approveExtension(supervisorJinjiang, first, '延期告知')).rejects.toMatchObject({ code: 'OUT_OF_JURISDICTION' });
    // 09-20 + 90 = 12-19, a Saturday → Monday 12-21.
    expect(await service.approveExtension(supervisor, first, '因需调取档案，办结期限延长至 2026-12-21')).toMatchObject({ extended: true, extensionPending: false, answerDeadline: '2026-12-21', deadline: '2026-12-21' });
    await expect(service.requestExtension(xf, first, '还需延期')).rejects.toMatchObject({ code: 'COMPLAINT_EXTENSION_ALREADY_USED' });

    today = '2026-10-12';
    expect(await service.answer(xf, { number: first, text: '已督促承办民警办结，向您致歉', answerChannel: 'WRITTEN' })).toMatchObject({ status: 'ANSWERED', answeredOn: '2026-10-12', deadlineState: 'DONE' });
    await expect(service.reopen(clerk, first, ' ')).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
    expect(await service.reopen(clerk, first, '投诉人对答复不满意')).toMatchObject({ status: 'REOPENED', answerDeadline: '2026-11-11', answerText: null, deadlineState: 'ON_TIME' });
    expect(await service.answer(xf, { number: first, text: '复查后维持原答复', answerChannel: 'PHONE' })).toMatchObject({ status: 'ANSWERED' });
    await expect(service.close(xf, first)).rejects.toMatchObject({ code: 'COMPLAINT_FINDING_REQUIRED' });
    expect(await service.close(xf, first, undefined, { finding: 'NOT_SUBSTANTIATED' })).toMatchObject({ status: 'CLOSED', closedOn: '2026-10-12', deadline: null, finding: 'NOT_SUBSTANTIATED' });
    await expect(service.close(xf, first)).rejects.toMatchObject({ code: 'COMPLAINT_INVALID_TRANSITION' });

    const { timeline } = await service.read(xf, first, '复核办理过程');
    expect(timeline.map((e) => [e.action, e.fromStatus, e.toStatus, e.actorName])).toEqual([
      ['INTAKE', null, 'RECEIVED', '王窗口'],
      ['REPEATED', 'RECEIVED', 'RECEIVED', '赵信访'],
      ['ACCEPT', 'RECEIVED', 'ACCEPTED', '赵信访'],
      ['REQUEST_EXTENSION', 'ACCEPTED', 'ACCEPTED', '赵信访'],
      ['APPROVE_EXTENSION', 'ACCEPTED', 'ACCEPTED', '孙督察'],
      ['ANSWER', 'ACCEPTED', 'ANSWERED', '赵信访'],
      ['REOPEN', 'ANSWERED', 'REOPENED', '王窗口'],
      ['ANSWER', 'REOPENED', 'ANSWERED', '赵信访'],
      ['CLOSE', 'ANSWERED', 'CLOSED', '赵信访'],
    ]);
    expect(timeline[4]!.details).toMatchObject({ noticeToComplainant: '因需调取档案，办结期限延长至 2026-12-21' });
  });

  it('announces every change through the outbox into JetStream', async () => {
    await relay.drain();
    const stream = nats.stream(streamOf(ServiceName.COMPLAINTS).name);
    const last = await nats.manager.streams.getMessage(stream, { last_by_subj: nats.subject(EventSubjects.complaintChanged) });
    expect(last?.json<ComplaintChangedEvent>()).toMatchObject({ number: first, action: 'CLOSE', status: 'CLOSED', channel: 'WINDOW', unitCode: '510107001', deadlineState: 'DONE', extended: true });
    const [{ n }] = await rows<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE published_at IS NOT NULL`);
    expect((await nats.manager.streams.info(stream)).state.messages).toBe(Number(n));
    expect(await rows(`SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL`)).toEqual([{ n: 0 }]);
  });

  it('reads are audited with the purpose; a clerk sees the complainant masked, the complaints officer in full', async () => {
    const forClerk = await service.read(clerk, first, '窗口答复群众询问');
    expect(toComplaint(forClerk.complaint, clerk)).toMatchObject({ complainantName: '张*', complainantPhone: '138****8000', complainantIdNumber: '510104********0012' });
    const forOfficer = await service.read(xf, first, '复核办理过程');
    expect(toComplaint(forOfficer.complaint, xf)).toMatchObject({ complainantName: '张伟', complainantPhone: '13800138000', complainantIdNumber: PERSON });
    expect(await rows(`SELECT actor_username, action, subject_ref, purpose FROM audit_log WHERE subject_type = 'COMPLAINT' AND outcome = 'SUCCESS' ORDER BY id`)).toEqual([
      { actor_username: 'demo-xf', action: 'COMPLAINT_READ', subject_ref: first, purpose: '复核办理过程' },
      { actor_username: 'demo-clerk', action: 'COMPLAINT_READ', subject_ref: first, purpose: '窗口答复群众询问' },
      { actor_username: 'demo-xf', action: 'COMPLAINT_READ', subject_ref: first, purpose: '复核办理过程' },
    ]);
  });

  it('a clerk never sees a complaint about themself; the workbench sorts by deadline, masked, within the jurisdiction; the analyst reads all', async () => {
    today = '2026-10-13';
    const aboutClerk = await service.intake(xf, { ...atWindow, channel: 'VISIT', kind: 'ATTITUDE', applicationNumber: undefined, officerUsername: 'demo-clerk', officerName: '王窗口' });
    // To the clerk it names, the complaint does not exist; the refused read is audited.
    await expect(service.read(clerk, aboutClerk.number, '查看')).rejects.toMatchObject({ code: 'COMPLAINT_NOT_FOUND' });
    expect(await rows(`SELECT outcome FROM audit_log WHERE actor_username = 'demo-clerk' AND subject_ref = $1`, [aboutClerk.number])).toEqual([{ outcome: 'DENIED' }]);
    expect((await service.ofComplainant(clerk, PERSON)).map((c) => c.number)).toEqual([first]);
    expect((await service.ofComplainant(xf, PERSON)).map((c) => c.number)).toEqual([aboutClerk.number, first]);

    const jinjiang = await service.intake(xfJinjiang, { ...atWindow, channel: 'HOTLINE_96166', responsibleUnitCode: '510104002', complainantPhone: '13900001111', complainantIdNumber: undefined, applicationNumber: undefined });
    const hotline = await service.intake(xf, { ...atWindow, channel: 'HOTLINE_960111', complainantPhone: '028-85551234', complainantIdNumber: undefined, applicationNumber: undefined, kind: 'SUGGESTION', receivedOn: '2026-09-30' });
    expect(hotline.acceptanceDeadline).toBe('2026-10-15');

    const workbench = await service.list(xf, {}, { limit: 50, offset: 0 });
    expect(workbench.map((c) => [c.number, c.deadline])).toEqual([
      [hotline.number, '2026-10-15'],
      [aboutClerk.number, '2026-10-28'],
      [first, null],
      [letter, null],
    ]);
    expect(toComplaint(workbench[0]!, xf, { list: true }).complainantPhone).toBe('028****1234');
    expect((await service.list(analyst, {}, { limit: 50, offset: 0 })).map((c) => c.number)).toContain(jinjiang.number);
    expect((await service.list(supervisor, { status: 'RECEIVED' }, { limit: 50, offset: 0 })).map((c) => c.number)).toEqual([hotline.number, aboutClerk.number]);
    await expect(service.list(clerk, {}, { limit: 50, offset: 0 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.accept(analyst, hotline.number, true)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('the deadline job flags DUE_SOON and OVERDUE, on the timeline and the outbox', async () => {
    const system = systemActor('system:complaint-deadlines', '信访期限检查');
    // At intake on 10-13 the hotline complaint (due 10-15) was DUE_SOON, the other two (due 10-28) ON_TIME.
    today = '2026-10-16';
    expect(await service.flagDeadlines(system)).toEqual({ checked: 3, changed: 1 });
    expect(await service.flagDeadlines(system)).toEqual({ checked: 3, changed: 0 });
    today = '2026-10-26';
    expect(await service.flagDeadlines(system)).toEqual({ checked: 3, changed: 2 });
    expect(await rows(`SELECT channel, deadline_state FROM complaint WHERE deadline IS NOT NULL ORDER BY number`)).toEqual([
      { channel: 'HOTLINE_960111', deadline_state: 'OVERDUE' }, // received 09-30: XF20260930…
      { channel: 'VISIT', deadline_state: 'DUE_SOON' },
      { channel: 'HOTLINE_96166', deadline_state: 'DUE_SOON' },
    ]);
    expect(await rows(`SELECT e.details, e.actor_name FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id WHERE c.channel = 'HOTLINE_960111' AND e.action = 'DEADLINE_STATE'`)).toEqual([
      { details: { from: 'DUE_SOON', to: 'OVERDUE' }, actor_name: '信访期限检查' },
    ]);
    expect(await rows(`SELECT count(*)::int AS n FROM outbox WHERE payload->>'action' = 'DEADLINE_STATE'`)).toEqual([{ n: 3 }]);
  });

  it('the migrations are reversible', async () => {
    // Platform migrations newer than this service's own (e.g. ConsumerBegin1798400000000) go first.
    const newestOwn = Math.max(...COMPLAINTS_MIGRATIONS.map((m) => Number(/(\d+)$/.exec(m.name)?.[1] ?? 0)));
    while (Number(((await ds.query(`SELECT max(timestamp) AS t FROM migrations`)) as { t: string }[])[0]?.t ?? 0) > newestOwn) await ds.undoLastMigration();
    // The newest (the first-inquiry reference, issue 11) first, then the online form's tables moved to the platform kit, then findings and deductions, then every other feature's, down to the register.
    await ds.undoLastMigration();
    expect(await rows(`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'complaint' AND column_name = 'first_inquiry_number'`)).toEqual([{ n: 0 }]);
    await ds.undoLastMigration();
    expect(await rows(`SELECT to_regclass('complaint_verification_code') IS NOT NULL AS back`)).toEqual([{ back: true }]);
    await ds.undoLastMigration();
    expect(await rows(`SELECT to_regclass('complaint_deduction') AS d`)).toEqual([{ d: null }]);
    for (let i = 3; i < COMPLAINTS_MIGRATIONS.length; i++) await ds.undoLastMigration();
    expect(await rows(`SELECT to_regclass('complaint') AS t, to_regclass('complaint_event') AS e, to_regclass('evaluation') AS v, to_regclass('callback_task') AS c`)).toEqual([{ t: null, e: null, v: null, c: null }]);
    await ds.runMigrations();
    expect(await rows(`SELECT count(*)::int AS n FROM complaint`)).toEqual([{ n: 0 }]);
  });
});
