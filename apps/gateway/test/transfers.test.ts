import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { sql, TestStack, eventually as eventuallyWithin } from '@onewindow/testing';

/**
 * Cross-police-type transfers (跨警种移交) end to end through the gateway, on real processes,
 * PostgreSQL and NATS: the death case (one visit, three follow-ups), a receiver that is down, the
 * outbox relay re-publishing, manual transfers acknowledged / completed / refused, and the overdue
 * flag. Business date pinned to Monday 2026-03-02.
 */
const TODAY = '2026-03-02';

const TRANSFER = `id kind fromPoliceType toPoliceType direction caseRef subjectIdNumber reason requestedDeadline status result refusalReason
  overdue unitCode timeline { action actorName note policeType }`;
const LIST = `query($d: TransferDirection, $s: TransferStatus, $p: PoliceType, $o: Boolean) {
  transfers(direction: $d, status: $s, policeType: $p, overdueOnly: $o, limit: 200) { total items { ${TRANSFER} } } }`;
const ACCEPT = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) { __typename ... on Application { number status } } }`;
const TRANSITION = `mutation($input: TransitionApplicationInput!) { transitionApplication(input: $input) { status } }`;
const REQUEST = `mutation($input: RequestTransferInput!) { requestTransfer(input: $input) { ${TRANSFER} } }`;
const ACKNOWLEDGE = `mutation($input: AcknowledgeTransferInput!) { acknowledgeTransfer(input: $input) { ${TRANSFER} } }`;
const COMPLETE = `mutation($input: CompleteTransferInput!) { completeTransfer(input: $input) { ${TRANSFER} } }`;

interface TransferView {
  id: string;
  kind: string;
  fromPoliceType: string;
  toPoliceType: string;
  direction: string | null;
  caseRef: string;
  subjectIdNumber: string | null;
  requestedDeadline: string;
  status: string;
  result: string | null;
  refusalReason: string | null;
  overdue: boolean;
  timeline: { action: string; actorName: string; note: string | null }[];
}

type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];

const eventually = <T>(fn: () => Promise<T | undefined | null | false>) => eventuallyWithin(fn, 30_000);

describe('cross-police-type transfers (跨警种移交)', () => {
  const stack = new TestStack({ env: { CLOCK_FIXED_DATE: TODAY, DEADLINE_JOB_INTERVAL_MS: '0', TRANSFER_JOB_INTERVAL_MS: '0' } });
  const db = (s: 'household' | 'exit-entry' | 'traffic' | 'public-security' | 'counter') => stack.databases.get(s)!.url;
  const count = async (s: Parameters<typeof db>[0], text: string, params: unknown[] = []) => Number(Object.values((await sql(db(s), text, params))[0]!)[0]);
  let clerk: string, household: string, publicSecurity: string, traffic: string, supervisor: string;
  let deathCase: string;
  let nc: NatsConnection;

  beforeAll(async () => {
    await stack.start();
    [clerk, household, publicSecurity, traffic, supervisor] = await Promise.all(
      ['demo-clerk', 'demo-household', 'demo-public-security', 'demo-traffic', 'demo-supervisor'].map((u) => stack.login(u)),
    );
    nc = await stack.natsConnect();
  }, 240_000);
  afterAll(async () => {
    await nc?.close();
    await stack.stop();
  }, 60_000);

  const list = async (token: string, vars: Record<string, unknown> = {}) => {
    const r = await stack.gql<{ transfers: { total: number; items: TransferView[] } }>(LIST, vars, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.transfers.items;
  };
  const request = (token: string, input: Record<string, unknown>) => stack.gql<{ requestTransfer: TransferView }>(REQUEST, { input }, token);
  const acknowledge = (token: string, input: Record<string, unknown>) => stack.gql<{ acknowledgeTransfer: TransferView }>(ACKNOWLEDGE, { input }, token);
  const complete = (token: string, input: Record<string, unknown>) => stack.gql<{ completeTransfer: TransferView }>(COMPLETE, { input }, token);
  const transition = (token: string, action: string) => stack.gql(TRANSITION, { input: { number: deathCase, action } }, token);
  /** A receiver's reply once the transfer has reached it (the request travels by JetStream). */
  const once = async (call: () => Promise<Gql>) => eventually(async () => {
    const r = await call();
    return code(r) === 'TRANSFER_NOT_FOUND' ? undefined : r;
  });
  const streamMessages = async (service: string) => {
    const name = `${stack.prefix}_EVT_${service.toUpperCase().replace(/-/g, '_')}`;
    return (await (await jetstreamManager(nc)).streams.info(name)).state.messages;
  };

  it('a death cancellation opens three follow-ups; traffic, stopped, gets its own when it returns; the case waits for all three', async () => {
    await stack.stopService('traffic');
    const accepted = await stack.gql<{ acceptApplication: { number: string; status: string } }>(ACCEPT, {
      input: {
        idempotencyKey: 'e2e-death-zhao-1',
        itemCode: 'HH-DEATH-CANCEL',
        applicantIdNumber: DEMO_PERSON_IDS.toDieSpouse,
        presentedMaterials: ['DECLARANT_ID', 'DECEASED_HOUSEHOLD_REGISTER'],
        form: {
          declarantName: '孙桂兰', declarantIdNumber: DEMO_PERSON_IDS.toDieSpouse, contactPhone: '13800138003', relationToDeceased: '配偶',
          deceasedName: '赵国强', deceasedIdNumber: DEMO_PERSON_IDS.toDie, dateOfDeath: '2026-02-27',
        },
      },
    }, clerk);
    expect(accepted.errors).toBeUndefined();
    deathCase = accepted.data!.acceptApplication.number;

    const followUps = await eventually(async () => {
      const mine = (await list(supervisor)).filter((t) => t.caseRef === deathCase);
      return mine.length === 3 && mine;
    });
    expect(followUps.map((t) => t.toPoliceType).sort()).toEqual(['EXIT_ENTRY', 'PUBLIC_SECURITY', 'TRAFFIC']);
    for (const t of followUps) {
      expect(t).toMatchObject({ kind: 'DEATH_FOLLOW_UP', fromPoliceType: 'HOUSEHOLD', requestedDeadline: '2026-03-09' });
      expect(t.subjectIdNumber).toMatch(/^510107\*+\d{3}[\dX]$/); // lists are masked
    }

    // Exit-entry and public security work theirs automatically; traffic is down, so its transfer waits.
    const byType = async () => Object.fromEntries((await list(supervisor)).filter((t) => t.caseRef === deathCase).map((t) => [t.toPoliceType, t]));
    await eventually(async () => {
      const t = await byType();
      return t['EXIT_ENTRY']?.status === 'COMPLETED' && t['PUBLIC_SECURITY']?.status === 'COMPLETED';
    });
    expect((await byType())['TRAFFIC']).toMatchObject({ status: 'REQUESTED' });
    expect(await count('traffic', `SELECT count(*) FROM transfer`)).toBe(0);

    // The household side hears of both results on its own consumers (not through the counter).
    await eventually(async () => (await count('household', `SELECT count(*) FROM transfer WHERE case_ref = $1 AND status = 'COMPLETED'`, [deathCase])) === 2);
    const blocked = await transition(household, 'APPROVE');
    expect(code(blocked)).toBe('FOLLOW_UPS_PENDING');
    expect(blocked.errors?.[0]?.message).toContain('交管');
    expect(blocked.errors?.[0]?.message).not.toContain('出入境');

    await stack.startService('traffic');
    const done = await eventually(async () => (await byType())['TRAFFIC']?.status === 'COMPLETED' && (await byType())['TRAFFIC']);
    expect(done.result).toBeTruthy();
    expect(done.timeline.map((e) => e.action)).toEqual(['REQUESTED', 'ACKNOWLEDGED', 'COMPLETED']);
    expect(await count('traffic', `SELECT count(*) FROM transfer WHERE direction = 'INBOUND' AND status = 'COMPLETED'`)).toBe(1);

    // The household side records every report on the case; then the case may finish.
    await eventually(async () => (await count('household', `SELECT count(*) FROM transfer WHERE case_ref = $1 AND status = 'COMPLETED'`, [deathCase])) === 3);
    for (const [token, action] of [[household, 'APPROVE'], [household, 'MARK_READY'], [clerk, 'DELIVER'], [clerk, 'CLOSE']] as const) {
      const r = await transition(token, action);
      expect(r.errors).toBeUndefined();
    }
    const timeline = await sql<{ action: string }>(db('household'),
      `SELECT e.action FROM application_event e JOIN application a ON a.id = e.application_id WHERE a.number = $1 ORDER BY e.id`, [deathCase]);
    const actions = timeline.map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['ACCEPT', 'FOLLOW_UPS_OPENED']);
    expect(actions.filter((a) => a === 'FOLLOW_UP_COMPLETED')).toHaveLength(3);
    expect(actions.indexOf('FOLLOW_UPS_DONE')).toBeLessThan(actions.indexOf('APPROVE'));
    expect(actions.slice(-4)).toEqual(['APPROVE', 'MARK_READY', 'DELIVER', 'CLOSE']);
  });

  let manualId: string;

  it('a manual CASE transfer from household to public security: acknowledged, completed, outbound for one, inbound for the other', async () => {
    const r = await request(household, {
      caseRef: deathCase,
      toPoliceType: 'PUBLIC_SECURITY',
      kind: 'CASE',
      reason: '申报人反映死者生前持有的保安员证原件下落不明，请协查',
      attachments: [{ name: '情况说明', ref: 'HH-DOC-20260302-01' }],
      requestedDeadlineDays: 3,
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.requestTransfer).toMatchObject({ status: 'REQUESTED', direction: 'OUTBOUND', requestedDeadline: '2026-03-05', subjectIdNumber: DEMO_PERSON_IDS.toDieSpouse });
    manualId = r.data!.requestTransfer.id;

    expect(code(await request(publicSecurity, { caseRef: deathCase, toPoliceType: 'TRAFFIC', reason: '越权发起', requestedDeadlineDays: 3 }))).toBe('NOT_SENDING_STAFF');
    expect(code(await request(household, { caseRef: 'HH20260302999999', toPoliceType: 'TRAFFIC', reason: '不存在的办件', requestedDeadlineDays: 3 }))).toBe('TRANSFER_CASE_NOT_FOUND');

    const inbound = await eventually(async () => (await list(publicSecurity, { d: 'INBOUND' })).find((t) => t.id === manualId));
    expect(inbound).toMatchObject({ direction: 'INBOUND', fromPoliceType: 'HOUSEHOLD', status: 'REQUESTED' });
    expect((await list(household, { d: 'OUTBOUND' })).find((t) => t.id === manualId)).toMatchObject({ direction: 'OUTBOUND' });
    expect((await list(household, { d: 'INBOUND' })).find((t) => t.id === manualId)).toBeUndefined();

    expect(code(await acknowledge(household, { transferId: manualId }))).toBe('NOT_RECEIVING_OFFICER');
    expect(code(await once(() => complete(publicSecurity, { transferId: manualId, result: '未签收先反馈' })))).toBe('INVALID_TRANSFER_STATE');
    const signed = await acknowledge(publicSecurity, { transferId: manualId });
    expect(signed.data?.acknowledgeTransfer.status).toBe('ACKNOWLEDGED');
    const completed = await complete(publicSecurity, { transferId: manualId, result: '经核查，该保安员证已于2026-03-04注销并收回' });
    expect(completed.data?.completeTransfer.status).toBe('COMPLETED');

    // The sender sees the whole timeline once the receiver's reports reach it.
    await eventually(async () => (await count('household', `SELECT count(*) FROM transfer WHERE transfer_id = $1 AND status = 'COMPLETED'`, [manualId])) === 1);
    const detail = await eventually(async () => {
      const d = await stack.gql<{ transfer: TransferView }>(`query($id: ID!) { transfer(id: $id) { ${TRANSFER} } }`, { id: manualId }, household);
      return d.data?.transfer.status === 'COMPLETED' && d.data.transfer;
    });
    expect(detail.timeline.map((e) => [e.action, e.actorName])).toEqual([['REQUESTED', '李户政'], ['ACKNOWLEDGED', '陈治安'], ['COMPLETED', '陈治安']]);
    expect(detail.result).toContain('已于2026-03-04注销');
  });

  it('running the outbox relay again (and a re-publish under a new id) delivers nothing twice', async () => {
    const before = {
      stream: await streamMessages('household'),
      inbound: await count('public-security', `SELECT count(*) FROM transfer WHERE direction = 'INBOUND'`),
      inbox: await count('public-security', `SELECT count(*) FROM inbox`),
    };
    // The relay publishes the request a second time (same Nats-Msg-Id, inside JetStream's 2-minute window).
    const again = await sql<{ id: string }>(db('household'), `UPDATE outbox SET published_at = NULL WHERE payload->>'transferId' = $1 RETURNING id`, [manualId]);
    expect(again).toHaveLength(1);
    await eventually(async () => (await count('household', `SELECT count(*) FROM outbox WHERE published_at IS NULL`)) === 0);
    // A copy under a new message id gets past JetStream's dedup window and the inbox: the row is still unique.
    const [row] = await sql<{ subject: string; payload: object }>(db('household'), `SELECT subject, payload FROM outbox WHERE payload->>'transferId' = $1`, [manualId]);
    await jetstream(nc).publish(`${stack.prefix}.${row!.subject}`, JSON.stringify(row!.payload), { msgID: `replay-${manualId}` });
    await eventually(async () => (await count('public-security', `SELECT count(*) FROM inbox`)) === before.inbox + 1);

    expect(await streamMessages('household')).toBe(before.stream + 1);
    expect(await count('public-security', `SELECT count(*) FROM transfer WHERE direction = 'INBOUND'`)).toBe(before.inbound);
    expect(await count('public-security', `SELECT count(*) FROM transfer WHERE transfer_id = $1`, [manualId])).toBe(1);
    expect(await count('counter', `SELECT count(*) FROM transfer_view WHERE case_ref = $1`, [deathCase])).toBe(4);
  });

  it('a refused transfer carries its reason back to the sender', async () => {
    const r = await request(household, { caseRef: deathCase, toPoliceType: 'TRAFFIC', kind: 'TASK', reason: '请核查死者名下机动车是否有未处理的违法记录', requestedDeadlineDays: 5 });
    expect(r.errors).toBeUndefined();
    const id = r.data!.requestTransfer.id;
    expect(code(await once(() => acknowledge(traffic, { transferId: id, accept: false })))).toBe('REFUSAL_REASON_REQUIRED');
    const refused = await acknowledge(traffic, { transferId: id, accept: false, reason: '死亡注销后续事项已办结，无未处理违法记录，无需另行移交' });
    expect(refused.data?.acknowledgeTransfer).toMatchObject({ status: 'REFUSED', direction: 'INBOUND' });
    const seen = await eventually(async () => (await list(household, { d: 'OUTBOUND', s: 'REFUSED' })).find((t) => t.id === id));
    expect(seen.refusalReason).toContain('无需另行移交');
    await eventually(async () => (await count('household', `SELECT count(*) FROM transfer WHERE transfer_id = $1 AND status = 'REFUSED'`, [id])) === 1);
  });

  it('an open transfer past its requested deadline is flagged overdue and listed first for supervisors', async () => {
    const r = await request(household, { caseRef: deathCase, toPoliceType: 'EXIT_ENTRY', reason: '请协查死者出入境证件是否已全部收缴', requestedDeadlineDays: 1 });
    expect(r.data?.requestTransfer.requestedDeadline).toBe('2026-03-03');
    const id = r.data!.requestTransfer.id;
    await eventually(async () => (await list(supervisor, { p: 'EXIT_ENTRY', d: 'INBOUND' })).some((t) => t.id === id));
    expect((await list(supervisor, { o: true })).map((t) => t.id)).not.toContain(id);

    // A week later the household side's job (run at boot) finds it still unanswered.
    await stack.stopService('household');
    await stack.startService('household', { CLOCK_FIXED_DATE: '2026-03-10' });
    const flagged = await eventually(async () => {
      const items = await list(supervisor, { p: 'HOUSEHOLD', d: 'OUTBOUND' });
      return items[0]?.id === id && items[0].overdue && items;
    });
    expect(flagged[0]!.timeline.map((e) => e.action)).toContain('FLAG_OVERDUE');
    expect(flagged.slice(1).every((t) => !t.overdue)).toBe(true);
    expect((await list(supervisor, { o: true })).map((t) => t.id)).toEqual([id]);
    expect(await count('household', `SELECT count(*) FROM transfer WHERE overdue`)).toBe(1);
    expect(code(await stack.gql(LIST, { d: 'OUTBOUND' }, supervisor))).toBe('POLICE_TYPE_REQUIRED');
  });
});
