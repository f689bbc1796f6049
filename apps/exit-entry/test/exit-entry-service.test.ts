import { WorkingCalendar } from '@onewindow/calendar';
import {
  Role, RpcSubjects, ServiceName, streamOf, TransferSubjects, type AcceptApplicationReply, type ApplicationSnapshot, type Identity,
  type TransferRequestedEvent,
} from '@onewindow/contracts';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { createLogger, DomainException, IDENTITY_HEADER, IdentitySigner, NatsService, RpcClient } from '@onewindow/platform';
import { eventually, sql, TestStack } from '@onewindow/testing';
import { randomUUID } from 'node:crypto';
import { DEMO_DOCUMENT_NUMBERS } from '../src/seed/demo-documents.js';

/**
 * exit-entry as it runs: its own process and database next to household's, on the real NATS.
 * Acceptance over `rpc.exit-entry.v1.application.accept` (the counter's path), the register check
 * over household's lookup, the citizen section through the federation `_entities` entry point,
 * and the death follow-up arriving from household's stream. The business date is pinned to
 * Mon 2026-09-28 so the 7-working-day promise crosses 国庆 2026 and the 调休 Saturday Oct 10.
 */
const BUSINESS_DATE = '2026-09-28';
const SECRET = 'onewindow-demo-internal-identity-secret-change-me';
const station = { unitCode: '510107001', unitName: '浆洗街派出所' };
const clerk: Identity = { sub: 'u-clerk', username: 'demo-clerk', displayName: '王窗口', roles: [Role.CLERK], ...station };
const officer: Identity = { sub: 'u-ee', username: 'demo-exit-entry', displayName: '张出入境', roles: [Role.OFFICER], policeType: 'EXIT_ENTRY' as Identity['policeType'], ...station };

describe('exit-entry service with household on PostgreSQL and NATS', () => {
  const stack = new TestStack({ services: ['household', 'exit-entry'], gateway: false, env: { CLOCK_FIXED_DATE: BUSINESS_DATE, DEADLINE_JOB_INTERVAL_MS: '0' } });
  const signer = new IdentitySigner(SECRET);
  let nats: NatsService;
  let rpc: RpcClient;
  const db = () => stack.databases.get('exit-entry')!.url;

  beforeAll(async () => {
    await stack.start();
    nats = new NatsService(stack.natsSettings('exit-entry-test'), createLogger('exit-entry-test', 'silent'));
    await nats.connect();
    rpc = new RpcClient(nats, signer);
  }, 120_000);
  afterAll(async () => {
    await nats?.onApplicationShutdown();
    await stack.stop();
  }, 60_000);

  const accept = (key: string, applicant: string, form: Record<string, unknown>, presentedMaterials = ['ID_CARD', 'ENTRY_EXIT_PHOTO', 'APPLICATION_FORM']) =>
    rpc.request<AcceptApplicationReply>(RpcSubjects.applicationAccept(ServiceName.EXIT_ENTRY), { idempotencyKey: key, itemCode: 'EE-PASSPORT-FIRST', applicantIdNumber: applicant, presentedMaterials, form }, clerk);
  const transition = (number: string, action: string) =>
    rpc.request<ApplicationSnapshot>(RpcSubjects.applicationTransition(ServiceName.EXIT_ENTRY), { number, action }, officer);
  const codeOf = (p: Promise<unknown>) => p.then(() => 'ACCEPTED', (e: unknown) => (e instanceof DomainException ? e.code : String(e)));
  const passportForm = (name: string, idNumber: string, phone: string) => ({ applicantName: name, applicantIdNumber: idNumber, contactPhone: phone, travelPurpose: '旅游', pickupMethod: '窗口领取' });

  async function subgraph<T>(query: string, variables: Record<string, unknown>, who: Identity): Promise<{ data?: T; errors?: { extensions?: { code?: string } }[] }> {
    const res = await fetch(`http://127.0.0.1:${stack.ports.get('exit-entry')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: await signer.sign(who, { audience: 'exit-entry' }) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as { data?: T; errors?: { extensions?: { code?: string } }[] };
  }

  it('refuses the deceased and an unaccompanied minor, and writes nothing', async () => {
    expect(await codeOf(accept('ee-e2e-deceased', DEMO_PERSON_IDS.deceased, passportForm('李秀英', DEMO_PERSON_IDS.deceased, '13800138003')))).toBe('PERSON_DECEASED');
    expect(await codeOf(accept('ee-e2e-minor', DEMO_PERSON_IDS.minor, passportForm('王子涵', DEMO_PERSON_IDS.minor, '13800138001')))).toBe('GUARDIAN_REQUIRED');
    expect(await sql(db(), `SELECT number FROM application`)).toEqual([]);
  });

  it('accepts the adult with a deadline 7 working days after the business date; MARK_READY issues the passport', async () => {
    const reply = await accept('ee-e2e-adult', DEMO_PERSON_IDS.adult, passportForm('张伟', DEMO_PERSON_IDS.adult, '13800138000'));
    expect(reply.outcome).toBe('ACCEPTED');
    const app = reply.application!;
    expect(app).toMatchObject({ itemCode: 'EE-PASSPORT-FIRST', applicantName: '张伟', feeFen: 12000, status: 'ACCEPTED', deadline: '2026-10-13' });
    expect(WorkingCalendar.fromEnv({}).addWorkingDays(BUSINESS_DATE, 7).date).toBe(app.deadline);

    await transition(app.number, 'START_REVIEW');
    await transition(app.number, 'APPROVE');
    await transition(app.number, 'MARK_READY');
    const passports = await sql<{ number: string; status: string; valid_until: string }>(db(),
      `SELECT number, status, to_char(valid_until, 'YYYY-MM-DD') AS valid_until FROM travel_document WHERE holder_id_number = $1 ORDER BY issued_on`, [DEMO_PERSON_IDS.adult]);
    expect(passports).toEqual([
      { number: DEMO_DOCUMENT_NUMBERS.adultPassport, status: 'REPLACED', valid_until: '2029-07-14' },
      { number: 'E10000001', status: 'VALID', valid_until: '2036-09-27' },
    ]);
  });

  it('contributes Citizen.exitEntry through _entities, masked for clerks, with no audit row', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { idNumber exitEntry { numbersMasked documents { number kind status } } } } }`;
    const variables = { r: [{ __typename: 'Citizen', idNumber: DEMO_PERSON_IDS.adult }] };
    const asClerk = await subgraph<{ _entities: { exitEntry: { numbersMasked: boolean; documents: { number: string; status: string }[] } }[] }>(query, variables, clerk);
    expect(asClerk.errors).toBeUndefined();
    expect(asClerk.data!._entities[0]!.exitEntry).toEqual({
      numbersMasked: true,
      documents: [{ number: 'E****0001', kind: 'PASSPORT', status: 'VALID' }, { number: 'E****0001', kind: 'PASSPORT', status: 'REPLACED' }],
    });
    const asOfficer = await subgraph<{ _entities: { exitEntry: { documents: { number: string }[] } }[] }>(query, variables, officer);
    expect(asOfficer.data!._entities[0]!.exitEntry.documents.map((d) => d.number)).toEqual(['E10000001', DEMO_DOCUMENT_NUMBERS.adultPassport]);
    const analyst = await subgraph(query, variables, { ...clerk, roles: [Role.ANALYST] });
    expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Masked section reads write no audit row; the analyst's refusal by role is recorded (outcome DENIED).
    expect(await sql(db(), `SELECT action, outcome FROM audit_log`)).toEqual([{ action: 'ACCESS_DENIED', outcome: 'DENIED' }]);
  });

  it('a DEATH_FOLLOW_UP from household cancels the valid documents and reports the result', async () => {
    const transferId = randomUUID();
    const event: TransferRequestedEvent = {
      transferId, fromService: ServiceName.HOUSEHOLD, toService: ServiceName.EXIT_ENTRY, kind: 'DEATH_FOLLOW_UP', caseRef: 'HH20260928000001',
      subjectIdNumber: DEMO_PERSON_IDS.toDie, reason: '死亡注销后续处理：注销出入境证件', attachments: [], requestedDeadlineDays: 5, requestedDeadline: '2026-10-12',
      requestedBy: { sub: 'u-hh', name: '李户政', unitCode: '510107001' }, requestedAt: new Date().toISOString(), details: { dateOfDeath: '2026-09-20' },
    };
    await nats.ensureStream(streamOf(ServiceName.HOUSEHOLD));
    await nats.js.publish(nats.subject(TransferSubjects.requested(ServiceName.HOUSEHOLD, ServiceName.EXIT_ENTRY)), JSON.stringify(event), { msgID: `test-${transferId}` });
    const rows = await eventually(async () => {
      const found = await sql<{ status: string; result: string | null }>(db(), `SELECT status, result FROM transfer WHERE transfer_id = $1`, [transferId]);
      return found[0]?.status === 'COMPLETED' && found;
    }, 30_000).catch(() => sql<{ status: string; result: string | null }>(db(), `SELECT status, result FROM transfer WHERE transfer_id = $1`, [transferId]));
    expect(rows).toEqual([{ status: 'COMPLETED', result: '已注销普通护照1本、往来港澳通行证1本' }]);
    const documents = await sql<{ number: string; status: string }>(db(), `SELECT number, status FROM travel_document WHERE holder_id_number = $1 ORDER BY number`, [DEMO_PERSON_IDS.toDie]);
    expect(documents).toEqual([
      { number: DEMO_DOCUMENT_NUMBERS.toDieHkmoPermit, status: 'CANCELLED' },
      { number: DEMO_DOCUMENT_NUMBERS.toDiePassport, status: 'CANCELLED' },
    ]);
  });
});
