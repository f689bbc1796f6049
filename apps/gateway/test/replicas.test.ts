import { DEMO_PERSON_IDS } from '@onewindow/population';
import { ALL_SERVICES, eventually as eventuallyWithin, sql, TestStack, type ServiceKey } from '@onewindow/testing';

/**
 * Two replicas of every service behind one gateway (issue 13, decision 0033), on real processes,
 * PostgreSQL and NATS. Mixed traffic through the gateway — window acceptances in household and
 * exit-entry, a death case whose follow-ups are transfers to three police types worked by their
 * consumers, pickup SMS, the supervisors' audit trail fanned out to every service — then: nothing
 * doubled in the owners' tables, the counter's inbox projection, the SMS or the audit log; both
 * replicas of each service answered RPCs (queue groups; seen on the nats-server's monitoring
 * endpoint, no test-only code in the services); the scheduled transfer job ran once per period
 * across both household replicas (job_lease); household#2 killed (kill -9) in the middle of a burst
 * of acceptances, and household#1 carries on — the clerk's retry with the same idempotency key
 * settles what was in flight on the dead replica, once.
 * Business date pinned to Monday 2026-03-02. Bounded traffic: a few dozen requests.
 */
const TODAY = '2026-03-02';
const JOB_INTERVAL_MS = 3000;

const ACCEPT = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) { __typename ... on Application { number status } } }`;
const TRANSITION = `mutation($input: TransitionApplicationInput!) { transitionApplication(input: $input) { status } }`;
const TRAIL = `query($filter: AuditTrailFilter!) { auditTrail(filter: $filter, first: 5) { entries { service action } unansweredServices } }`;

const ID_CARD = {
  itemCode: 'HH-ID-CARD-REPLACE',
  applicantIdNumber: DEMO_PERSON_IDS.adult,
  presentedMaterials: ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'],
  form: { applicantName: '张伟', applicantIdNumber: DEMO_PERSON_IDS.adult, contactPhone: '13800138000', replaceReason: '丢失', pickupMethod: '窗口领取' },
};
const PASSPORT = {
  itemCode: 'EE-PASSPORT-FIRST',
  applicantIdNumber: DEMO_PERSON_IDS.adult,
  presentedMaterials: ['ID_CARD', 'ENTRY_EXIT_PHOTO', 'APPLICATION_FORM'],
  form: { applicantName: '张伟', applicantIdNumber: DEMO_PERSON_IDS.adult, contactPhone: '13800138000', travelPurpose: '旅游', pickupMethod: '窗口领取' },
};
const DEATH = {
  itemCode: 'HH-DEATH-CANCEL',
  applicantIdNumber: DEMO_PERSON_IDS.toDieSpouse,
  presentedMaterials: ['DECLARANT_ID', 'DECEASED_HOUSEHOLD_REGISTER'],
  form: {
    declarantName: '孙桂兰', declarantIdNumber: DEMO_PERSON_IDS.toDieSpouse, contactPhone: '13800138003', relationToDeceased: '配偶',
    deceasedName: '赵国强', deceasedIdNumber: DEMO_PERSON_IDS.toDie, dateOfDeath: '2026-02-27',
  },
};

type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];
const eventually = <T>(fn: () => Promise<T | undefined | null | false>) => eventuallyWithin(fn, 120_000);
const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

interface Connz { connections: { name?: string; subscriptions_list_detail?: { subject: string; msgs: number }[] }[] }

describe('two replicas of every service', () => {
  const stack = new TestStack({
    natsMonitoring: true,
    sequential: true,
    env: { CLOCK_FIXED_DATE: TODAY, DEADLINE_JOB_INTERVAL_MS: '0', TRANSFER_JOB_INTERVAL_MS: String(JOB_INTERVAL_MS), LOST_FOUND_DISPOSAL_INTERVAL_MS: '0' },
  });
  const db = (s: ServiceKey) => stack.databases.get(s)!.url;
  const count = async (s: ServiceKey, text: string, params: unknown[] = []) => Number(Object.values((await sql(db(s), text, params))[0]!)[0]);
  let clerk: string, exitEntryOfficer: string, supervisor: string;
  /** Every idempotency key the test used, by owning service. */
  const keys: Record<'household' | 'exit-entry', string[]> = { household: [], 'exit-entry': [] };
  const passports: string[] = [];
  let deathCase = '';
  /** Starts of the household transfer job seen in job_lease (epoch ms by the database clock). */
  const jobStarts: number[] = [];
  let sampling = true;
  let sampler: Promise<void> = Promise.resolve();

  beforeAll(async () => {
    await stack.start();
    // The second replica of each service: same database, NATS user and queue groups; the gateway keeps calling the first.
    for (const s of ALL_SERVICES) await stack.startService(s, {}, `${s}#2`);
    [clerk, exitEntryOfficer, supervisor] = await Promise.all(['demo-clerk', 'demo-exit-entry', 'demo-supervisor'].map((u) => stack.login(u)));
    await eventually(async () => {
      const r = await stack.gql<{ catalogItems: { code: string }[] }>('{ catalogItems(keyword: "护照") { code } }', {}, clerk);
      return r.data?.catalogItems.some((i) => i.code === 'EE-PASSPORT-FIRST');
    });
    // Boot-time passes (one per replica, by design) are over before sampling starts.
    await new Promise((r) => setTimeout(r, 2000));
    sampler = (async () => {
      while (sampling) {
        const [row] = await sql<{ at: string }>(db('household'), `SELECT (extract(epoch FROM last_run_at) * 1000)::bigint::text AS at FROM job_lease WHERE name = 'transfer overdue job'`);
        const at = row ? Number(row.at) : 0;
        if (at && jobStarts[jobStarts.length - 1] !== at) jobStarts.push(at);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
  }, 900_000);
  afterAll(async () => {
    sampling = false;
    await sampler.catch(() => undefined);
    await stack.stop();
  }, 120_000);

  /**
   * Submit as the fixed UI does: a timeout or an unavailable service keeps the idempotency key and
   * tries again, so what was in flight on a dead replica is settled by the retry, never doubled.
   */
  async function accept(owner: 'household' | 'exit-entry', key: string, input: Record<string, unknown>): Promise<string> {
    keys[owner].push(key);
    for (let attempt = 1; ; attempt++) {
      const r = await stack.gql<{ acceptApplication: { __typename: string; number: string; status: string } }>(ACCEPT, { input: { idempotencyKey: key, ...input } }, clerk);
      if (r.data?.acceptApplication) {
        expect(r.data.acceptApplication).toMatchObject({ __typename: 'Application', status: 'ACCEPTED' });
        return r.data.acceptApplication.number;
      }
      if (code(r) !== 'SERVICE_UNAVAILABLE' || attempt >= 5) throw new Error(`acceptance ${key} failed: ${JSON.stringify(r.errors)}`);
    }
  }

  const transition = async (token: string, number: string, action: string) => {
    const r = await stack.gql<{ transitionApplication: { status: string } }>(TRANSITION, { input: { number, action } }, token);
    expect(r.errors).toBeUndefined();
    return r.data!.transitionApplication.status;
  };

  it('serves mixed traffic with both replicas of every service answering RPCs', async () => {
    const [, , death, ...rest] = await Promise.all([
      accept('household', 'rep-idcard-1', ID_CARD),
      accept('household', 'rep-idcard-2', ID_CARD),
      accept('household', 'rep-death-1', DEATH),
      ...[1, 2, 3, 4, 5, 6].map((i) => accept('exit-entry', `rep-passport-${i}`, PASSPORT)),
      accept('household', 'rep-idcard-3', ID_CARD),
      accept('household', 'rep-idcard-4', ID_CARD),
    ]);
    deathCase = death!;
    passports.push(...rest.slice(0, 6));
    // The supervisors' audit trail asks every service over NATS (rpc.<service>.v1.audit.query).
    for (let i = 0; i < 16; i++) {
      const r = await stack.gql<{ auditTrail: { unansweredServices: string[] } }>(TRAIL, { filter: { from: day(-1), to: day(1) } }, supervisor);
      expect(r.errors).toBeUndefined();
      expect(r.data!.auditTrail.unansweredServices).toEqual([]);
    }

    // Queue groups spread the requests: each service's two RPC connections both received some.
    const connz = (await (await fetch(`${stack.natsMonitorUrl}/connz?subs=detail&limit=1024`)).json()) as Connz;
    for (const s of ['household', 'exit-entry', 'traffic', 'public-security', 'complaints'] as const) {
      const served = connz.connections
        .filter((c) => c.name === `${s}-rpc`)
        .map((c) => (c.subscriptions_list_detail ?? []).filter((d) => d.subject.startsWith(`${stack.prefix}.rpc.${s}.`)).reduce((n, d) => n + d.msgs, 0));
      expect({ service: s, replicas: served.length, allServed: served.every((n) => n > 0) }).toEqual({ service: s, replicas: 2, allServed: true });
    }
  }, 300_000);

  it('kill -9 of household#2 during a burst of acceptances: household#1 carries on, nothing doubled', async () => {
    const burst = Promise.all([5, 6, 7, 8].map((i) => accept('household', `rep-idcard-${i}`, ID_CARD)));
    await stack.killService('household#2');
    await burst;
    // After the kill, one replica serves everything.
    await accept('household', 'rep-idcard-9', ID_CARD);
    await accept('exit-entry', 'rep-passport-7', PASSPORT);
    passports.push((await sql<{ number: string }>(db('exit-entry'), `SELECT number FROM application WHERE idempotency_key = 'rep-passport-7'`))[0]!.number);
  }, 300_000);

  it('the death case: three follow-ups worked once each by their consumers on two replicas', async () => {
    await eventually(async () => (await count('household', `SELECT count(*) FROM transfer WHERE case_ref = $1 AND status = 'COMPLETED'`, [deathCase])) === 3);
    expect(await count('household', `SELECT count(*) FROM transfer WHERE case_ref = $1`, [deathCase])).toBe(3);
    for (const s of ['exit-entry', 'traffic', 'public-security'] as const) {
      expect(await count(s, `SELECT count(*) FROM transfer WHERE case_ref = $1 AND direction = 'INBOUND' AND status = 'COMPLETED'`, [deathCase])).toBe(1);
    }
    const actions = (await sql<{ action: string }>(db('household'),
      `SELECT e.action FROM application_event e JOIN application a ON a.id = e.application_id WHERE a.number = $1 ORDER BY e.id`, [deathCase])).map((e) => e.action);
    expect(actions.filter((a) => a === 'FOLLOW_UPS_OPENED')).toHaveLength(1);
    expect(actions.filter((a) => a === 'FOLLOW_UP_COMPLETED')).toHaveLength(3);
    expect(actions.filter((a) => a === 'FOLLOW_UPS_DONE')).toHaveLength(1);
  }, 180_000);

  it('one pickup SMS per ready application, sent once', async () => {
    for (const number of passports) {
      for (const action of ['START_REVIEW', 'APPROVE', 'MARK_READY']) await transition(exitEntryOfficer, number, action);
    }
    await eventually(async () => (await count('counter', `SELECT count(*) FROM sms_message WHERE status = 'SENT' AND application_number = ANY($1)`, [passports])) === passports.length);
    const sms = await sql<{ application_number: string; n: string; attempts: number }>(db('counter'),
      `SELECT application_number, count(*)::text AS n, max(attempts) AS attempts FROM sms_message WHERE application_number = ANY($1) GROUP BY application_number`, [passports]);
    expect(sms).toHaveLength(passports.length);
    expect(sms.every((m) => m.n === '1' && m.attempts === 1)).toBe(true);
  }, 180_000);

  it('each application once in its owner\'s table and once, current, in the counter\'s inbox; audit rows as expected', async () => {
    for (const owner of ['household', 'exit-entry'] as const) {
      const rows = await sql<{ idempotency_key: string; n: string }>(db(owner),
        `SELECT idempotency_key, count(*)::text AS n FROM application WHERE idempotency_key = ANY($1) GROUP BY idempotency_key`, [keys[owner]]);
      expect(rows.map((r) => r.idempotency_key).sort()).toEqual([...keys[owner]].sort());
      expect(rows.every((r) => r.n === '1')).toBe(true);
      // The counter's projection converges to the owner's table: every application, its latest version.
      const owned = await sql<{ number: string; status: string; version: number }>(db(owner), `SELECT number, status, version FROM application ORDER BY number`);
      await eventually(async () => {
        const projected = await sql<{ number: string; status: string; version: number }>(db('counter'),
          `SELECT number, status, version FROM inbox_application WHERE number = ANY($1) ORDER BY number`, [owned.map((o) => o.number)]);
        return JSON.stringify(projected) === JSON.stringify(owned);
      });
    }
    // Exit-entry asked household's register once per passport acceptance, and each lookup is audited once.
    expect(await count('household', `SELECT count(*) FROM audit_log WHERE action = 'PERSON_LOOKUP' AND subject_ref = $1`, [DEMO_PERSON_IDS.adult])).toBe(keys['exit-entry'].length);
  }, 180_000);

  it('the scheduled transfer job ran once per period across both household replicas', async () => {
    // The other tests may take less than three periods on a quiet machine, or the job may start
    // late on a loaded one: wait until three starts were seen, however long the tests above took.
    await eventuallyWithin(async () => jobStarts.length >= 3, 60_000);
    sampling = false;
    await sampler;
    // Several periods were observed, never two starts closer than the slot (0.8 × the interval) allows.
    expect(jobStarts.length).toBeGreaterThanOrEqual(3);
    const gaps = jobStarts.slice(1).map((at, i) => at - jobStarts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(JOB_INTERVAL_MS * 0.8 - 5);
  }, 90_000);
});
