import { WorkingCalendar } from '@onewindow/calendar';
import {
  PoliceType, Role, ServiceName, TransferSubjects, type ApplicationSnapshot, type Identity, type TransferAcknowledgedEvent, type TransferCompletedEvent,
  type TransferRequestedEvent,
} from '@onewindow/contracts';
import { BusinessClock, buildDataSourceOptions, createLogger, DomainException, OutboxService, type RpcClient } from '@onewindow/platform';
import { createTestDatabase, type TestDatabase } from '@onewindow/testing';
import { DataSource, type EntityManager } from 'typeorm';
import { TransferErrorCode } from './transfer.exception.js';
import { TransferRepository } from './transfer.repository.js';
import type { TransferEntity } from './transfer.entity.js';
import type { TransferOutcome, TransferWorker, TransferWorkResult } from './transfer-worker.js';
import { TRANSFERS_ENTITIES, TRANSFERS_MIGRATIONS } from './transfers.module.js';
import { TransfersService } from './transfers.service.js';

/** The receiving police type's automatic handling, as the core sees it: records calls, declines on demand. */
class FakeFollowUpWorker implements TransferWorker {
  readonly kind = 'DEATH_FOLLOW_UP' as const;
  readonly worked: string[] = [];
  readonly revoked: string[] = [];
  decline = false;

  work(transfer: TransferRequestedEvent, _manager: EntityManager, system: Identity): Promise<TransferWorkResult> {
    if (this.decline) return Promise.reject(new DomainException('CONFLICT', '无法自动核销，请人工处理'));
    this.worked.push(`${transfer.transferId}:${system.policeType ?? ''}`);
    return Promise.resolve({ result: '已核销驾驶证', details: { cancelled: ['DL-1'] } });
  }

  revoke(original: TransferEntity): Promise<TransferWorkResult> {
    this.revoked.push(original.transferId);
    return Promise.resolve({ result: '已恢复驾驶证', details: { restored: ['DL-1'] } });
  }
}

/** Answers the service's own application.get like casework would. */
class FakeCaseLookup {
  readonly asked: string[] = [];
  request<T>(subject: string, data: { number: string }): Promise<T> {
    this.asked.push(`${subject}:${data.number}`);
    if (data.number !== 'TR20260210000001') return Promise.reject(new DomainException('APPLICATION_NOT_FOUND', '未找到办件'));
    return Promise.resolve({ number: data.number, applicantIdNumber: '11010519491231002X' } as Partial<ApplicationSnapshot> as T);
  }
}

class TestClock extends BusinessClock {
  date = '2026-02-10';
  override today(): string {
    return this.date;
  }
  override now(): Date {
    return new Date(`${this.date}T03:00:00.000Z`);
  }
}

const base = { unitCode: '510107001', unitName: '浆洗街派出所' };
const clerk: Identity = { ...base, sub: 'u-clerk', username: 'clerk', displayName: '王窗口', roles: [Role.CLERK] };
const trafficOfficer: Identity = { ...base, sub: 'u-tr', username: 'tr', displayName: '陈交管', roles: [Role.OFFICER], policeType: PoliceType.TRAFFIC };
const householdOfficer: Identity = { ...base, sub: 'u-hh', username: 'hh', displayName: '李户政', roles: [Role.OFFICER], policeType: PoliceType.HOUSEHOLD };
const farHouseholdOfficer: Identity = { ...householdOfficer, sub: 'u-far', unitCode: '510104002' };

describe('TransfersService on PostgreSQL with a fake worker', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let clock: TestClock;
  let lookup: FakeCaseLookup;
  let worker: FakeFollowUpWorker;
  /** Traffic sends; household and exit-entry receive (exit-entry with the fake worker). Sides share one database: rows are per direction. */
  let traffic: TransfersService;
  let household: TransfersService;
  let exitEntry: TransfersService;
  const logger = createLogger('transfers-spec', 'silent');

  const service = (name: ServiceName, workers: TransferWorker[] = []) =>
    new TransfersService(ds, { service: name, verifyCases: true }, new TransferRepository(), new OutboxService(), clock, lookup as unknown as RpcClient, logger, workers, WorkingCalendar.default());

  beforeAll(async () => {
    db = await createTestDatabase('transfers');
    ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: TRANSFERS_ENTITIES, migrations: TRANSFERS_MIGRATIONS, migrationsRun: true, poolSize: 3 }));
    await ds.initialize();
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  beforeEach(() => {
    clock = new TestClock();
    lookup = new FakeCaseLookup();
    worker = new FakeFollowUpWorker();
    traffic = service(ServiceName.TRAFFIC);
    household = service(ServiceName.HOUSEHOLD);
    exitEntry = service(ServiceName.EXIT_ENTRY, [worker]);
  });

  const outboxOf = async <T>(subject: string, transferId: string): Promise<T[]> =>
    ((await ds.query(`SELECT payload FROM outbox WHERE subject = $1 AND payload->>'transferId' = $2 ORDER BY seq`, [subject, transferId])) as { payload: T }[]).map((r) => r.payload);
  const row = async (transferId: string, direction: 'INBOUND' | 'OUTBOUND') =>
    (await ds.query(`SELECT status, overdue, timeline, result, refusal_reason FROM transfer WHERE transfer_id = $1 AND direction = $2`, [transferId, direction]) as Record<string, unknown>[])[0];
  const codeOf = async (p: Promise<unknown>) => p.then(() => 'resolved', (err: { code?: string }) => err.code ?? String(err));
  /** What the receiver's consumer does with the request event. */
  const deliver = (receiver: TransfersService, event: TransferRequestedEvent) => ds.transaction((manager) => receiver.receive(event, manager));
  const request = (actor: Identity = clerk, over: Record<string, unknown> = {}) =>
    traffic.request({ toService: ServiceName.HOUSEHOLD, kind: 'CASE', caseRef: 'tr20260210000001', reason: '需核实车主户籍信息', attachments: [], requestedDeadlineDays: 5, ...over } as never, actor);

  it('a clerk transfers a case of this service: case checked, OUTBOUND row, request event in the outbox', async () => {
    const t = await request();
    expect(lookup.asked).toEqual(['rpc.traffic.v1.application.get:TR20260210000001']);
    expect(t).toMatchObject({ direction: 'OUTBOUND', fromService: 'traffic', toService: 'household', caseRef: 'TR20260210000001', subjectIdNumber: '11010519491231002X', status: 'REQUESTED', requestedDeadline: '2026-02-24' });
    const [event] = await outboxOf<TransferRequestedEvent>(TransferSubjects.requested(ServiceName.TRAFFIC, ServiceName.HOUSEHOLD), t.transferId);
    expect(event).toMatchObject({ transferId: t.transferId, requestedDeadlineDays: 5, requestedDeadline: '2026-02-24', requestedBy: { sub: 'u-clerk', unitCode: '510107001' } });
  });

  it('refuses the wrong sender, the wrong target and an unknown case with exact codes, writing nothing', async () => {
    const [{ n: before }] = (await ds.query(`SELECT count(*)::int AS n FROM transfer`)) as { n: number }[];
    expect(await codeOf(request(householdOfficer))).toBe(TransferErrorCode.NOT_SENDING_STAFF);
    expect(await codeOf(request(clerk, { toService: ServiceName.TRAFFIC }))).toBe(TransferErrorCode.INVALID_TRANSFER_TARGET);
    expect(await codeOf(request(clerk, { toService: ServiceName.COUNTER }))).toBe(TransferErrorCode.INVALID_TRANSFER_TARGET);
    expect(await codeOf(request(trafficOfficer, { caseRef: 'TR20260210999999' }))).toBe(TransferErrorCode.TRANSFER_CASE_NOT_FOUND);
    const [{ n: after }] = (await ds.query(`SELECT count(*)::int AS n FROM transfer`)) as { n: number }[];
    expect(after).toBe(before);
  });

  it('a deadline that crosses into a year without published holidays is marked provisional', async () => {
    clock.date = '2026-12-28';
    const t = await request();
    expect(t.requestedDeadline).toBe('2027-01-04');
    expect(t.timeline.map((e) => e.action)).toEqual(['REQUESTED', 'DEADLINE_PROVISIONAL']);
  });

  it('the receiver signs for it, reports the result, and the sender sees both; stray older outcomes change nothing', async () => {
    const t = await request();
    const [event] = await outboxOf<TransferRequestedEvent>(TransferSubjects.requested(ServiceName.TRAFFIC, ServiceName.HOUSEHOLD), t.transferId);
    await deliver(household, event!);
    await deliver(household, event!); // redelivery: no second row
    expect(await row(t.transferId, 'INBOUND')).toMatchObject({ status: 'REQUESTED' });

    expect(await codeOf(household.acknowledge({ transferId: t.transferId, status: 'ACKNOWLEDGED' }, trafficOfficer))).toBe(TransferErrorCode.NOT_RECEIVING_OFFICER);
    expect(await codeOf(household.acknowledge({ transferId: t.transferId, status: 'ACKNOWLEDGED' }, farHouseholdOfficer))).toBe('OUT_OF_JURISDICTION');
    expect(await codeOf(household.complete({ transferId: t.transferId, result: '太早' }, householdOfficer))).toBe(TransferErrorCode.INVALID_TRANSFER_STATE);
    expect(await codeOf(household.acknowledge({ transferId: t.transferId, status: 'REFUSED', reason: ' ' }, householdOfficer))).toBe(TransferErrorCode.REFUSAL_REASON_REQUIRED);

    await household.acknowledge({ transferId: t.transferId, status: 'ACKNOWLEDGED' }, householdOfficer);
    const done = await household.complete({ transferId: t.transferId, result: '户籍信息已核实' }, householdOfficer);
    expect(done).toMatchObject({ direction: 'INBOUND', status: 'COMPLETED', result: '户籍信息已核实' });

    const [ack] = await outboxOf<TransferAcknowledgedEvent>(TransferSubjects.acknowledged(ServiceName.HOUSEHOLD, ServiceName.TRAFFIC), t.transferId);
    const [completed] = await outboxOf<TransferCompletedEvent>(TransferSubjects.completed(ServiceName.HOUSEHOLD, ServiceName.TRAFFIC), t.transferId);
    const outcomes: (TransferOutcome | null)[] = [];
    await ds.transaction(async (m) => {
      outcomes.push(await traffic.recordOutcome({ type: 'acknowledged', event: ack! }, m));
      outcomes.push(await traffic.recordOutcome({ type: 'completed', event: completed! }, m));
      outcomes.push(await traffic.recordOutcome({ type: 'acknowledged', event: ack! }, m)); // older: ignored
    });
    expect(outcomes.map((o) => o?.status ?? null)).toEqual(['ACKNOWLEDGED', 'COMPLETED', null]);
    expect(await row(t.transferId, 'OUTBOUND')).toMatchObject({ status: 'COMPLETED', result: '户籍信息已核实' });
  });

  it('a worker handles its kind in the consumer transaction and reports once; a declining worker leaves it to an officer', async () => {
    const open = async (caseRef: string) =>
      ds.transaction((m) => traffic.open(m, { toService: ServiceName.EXIT_ENTRY, kind: 'DEATH_FOLLOW_UP', caseRef, reason: '死亡注销后续处理', requestedDeadlineDays: 5, requestedBy: clerk }));
    const auto = await open('HH20260210000001');
    const [event] = await outboxOf<TransferRequestedEvent>(TransferSubjects.requested(ServiceName.TRAFFIC, ServiceName.EXIT_ENTRY), auto.transferId);
    await deliver(exitEntry, event!);
    expect(worker.worked).toEqual([`${auto.transferId}:EXIT_ENTRY`]);
    expect(await row(auto.transferId, 'INBOUND')).toMatchObject({ status: 'COMPLETED', result: '已核销驾驶证' });
    expect(await outboxOf(TransferSubjects.completed(ServiceName.EXIT_ENTRY, ServiceName.TRAFFIC), auto.transferId)).toHaveLength(1);

    worker.decline = true;
    const manual = await open('HH20260210000002');
    const [second] = await outboxOf<TransferRequestedEvent>(TransferSubjects.requested(ServiceName.TRAFFIC, ServiceName.EXIT_ENTRY), manual.transferId);
    await deliver(exitEntry, second!);
    const left = await row(manual.transferId, 'INBOUND');
    expect(left).toMatchObject({ status: 'REQUESTED' });
    expect((left!['timeline'] as { action: string }[]).map((e) => e.action)).toEqual(['REQUESTED', 'AUTO_WORK_FAILED']);

    // Revoking the worked one: the REVOCATION follows on the same stream and the worker undoes it.
    const revocation = await ds.transaction((m) => traffic.revoke(m, { original: auto, reason: '死亡注销被撤回', requestedDeadlineDays: 5, requestedBy: clerk }));
    const [rev] = await outboxOf<TransferRequestedEvent>(TransferSubjects.requested(ServiceName.TRAFFIC, ServiceName.EXIT_ENTRY), revocation.transferId);
    await deliver(exitEntry, rev!);
    expect(worker.revoked).toEqual([auto.transferId]);
    expect(await row(revocation.transferId, 'INBOUND')).toMatchObject({ status: 'COMPLETED', result: '已恢复驾驶证' });
  });

  it('flags an open transfer past its deadline once, on both sides, with a flagged event', async () => {
    const t = await request();
    const [event] = await outboxOf<TransferRequestedEvent>(TransferSubjects.requested(ServiceName.TRAFFIC, ServiceName.HOUSEHOLD), t.transferId);
    await deliver(household, event!);
    clock.date = '2026-02-25'; // deadline 2026-02-24
    await traffic.flagOverdue();
    await household.flagOverdue();
    expect(await row(t.transferId, 'OUTBOUND')).toMatchObject({ overdue: true });
    expect(await row(t.transferId, 'INBOUND')).toMatchObject({ overdue: true });
    expect(await outboxOf(TransferSubjects.flagged(ServiceName.TRAFFIC), t.transferId)).toHaveLength(2); // both rows flagged by the first job run
    await traffic.flagOverdue();
    expect(await outboxOf(TransferSubjects.flagged(ServiceName.TRAFFIC), t.transferId)).toHaveLength(2);
  });
});
