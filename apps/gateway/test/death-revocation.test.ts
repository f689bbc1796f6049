import { DEMO_PERSON_IDS } from '@onewindow/population';
import { sql, TestStack, eventually as eventuallyWithin } from '@onewindow/testing';

/**
 * A death cancellation refused after its follow-ups ran (e.g. a forged medical certificate): the
 * follow-ups are revoked (撤销) over the same transfer path, and exit-entry, traffic and public
 * security put back exactly what they took out of use. Real processes, PostgreSQL and NATS;
 * business date pinned to Monday 2026-03-02.
 */
const ACCEPT = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) { __typename ... on Application { number status } } }`;
const TRANSITION = `mutation($input: TransitionApplicationInput!) { transitionApplication(input: $input) { status timeline { action reason } } }`;
const LIST = `query { transfers(limit: 200) { items { kind caseRef toPoliceType status result timeline { action } } } }`;

const eventually = <T>(fn: () => Promise<T | undefined | null | false>) => eventuallyWithin(fn, 30_000);

describe('death cancellation refused: follow-ups revoked, documents restored', () => {
  const stack = new TestStack({ env: { CLOCK_FIXED_DATE: '2026-03-02', DEADLINE_JOB_INTERVAL_MS: '0', TRANSFER_JOB_INTERVAL_MS: '0' } });
  const db = (s: 'household' | 'exit-entry' | 'traffic' | 'public-security') => stack.databases.get(s)!.url;
  const deceased = DEMO_PERSON_IDS.toDie;
  let clerk: string, household: string, supervisor: string;

  /** What the three registers hold for the person, as comparable rows. */
  const registers = async () => ({
    documents: await sql(db('exit-entry'), `SELECT number, status FROM travel_document WHERE holder_id_number = $1 ORDER BY number`, [deceased]),
    licence: await sql(db('traffic'), `SELECT status FROM driving_licence WHERE number = $1`, [deceased]),
    vehicles: await sql(db('traffic'), `SELECT plate_number, status FROM vehicle WHERE owner_id_number = $1 ORDER BY plate_number`, [deceased]),
    permits: await sql(db('public-security'), `SELECT number, status FROM permit WHERE holder_id_number = $1 OR legal_rep_id_number = $1 ORDER BY number`, [deceased]),
  });
  const householdTransfers = (caseRef: string, kind: string) =>
    sql<{ status: string }>(db('household'), `SELECT status FROM transfer WHERE case_ref = $1 AND kind = $2 AND direction = 'OUTBOUND'`, [caseRef, kind]);

  const acceptDeath = async (idempotencyKey: string): Promise<string> => {
    const accepted = await stack.gql<{ acceptApplication: { number: string } }>(ACCEPT, {
      input: {
        idempotencyKey,
        itemCode: 'HH-DEATH-CANCEL',
        applicantIdNumber: DEMO_PERSON_IDS.toDieSpouse,
        presentedMaterials: ['DECLARANT_ID', 'DECEASED_HOUSEHOLD_REGISTER'],
        form: {
          declarantName: '孙桂兰', declarantIdNumber: DEMO_PERSON_IDS.toDieSpouse, contactPhone: '13800138003', relationToDeceased: '配偶',
          deceasedName: '赵国强', deceasedIdNumber: deceased, dateOfDeath: '2026-02-27',
        },
      },
    }, clerk);
    expect(accepted.errors).toBeUndefined();
    return accepted.data!.acceptApplication.number;
  };

  beforeAll(async () => {
    await stack.start();
    [clerk, household, supervisor] = await Promise.all(['demo-clerk', 'demo-household', 'demo-supervisor'].map((u) => stack.login(u)));
  }, 240_000);
  afterAll(() => stack.stop(), 60_000);

  it('refusing the cancellation revokes the three follow-ups and restores documents, licence, vehicles and permits', async () => {
    const before = await registers();
    expect(before.documents.length).toBeGreaterThan(0);
    expect(before.documents.every((d) => d['status'] === 'VALID')).toBe(true);
    expect(before.licence).toEqual([{ status: 'VALID' }]);
    expect(before.vehicles.map((v) => v['status'])).toEqual(['NORMAL', 'NORMAL']);

    const number = await acceptDeath('e2e-death-revoked-1');

    // The three follow-ups run automatically: everything the person held is out of use.
    await eventually(async () => (await householdTransfers(number, 'DEATH_FOLLOW_UP')).filter((t) => t.status === 'COMPLETED').length === 3);
    const during = await registers();
    expect(during.documents.every((d) => d['status'] === 'CANCELLED')).toBe(true);
    expect(during.licence).toEqual([{ status: 'CANCELLED' }]);
    expect(during.vehicles.map((v) => v['status'])).toEqual(['FLAGGED_OWNER_DECEASED', 'FLAGGED_OWNER_DECEASED']);
    expect(during.permits.map((p) => p['status']).sort()).toEqual(['CANCELLED', 'UNDER_REVIEW']);

    // The household officer refuses it: the revocations go out with the refusal, in one transaction.
    const refused = await stack.gql<{ transitionApplication: { status: string; timeline: { action: string; reason: string | null }[] } }>(
      TRANSITION, { input: { number, action: 'REJECT', reason: '死亡医学证明经核查系伪造' } }, household,
    );
    expect(refused.errors).toBeUndefined();
    expect(refused.data!.transitionApplication.status).toBe('REJECTED');
    const note = refused.data!.transitionApplication.timeline.at(-1)!;
    expect(note.action).toBe('FOLLOW_UPS_REVOKED');
    expect(note.reason).toMatch(/出入境.*交管.*治安|出入境、交管、治安/);

    await eventually(async () => (await householdTransfers(number, 'REVOCATION')).filter((t) => t.status === 'COMPLETED').length === 3);
    expect(await registers()).toEqual(before);

    // The supervisor's list shows each revocation with what was put back.
    const { data } = await stack.gql<{ transfers: { items: { kind: string; caseRef: string; toPoliceType: string; status: string; result: string }[] } }>(LIST, {}, supervisor);
    const revocations = Object.fromEntries(data!.transfers.items.filter((t) => t.caseRef === number && t.kind === 'REVOCATION').map((t) => [t.toPoliceType, t]));
    expect(Object.keys(revocations).sort()).toEqual(['EXIT_ENTRY', 'PUBLIC_SECURITY', 'TRAFFIC']);
    expect(revocations['EXIT_ENTRY']!.result).toMatch(/^已恢复/);
    expect(revocations['TRAFFIC']!.result).toBe('已恢复驾驶证，解除名下机动车标记2辆');
    expect(revocations['PUBLIC_SECURITY']!.result).toMatch(/^已恢复许可证2项/);

    // The case records each report; the person was never recorded as deceased; the case can be closed.
    await eventually(async () => {
      const rows = await sql<{ action: string }>(db('household'),
        `SELECT e.action FROM application_event e JOIN application a ON a.id = e.application_id WHERE a.number = $1 ORDER BY e.id`, [number]);
      return rows.filter((r) => r.action === 'FOLLOW_UP_REVOCATION_COMPLETED').length === 3;
    });
    expect(await sql(db('household'), `SELECT status FROM person WHERE id_number = $1`, [deceased])).toEqual([{ status: 'NORMAL' }]);
    const closed = await stack.gql<{ transitionApplication: { status: string } }>(TRANSITION, { input: { number, action: 'CLOSE' } }, clerk);
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.transitionApplication.status).toBe('CLOSED');
  });

  it('refused while traffic is down: traffic gets the follow-up and then its revocation, in order, and ends as it began', async () => {
    const before = await registers();
    await stack.stopService('traffic');
    const number = await acceptDeath('e2e-death-revoked-2');
    const refused = await stack.gql<{ transitionApplication: { status: string } }>(TRANSITION, { input: { number, action: 'REJECT', reason: '申报人撤回死亡申报' } }, household);
    expect(refused.errors).toBeUndefined();
    // Traffic never worked it: household's side of its follow-up is void (已撤销) for now.
    expect((await sql<{ status: string }>(db('household'), `SELECT status FROM transfer WHERE case_ref = $1 AND kind = 'DEATH_FOLLOW_UP' AND to_service = 'traffic'`, [number]))[0]!.status).toBe('REVOKED');

    await stack.startService('traffic');
    await eventually(async () => (await householdTransfers(number, 'REVOCATION')).filter((t) => t.status === 'COMPLETED').length === 3);
    expect(await registers()).toEqual(before);
    // Traffic received both on the household stream, the follow-up first: it ran, then was undone.
    const inbound = await sql<{ kind: string; status: string }>(db('traffic'), `SELECT kind, status FROM transfer WHERE case_ref = $1 ORDER BY requested_at, kind`, [number]);
    expect(inbound).toEqual([{ kind: 'DEATH_FOLLOW_UP', status: 'COMPLETED' }, { kind: 'REVOCATION', status: 'COMPLETED' }]);
    // The late result is on the refused case's timeline, but never a "may proceed" note.
    const actions = (await sql<{ action: string }>(db('household'),
      `SELECT e.action FROM application_event e JOIN application a ON a.id = e.application_id WHERE a.number = $1 ORDER BY e.id`, [number])).map((r) => r.action);
    expect(actions).toContain('REJECT');
    expect(actions).not.toContain('FOLLOW_UPS_DONE');
  });
});
