import { Buffer } from 'node:buffer';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { eventually, sql, TestStack } from '@onewindow/testing';
import pdfParse from 'pdf-parse/lib/pdf-parse.js';

/**
 * Issue 3 end to end through the gateway: one-window casework for an ID-card replacement
 * (居民身份证补领), on real processes, PostgreSQL and NATS. The business date is pinned to
 * 2026-02-10 so the 15-working-day promise crosses 春节 2026 and two 调休 Saturdays.
 */
const ITEM = 'HH-ID-CARD-REPLACE';
const APPLICANT = DEMO_PERSON_IDS.adult; // 张伟, phone 13800138000

const FORM = {
  applicantName: '张伟',
  applicantIdNumber: APPLICANT,
  contactPhone: '13800138000',
  replaceReason: '丢失',
  pickupMethod: '窗口领取',
};

const APPLICATION_FIELDS = `number status deadline deadlineState itemName firstInquiryOwnerName version
  applicant { name idNumber phone masked }
  timeline { actorName actorRoles action fromStatus toStatus reason }`;

const ACCEPT = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) {
  __typename
  ... on Application { ${APPLICATION_FIELDS} }
  ... on OneTimeNotice { number itemName noticeStatus: status missingMaterials { code name } pdfBase64 }
} }`;

const TRANSITION = `mutation($input: TransitionApplicationInput!) { transitionApplication(input: $input) { ${APPLICATION_FIELDS} } }`;

type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];


describe('one-window casework: ID-card replacement (户政)', () => {
  const stack = new TestStack({ env: { CLOCK_FIXED_DATE: '2026-02-10', DEADLINE_JOB_INTERVAL_MS: '0' } });
  let clerk: string;
  let officer: string;
  let exitEntryOfficer: string;
  let applicationNumber: string;
  const householdDb = () => stack.databases.get('household')!.url;
  const counterDb = () => stack.databases.get('counter')!.url;

  beforeAll(async () => {
    await stack.start();
    [clerk, officer, exitEntryOfficer] = await Promise.all([stack.login('demo-clerk'), stack.login('demo-household'), stack.login('demo-exit-entry')]);
  }, 180_000);
  afterAll(() => stack.stop(), 60_000);

  const accept = (input: Record<string, unknown>) => stack.gql<{ acceptApplication: Record<string, any> }>(ACCEPT, { input }, clerk);
  const transition = (token: string, input: Record<string, unknown>) => stack.gql<{ transitionApplication: Record<string, any> }>(TRANSITION, { input }, token);

  it('addWorkingDays follows the State Council calendar', async () => {
    const q = 'query($f: Date!, $d: Int!) { addWorkingDays(from: $f, days: $d) { date provisional } }';
    const first = await stack.gql(q, { f: '2025-09-30', d: 1 }, clerk);
    expect(first.errors).toBeUndefined();
    expect(first.data).toEqual({ addWorkingDays: { date: '2025-10-09', provisional: false } });
    expect((await stack.gql(q, { f: '2025-09-26', d: 1 }, clerk)).data).toEqual({ addWorkingDays: { date: '2025-09-28', provisional: false } }); // 调休 Sunday
    expect((await stack.gql(q, { f: '2026-02-13', d: 1 }, clerk)).data).toEqual({ addWorkingDays: { date: '2026-02-14', provisional: false } }); // 调休 Saturday
    expect((await stack.gql(q, { f: '2026-02-14', d: 1 }, clerk)).data).toEqual({ addWorkingDays: { date: '2026-02-24', provisional: false } }); // 春节 Feb 15–23
    // 2027 has no published notice yet: Monday–Friday, flagged provisional.
    expect((await stack.gql(q, { f: '2026-12-31', d: 1 }, clerk)).data).toEqual({ addWorkingDays: { date: '2027-01-01', provisional: true } });
    expect(code(await stack.gql(q, { f: '2026-02-30', d: 1 }, clerk))).toBe('BAD_USER_INPUT');
  });

  it('the clerk finds 身份证 items across the unified catalog', async () => {
    const items = await eventually(async () => {
      const r = await stack.gql<{ catalogItems: { code: string; name: string; policeType: string }[] }>('{ catalogItems(keyword: "身份证") { code name policeType } }', {}, clerk);
      return r.data?.catalogItems.some((i) => i.code === ITEM) && r.data.catalogItems;
    });
    expect(items.map((i) => i.code)).toEqual(expect.arrayContaining(['HH-ID-CARD-REPLACE', 'HH-ID-CARD-FIRST', 'HH-ID-CARD-TEMP']));
  });

  it('missing material → one-time notice with a printable Chinese PDF; complete → accepted with a working-day deadline', async () => {
    const first = await accept({
      idempotencyKey: 'e2e-idcard-visit-1',
      itemCode: ITEM,
      applicantIdNumber: APPLICANT,
      presentedMaterials: ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER'],
      form: FORM,
    });
    expect(first.errors).toBeUndefined();
    const notice = first.data!.acceptApplication;
    expect(notice.__typename).toBe('OneTimeNotice');
    expect(notice.missingMaterials).toEqual([{ code: 'LOSS_STATEMENT', name: '丢失声明或情况说明' }]);
    const pdf = Buffer.from(notice.pdfBase64 as string, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await pdfParse(pdf)).text.replace(/\s+/g, '');
    expect(text).toContain('居民身份证补领');
    expect(text).toContain('一次性告知单');
    expect(text).toContain(notice.number as string);

    const second = await accept({
      idempotencyKey: 'e2e-idcard-visit-2',
      itemCode: ITEM,
      applicantIdNumber: APPLICANT,
      presentedMaterials: ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'],
      form: FORM,
      fromNoticeNumber: notice.number,
    });
    expect(second.errors).toBeUndefined();
    const app = second.data!.acceptApplication;
    expect(app.__typename).toBe('Application');
    expect(app.status).toBe('ACCEPTED');
    // 15 working days from Tue 2026-02-10: Sat 02-14 works (调休), 春节 02-15…02-23 off, Sat 02-28 works.
    expect(app.deadline).toBe('2026-03-09');
    expect(app.firstInquiryOwnerName).toBe('王窗口');
    expect(app.applicant).toMatchObject({ masked: true, name: '张*', phone: '138****8000' });
    applicationNumber = app.number;

    const resolved = await stack.gql<{ oneTimeNotice: { noticeStatus: string; resolvedApplicationNumber: string } }>(
      'query($n: String!) { oneTimeNotice(number: $n) { noticeStatus: status resolvedApplicationNumber } }', { n: notice.number }, clerk);
    expect(resolved.data?.oneTimeNotice).toEqual({ noticeStatus: 'RESOLVED', resolvedApplicationNumber: applicationNumber });
  });

  it('the same idempotency key twice gives one application', async () => {
    const again = await accept({
      idempotencyKey: 'e2e-idcard-visit-2',
      itemCode: ITEM,
      applicantIdNumber: APPLICANT,
      presentedMaterials: ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'],
      form: FORM,
    });
    expect(again.data?.acceptApplication.number).toBe(applicationNumber);
    const rows = await sql<{ n: string }>(householdDb(), `SELECT count(*)::text AS n FROM application WHERE applicant_id_number = $1`, [APPLICANT]);
    expect(rows[0]!.n).toBe('1');
  });

  it('an invalid ID number is a typed validation error and writes nothing', async () => {
    const before = await sql<{ n: string }>(counterDb(), `SELECT count(*)::text AS n FROM accept_request`);
    const bad = await accept({ idempotencyKey: 'e2e-bad-id-0001', itemCode: ITEM, applicantIdNumber: '510107198804129131', presentedMaterials: [], form: FORM });
    expect(code(bad)).toBe('INVALID_ID_NUMBER');
    expect(bad.errors?.[0]?.message).toMatch(/身份证/);
    const malformed = await accept({ idempotencyKey: 'e2e-bad-id-0002', itemCode: ITEM, applicantIdNumber: '12345', presentedMaterials: [], form: FORM });
    expect(code(malformed)).toBe('VALIDATION_FAILED');
    expect((await sql<{ n: string }>(counterDb(), `SELECT count(*)::text AS n FROM accept_request`))[0]!.n).toBe(before[0]!.n);
    expect((await sql<{ n: string }>(householdDb(), `SELECT count(*)::text AS n FROM application`))[0]!.n).toBe('1');
  });

  it('a clerk cannot approve, nor can an officer of another police type', async () => {
    expect(code(await transition(clerk, { number: applicationNumber, action: 'APPROVE' }))).toBe('NOT_OWNING_OFFICER');
    expect(code(await transition(exitEntryOfficer, { number: applicationNumber, action: 'APPROVE' }))).toBe('NOT_OWNING_OFFICER');
  });

  it('officer approves → ready → pickup SMS → delivered → closed, every actor on the timeline', async () => {
    for (const action of ['START_REVIEW', 'APPROVE', 'MARK_READY']) {
      const r = await transition(officer, { number: applicationNumber, action });
      expect(r.errors).toBeUndefined();
    }
    const sms = await eventually(async () => {
      const r = await stack.gql<{ smsMessages: { status: string; text: string; phone: string }[] }>(
        'query($n: String!) { smsMessages(applicationNumber: $n) { status text phone } }', { n: applicationNumber }, clerk);
      return r.data?.smsMessages.find((m) => m.status === 'SENT');
    });
    expect(sms.text).toMatch(/^【.+】/);
    expect(sms.text).toContain('居民身份证');
    expect(sms.text).toContain('领取');
    expect(sms.text).not.toContain('张伟');
    expect(sms.text.length).toBeLessThanOrEqual(70);
    expect(sms.phone).toBe('138****8000');

    expect((await transition(clerk, { number: applicationNumber, action: 'DELIVER', deliveryMethod: 'WINDOW' })).errors).toBeUndefined();
    const closed = await transition(clerk, { number: applicationNumber, action: 'CLOSE' });
    expect(closed.data?.transitionApplication.status).toBe('CLOSED');

    const detail = await stack.gql<{ application: { timeline: { actorName: string; action: string; toStatus: string }[] } }>(
      `query($n: String!) { application(number: $n) { ${APPLICATION_FIELDS} } }`, { n: applicationNumber }, clerk);
    const timeline = detail.data!.application.timeline;
    expect(timeline.map((t) => [t.action, t.actorName, t.toStatus])).toEqual([
      ['ACCEPT', '王窗口', 'ACCEPTED'],
      ['START_REVIEW', '李户政', 'IN_REVIEW'],
      ['APPROVE', '李户政', 'APPROVED'],
      ['MARK_READY', '李户政', 'READY_FOR_PICKUP'],
      ['DELIVER', '王窗口', 'DELIVERED'],
      ['CLOSE', '王窗口', 'CLOSED'],
    ]);
    // The household register now records the new card (rules ran in the same transaction).
    const cards = await sql<{ status: string }>(householdDb(), `SELECT status FROM id_card WHERE id_number = $1 ORDER BY issued_on`, [APPLICANT]);
    expect(cards.map((c) => c.status)).toContain('VALID');
  });

  it('with the household service stopped, acceptance fails clearly and writes nothing', async () => {
    await stack.stopService('household');
    try {
      const before = await sql<{ n: string }>(counterDb(), `SELECT count(*)::text AS n FROM accept_request`);
      const r = await accept({
        idempotencyKey: 'e2e-household-down',
        itemCode: ITEM,
        applicantIdNumber: APPLICANT,
        presentedMaterials: ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'],
        form: FORM,
      });
      expect(code(r)).toBe('SERVICE_UNAVAILABLE');
      expect(r.errors?.[0]?.message).toMatch(/暂不可用/);
      expect((await sql<{ n: string }>(counterDb(), `SELECT count(*)::text AS n FROM accept_request`))[0]!.n).toBe(before[0]!.n);
    } finally {
      await stack.startService('household');
    }
  });

  it('with the SMS sender stopped, the pickup SMS is sent once it returns', async () => {
    await stack.stopService('counter');
    await stack.startService('counter', { SMS_SENDER_ENABLED: 'false' });
    const r = await accept({
      idempotencyKey: 'e2e-idcard-sms-later',
      itemCode: ITEM,
      applicantIdNumber: APPLICANT,
      presentedMaterials: ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'],
      form: FORM,
    });
    const number = r.data!.acceptApplication.number as string;
    for (const action of ['APPROVE', 'MARK_READY']) expect((await transition(officer, { number, action })).errors).toBeUndefined();
    const smsQuery = async () =>
      (await sql<{ status: string }>(counterDb(), `SELECT status FROM sms_message WHERE application_number = $1`, [number])).map((s) => s.status);
    await eventually(async () => (await smsQuery()).length === 1);
    await new Promise((res) => setTimeout(res, 1000));
    expect(await smsQuery()).toEqual(['QUEUED']);

    await stack.stopService('counter');
    await stack.startService('counter');
    await eventually(async () => (await smsQuery())[0] === 'SENT');
    expect(await smsQuery()).toEqual(['SENT']);
  });

  it('补正 stops the clock, 延期 needs a supervisor, 容缺 is shown until supplied — all on the timeline', async () => {
    const supervisor = await stack.login('demo-supervisor');
    const accepted = await accept({
      idempotencyKey: 'e2e-idcard-clock',
      itemCode: ITEM,
      applicantIdNumber: APPLICANT,
      presentedMaterials: ['ID_PHOTO_RECEIPT', 'LOSS_STATEMENT'],
      toleratedMaterials: [{ code: 'HOUSEHOLD_REGISTER', commitment: '本人承诺五个工作日内补交居民户口簿', dueDate: '2026-02-24' }],
      form: FORM,
    });
    expect(accepted.errors).toBeUndefined();
    const number = accepted.data!.acceptApplication.number as string;
    expect(accepted.data!.acceptApplication.deadline).toBe('2026-03-09');

    const stop = await transition(officer, { number, action: 'REQUEST_SUPPLEMENT', reason: '相片回执不清晰，请重新采集' });
    expect(stop.data?.transitionApplication.status).toBe('SUPPLEMENT_REQUESTED');
    // The citizen comes back on Friday 2026-02-13: three working days waited (11, 12, 13 Feb).
    await stack.stopService('household');
    await stack.startService('household', { CLOCK_FIXED_DATE: '2026-02-13' });
    const resumed = await transition(clerk, { number, action: 'SUPPLEMENT_RECEIVED' });
    expect(resumed.errors).toBeUndefined();
    expect(resumed.data?.transitionApplication.deadline).toBe('2026-03-12');

    expect(code(await transition(officer, { number, action: 'REQUEST_EXTENSION', extensionDays: 5 }))).toBe('REASON_REQUIRED');
    expect((await transition(officer, { number, action: 'REQUEST_EXTENSION', extensionDays: 5, reason: '需向原籍地公安机关核实' })).errors).toBeUndefined();
    expect(code(await transition(officer, { number, action: 'APPROVE_EXTENSION' }))).toBe('ROLE_NOT_ALLOWED');
    const extended = await transition(supervisor, { number, action: 'APPROVE_EXTENSION' });
    expect(extended.errors).toBeUndefined();
    expect(extended.data?.transitionApplication.deadline).toBe('2026-03-19');

    for (const action of ['APPROVE', 'MARK_READY']) expect((await transition(officer, { number, action })).errors).toBeUndefined();
    expect(code(await transition(clerk, { number, action: 'DELIVER', deliveryMethod: 'WINDOW' }))).toBe('TOLERATED_MATERIAL_OUTSTANDING');
    expect((await transition(clerk, { number, action: 'SUPPLY_TOLERATED', materialCode: 'HOUSEHOLD_REGISTER' })).errors).toBeUndefined();
    const delivered = await transition(clerk, { number, action: 'DELIVER', deliveryMethod: 'WINDOW' });
    expect(delivered.data?.transitionApplication.status).toBe('DELIVERED');
    expect(delivered.data!.transitionApplication.timeline.map((t: { action: string; actorName: string }) => `${t.action}:${t.actorName}`)).toEqual([
      'ACCEPT:王窗口',
      'REQUEST_SUPPLEMENT:李户政',
      'SUPPLEMENT_RECEIVED:王窗口',
      'REQUEST_EXTENSION:李户政',
      'APPROVE_EXTENSION:刘督察',
      'APPROVE:李户政',
      'MARK_READY:李户政',
      'SUPPLY_TOLERATED:王窗口',
      'DELIVER:王窗口',
    ]);
  });

  it('the deadline job flags overdue cases; the inbox lists them first', async () => {
    await stack.stopService('household');
    await stack.startService('household', { CLOCK_FIXED_DATE: '2026-02-10' });
    const late = await accept({
      idempotencyKey: 'e2e-idcard-overdue',
      itemCode: ITEM,
      applicantIdNumber: APPLICANT,
      presentedMaterials: ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'],
      form: FORM,
    });
    const number = late.data!.acceptApplication.number as string;
    expect(late.data!.acceptApplication.deadline).toBe('2026-03-09');
    // Tuesday 2026-03-10: one day past the deadline; the job runs at boot.
    await stack.stopService('household');
    await stack.startService('household', { CLOCK_FIXED_DATE: '2026-03-10' });
    const detail = await eventually(async () => {
      const r = await stack.gql<{ application: { deadlineState: string; timeline: { action: string; actorName: string }[] } }>(
        `query($n: String!) { application(number: $n) { deadlineState timeline { action actorName } } }`, { n: number }, clerk);
      return r.data?.application.timeline.some((t) => t.action === 'FLAG_OVERDUE') && r.data.application;
    });
    expect(detail.deadlineState).toBe('OVERDUE');
    expect(detail.timeline.find((t) => t.action === 'FLAG_OVERDUE')?.actorName).toMatch(/系统/);
    const inbox = await stack.gql<{ inbox: { items: { number: string; deadlineState: string }[] } }>('{ inbox(limit: 5) { items { number deadlineState } } }', {}, clerk);
    expect(inbox.data?.inbox.items[0]).toEqual({ number, deadlineState: 'OVERDUE' });
  });
});
