import { RpcSubjects, ServiceName, streamOf, TransferSubjects, type AcceptApplicationReply, type ApplicationSnapshot, type Identity, type TransferRequestedEvent } from '@onewindow/contracts';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { createLogger, DomainException, NatsService, RpcClient } from '@onewindow/platform';
import { sql, TestStack } from '@onewindow/testing';
import { randomUUID } from 'node:crypto';
import { DEMO_HOTEL_CREDIT_CODE } from '../src/seed/demo-data.js';
import { analyst, clerk, codeOf, eventually, psOfficer, signer, subgraph } from './support.js';

/**
 * Licensing on the shared casework core (acceptance over NATS as the counter does it, register
 * check against the real household service), the permit register, the DEATH_FOLLOW_UP from
 * household's stream, and the citizen 360 section through federation's `_entities`.
 */
const BUSINESS_DATE = '2025-02-17';

describe('public-security licensing, death follow-up and citizen section on PostgreSQL and NATS', () => {
  const stack = new TestStack({ services: ['household', 'public-security'], gateway: false, env: { CLOCK_FIXED_DATE: BUSINESS_DATE, DEADLINE_JOB_INTERVAL_MS: '0', LOST_FOUND_DISPOSAL_INTERVAL_MS: '0' } });
  let nats: NatsService;
  let rpc: RpcClient;
  const db = () => stack.databases.get('public-security')!.url;

  beforeAll(async () => {
    await stack.start();
    nats = new NatsService(stack.natsSettings('public-security-test'), createLogger('public-security-test', 'silent'));
    await nats.connect();
    rpc = new RpcClient(nats, signer);
  }, 120_000);
  afterAll(async () => {
    await nats?.onApplicationShutdown();
    await stack.stop();
  }, 60_000);

  const accept = (key: string, itemCode: string, applicant: string, form: Record<string, unknown>, presentedMaterials: string[]) =>
    rpc.request<AcceptApplicationReply>(RpcSubjects.applicationAccept(ServiceName.PUBLIC_SECURITY), { idempotencyKey: key, itemCode, applicantIdNumber: applicant, presentedMaterials, form }, clerk);
  const transition = (number: string, action: string, who: Identity = psOfficer) =>
    rpc.request<ApplicationSnapshot>(RpcSubjects.applicationTransition(ServiceName.PUBLIC_SECURITY), { number, action }, who);
  const codeOfCall = (p: Promise<unknown>) => p.then(() => 'OK', (e: unknown) => (e instanceof DomainException ? e.code : String(e)));
  const HOTEL_MATERIALS = ['APPLICATION_FORM', 'BUSINESS_LICENCE', 'LEGAL_REP_ID', 'PREMISES_PROOF', 'FLOOR_PLAN', 'FIRE_SAFETY_CHECK', 'SECURITY_RULES'];
  const hotelForm = (over: Record<string, unknown> = {}) => ({
    unitName: '成都浆洗街宾馆有限公司', unitCreditCode: '91350100M000100Y43', legalRepName: '张伟', legalRepIdNumber: DEMO_PERSON_IDS.adult,
    contactPhone: '13800138000', premisesAddress: '四川省成都市武侯区洗面桥街18号', roomCount: 30, bedCount: 52, ...over,
  });
  const guardForm = (name: string, idNumber: string) => ({ applicantName: name, applicantIdNumber: idNumber, contactPhone: '13800138001', education: '高中或中专' });
  const GUARD_MATERIALS = ['ID_CARD', 'HEALTH_CERT', 'EDUCATION_PROOF', 'EXAM_RESULT'];

  it('refuses a hotel licence with a wrong credit code or a deceased legal representative, writing nothing', async () => {
    const bad = accept('ps-hotel-bad-code', 'PS-HOTEL-LICENCE', DEMO_PERSON_IDS.adult, hotelForm({ unitCreditCode: '91350100M000100Y44' }), HOTEL_MATERIALS);
    const err = await bad.catch((e: DomainException) => e);
    expect(err).toMatchObject({ code: 'FORM_INVALID', details: [{ field: 'unitCreditCode', label: '统一社会信用代码', problems: ['统一社会信用代码校验位不正确，请核对'] }] });
    const deadRep = hotelForm({ legalRepName: '李秀英', legalRepIdNumber: DEMO_PERSON_IDS.deceased });
    expect(await codeOfCall(accept('ps-hotel-dead-rep', 'PS-HOTEL-LICENCE', DEMO_PERSON_IDS.adult, deadRep, HOTEL_MATERIALS))).toBe('FORM_INVALID');
    expect(await codeOfCall(accept('ps-hotel-deceased-applicant', 'PS-HOTEL-LICENCE', DEMO_PERSON_IDS.deceased, hotelForm(), HOTEL_MATERIALS))).toBe('PERSON_DECEASED');
    expect(await sql(db(), `SELECT number FROM application`)).toEqual([]);
  });

  it('accepts a hotel licence and issues the permit into the register on MARK_READY', async () => {
    const reply = await accept('ps-hotel-ok', 'PS-HOTEL-LICENCE', DEMO_PERSON_IDS.adult, hotelForm({ unitCreditCode: '91350100m000100y43' }), HOTEL_MATERIALS);
    expect(reply.outcome).toBe('ACCEPTED');
    const app = reply.application!;
    expect(app).toMatchObject({ applicantName: '张伟', feeFen: 0, status: 'ACCEPTED' });
    await transition(app.number, 'START_REVIEW');
    await transition(app.number, 'APPROVE');
    await transition(app.number, 'MARK_READY');
    const permits = await sql<Record<string, unknown>>(db(),
      `SELECT number, kind, holder_kind, holder_credit_code, holder_name, legal_rep_id_number, to_char(issued_on, 'YYYY-MM-DD') AS issued_on, valid_until, status, application_number
       FROM permit WHERE application_number IS NOT NULL`);
    expect(permits).toEqual([{
      number: 'LG2025000001', kind: 'HOTEL', holder_kind: 'COMPANY', holder_credit_code: '91350100M000100Y43', holder_name: '成都浆洗街宾馆有限公司',
      legal_rep_id_number: DEMO_PERSON_IDS.adult, issued_on: BUSINESS_DATE, valid_until: null, status: 'VALID', application_number: app.number,
    }]);
    const permit = await subgraph<{ publicSecurityPermit: { kindLabel: string; holderCreditCode: string; legalRepIdNumber: string; history: { action: string; actorName: string }[] } }>(
      stack, `query($n: String!) { publicSecurityPermit(number: $n) { kindLabel holderCreditCode legalRepIdNumber history { action actorName } } }`, { n: 'LG2025000001' }, clerk);
    expect(permit.data!.publicSecurityPermit).toEqual({
      kindLabel: '特种行业许可证（旅馆业）', holderCreditCode: '91350100M000100Y43', legalRepIdNumber: '510107********9130', history: [{ action: 'ISSUE', actorName: '陈治安' }],
    });
  });

  it('security guards: under 18 not eligible, one valid certificate per person', async () => {
    expect(await codeOfCall(accept('ps-guard-minor', 'PS-SECURITY-GUARD-CERT', DEMO_PERSON_IDS.minor, guardForm('王子涵', DEMO_PERSON_IDS.minor), GUARD_MATERIALS))).toBe('APPLICANT_NOT_ELIGIBLE');
    // 赵国强 holds the demo certificate BA2015900001.
    expect(await codeOfCall(accept('ps-guard-held', 'PS-SECURITY-GUARD-CERT', DEMO_PERSON_IDS.toDie, guardForm('赵国强', DEMO_PERSON_IDS.toDie), GUARD_MATERIALS))).toBe('PERMIT_ALREADY_HELD');
  });

  it('a DEATH_FOLLOW_UP from household cancels the guard certificate and puts the represented hotel under review', async () => {
    const transferId = randomUUID();
    const event: TransferRequestedEvent = {
      transferId, fromService: ServiceName.HOUSEHOLD, toService: ServiceName.PUBLIC_SECURITY, kind: 'DEATH_FOLLOW_UP', caseRef: 'HH20250217000001',
      subjectIdNumber: DEMO_PERSON_IDS.toDie, reason: '死亡注销后续处理：核查治安许可证', attachments: [], requestedDeadlineDays: 5, requestedDeadline: '2025-02-24',
      requestedBy: { sub: 'u-hh', name: '李户政', unitCode: '510107001' }, requestedAt: new Date().toISOString(), details: { dateOfDeath: '2025-02-10' },
    };
    await nats.ensureStream(streamOf(ServiceName.HOUSEHOLD));
    await nats.js.publish(nats.subject(TransferSubjects.requested(ServiceName.HOUSEHOLD, ServiceName.PUBLIC_SECURITY)), JSON.stringify(event), { msgID: `test-${transferId}` });
    const rows = await eventually(
      () => sql<{ status: string; result: string | null }>(db(), `SELECT status, result FROM transfer WHERE transfer_id = $1`, [transferId]),
      (r) => r[0]?.status === 'COMPLETED',
    );
    expect(rows).toEqual([{ status: 'COMPLETED', result: '名下许可证2项已转入核查（注销保安员证1项，单位许可证1项待变更法定代表人）' }]);
    const permits = await sql<{ number: string; status: string; status_reason: string }>(db(),
      `SELECT number, status, status_reason FROM permit WHERE holder_id_number = $1 OR legal_rep_id_number = $1 ORDER BY number`, [DEMO_PERSON_IDS.toDie]);
    expect(permits.map((p) => [p.number, p.status])).toEqual([['BA2015900001', 'CANCELLED'], ['LG2019900001', 'UNDER_REVIEW']]);
    expect(permits[0]!.status_reason).toContain('死亡日期 2025-02-10');
    const history = await sql<{ action: string; to_status: string }>(db(), `SELECT action, to_status FROM permit_event WHERE action = 'DEATH_FOLLOW_UP' ORDER BY id`);
    expect(history).toEqual([{ action: 'DEATH_FOLLOW_UP', to_status: 'CANCELLED' }, { action: 'DEATH_FOLLOW_UP', to_status: 'UNDER_REVIEW' }]);
    // An officer reviews the hotel: reinstated once the company names a new representative.
    const change = `mutation($input: ChangePermitStatusInput!) { changePermitStatus(input: $input) { status statusReason } }`;
    expect(codeOf(await subgraph(stack, change, { input: { number: 'BA2015900001', status: 'VALID' } }, psOfficer))).toBe('PERMIT_STATUS_CHANGE_NOT_ALLOWED');
    expect(codeOf(await subgraph(stack, change, { input: { number: 'LG2019900001', status: 'VALID' } }, clerk))).toBe('FORBIDDEN');
    const reinstated = await subgraph<{ changePermitStatus: { status: string } }>(stack, change, { input: { number: 'LG2019900001', status: 'VALID', reason: '已变更法定代表人' } }, psOfficer);
    expect(reinstated.data!.changePermitStatus.status).toBe('VALID');
  });

  it('contributes Citizen.publicSecurity through _entities, masked for clerks, roles checked, no audit row', async () => {
    await subgraph(stack, `mutation($input: FileLostReportInput!) { fileLostReport(input: $input) { id } }`,
      { input: { category: 'ID_DOCUMENT', description: '居民身份证一张', phone: '13800138004', reporterIdNumber: DEMO_PERSON_IDS.toDie } }, clerk);
    const before = await sql<{ n: number }>(db(), `SELECT count(*)::int AS n FROM audit_log`);
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { idNumber publicSecurity {
      permits { number kindLabel holderName holderIdNumber holderCreditCode legalRepIdNumber status }
      lostReports { categoryLabel phone reporterIdNumber status } claims { foundItemNumber } } } } }`;
    const variables = { r: [{ __typename: 'Citizen', idNumber: DEMO_PERSON_IDS.toDie }] };
    type Section = { _entities: { idNumber: string; publicSecurity: { permits: Record<string, unknown>[]; lostReports: Record<string, unknown>[]; claims: unknown[] } }[] };
    const asClerk = await subgraph<Section>(stack, query, variables, clerk);
    expect(asClerk.errors).toBeUndefined();
    expect(asClerk.data!._entities[0]!.publicSecurity).toEqual({
      permits: [
        { number: 'LG2019900001', kindLabel: '特种行业许可证（旅馆业）', holderName: '成都锦里客栈有限公司', holderIdNumber: null, holderCreditCode: DEMO_HOTEL_CREDIT_CODE, legalRepIdNumber: '510107********9199', status: 'VALID' },
        { number: 'BA2015900001', kindLabel: '保安员证', holderName: '赵**', holderIdNumber: '510107********9199', holderCreditCode: null, legalRepIdNumber: null, status: 'CANCELLED' },
      ],
      lostReports: [{ categoryLabel: '证件', phone: '138****8004', reporterIdNumber: '510107********9199', status: 'OPEN' }],
      claims: [],
    });
    const asOfficer = await subgraph<Section>(stack, query, variables, psOfficer);
    expect(asOfficer.data!._entities[0]!.publicSecurity.permits[1]).toMatchObject({ holderName: '赵国强', holderIdNumber: DEMO_PERSON_IDS.toDie });
    const denied = await subgraph(stack, query, variables, analyst);
    expect(codeOf(denied)).toBe('FORBIDDEN');
    expect(await sql(db(), `SELECT count(*)::int AS n FROM audit_log`)).toEqual(before);

    // The direct lookup (not through household) is audited with its purpose.
    const direct = await subgraph<{ publicSecurityCitizen: { idNumber: string; publicSecurity: { permits: unknown[] } } }>(stack,
      `query($id: String!, $p: String!) { publicSecurityCitizen(idNumber: $id, purpose: $p) { idNumber publicSecurity { permits { number } } } }`,
      { id: DEMO_PERSON_IDS.toDie, p: '核查保安员证' }, psOfficer);
    expect(direct.data!.publicSecurityCitizen.publicSecurity.permits).toHaveLength(2);
    expect(await sql(db(), `SELECT action, subject_ref, purpose FROM audit_log WHERE action = 'CITIZEN_READ'`)).toEqual([
      { action: 'CITIZEN_READ', subject_ref: DEMO_PERSON_IDS.toDie, purpose: '核查保安员证' },
    ]);
  });

  it('demo permits are seeded once: a restart leaves changed rows alone', async () => {
    await stack.stopService('public-security');
    await stack.startService('public-security');
    expect(await sql(db(), `SELECT number, status FROM permit WHERE number LIKE '%9000%' ORDER BY number`)).toEqual([
      { number: 'BA2015900001', status: 'CANCELLED' },
      { number: 'LG2019900001', status: 'VALID' },
    ]);
    expect(await sql(db(), `SELECT count(*)::int AS n FROM permit_event WHERE action = 'IMPORT'`)).toEqual([{ n: 2 }]);
  });
});

