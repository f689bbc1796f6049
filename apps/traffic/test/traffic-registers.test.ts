import { CASEWORK_ENTITIES, CASEWORK_MIGRATIONS } from '@onewindow/casework';
import { Role, ServiceName, type ApplicationAction, type ApplicationSnapshot, type Identity, type TransferRequestedEvent } from '@onewindow/contracts';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { AuditService, buildDataSourceOptions, BusinessClock, type RpcClient } from '@onewindow/platform';
import { createTestDatabase, type TestDatabase } from '@onewindow/testing';
import { DataSource } from 'typeorm';
import { TrafficRules } from '../src/casework/traffic.rules.js';
import { CitizenSectionService } from '../src/citizen/citizen-section.service.js';
import { DeathFollowUpWorker } from '../src/death-follow-up/death-follow-up.worker.js';
import { DrivingLicenceRepository } from '../src/driving-licence/driving-licence.repository.js';
import { seedDemoTraffic } from '../src/seed/demo-traffic.js';
import { TRAFFIC_ENTITIES, TRAFFIC_MIGRATIONS } from '../src/traffic.schema.js';
import { VehicleRepository } from '../src/vehicle/vehicle.repository.js';
import { ViolationRepository } from '../src/violation/violation.repository.js';
import { ViolationService } from '../src/violation/violation.service.js';

/** The traffic registers, their casework effects, violation handling and the death follow-up on a real, migrated PostgreSQL. */
describe('traffic registers on PostgreSQL', () => {
  const TODAY = '2026-02-10';
  const clerk: Identity = { sub: 'u-clerk', username: 'demo-clerk', displayName: '王窗口', roles: [Role.CLERK], unitCode: '510107001', unitName: '浆洗街派出所' };
  const officer: Identity = { ...clerk, sub: 'u-traffic', username: 'demo-traffic', roles: [Role.OFFICER], policeType: 'TRAFFIC' as Identity['policeType'] };
  const { adult, toDie, toDieSpouse } = DEMO_PERSON_IDS;
  let db: TestDatabase;
  let ds: DataSource;
  let rules: TrafficRules;
  let violationService: ViolationService;
  let sections: CitizenSectionService;

  beforeAll(async () => {
    db = await createTestDatabase('traffic');
    ds = new DataSource(buildDataSourceOptions({
      url: db.url, entities: [...TRAFFIC_ENTITIES, ...CASEWORK_ENTITIES], migrations: [...TRAFFIC_MIGRATIONS, ...CASEWORK_MIGRATIONS], migrationsRun: true, poolSize: 3,
    }));
    await ds.initialize();
    const [licences, vehicles, violations] = [new DrivingLicenceRepository(), new VehicleRepository(), new ViolationRepository()];
    // onTransition never asks the household register, so no NATS here.
    rules = new TrafficRules({} as RpcClient, { PLATE_PREFIX: '川A' }, licences, vehicles, violations);
    violationService = new ViolationService(ds, violations, vehicles, licences, new AuditService(ds));
    sections = new CitizenSectionService(ds, licences, vehicles, violationService, new BusinessClock(TODAY));
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  const rows = <T>(sql: string, params: unknown[] = []) => ds.query(sql, params) as Promise<T[]>;
  const app = (number: string, itemCode: string, applicant: string, form: Record<string, unknown>) =>
    ({ number, itemCode, applicantIdNumber: applicant, applicantName: '张伟', unitCode: '510107001', form }) as unknown as ApplicationSnapshot;
  const transition = (a: ApplicationSnapshot, action: ApplicationAction = 'MARK_READY') =>
    ds.transaction((manager) => rules.onTransition({ application: a, action, command: { number: a.number, action }, actor: officer, today: TODAY, manager }));

  it('seeds the demo records once', async () => {
    expect(await ds.transaction((m) => seedDemoTraffic(m))).toEqual({ licences: 2, vehicles: 3, violations: 1 });
    expect(await ds.transaction((m) => seedDemoTraffic(m))).toEqual({ licences: 0, vehicles: 0, violations: 0 });
  });

  it('vehicle registration ready: issues plates and registers the vehicle, once per application', async () => {
    const register = (number: string, vin: string, vehicleType: string) =>
      app(number, 'TR-VEH-REGISTER', adult, { ownerName: '张伟', ownerIdNumber: adult, contactPhone: '13800138000', vin, vehicleType, plateSelection: '随机选号' });
    await transition(register('TR-20260210-0001', 'lsvau2180n2999999', '小型汽车'));
    await transition(register('TR-20260210-0001', 'LSVAU2180N2999999', '小型汽车'));
    await transition(register('TR-20260210-0002', 'LGXCE4CB8N0999999', '新能源小型汽车'));
    const plates = await rows<{ plate_number: string; vin: string; status: string; registered_on: string }>(
      `SELECT plate_number, vin, status, to_char(registered_on, 'YYYY-MM-DD') AS registered_on FROM vehicle WHERE application_number IS NOT NULL ORDER BY application_number`);
    expect(plates).toEqual([
      { plate_number: '川AA0001', vin: 'LSVAU2180N2999999', status: 'NORMAL', registered_on: TODAY },
      { plate_number: '川ADA0002', vin: 'LGXCE4CB8N0999999', status: 'NORMAL', registered_on: TODAY },
    ]);
  });

  it('licence renewal ready: the 6-year licence becomes a 10-year one from the old expiry', async () => {
    const renewal = app('TR-20260210-0003', 'TR-DL-RENEW', adult, { applicantName: '张伟', applicantIdNumber: adult, contactPhone: '13900000000', licenceExpiry: '2026-03-15', pickupMethod: '窗口领取' });
    await transition(renewal);
    await transition(renewal);
    expect(await rows(`SELECT to_char(issued_on, 'YYYY-MM-DD') AS issued_on, to_char(valid_until, 'YYYY-MM-DD') AS valid_until, status, contact_phone FROM driving_licence WHERE number = $1`, [adult]))
      .toEqual([{ issued_on: TODAY, valid_until: '2036-03-15', status: 'VALID', contact_phone: '13900000000' }]);
  });

  it('handles the camera violation: decision adds the points to the owner\'s licence, then payment; audited', async () => {
    const [{ id }] = await rows<{ id: string }>(`SELECT id FROM violation WHERE plate_number = '川A62C95'`);
    await expect(violationService.handle({ ...officer, policeType: 'HOUSEHOLD' as Identity['policeType'] }, { id, decisionNumber: '5101071234567890' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(violationService.handle(clerk, { id, paymentReference: 'PAY-0001' })).rejects.toMatchObject({ code: 'VIOLATION_NOT_DECIDED' });
    await expect(violationService.handle(clerk, { id, decisionNumber: '5101071234567890' })).resolves.toMatchObject({ status: 'DECIDED', licenceNumber: adult });
    await expect(violationService.handle(clerk, { id, paymentReference: 'PAY-0001' })).resolves.toMatchObject({ status: 'PAID' });
    await expect(violationService.handle(clerk, { id, paymentReference: 'PAY-0002' })).rejects.toMatchObject({ code: 'VIOLATION_ALREADY_PAID' });
    expect(await rows(`SELECT points FROM driving_licence WHERE number = $1`, [adult])).toEqual([{ points: 6 }]);
    const found = await violationService.query(clerk, { idNumber: adult, purpose: '窗口违法查询' });
    expect(found.map((v) => v.status)).toEqual(['PAID']);
    expect(await rows(`SELECT action, subject_type, subject_ref, outcome FROM audit_log ORDER BY id`)).toEqual([
      { action: 'VIOLATION_HANDLE', subject_type: 'VIOLATION', subject_ref: id, outcome: 'SUCCESS' },
      { action: 'VIOLATION_HANDLE', subject_type: 'VIOLATION', subject_ref: id, outcome: 'SUCCESS' },
      { action: 'VIOLATION_QUERY', subject_type: 'PERSON', subject_ref: adult, outcome: 'SUCCESS' },
    ]);
  });

  it('death follow-up cancels the licence and flags both vehicles, in the given transaction; idempotent', async () => {
    const worker = new DeathFollowUpWorker();
    const transfer = {
      transferId: '6f1c2f0e-4a7c-4a57-9d7e-2d5b0d0c9a11', fromService: ServiceName.HOUSEHOLD, toService: ServiceName.TRAFFIC, kind: 'DEATH_FOLLOW_UP',
      caseRef: 'HH-20260210-0001', subjectIdNumber: toDie, reason: '死亡注销后续处理', attachments: [], requestedDeadlineDays: 5, requestedDeadline: '2026-02-25',
      requestedBy: { sub: 'u-hh', name: '李户政', unitCode: '510107001' }, requestedAt: '2026-02-10T02:00:00.000Z', details: { dateOfDeath: '2026-02-08' },
    } as TransferRequestedEvent;
    const system = { ...officer, sub: 'system:transfers', roles: [] };
    // A failure later in the same transaction leaves the registers untouched.
    await expect(ds.transaction(async (m) => { await worker.work(transfer, m, system); throw new Error('transfer bookkeeping failed'); })).rejects.toThrow('bookkeeping');
    expect(await rows(`SELECT status FROM driving_licence WHERE number = $1`, [toDie])).toEqual([{ status: 'VALID' }]);

    expect(await ds.transaction((m) => worker.work(transfer, m, system))).toEqual({
      result: '已注销驾驶证，标记名下机动车2辆',
      details: { licenceCancelled: true, licence: { id: expect.any(String), previousStatus: 'VALID' }, flaggedPlates: ['川A58F21', '川AD13579'] },
    });
    expect((await ds.transaction((m) => worker.work(transfer, m, system))).result).toBe('无有效驾驶证，名下无在册机动车');
    await expect(ds.transaction((m) => worker.work({ ...transfer, subjectIdNumber: undefined }, m, system))).rejects.toMatchObject({ code: 'TRANSFER_SUBJECT_MISSING' });

    const section = await sections.trafficSection(clerk, toDie);
    expect(section.licence).toMatchObject({ status: 'CANCELLED', contactPhone: '138****8004' });
    expect(section.vehicles.map((v) => [v.plateNumber, v.status, v.vin])).toEqual([
      ['川A58F21', 'FLAGGED_OWNER_DECEASED', 'LSV********183941'],
      ['川AD13579', 'FLAGGED_OWNER_DECEASED', 'LGX********123456'],
    ]);
    expect((await sections.trafficSection(officer, toDie)).vehicles[0]!.vin).toBe('LSVAU2180N2183941');
    await expect(sections.trafficSection({ ...clerk, roles: [Role.ANALYST] }, toDieSpouse)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
