import { DEMO_PERSON_IDS } from '@onewindow/population';
import { eventually as eventuallyWithin, formatReconcile, sql, TestStack } from '@onewindow/testing';

/**
 * A 3-node NATS cluster on loopback with R3 streams (issue 13, "Prove it"): while acceptances,
 * transitions (with their pickup SMS) and transfers flow through the gateway, the node leading
 * household's event stream is killed with kill -9. Nothing is lost, nothing is applied twice, the
 * stream's leadership moves to another node, the services carry on and — once the node is back —
 * the counter's projections reconcile with the owners' tables.
 */
const TODAY = '2026-03-02';
const ITEM = 'HH-ID-CARD-REPLACE';
const APPLICANT = DEMO_PERSON_IDS.adult;
const FORM = { applicantName: '张伟', applicantIdNumber: APPLICANT, contactPhone: '13800138000', replaceReason: '丢失', pickupMethod: '窗口领取' };
const MATERIALS = ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'];
const ACCEPT = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) { __typename ... on Application { number status } } }`;
const TRANSITION = `mutation($input: TransitionApplicationInput!) { transitionApplication(input: $input) { status } }`;
const REQUEST = `mutation($input: RequestTransferInput!) { requestTransfer(input: $input) { id status } }`;

type Data = Record<string, { number?: string; id?: string; status?: string } | undefined>;
interface Gql { data?: Data; errors?: { message: string; extensions?: Record<string, unknown> }[]; status: number }
const eventually = <T>(fn: () => Promise<T | undefined | null | false>) => eventuallyWithin(fn, 90_000);

describe('faults: a NATS node killed in a 3-node cluster', () => {
  const stack = new TestStack({ natsCluster: 3, sequential: true, env: { CLOCK_FIXED_DATE: TODAY, DEADLINE_JOB_INTERVAL_MS: '0', TRANSFER_JOB_INTERVAL_MS: '0' } });
  const db = (s: 'household' | 'public-security' | 'counter') => stack.databases.get(s)!.url;
  const count = async (s: Parameters<typeof db>[0], text: string, params: unknown[] = []) => Number(Object.values((await sql(db(s), text, params))[0]!)[0]);
  let clerk: string, officer: string;

  beforeAll(async () => {
    await stack.start();
    [clerk, officer] = await Promise.all(['demo-clerk', 'demo-household'].map((u) => stack.login(u)));
  }, 300_000);
  afterAll(() => stack.stop(), 60_000);

  const gql = (query: string, input: Record<string, unknown>, token: string): Promise<Gql> =>
    stack.gql<Data>(query, { input }, token)
      .catch((err: unknown) => ({ status: 0, errors: [{ message: String(err), extensions: { code: 'NETWORK' } }] }) as Gql);
  /** A clerk's retry: the same call (same idempotency key) until it is answered, as the UI does after an unknown outcome. */
  const until = (call: () => Promise<Gql>) => eventually(async () => {
    const r = await call();
    return !r.errors && r.data ? r : undefined;
  });

  it('kill -9 the leader of household\'s stream mid-flow: leadership moves, nothing lost or doubled, projections reconcile', async () => {
    const leader = await stack.streamLeader('EVT_HOUSEHOLD');
    const rounds = 12;
    const numbers: string[] = [];
    const transfers: string[] = [];
    let killedAt = -1;
    for (let i = 0; i < rounds; i++) {
      if (i === 4) {
        await stack.killNatsNode(leader);
        killedAt = i;
      }
      const accepted = await until(() => gql(ACCEPT, { idempotencyKey: `fault-cluster-${i}`, itemCode: ITEM, applicantIdNumber: APPLICANT, presentedMaterials: MATERIALS, form: FORM }, clerk));
      const number = accepted.data!['acceptApplication']!.number!;
      numbers.push(number);
      // Every other case goes on to 待领取 (a pickup SMS each); every third is transferred to public security.
      if (i % 2 === 0) {
        for (const action of ['APPROVE', 'MARK_READY']) {
          await until(async () => {
            const r = await gql(TRANSITION, { number, action }, officer);
            // A transition that did land before its reply was lost: the next try is refused as a wrong state.
            return r.errors?.[0]?.extensions?.['code'] === 'INVALID_TRANSITION' ? { status: 200, data: {} } : r;
          });
        }
      }
      if (i % 3 === 0) {
        // No idempotency key on a transfer request: one try; an unanswered one is either fully there or not at all (reconciliation).
        const r = await gql(REQUEST, { caseRef: number, toPoliceType: 'PUBLIC_SECURITY', kind: 'CASE', reason: '集群故障演练：请协查', requestedDeadlineDays: 3 }, officer);
        if (r.data?.['requestTransfer']) transfers.push(r.data['requestTransfer'].id!);
        else expect(r.errors?.[0]?.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
      }
    }
    expect(killedAt).toBe(4);
    // The stream's leadership moved to a surviving node while the node was down.
    const moved = await eventually(async () => {
      const now = await stack.streamLeader('EVT_HOUSEHOLD').catch(() => -1);
      return now >= 0 && now !== leader && { now };
    });
    expect(moved.now).not.toBe(leader);

    // Nothing applied twice: one application per key, each once in the counter's inbox.
    expect(new Set(numbers).size).toBe(rounds);
    for (let i = 0; i < rounds; i++) expect(await count('household', `SELECT count(*) FROM application WHERE idempotency_key = $1`, [`fault-cluster-${i}`])).toBe(1);
    await eventually(async () => (await count('counter', `SELECT count(*) FROM inbox_application WHERE number = ANY($1)`, [numbers])) === rounds);
    // Every transfer reached public security once (at least the ones the officer saw succeed).
    await eventually(async () => (await count('public-security', `SELECT count(*) FROM transfer WHERE direction = 'INBOUND' AND transfer_id = ANY($1)`, [transfers])) === transfers.length);

    // The node returns and catches up; the whole system reconciles.
    await stack.startNatsNode(leader);
    let last = '';
    const report = await eventually(async () => {
      const r = await stack.reconcile();
      last = formatReconcile(r);
      return r.ok && r;
    }).catch((err: unknown) => {
      throw new Error(`reconciliation failed:\n${last}`, { cause: err });
    });
    expect(report.applications.owners['household']).toBe(await count('household', `SELECT count(*) FROM application`));
    expect(report.sms.expected).toBeGreaterThanOrEqual(rounds / 2);
    expect(report.sms.present).toBe(report.sms.expected);
    expect(transfers.length).toBeGreaterThanOrEqual(2);
    expect(report.transfers.views).toBeGreaterThanOrEqual(transfers.length);
  }, 420_000);
});
