import { DEMO_PERSON_IDS } from '@onewindow/population';
import { eventually as eventuallyWithin, formatReconcile, sql, TestStack } from '@onewindow/testing';

/**
 * Faults on real servers (issue 13, "Prove it"): a service killed with kill -9 mid-flow and
 * restarted, and a service's PostgreSQL taken away and given back (a TCP proxy of the test kit
 * between household and its database). After each: nothing lost, nothing doubled, and the
 * reconciliation of the counter's projections against the owners' tables passes.
 * One stack for the three scenarios. Business date pinned to Monday 2026-03-02.
 */
const TODAY = '2026-03-02';
const ITEM = 'HH-ID-CARD-REPLACE';
const APPLICANT = DEMO_PERSON_IDS.adult; // 张伟, phone 13800138000
const FORM = { applicantName: '张伟', applicantIdNumber: APPLICANT, contactPhone: '13800138000', replaceReason: '丢失', pickupMethod: '窗口领取' };
const MATERIALS = ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'];
const ACCEPT = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) { __typename ... on Application { number status } } }`;
const TRANSFERS = `query($p: PoliceType) { transfers(policeType: $p, limit: 200) { items { id caseRef toPoliceType status timeline { action } } } }`;

interface Reply<T> { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[]; status: number }
type AcceptReply = Reply<{ acceptApplication: { number: string; status: string } }>;
const code = (r: Reply<unknown>) => r.errors?.[0]?.extensions?.['code'];
const eventually = <T>(fn: () => Promise<T | undefined | null | false>) => eventuallyWithin(fn, 90_000);

describe('faults: kill -9 mid-flow, a database taken away', () => {
  const stack = new TestStack({ sequential: true, env: { CLOCK_FIXED_DATE: TODAY, DEADLINE_JOB_INTERVAL_MS: '0', TRANSFER_JOB_INTERVAL_MS: '0', RPC_TIMEOUT_MS: '8000' }, dbProxy: ['household'] });
  const db = (s: 'household' | 'exit-entry' | 'counter') => stack.databases.get(s)!.url;
  const count = async (s: Parameters<typeof db>[0], text: string, params: unknown[] = []) => Number(Object.values((await sql(db(s), text, params))[0]!)[0]);
  let clerk: string, supervisor: string;

  beforeAll(async () => {
    await stack.start();
    [clerk, supervisor] = await Promise.all(['demo-clerk', 'demo-supervisor'].map((u) => stack.login(u)));
  }, 300_000);
  afterAll(() => stack.stop(), 60_000);

  const accept = (key: string, extra: Record<string, unknown> = {}): Promise<AcceptReply> =>
    stack.gql<{ acceptApplication: { number: string; status: string } }>(ACCEPT, { input: { idempotencyKey: key, itemCode: ITEM, applicantIdNumber: APPLICANT, presentedMaterials: MATERIALS, form: FORM, ...extra } }, clerk)
      .catch((err: unknown) => ({ status: 0, errors: [{ message: String(err), extensions: { code: 'NETWORK' } }] }) as AcceptReply);
  /** As the UI does after an unknown outcome: the same key again until there is an answer. */
  const settle = (key: string) => eventually(async () => {
    const r = await accept(key);
    return r.data?.acceptApplication.number;
  });
  const reconciled = async () => {
    let last = '';
    try {
      return await eventually(async () => {
        const r = await stack.reconcile();
        last = formatReconcile(r);
        return r.ok && r;
      });
    } catch (err) {
      throw new Error(`reconciliation failed:\n${last}`, { cause: err });
    }
  };

  it('household killed (kill -9) during a burst of acceptances: every success exists once, every unknown settles once', async () => {
    const keys = Array.from({ length: 16 }, (_, i) => `fault-kill-hh-${i}`);
    const before = await count('household', `SELECT count(*) FROM application`);
    // A steady stream of clerks (one every 150 ms), so some are answered, some in flight and some not yet sent when the kill lands.
    const replies = keys.map((k, i) => new Promise((r) => setTimeout(r, i * 150)).then(() => accept(k)));
    // Kill once some have committed, while the rest are in flight.
    await eventually(async () => (await count('household', `SELECT count(*) FROM application`)) >= before + 3);
    await stack.killService('household', 'SIGKILL');
    const results = await Promise.all(replies);
    const succeeded = new Map<string, string>();
    results.forEach((r, i) => {
      if (r.data?.acceptApplication.number) succeeded.set(keys[i]!, r.data.acceptApplication.number);
      // A failure is typed: unavailable (nothing done, or unknown), never INTERNAL.
      else expect(code(r)).toBe('SERVICE_UNAVAILABLE');
    });
    expect(succeeded.size).toBeGreaterThanOrEqual(3);
    expect(succeeded.size).toBeLessThan(keys.length);

    await stack.startService('household');
    for (const k of keys) {
      const number = await settle(k);
      if (succeeded.has(k)) expect(number).toBe(succeeded.get(k)); // the same application, not a second one
      expect(await count('household', `SELECT count(*) FROM application WHERE idempotency_key = $1`, [k])).toBe(1);
      // The counter's request record of the key settles on that application.
      expect(await count('counter', `SELECT count(*) FROM accept_request WHERE idempotency_key = $1 AND application_number = $2`, [k, number])).toBe(1);
    }
    expect(await count('household', `SELECT count(*) FROM application`)).toBe(before + keys.length);
    const report = await reconciled();
    expect(report.applications.owners['household']).toBe(before + keys.length);
  }, 300_000);

  it('exit-entry killed (kill -9) during the death-case follow-ups: each follow-up completes exactly once', async () => {
    const accepted = await stack.gql<{ acceptApplication: { number: string } }>(ACCEPT, {
      input: {
        idempotencyKey: 'fault-kill-death-1', itemCode: 'HH-DEATH-CANCEL', applicantIdNumber: DEMO_PERSON_IDS.toDieSpouse,
        presentedMaterials: ['DECLARANT_ID', 'DECEASED_HOUSEHOLD_REGISTER'],
        form: {
          declarantName: '孙桂兰', declarantIdNumber: DEMO_PERSON_IDS.toDieSpouse, contactPhone: '13800138003', relationToDeceased: '配偶',
          deceasedName: '赵国强', deceasedIdNumber: DEMO_PERSON_IDS.toDie, dateOfDeath: '2026-02-27',
        },
      },
    }, clerk);
    expect(accepted.errors).toBeUndefined();
    const deathCase = accepted.data!.acceptApplication.number;
    // The follow-ups travel by JetStream: exit-entry dies while its one is arriving or being worked.
    await stack.killService('exit-entry', 'SIGKILL');
    await stack.startService('exit-entry');

    const followUps = async () => {
      const r = await stack.gql<{ transfers: { items: { id: string; caseRef: string; toPoliceType: string; status: string; timeline: { action: string }[] }[] } }>(TRANSFERS, {}, supervisor);
      return (r.data?.transfers.items ?? []).filter((t) => t.caseRef === deathCase);
    };
    const done = await eventually(async () => {
      const mine = await followUps();
      return mine.length === 3 && mine.every((t) => t.status === 'COMPLETED') && mine;
    });
    for (const t of done) expect(t.timeline.map((e) => e.action)).toEqual(['REQUESTED', 'ACKNOWLEDGED', 'COMPLETED']);
    expect(await count('exit-entry', `SELECT count(*) FROM transfer WHERE case_ref = $1 AND direction = 'INBOUND'`, [deathCase])).toBe(1);
    await eventually(async () => (await count('household', `SELECT count(*) FROM application_event e JOIN application a ON a.id = e.application_id
      WHERE a.number = $1 AND e.action = 'FOLLOW_UP_COMPLETED'`, [deathCase])) === 3);
    expect(await count('household', `SELECT count(*) FROM application_event e JOIN application a ON a.id = e.application_id
      WHERE a.number = $1 AND e.action = 'FOLLOW_UPS_OPENED'`, [deathCase])).toBe(1);
    const report = await reconciled();
    expect(report.transfers.inbound).toBeGreaterThanOrEqual(3);
  }, 300_000);

  it("household's PostgreSQL gone mid-flow: callers get SERVICE_UNAVAILABLE, nothing half-written, everything resumes", async () => {
    const port = stack.ports.get('household')!;
    const ready = async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined))?.status;
    const apps = await count('household', `SELECT count(*) FROM application`);
    const requests = await count('counter', `SELECT count(*) FROM accept_request`);

    // Work in flight when the database goes: one acceptance started just before the cut.
    const inFlight = accept('fault-cut-inflight');
    await stack.cutDatabase('household');
    try {
      const during = await accept('fault-cut-1');
      expect(code(during)).toBe('SERVICE_UNAVAILABLE');
      expect(during.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(during.errors?.[0]?.message).toMatch(/不可用|中断/);
      // Not ready (the platform's filter answers the failed health check with a non-200 status).
      await eventually(async () => { const s = await ready(); return s !== undefined && s !== 200; });
      // The gateway's other sections still answer (the counter is up).
      expect((await stack.gql('{ catalogItems(keyword: "身份证") { code } }', {}, clerk)).errors).toBeUndefined();
      const first = await inFlight;
      if (!first.data) expect(code(first)).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await stack.restoreDatabase('household');
    }
    // Readiness comes back by itself: the pool reconnects, nothing restarts.
    await eventually(async () => (await ready()) === 200);
    const after = await settle('fault-cut-1');
    const inflightNumber = await settle('fault-cut-inflight');
    expect(after).not.toBe(inflightNumber);
    // Exactly the two keys' applications were added, none half-written (each with its timeline and event).
    expect(await count('household', `SELECT count(*) FROM application`)).toBe(apps + 2);
    expect(await count('counter', `SELECT count(*) FROM accept_request`)).toBe(requests + 2);
    expect(await count('household', `SELECT count(*) FROM application a WHERE NOT EXISTS (SELECT 1 FROM application_event e WHERE e.application_id = a.id AND e.action = 'ACCEPT')`)).toBe(0);
    // The outbox drains.
    await eventually(async () => (await count('household', `SELECT count(*) FROM outbox WHERE published_at IS NULL`)) === 0);
    await reconciled();
  }, 300_000);
});
