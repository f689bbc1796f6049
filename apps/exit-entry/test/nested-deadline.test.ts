import { Role, RpcSubjects, ServiceName, type AcceptApplicationReply, type Identity } from '@onewindow/contracts';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { createLogger, DomainException, IdentitySigner, NatsService, RpcClient } from '@onewindow/platform';
import { eventually, sql, TestStack } from '@onewindow/testing';

/**
 * Deadlines of nested calls (issue 13, decision 0033): exit-entry accepts a passport inside a
 * transaction and, inside it, asks household's register over NATS. With household slow (its
 * lookups start 6 s late: TEST_RPC_DELAYS, honoured in APP_MODE=test only), the outer caller — the
 * counter's path, played by this test — must get a clean answer before it gives up, and neither
 * side may commit afterwards.
 */
const SECRET = 'onewindow-demo-internal-identity-secret-change-me';
const HOUSEHOLD_DELAY_MS = 8000;
const clerk: Identity = { sub: 'u-clerk', username: 'demo-clerk', displayName: '王窗口', roles: [Role.CLERK], unitCode: '510107001', unitName: '浆洗街派出所' };

describe('nested call deadline: exit-entry → household inside the acceptance transaction', () => {
  const stack = new TestStack({
    services: ['household', 'exit-entry'], gateway: false,
    env: { CLOCK_FIXED_DATE: '2026-09-28', DEADLINE_JOB_INTERVAL_MS: '0', TEST_RPC_DELAYS: `${RpcSubjects.personLookup}=${HOUSEHOLD_DELAY_MS}` },
  });
  const signer = new IdentitySigner(SECRET);
  let nats: NatsService;
  const ee = () => stack.databases.get('exit-entry')!.url;
  const hh = () => stack.databases.get('household')!.url;
  const count = async (url: string, table: string) => Number((await sql<{ n: string }>(url, `SELECT count(*)::text AS n FROM ${table}`))[0]!.n);

  beforeAll(async () => {
    await stack.start();
    nats = new NatsService(stack.natsSettings('nested-deadline-test'), createLogger('nested-deadline-test', 'silent'));
    await nats.connect();
  }, 180_000);
  afterAll(async () => {
    await nats?.onApplicationShutdown();
    await stack.stop();
  }, 60_000);

  const accept = (caller: RpcClient, key: string) =>
    caller.request<AcceptApplicationReply>(RpcSubjects.applicationAccept(ServiceName.EXIT_ENTRY), {
      idempotencyKey: key, itemCode: 'EE-PASSPORT-FIRST', applicantIdNumber: DEMO_PERSON_IDS.adult, presentedMaterials: ['ID_CARD', 'ENTRY_EXIT_PHOTO', 'APPLICATION_FORM'],
      form: { applicantName: '张伟', applicantIdNumber: DEMO_PERSON_IDS.adult, contactPhone: '13800138000', travelPurpose: '旅游', pickupMethod: '窗口领取' },
    }, clerk, { serviceLabel: '出入境' });

  it('a caller that waits 5 s gets exit-entry\'s own refusal in time, and nothing is committed on either side', async () => {
    const householdAudit = await count(hh(), 'audit_log');
    const events = await count(ee(), 'outbox');
    const started = Date.now();
    const err = await accept(new RpcClient(nats, signer, 5000), 'deadline-short').then(() => null, (e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(err).toBeInstanceOf(DomainException);
    expect((err as DomainException).code).toBe('SERVICE_UNAVAILABLE');
    // exit-entry gave up on household before its own caller gave up on it: the answer names household.
    expect((err as DomainException).message).toContain('户政');
    expect(elapsed).toBeLessThan(5000);
    // Household picks the lookup up after its caller's deadline: it does not start it (marker line in its log).
    await eventually(async () => stack.logs('household').includes(`${RpcSubjects.personLookup}: not started, the caller's deadline has passed`), 30_000);
    expect(await sql(ee(), `SELECT number FROM application WHERE idempotency_key = 'deadline-short'`)).toEqual([]);
    expect(await count(ee(), 'outbox')).toBe(events);
    // No lookup ran, so no PERSON_LOOKUP audit row either.
    expect(await count(hh(), 'audit_log')).toBe(householdAudit);
  }, 60_000);

  it('a caller with time to spare gets the acceptance despite the slow register (the knob only slows)', async () => {
    const reply = await accept(new RpcClient(nats, signer, 20_000), 'deadline-long');
    expect(reply.outcome).toBe('ACCEPTED');
    expect(await sql(ee(), `SELECT idempotency_key FROM application`)).toEqual([{ idempotency_key: 'deadline-long' }]);
    expect(await sql(hh(), `SELECT action FROM audit_log WHERE action = 'PERSON_LOOKUP'`)).toEqual([{ action: 'PERSON_LOOKUP' }]);
  }, 60_000);
});
