import { createHmac } from 'node:crypto';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { eventually, sql, TestStack } from '@onewindow/testing';

/**
 * Issue 9, evaluations (好差评) through the gateway, on real processes, PostgreSQL and NATS, the
 * business date pinned to Wednesday 2026-09-16 and the city's rectification period set to 3
 * working days (seed 004): the window's rating screen paired to window 3, a visit presented after
 * acceptance, typed refusals (another window, a second rating, an unknown application, a dead
 * token), a 不满意 opening 回访核实 with its deadlines, the deadline job flagging it overdue, the
 * callback loop to the evaluator's SMS; the SMS survey after hand-out with signed replies
 * (unknown answer, unknown number, forged signature, duplicate message), a void; then the monthly
 * figures with the 90% / 70% flags and the 360° view.
 */
const ITEM = 'HH-ID-CARD-REPLACE';
const APPLICANT = DEMO_PERSON_IDS.adult; // 张伟, phone 13800138000
const FORM = { applicantName: '张伟', applicantIdNumber: APPLICANT, contactPhone: '13800138000', replaceReason: '丢失', pickupMethod: '窗口领取' };
const MATERIALS = ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'];
const SECRET = 'evaluation-test-inbound-sms-secret-0123456789';

const ACCEPT = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) { __typename ... on Application { number status } } }`;
const TRANSITION = `mutation($input: TransitionApplicationInput!) { transitionApplication(input: $input) { status } }`;
const SCREEN = `query($t: String!) { ratingScreen(deviceToken: $t) { unitName windowNo visit { id applicationNumber itemName applicantName applicantIdNumber clerkName rated } } }`;
const RATE = `mutation($input: SubmitWindowRatingInput!) { submitWindowRating(input: $input) { applicationNumber level channel callbackOpened } }`;
const TASKS = `query { callbackTasks { id status deadlineState applicationNumber level channel reasons officerName windowNo evaluatorPhone callbackDue resolveDue evaluatorNotified workable } }`;
const TASK_FIELDS = 'id status deadlineState evaluatorNotified resolutionNote';

type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];

describe('evaluations (好差评) and callbacks (回访核实) through the gateway', () => {
  const stack = new TestStack({
    env: { CLOCK_FIXED_DATE: '2026-09-16', DEADLINE_JOB_INTERVAL_MS: '0', SMS_INBOUND_SECRET: SECRET, EVALUATION_RECTIFY_WORKING_DAYS_BY_CITY: '5101:3' },
  });
  let clerk: string;
  let officer: string;
  let supervisor: string;
  let analyst: string;
  let clerkJinjiang: string;
  let token = '';
  let otherWindowToken = '';
  let windowApp = '';
  let smsApp = '';
  const complaintsDb = () => stack.databases.get('complaints')!.url;
  const counterDb = () => stack.databases.get('counter')!.url;
  const count = async (table: string) => Number((await sql<{ n: string }>(complaintsDb(), `SELECT count(*)::text AS n FROM ${table}`))[0]!.n);

  const acceptApplication = async (key: string): Promise<string> => {
    const r = await stack.gql<{ acceptApplication: { number: string; status: string } }>(ACCEPT, { input: { idempotencyKey: key, itemCode: ITEM, applicantIdNumber: APPLICANT, presentedMaterials: MATERIALS, form: FORM } }, clerk);
    expect(r.errors).toBeUndefined();
    expect(r.data!.acceptApplication.status).toBe('ACCEPTED');
    return r.data!.acceptApplication.number;
  };
  const pair = async (user: string, windowNo: string): Promise<string> => {
    const p = await stack.gql<{ startRatingPairing: { code: string } }>('mutation($w: String!) { startRatingPairing(windowNo: $w) { code unitCode windowNo } }', { w: windowNo }, user);
    expect(p.errors).toBeUndefined();
    const d = await stack.gql<{ pairRatingDevice: { deviceToken: string } }>('mutation($c: String!) { pairRatingDevice(code: $c) { deviceToken windowNo unitName } }', { c: p.data!.startRatingPairing.code });
    expect(d.errors).toBeUndefined();
    return d.data!.pairRatingDevice.deviceToken;
  };
  /** The SMS provider posting a reply, signed as the decision record describes. */
  const reply = async (messageId: string, from: string, text: string, secret = SECRET) => {
    const ts = String(Math.floor(Date.now() / 1000));
    const signature = createHmac('sha256', secret).update([ts, messageId, from, text].join('\n')).digest('hex');
    const res = await fetch(`http://127.0.0.1:${stack.ports.get('complaints')}/sms/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sms-timestamp': ts, 'x-sms-signature': signature },
      body: JSON.stringify({ messageId, from, text }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  beforeAll(async () => {
    await stack.start();
    [clerk, officer, supervisor, analyst, clerkJinjiang] = await Promise.all(
      ['demo-clerk', 'demo-household', 'demo-supervisor', 'demo-analyst', 'demo-clerk-jinjiang'].map((u) => stack.login(u)),
    );
  }, 180_000);
  afterAll(() => stack.stop(), 60_000);

  it('当场评价: pairing, a visit presented after acceptance, masked on the screen; another window, a second rating and bad input are refused with nothing written', async () => {
    token = await pair(clerk, '3');
    otherWindowToken = await pair(clerkJinjiang, '3'); // window 3 of another station
    expect(code(await stack.gql('mutation { pairRatingDevice(code: "ABCDEFGH") { deviceToken } }'))).toBe('RATING_PAIRING_INVALID');
    expect(code(await stack.gql('mutation { startRatingPairing(windowNo: "3") { code } }', {}, officer))).toBe('FORBIDDEN');

    const idle = await stack.gql<{ ratingScreen: Record<string, unknown> }>(SCREEN, { t: token });
    expect(idle.errors).toBeUndefined();
    expect(idle.data!.ratingScreen).toEqual({ unitName: '成都市公安局武侯区分局浆洗街派出所', windowNo: '3', visit: null });

    windowApp = await acceptApplication('e2e-evaluation-window');
    const present = (applicationNumber: string, user = clerk) =>
      stack.gql<{ presentVisitForRating: Record<string, any> }>('mutation($input: PresentVisitInput!) { presentVisitForRating(input: $input) { id applicationNumber applicantName } }', { input: { windowNo: '3', applicationNumber } }, user);
    expect(code(await present('HH20260916999999'))).toBe('EVALUATION_APPLICATION_NOT_FOUND');
    const malformed = await present('HH-1');
    expect(code(malformed)).toBe('VALIDATION_FAILED');
    expect(malformed.errors![0]!.message).toContain('受理编号');
    const presented = await present(windowApp);
    expect(presented.errors).toBeUndefined();

    const screen = await stack.gql<{ ratingScreen: { visit: Record<string, any> } }>(SCREEN, { t: token });
    expect(screen.data!.ratingScreen.visit).toMatchObject({ applicationNumber: windowApp, applicantName: '张*', applicantIdNumber: `${APPLICANT.slice(0, 6)}********${APPLICANT.slice(-4)}`, clerkName: '王窗口', rated: false });
    expect(JSON.stringify(screen.data)).not.toContain(APPLICANT);
    const visitId = screen.data!.ratingScreen.visit.id as string;
    expect((await stack.gql<{ ratingScreen: { visit: unknown } }>(SCREEN, { t: otherWindowToken })).data!.ratingScreen.visit).toBeNull();

    const input = { deviceToken: token, visitId, rating: 'DISSATISFIED', reasons: ['ATTITUDE'], comment: '窗口人员态度生硬' };
    expect(code(await stack.gql(RATE, { input: { ...input, deviceToken: otherWindowToken } }))).toBe('EVALUATION_WRONG_WINDOW');
    expect(code(await stack.gql(RATE, { input: { ...input, reasons: [] } }))).toBe('EVALUATION_REASON_REQUIRED');
    expect(code(await stack.gql(RATE, { input: { ...input, deviceToken: 'rd_not-a-real-token-at-all' } }))).toBe('RATING_DEVICE_INVALID');
    expect(await count('evaluation')).toBe(0);

    const rated = await stack.gql<{ submitWindowRating: Record<string, unknown> }>(RATE, { input });
    expect(rated.errors).toBeUndefined();
    expect(rated.data!.submitWindowRating).toEqual({ applicationNumber: windowApp, level: 'DISSATISFIED', channel: 'WINDOW', callbackOpened: true });
    expect(code(await stack.gql(RATE, { input: { ...input, rating: 'SATISFIED' } }))).toBe('EVALUATION_ALREADY_RECORDED');
    expect(code(await present(windowApp))).toBe('EVALUATION_ALREADY_RECORDED');
    expect(await count('evaluation')).toBe(1);

    expect(code(await stack.gql('mutation { revokeRatingDevices(windowNo: "3") }', {}, clerkJinjiang))).toBeUndefined();
    expect(code(await stack.gql(SCREEN, { t: otherWindowToken }))).toBe('RATING_DEVICE_INVALID');
  });

  it('回访核实: the supervisor sees the task (masked list, audited detail), the deadline job flags it, callback and rectification tell the evaluator by SMS', async () => {
    const list = await stack.gql<{ callbackTasks: Record<string, any>[] }>(TASKS, {}, supervisor);
    expect(list.errors).toBeUndefined();
    expect(list.data!.callbackTasks).toEqual([expect.objectContaining({
      status: 'OPEN', deadlineState: 'ON_TIME', applicationNumber: windowApp, level: 'DISSATISFIED', channel: 'WINDOW', reasons: ['ATTITUDE'], officerName: '王窗口', windowNo: '3',
      evaluatorPhone: '138****8000', callbackDue: '2026-09-17', resolveDue: '2026-09-20', workable: true, // Sunday 09-20 is a 调休 working day
    })]);
    const taskId = list.data!.callbackTasks[0]!.id as string;
    expect(code(await stack.gql(TASKS, {}, clerk))).toBe('FORBIDDEN');
    const analystView = await stack.gql<{ callbackTasks: { workable: boolean }[] }>(TASKS, {}, analyst);
    expect(analystView.data!.callbackTasks.map((t) => t.workable)).toEqual([false]);
    expect(code(await stack.gql(`mutation { recordCallback(input: { taskId: "${taskId}", note: "已电话回访" }) { id } }`, {}, analyst))).toBe('FORBIDDEN');

    const detail = await stack.gql<{ callbackTask: { evaluatorPhone: string } }>(`query { callbackTask(taskId: "${taskId}", purpose: "回访核实差评") { evaluatorPhone } }`, {}, supervisor);
    expect(detail.data!.callbackTask.evaluatorPhone).toBe('13800138000');
    expect(await sql(complaintsDb(), `SELECT actor_username, purpose FROM audit_log WHERE action = 'CALLBACK_TASK_READ'`)).toEqual([{ actor_username: 'demo-supervisor', purpose: '回访核实差评' }]);

    // On Friday 09-18 the 1-working-day callback (due Thursday 09-17) is overdue.
    await stack.stopService('complaints');
    await stack.startService('complaints', { CLOCK_FIXED_DATE: '2026-09-18' });
    await eventually(async () => (await sql<{ deadline_state: string }>(complaintsDb(), `SELECT deadline_state FROM callback_task`))[0]?.deadline_state === 'OVERDUE');

    const resolve = (outcome: string) => stack.gql<{ resolveCallback: Record<string, unknown> }>(
      `mutation($input: ResolveCallbackInput!) { resolveCallback(input: $input) { ${TASK_FIELDS} } }`, { input: { taskId, outcome, note: '已约谈窗口民警并进行批评教育，落实文明用语规范' } }, supervisor);
    expect(code(await resolve('RECTIFIED'))).toBe('CALLBACK_INVALID_TRANSITION');
    const called = await stack.gql<{ recordCallback: Record<string, unknown> }>(`mutation { recordCallback(input: { taskId: "${taskId}", note: "已电话回访，群众反映窗口人员语气生硬" }) { ${TASK_FIELDS} } }`, {}, supervisor);
    expect(called.data!.recordCallback).toMatchObject({ status: 'CALLED_BACK', deadlineState: 'ON_TIME' });
    const done = await resolve('RECTIFIED');
    expect(done.errors).toBeUndefined();
    expect(done.data!.resolveCallback).toMatchObject({ status: 'RECTIFIED', deadlineState: 'DONE', evaluatorNotified: true });
    await eventually(async () => (await sql<{ text: string }>(counterDb(), `SELECT text FROM sms_message WHERE template = 'EVALUATION_OUTCOME'`))[0]?.text.includes('已整改'));
  });

  it('短信回访: an invitation after hand-out; signed replies — unknown answer, unknown number, forged, then recorded once; a supervisor voids it', async () => {
    smsApp = await acceptApplication('e2e-evaluation-sms');
    for (const action of ['APPROVE', 'MARK_READY']) expect((await stack.gql(TRANSITION, { input: { number: windowApp, action } }, officer)).errors).toBeUndefined();
    expect((await stack.gql(TRANSITION, { input: { number: windowApp, action: 'DELIVER', deliveryMethod: 'WINDOW' } }, clerk)).errors).toBeUndefined();
    for (const action of ['APPROVE', 'MARK_READY']) expect((await stack.gql(TRANSITION, { input: { number: smsApp, action } }, officer)).errors).toBeUndefined();
    expect((await stack.gql(TRANSITION, { input: { number: smsApp, action: 'DELIVER', deliveryMethod: 'WINDOW' } }, clerk)).errors).toBeUndefined();
    await eventually(async () => (await sql(counterDb(), `SELECT 1 FROM sms_message WHERE template = 'EVALUATION_INVITATION' AND application_number = $1`, [smsApp])).length === 1);
    // The first application was rated at the window: no invitation for it, even once it completes.
    expect((await sql(complaintsDb(), `SELECT application_number FROM sms_evaluation_invitation`)).map((r) => r['application_number'])).toEqual([smsApp]);

    const before = await count('evaluation');
    expect(await reply('m-0', '13800138000', '好评')).toMatchObject({ status: 422, body: { error: { code: 'EVALUATION_SMS_UNKNOWN_ANSWER' } } });
    expect(await reply('m-0b', '13900000000', '1')).toMatchObject({ status: 422, body: { error: { code: 'EVALUATION_SMS_UNKNOWN_SENDER' } } });
    expect(await reply('m-0c', '13800138000', '1', 'forged-secret-forged-secret-forged-secret')).toMatchObject({ status: 401, body: { error: { code: 'EVALUATION_SMS_SIGNATURE_INVALID' } } });
    expect(await count('evaluation')).toBe(before);
    expect(await count('inbound_sms')).toBe(0);

    expect(await reply('m-1', '+86 138 0013 8000', '3')).toEqual({ status: 200, body: { outcome: 'RECORDED', level: 'DISSATISFIED', callbackOpened: true } });
    expect(await reply('m-1', '+86 138 0013 8000', '3')).toEqual({ status: 200, body: { outcome: 'DUPLICATE' } });
    expect(await count('evaluation')).toBe(before + 1);

    const tasks = await stack.gql<{ callbackTasks: Record<string, any>[] }>(TASKS, {}, supervisor);
    const task = tasks.data!.callbackTasks.find((t) => t.applicationNumber === smsApp)!;
    expect(task).toMatchObject({ status: 'OPEN', channel: 'SMS', officerName: '王窗口', callbackDue: '2026-09-20', resolveDue: '2026-09-22' }); // from Friday: Sunday 09-20 is a 调休 working day
    const voided = await stack.gql<{ voidEvaluation: Record<string, unknown> }>(
      `mutation { voidEvaluation(input: { taskId: "${task.id}", reason: "经核实系群众误操作，本人书面确认对服务满意" }) { ${TASK_FIELDS} } }`, {}, supervisor);
    expect(voided.errors).toBeUndefined();
    expect(voided.data!.voidEvaluation).toMatchObject({ status: 'VOIDED', deadlineState: 'DONE' });
    expect(await sql(complaintsDb(), `SELECT actor_username, subject_ref, purpose FROM audit_log WHERE action = 'EVALUATION_VOIDED'`)).toEqual([
      { actor_username: 'demo-supervisor', subject_ref: smsApp, purpose: '经核实系群众误操作，本人书面确认对服务满意' },
    ]);
  });

  it('monthly figures: the voided review leaves them, the officer below 70% is flagged; clerks see only themselves; the 360° view lists the evaluations', async () => {
    const FIGURES = `query { evaluationFigures(month: "2026-09") { month noAwardsBelow bureauNoticeBelow
      officers { key label total satisfactionRate stars flags flagLabels counts { dissatisfied } } windows { key total } units { key total } } }`;
    const sup = await stack.gql<{ evaluationFigures: Record<string, any> }>(FIGURES, {}, supervisor);
    expect(sup.errors).toBeUndefined();
    expect(sup.data!.evaluationFigures).toEqual({
      month: '2026-09', noAwardsBelow: 90, bureauNoticeBelow: 70,
      officers: [{ key: 'demo-clerk', label: '王窗口', total: 1, satisfactionRate: 0, stars: 0, flags: ['NO_AWARDS', 'BUREAU_NOTICE'], flagLabels: ['取消年度评优资格', '全局通报'], counts: { dissatisfied: 1 } }],
      windows: [{ key: '510107001-3', total: 1 }],
      units: [{ key: '510107001', total: 1 }],
    });
    const own = await stack.gql<{ evaluationFigures: Record<string, any> }>(FIGURES, {}, clerk);
    expect(own.data!.evaluationFigures.officers.map((o: { key: string }) => o.key)).toEqual(['demo-clerk']);
    expect(own.data!.evaluationFigures.units).toEqual([]);
    const other = await stack.gql<{ evaluationFigures: Record<string, any> }>(FIGURES, {}, clerkJinjiang);
    expect(other.data!.evaluationFigures).toMatchObject({ officers: [], windows: [], units: [] });
    expect(code(await stack.gql(FIGURES, {}, officer))).toBe('FORBIDDEN');

    const citizen = await stack.gql<{ citizen: { complaints: { evaluations: { applicationNumber: string; level: string }[] } } }>(
      `query($id: String!) { citizen(idNumber: $id, purpose: "窗口核验") { complaints { evaluations { applicationNumber level } } } }`, { id: APPLICANT }, clerkJinjiang);
    expect(citizen.errors).toBeUndefined();
    expect(citizen.data!.citizen.complaints.evaluations).toEqual([
      { applicationNumber: smsApp, level: '不满意（已作废）' },
      { applicationNumber: windowApp, level: '不满意' },
    ]);
  });
});
