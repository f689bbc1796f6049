import { DEMO_PERSON_IDS } from '@onewindow/population';
import { eventually, sql, TestStack } from '@onewindow/testing';

/**
 * A traffic acceptance end to end through the gateway: a window clerk accepts a driving-licence
 * renewal (机动车驾驶证期满换证, 全科受理 at the one window), the counter's inbox projection shows
 * it, the traffic back office moves it on, and the traffic register renews the licence. The
 * promised limit is 当场办结 and the clock runs until the licence is made (clockStopsAt
 * READY_FOR_PICKUP): an approved licence not yet made is flagged overdue by the deadline job.
 * Business date 2026-02-10: 张伟's C1 licence expires 2026-03-15 (inside the 90-day window).
 */
const ITEM = 'TR-DL-RENEW';
const APPLICANT = DEMO_PERSON_IDS.adult; // 张伟
const SUPERVISOR_NAME = '刘督察';

const FORM = {
  applicantName: '张伟',
  applicantIdNumber: APPLICANT,
  contactPhone: '13800138000',
  licenceExpiry: '2026-03-15',
  pickupMethod: '窗口领取',
};

const APPLICATION_FIELDS = `number policeType service status deadline deadlineProvisional deadlineState itemCode firstInquiryOwnerName version
  promisedTimeLimit { value unit text } statutoryTimeLimit { value unit text } statutoryDeadline statutoryDeadlineProvisional clockStopsAt
  extendedWorkingDays maxExtensionWorkingDays
  applicant { name masked }
  timeline { actorName action fromStatus toStatus reason }`;

const ACCEPT = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) {
  __typename
  ... on Application { ${APPLICATION_FIELDS} }
  ... on OneTimeNotice { number noticeStatus: status missingMaterials { code name } }
} }`;

const TRANSITION = `mutation($input: TransitionApplicationInput!) { transitionApplication(input: $input) { ${APPLICATION_FIELDS} } }`;
const INBOX = `query($s: String!) { inbox(search: $s, limit: 10) { total items { number policeType itemCode status deadline deadlineState applicantName } } }`;

type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];
interface InboxRow { number: string; policeType: string; itemCode: string; status: string; deadline: string; deadlineState: string; applicantName: string }

describe('one-window acceptance of a traffic item (交管: 驾驶证期满换证)', () => {
  const stack = new TestStack({ env: { CLOCK_FIXED_DATE: '2026-02-10', DEADLINE_JOB_INTERVAL_MS: '0' } });
  let clerk: string;
  let trafficOfficer: string;
  let householdOfficer: string;
  let supervisor: string;
  let number: string;
  const trafficDb = () => stack.databases.get('traffic')!.url;

  beforeAll(async () => {
    await stack.start();
    [clerk, trafficOfficer, householdOfficer, supervisor] = await Promise.all([
      stack.login('demo-clerk'), stack.login('demo-traffic'), stack.login('demo-household'), stack.login('demo-supervisor'),
    ]);
  }, 180_000);
  afterAll(() => stack.stop(), 60_000);

  const accept = (input: Record<string, unknown>) => stack.gql<{ acceptApplication: Record<string, any> }>(ACCEPT, { input }, clerk);
  const transition = (token: string, input: Record<string, unknown>) => stack.gql<{ transitionApplication: Record<string, any> }>(TRANSITION, { input }, token);
  /** The inbox row of this application once the projection shows `status`. */
  const inboxRow = (status: string, deadlineState?: string) =>
    eventually(async () => {
      const r = await stack.gql<{ inbox: { items: InboxRow[] } }>(INBOX, { s: number }, clerk);
      const row = r.data?.inbox.items.find((i) => i.number === number);
      return row && row.status === status && (!deadlineState || row.deadlineState === deadlineState) && row;
    });

  it('the clerk finds the traffic item in the unified catalog', async () => {
    const items = await eventually(async () => {
      const r = await stack.gql<{ catalogItems: { code: string; policeType: string }[] }>('{ catalogItems(keyword: "驾驶证") { code policeType } }', {}, clerk);
      return r.data?.catalogItems.some((i) => i.code === ITEM) && r.data.catalogItems;
    });
    expect(items.find((i) => i.code === ITEM)?.policeType).toBe('TRAFFIC');
  });

  it('missing photo → one-time notice; complete → accepted by traffic with both limits and the clock stop', async () => {
    const notice = await accept({ idempotencyKey: 'e2e-traffic-renew-1', itemCode: ITEM, applicantIdNumber: APPLICANT, presentedMaterials: ['ID_CARD', 'DRIVING_LICENCE'], form: FORM });
    expect(notice.errors).toBeUndefined();
    expect(notice.data!.acceptApplication).toMatchObject({ __typename: 'OneTimeNotice', missingMaterials: [{ code: 'PHOTO', name: '本人相片' }] });

    const r = await accept({
      idempotencyKey: 'e2e-traffic-renew-2',
      itemCode: ITEM,
      applicantIdNumber: APPLICANT,
      presentedMaterials: ['ID_CARD', 'DRIVING_LICENCE', 'PHOTO'],
      form: FORM,
      fromNoticeNumber: notice.data!.acceptApplication.number,
    });
    expect(r.errors).toBeUndefined();
    const app = r.data!.acceptApplication;
    expect(app).toMatchObject({
      __typename: 'Application',
      policeType: 'TRAFFIC',
      service: 'traffic',
      status: 'ACCEPTED',
      deadline: '2026-02-10', // 当场办结
      promisedTimeLimit: { value: 0, unit: 'WORKING_DAYS', text: '当场办结' },
      statutoryTimeLimit: { value: 1, unit: 'CALENDAR_DAYS', text: '1日（自然日）' },
      statutoryDeadline: '2026-02-11',
      statutoryDeadlineProvisional: false,
      clockStopsAt: 'READY_FOR_PICKUP',
      extendedWorkingDays: 0,
      maxExtensionWorkingDays: 10,
      firstInquiryOwnerName: '王窗口',
      applicant: { name: '张*', masked: true },
    });
    expect(app.number).toMatch(/^TR/);
    number = app.number;
  });

  it('the application shows in the counter inbox projection, masked', async () => {
    const row = await inboxRow('ACCEPTED');
    expect(row).toMatchObject({ policeType: 'TRAFFIC', itemCode: ITEM, deadline: '2026-02-10', applicantName: '张*' });
  });

  it('only a traffic officer decides; an extension beyond the cap is refused with its code', async () => {
    expect(code(await transition(clerk, { number, action: 'START_REVIEW' }))).toBe('NOT_OWNING_OFFICER');
    expect(code(await transition(householdOfficer, { number, action: 'START_REVIEW' }))).toBe('NOT_OWNING_OFFICER');
    expect((await transition(trafficOfficer, { number, action: 'START_REVIEW' })).errors).toBeUndefined();
    expect(code(await transition(trafficOfficer, { number, action: 'REQUEST_EXTENSION', extensionDays: 11, reason: '需核实体检信息' }))).toBe('EXTENSION_LIMIT_EXCEEDED');
    expect((await transition(trafficOfficer, { number, action: 'REQUEST_EXTENSION', extensionDays: 2, reason: '需核实体检信息' })).errors).toBeUndefined();
    const extended = await transition(supervisor, { number, action: 'APPROVE_EXTENSION' });
    expect(extended.errors).toBeUndefined();
    // Wed 02-11, Thu 02-12 (and the statutory 02-11 → 02-13).
    expect(extended.data!.transitionApplication).toMatchObject({ deadline: '2026-02-12', statutoryDeadline: '2026-02-13', extendedWorkingDays: 2 });
    const approved = await transition(trafficOfficer, { number, action: 'APPROVE' });
    expect(approved.data!.transitionApplication).toMatchObject({ status: 'APPROVED', deadlineState: 'ON_TIME' }); // the licence is not made yet: the clock runs
    await inboxRow('APPROVED');
  });

  it('approved but not made when the deadline passes: the deadline job flags it, the inbox lists it first', async () => {
    await stack.stopService('traffic');
    await stack.startService('traffic', { CLOCK_FIXED_DATE: '2026-02-13' }); // the job runs at boot
    const detail = await eventually(async () => {
      const r = await stack.gql<{ application: { status: string; deadlineState: string; timeline: { action: string; actorName: string }[] } }>(
        `query($n: String!) { application(number: $n) { status deadlineState timeline { action actorName } } }`, { n: number }, clerk);
      return r.data?.application.timeline.some((t) => t.action === 'FLAG_OVERDUE') && r.data.application;
    });
    expect(detail).toMatchObject({ status: 'APPROVED', deadlineState: 'OVERDUE' });
    expect(detail.timeline.find((t) => t.action === 'FLAG_OVERDUE')?.actorName).toMatch(/系统/);
    await inboxRow('APPROVED', 'OVERDUE');
    const inbox = await stack.gql<{ inbox: { items: { number: string; deadlineState: string }[] } }>('{ inbox(limit: 3) { items { number deadlineState } } }', {}, clerk);
    expect(inbox.data?.inbox.items[0]).toEqual({ number, deadlineState: 'OVERDUE' });
  });

  it('made → handed out → closed; the clock stops when the licence is made and the register has the new licence', async () => {
    const made = await transition(trafficOfficer, { number, action: 'MARK_READY' });
    expect(made.errors).toBeUndefined();
    expect(made.data!.transitionApplication).toMatchObject({ status: 'READY_FOR_PICKUP', deadlineState: 'DONE' });
    await inboxRow('READY_FOR_PICKUP', 'DONE');
    expect((await transition(clerk, { number, action: 'DELIVER', deliveryMethod: 'WINDOW' })).errors).toBeUndefined();
    const closed = await transition(clerk, { number, action: 'CLOSE' });
    expect(closed.data!.transitionApplication.status).toBe('CLOSED');
    await inboxRow('CLOSED', 'DONE');

    const timeline = (closed.data!.transitionApplication.timeline as { action: string; actorName: string }[]).map((t) => `${t.action}:${t.actorName}`);
    expect(timeline.filter((t) => !t.startsWith('FLAG_DUE_SOON'))).toEqual([
      'ACCEPT:王窗口', 'START_REVIEW:赵交管', 'REQUEST_EXTENSION:赵交管', `APPROVE_EXTENSION:${SUPERVISOR_NAME}`, 'APPROVE:赵交管',
      'FLAG_OVERDUE:系统（时限监控）', 'MARK_READY:赵交管', 'DELIVER:王窗口', 'CLOSE:王窗口',
    ]);

    // The register took the result when the licence was made (MARK_READY): 6-year licence → 10 years from the old expiry.
    const rows = await sql<{ valid_until: string; last_application_number: string }>(trafficDb(),
      `SELECT to_char(valid_until, 'YYYY-MM-DD') AS valid_until, last_application_number FROM driving_licence WHERE number = $1`, [APPLICANT]);
    expect(rows).toEqual([{ valid_until: '2036-03-15', last_application_number: number }]);
  });
});
