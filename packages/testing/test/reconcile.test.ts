import { createTestDatabase, formatReconcile, reconcile, sql, type TestDatabase } from '../src/index.js';

// The reconciliation the fault tests and the soak rely on must see differences, not only agree:
// minimal copies of the owners' and the counter's tables, made to agree and then broken one way at a time.
describe('reconcile', () => {
  let counter: TestDatabase, household: TestDatabase, ps: TestDatabase;

  beforeAll(async () => {
    [counter, household, ps] = await Promise.all([createTestDatabase('rc_counter'), createTestDatabase('rc_household'), createTestDatabase('rc_ps')]);
    for (const owner of [household, ps]) {
      await sql(owner.url, `CREATE TABLE application (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), number text UNIQUE, status text, version int,
        applicant_phone text, form jsonb DEFAULT '{}')`);
      await sql(owner.url, `CREATE TABLE application_event (application_id uuid, to_status text)`);
      await sql(owner.url, `CREATE TABLE transfer (transfer_id uuid, direction text, from_service text, to_service text, status text)`);
    }
    await sql(counter.url, `CREATE TABLE inbox_application (number text PRIMARY KEY, service text, status text, version int)`);
    await sql(counter.url, `CREATE TABLE accept_request (idempotency_key text PRIMARY KEY, application_number text, service text)`);
    await sql(counter.url, `CREATE TABLE transfer_view (transfer_id uuid PRIMARY KEY, status text)`);
    await sql(counter.url, `CREATE TABLE sms_message (application_number text, trigger_status text, status text)`);

    // A consistent picture: two household applications (one ready for pickup, with its SMS), one transfer household → public security.
    await sql(household.url, `INSERT INTO application (number, status, version, applicant_phone) VALUES ('HH1', 'ACCEPTED', 1, NULL), ('HH2', 'READY_FOR_PICKUP', 3, '13800138000')`);
    await sql(household.url, `INSERT INTO application_event SELECT id, status FROM application`);
    await sql(counter.url, `INSERT INTO inbox_application VALUES ('HH1', 'household', 'ACCEPTED', 1), ('HH2', 'household', 'READY_FOR_PICKUP', 3)`);
    await sql(counter.url, `INSERT INTO accept_request VALUES ('k1', 'HH1', 'household'), ('k2', 'HH2', 'household')`);
    await sql(counter.url, `INSERT INTO sms_message VALUES ('HH2', 'READY_FOR_PICKUP', 'SENT')`);
    const t = '00000000-0000-4000-8000-000000000001';
    await sql(household.url, `INSERT INTO transfer VALUES ($1, 'OUTBOUND', 'household', 'public-security', 'COMPLETED')`, [t]);
    await sql(ps.url, `INSERT INTO transfer VALUES ($1, 'INBOUND', 'household', 'public-security', 'COMPLETED')`, [t]);
    await sql(counter.url, `INSERT INTO transfer_view VALUES ($1, 'COMPLETED')`, [t]);
  }, 60_000);
  afterAll(() => Promise.all([counter, household, ps].map((d) => d?.drop())));

  const run = () => reconcile({ counter: counter.url, household: household.url, 'public-security': ps.url });

  it('agrees when every projection holds what the owners hold', async () => {
    const r = await run();
    expect(formatReconcile(r)).toContain('reconciliation: OK');
    expect(r).toMatchObject({
      ok: true,
      applications: { owners: { household: 2, 'public-security': 0 }, inbox: 2, acceptRequests: 2 },
      transfers: { outbound: 1, inbound: 1, views: 1 },
      sms: { expected: 1, present: 1, byStatus: { SENT: 1 } },
    });
  });

  it('sees an application missing from the inbox, a stale projection, a lost transfer side and a missing SMS', async () => {
    await sql(household.url, `INSERT INTO application (number, status, version) VALUES ('HH3', 'ACCEPTED', 1)`);
    await sql(household.url, `UPDATE application SET status = 'APPROVED', version = 2 WHERE number = 'HH1'`);
    const t2 = '00000000-0000-4000-8000-000000000002';
    await sql(household.url, `INSERT INTO transfer VALUES ($1, 'OUTBOUND', 'household', 'public-security', 'REQUESTED')`, [t2]);
    await sql(counter.url, `DELETE FROM sms_message`);
    await sql(counter.url, `INSERT INTO accept_request VALUES ('k9', 'HH9', 'household')`);
    const r = await run();
    expect(r.ok).toBe(false);
    expect(r.applications.missingInInbox).toEqual(['HH3']);
    expect(r.applications.stale).toEqual(['HH1: APPROVED v2 ≠ inbox ACCEPTED v1']);
    expect(r.applications.acceptedButMissing).toEqual(['k9 → HH9']);
    expect(r.transfers.missingInbound).toEqual([t2]);
    expect(r.transfers.missingView).toEqual([t2]);
    expect(r.sms.missing).toEqual(['HH2']);
    expect(formatReconcile(r)).toContain('reconciliation: DIFFERENCES');
  });
});
