import { DEMO_PERSON_IDS } from '@onewindow/population';
import { eventually as eventuallyWithin, sql, TestStack } from '@onewindow/testing';
import { createHmac } from 'node:crypto';

/**
 * Issue 9, intake channels through the gateway on real processes, PostgreSQL and NATS: the public
 * online form with its SMS code and rate limits, the officer's hotline / letter / visit intake,
 * 12345 work orders pushed (signed) and uploaded (with a malformed row), the SMS acknowledgement
 * of every intake, routing rules (first match, replaced as a new version), and a complaint sent to
 * another police type for verification whose result lands on the complaint. Date pinned.
 */
const TODAY = '2026-09-16';
const SECRET = 'test-12345-shared-secret-0123456789abcdef';
const SMS_INBOUND_SECRET = 'test-sms-inbound-secret-0123456789abcdef';
const INTAKE = `mutation($input: IntakeComplaintInput!) { intakeComplaint(input: $input) { number channel channelReference handlingUnitCode routingRule status } }`;
const CODE = `mutation($phone: String!) { requestComplaintVerificationCode(input: { phone: $phone }) { expiresInSeconds } }`;
const SUBMIT = `mutation($input: OnlineComplaintInput!) { submitOnlineComplaint(input: $input) { number } }`;
const DETAIL = `query($n: String!) { complaint(number: $n, purpose: "办理信访事项") { number status channel channelReference handlingUnitCode routingRule answerText answerRating
  timeline { action actorName note } } }`;
const HEADER = '工单编号,受理日期,诉求人姓名,联系电话,身份证号码,诉求内容,被投诉警种,被投诉单位代码,投诉类别,涉及民警,受理编号';

type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];
const eventually = <T>(fn: () => Promise<T | undefined | null | false>) => eventuallyWithin(fn, 30_000);

describe('complaint intake channels (信访渠道) through the gateway', () => {
  const stack = new TestStack({
    env: {
      CLOCK_FIXED_DATE: TODAY, DEADLINE_JOB_INTERVAL_MS: '0', TRANSFER_JOB_INTERVAL_MS: '0', WORK_ORDER_12345_SECRET: SECRET, SMS_INBOUND_SECRET,
      ONLINE_CODES_PER_PHONE_PER_HOUR: '3', ONLINE_CODES_PER_IP_PER_HOUR: '6',
    },
  });
  const complaintsDb = () => stack.databases.get('complaints')!.url;
  const counterDb = () => stack.databases.get('counter')!.url;
  const complaintCount = async () => Number((await sql<{ n: string }>(complaintsDb(), `SELECT count(*) AS n FROM complaint`))[0]!.n);
  let officer: string, household: string, supervisor: string, citySupervisor: string, clerk: string;

  beforeAll(async () => {
    await stack.start();
    [officer, household, supervisor, citySupervisor, clerk] = await Promise.all(
      ['demo-complaints', 'demo-household', 'demo-supervisor', 'demo-supervisor-city', 'demo-clerk'].map((u) => stack.login(u)),
    );
  }, 240_000);
  afterAll(() => stack.stop(), 60_000);

  /** The SMS the counter queued for a phone and template, newest first (how the citizen would read it). */
  const smsTo = (phone: string, template: string) =>
    sql<{ text: string; application_number: string }>(counterDb(), `SELECT text, application_number FROM sms_message WHERE phone = $1 AND template = $2 ORDER BY created_at DESC`, [phone, template]);
  const acknowledged = (number: string) =>
    eventually(async () => (await sql<{ text: string; phone: string }>(counterDb(), `SELECT text, phone FROM sms_message WHERE application_number = $1 AND template = 'COMPLAINT_RECEIVED'`, [number]))[0]);
  const detail = async (number: string) => {
    const r = await stack.gql<{ complaint: Record<string, any> }>(DETAIL, { n: number }, officer);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.complaint;
  };
  const acceptAndAnswer = async (number: string, text: string) => {
    const a = await stack.gql(`mutation($n: String!) { acceptComplaint(input: { number: $n, accept: true }) { status } }`, { n: number }, officer);
    expect(a.errors).toBeUndefined();
    const r = await stack.gql<{ answerComplaint: { status: string } }>(
      `mutation($n: String!, $t: String!) { answerComplaint(input: { number: $n, text: $t, answerChannel: PHONE }) { status answerText } }`, { n: number, t: text }, officer);
    expect(r.errors).toBeUndefined();
    expect(r.data!.answerComplaint.status).toBe('ANSWERED');
  };

  const online = {
    phone: '13912345678', complainantName: '赵敏', content: '在派出所办理居住证时窗口民警态度生硬', policeType: 'HOUSEHOLD', responsibleUnitCode: '510107001', kind: 'ATTITUDE',
  };

  it('online: an SMS code confirms the mobile; wrong, reused or missing codes write nothing; the form learns only the tracking number; acknowledged by SMS', async () => {
    expect(code(await stack.gql(CODE, { phone: '1391234' }))).toBe('VALIDATION_FAILED');
    const sent = await stack.gql<{ requestComplaintVerificationCode: { expiresInSeconds: number } }>(CODE, { phone: online.phone });
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.requestComplaintVerificationCode.expiresInSeconds).toBe(600);
    const sms = await eventually(async () => (await smsTo(online.phone, 'COMPLAINT_VERIFICATION_CODE'))[0]);
    const theCode = /验证码为(\d{6})/.exec(sms.text)![1]!;
    // Stored only as an HMAC.
    expect(await sql(complaintsDb(), `SELECT 1 FROM phone_code WHERE code_hash = $1`, [theCode])).toEqual([]);

    const wrong = theCode === '000000' ? '000001' : '000000';
    const refused = await stack.gql(SUBMIT, { input: { ...online, verificationCode: wrong } });
    expect(code(refused)).toBe('VERIFICATION_CODE_INVALID');
    expect(refused.errors![0]!.message).toContain('验证码不正确');
    expect(code(await stack.gql(SUBMIT, { input: { ...online, phone: '13700000000', verificationCode: theCode } }))).toBe('VERIFICATION_CODE_INVALID');
    expect(code(await stack.gql(SUBMIT, { input: { ...online, responsibleUnitCode: '999999', verificationCode: theCode } }))).toBe('VALIDATION_FAILED');
    expect(await complaintCount()).toBe(0);

    const ok = await stack.gql<{ submitOnlineComplaint: { number: string } }>(SUBMIT, { input: { ...online, verificationCode: theCode } });
    expect(ok.errors).toBeUndefined();
    const { number } = ok.data!.submitOnlineComplaint;
    expect(number).toMatch(/^XF20260916\d{6}$/);
    expect(code(await stack.gql(SUBMIT, { input: { ...online, verificationCode: theCode } }))).toBe('VERIFICATION_CODE_INVALID'); // single use
    expect(await complaintCount()).toBe(1);
    // The public path cannot read anything back: the complaint query needs a signed-in role.
    expect(code(await stack.gql(DETAIL, { n: number }))).toBe('UNAUTHENTICATED');

    const ack = await acknowledged(number);
    expect(ack.text).toBe(`【成都市公安局】您的信访投诉已登记，编号${number}，我们将在15日内告知是否受理。`);
    expect(ack.text).not.toContain('赵敏');
    const c = await detail(number);
    expect(c).toMatchObject({ channel: 'ONLINE', status: 'RECEIVED', handlingUnitCode: '510107001' });
    expect(c.timeline[0]).toMatchObject({ action: 'INTAKE', actorName: '网上投诉' });
    await acceptAndAnswer(number, '经核实，已对窗口民警批评教育，并向您致歉');
  });

  it('online rate limits: per number and per client address (a forged X-Forwarded-For does not help), kept in PostgreSQL; refused requests write nothing', async () => {
    for (let i = 0; i < 2; i++) expect((await stack.gql(CODE, { phone: online.phone })).errors).toBeUndefined(); // 3 for this number with the first test's
    const limited = await stack.gql(CODE, { phone: online.phone });
    expect(code(limited)).toBe('RATE_LIMITED');
    expect(limited.errors![0]!.message).toContain('过于频繁');
    for (let i = 0; i < 3; i++) expect((await stack.gql(CODE, { phone: '13698765432' })).errors).toBeUndefined(); // 6 from this address
    const hits = await sql(complaintsDb(), `SELECT id, bucket FROM rate_limit_hit ORDER BY id`);
    const spoofed = await fetch(stack.gatewayUrl, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.99' },
      body: JSON.stringify({ query: CODE, variables: { phone: '13511112222' } }),
    });
    const body = (await spoofed.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(await sql(complaintsDb(), `SELECT id, bucket FROM rate_limit_hit ORDER BY id`)).toEqual(hits);
    expect((await sql<{ bucket: string }>(complaintsDb(), `SELECT DISTINCT bucket FROM rate_limit_hit WHERE bucket LIKE 'complaint:code:ip:%'`)).map((b) => b.bucket)).toEqual(['complaint:code:ip:127.0.0.1']);
  });

  it('hotlines 96166 and 960111, letters and visits: entered by the complaints officer with the channel and its reference, acknowledged by SMS, worked to the answer', async () => {
    const base = { complainantName: '孙丽', complainantPhone: '13600136000', content: '出入境窗口办理港澳通行证签注拖延', policeType: 'EXIT_ENTRY', responsibleUnitCode: '510107001', kind: 'DELAY' };
    const channels = [
      { channel: 'HOTLINE_96166', channelReference: '96166-20260916-0042' },
      { channel: 'HOTLINE_960111', channelReference: '960111-0917' },
      { channel: 'LETTER', channelReference: 'XJ-2026-118', receivedOn: '2026-09-14' },
      { channel: 'VISIT' },
    ];
    expect(code(await stack.gql(INTAKE, { input: { ...base, ...channels[0], complainantPhone: '123' } }, officer))).toBe('VALIDATION_FAILED');
    expect(code(await stack.gql(INTAKE, { input: { ...base, ...channels[0] } }, clerk))).toBe('COMPLAINT_CHANNEL_NOT_ALLOWED');
    for (const [i, ch] of channels.entries()) {
      const r = await stack.gql<{ intakeComplaint: Record<string, string> }>(INTAKE, { input: { ...base, ...ch, complainantPhone: `1360013600${i}` } }, officer);
      expect(r.errors).toBeUndefined();
      expect(r.data!.intakeComplaint).toMatchObject({ channel: ch.channel, channelReference: ch.channelReference ?? null, status: 'RECEIVED' });
      const number = r.data!.intakeComplaint['number']!;
      expect((await acknowledged(number)).phone).toBe(`1360013600${i}`);
      await acceptAndAnswer(number, '已督促出入境大队加快办理，签注已于次日办结');
    }
  });

  it('答复评价: the answer invites the complainant by SMS to rate it; a signed reply 3 (不满意) is on the complaint and opens a 回访核实 task for the handling unit', async () => {
    const phone = '13600136000'; // the 96166 complaint answered above
    const invitation = await eventually(async () => (await smsTo(phone, 'COMPLAINT_ANSWER_RATING'))[0]);
    const number = invitation.application_number;
    expect(invitation.text).toBe(`【成都市公安局】您的信访事项${number}已答复，请评价：回复1满意 2基本满意 3不满意。`);
    expect((await detail(number))['answerRating']).toBeNull();
    const ts = String(Math.floor(Date.now() / 1000));
    const [messageId, text] = ['SMS-ANSWER-RATING-1', '3'];
    const signature = createHmac('sha256', SMS_INBOUND_SECRET).update([ts, messageId, phone, text].join('\n')).digest('hex');
    const res = await fetch(`http://127.0.0.1:${stack.ports.get('complaints')}/sms/inbound`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-sms-timestamp': ts, 'x-sms-signature': signature }, body: JSON.stringify({ messageId, from: phone, text }),
    });
    expect(res.status).toBeLessThan(300);
    expect((await detail(number))['answerRating']).toBe('DISSATISFIED');
    expect(await sql(complaintsDb(), `SELECT e.channel, e.police_type, t.unit_code FROM evaluation e JOIN callback_task t ON t.evaluation_id = e.id WHERE e.application_number = $1`, [number]))
      .toEqual([{ channel: 'SMS', police_type: 'COMPLAINTS', unit_code: (await detail(number))['handlingUnitCode'] }]);
  });

  const push = (body: string, headers: Record<string, string>) =>
    fetch(`http://127.0.0.1:${stack.ports.get('complaints')}/integrations/12345/work-orders`, { method: 'POST', headers: { 'content-type': 'text/csv; charset=utf-8', ...headers }, body });
  const signed = (body: string, ts = Math.floor(Date.now() / 1000)) => ({
    'x-12345-timestamp': String(ts), 'x-12345-signature': `sha256=${createHmac('sha256', SECRET).update(`${ts}.${body}`).digest('hex')}`,
  });

  it('12345 push: unsigned, forged or stale pushes are refused; a signed push takes the good rows, reports the bad one, and is idempotent on the work-order number', async () => {
    const csv = [
      `\uFEFF${HEADER}`,
      'GD20260915001,2026-09-15,李娜,13900139000,,办理居住证时窗口人员态度生硬多次催促,户政,510107001,态度,,',
      'GD20260915002,2026-09-31,王强,13900139001,,内容足够长的投诉,户政,510107001,拖延,,',
    ].join('\r\n');
    const before = await complaintCount();
    expect((await push(csv, {})).status).toBe(401);
    expect((await push(csv, { ...signed(csv), 'x-12345-signature': `sha256=${'0'.repeat(64)}` })).status).toBe(401);
    expect((await push(csv, signed(csv, Math.floor(Date.now() / 1000) - 3600))).status).toBe(401);
    expect((await push(`${csv}\r\nGD9,2026-09-15,x,13900139002,,伪造追加的一行内容,户政,510107001,态度,,`, signed(csv))).status).toBe(401);
    expect(await complaintCount()).toBe(before);

    const res = await push(csv, signed(csv));
    expect(res.status).toBe(200);
    const report = (await res.json()) as { taken: { row: number; number: string }[]; alreadyReceived: unknown[]; errors: { row: number; field: string; reason: string }[] };
    expect(report.taken).toEqual([{ row: 2, workOrderNumber: 'GD20260915001', number: expect.stringMatching(/^XF/) }]);
    expect(report.errors).toEqual([{ row: 3, field: '受理日期', reason: '日期格式应为 YYYY-MM-DD，且为真实日期', workOrderNumber: 'GD20260915002' }]);
    const number = report.taken[0]!.number;

    const again = (await (await push(csv, signed(csv))).json()) as typeof report;
    expect(again.taken).toEqual([]);
    expect(again.alreadyReceived).toEqual([{ row: 2, workOrderNumber: 'GD20260915001', number }]);
    expect(await complaintCount()).toBe(before + 1);
    expect(await detail(number)).toMatchObject({ channel: 'HOTLINE_12345', channelReference: 'GD20260915001', handlingUnitCode: '510107001' });
    expect((await acknowledged(number)).phone).toBe('13900139000');
    await acceptAndAnswer(number, '已约谈窗口民警并整改');
  });

  it('12345 batch file uploaded by the complaints officer: malformed rows reported with row, column and reason, the rest taken, already-received orders not duplicated', async () => {
    const csv = [
      HEADER,
      'GD20260915001,2026-09-15,李娜,13900139000,,办理居住证时窗口人员态度生硬多次催促,户政,510107001,态度,,',
      `GD20260916007,2026-09-16,周杰,13800000007,${DEMO_PERSON_IDS.adult},"交管窗口, 驾驶证换证排队过久",交管,510107001,拖延,,`,
      'GD20260916008,2026-09-16,吴凡,1380000,,户籍窗口咨询无人解答,户政,510107001,咨询,,',
      'GD20260916009,2026-09-16,郑爽,13800000009,,锦江辖区的投诉内容,户政,510104002,态度,,',
    ].join('\n');
    const IMPORT = `mutation($csv: String!) { importComplaintWorkOrders(input: { workOrdersCsv: $csv }) {
      taken { row workOrderNumber number } alreadyReceived { row workOrderNumber number } errors { row field reason workOrderNumber } } }`;
    expect(code(await stack.gql(IMPORT, { csv }, household))).toBe('FORBIDDEN');
    const r = await stack.gql<{ importComplaintWorkOrders: Record<string, any[]> }>(IMPORT, { csv }, officer);
    expect(r.errors).toBeUndefined();
    const report = r.data!.importComplaintWorkOrders;
    expect(report['taken']).toEqual([{ row: 3, workOrderNumber: 'GD20260916007', number: expect.stringMatching(/^XF/) }]);
    expect(report['alreadyReceived']).toEqual([{ row: 2, workOrderNumber: 'GD20260915001', number: expect.stringMatching(/^XF/) }]);
    expect(report['errors']).toEqual([
      { row: 4, field: '联系电话', reason: expect.stringMatching(/^联系电话应为/), workOrderNumber: 'GD20260916008' },
      { row: 5, field: '被投诉单位代码', reason: '被投诉单位不在您的辖区范围内', workOrderNumber: 'GD20260916009' },
    ]);
    const number = report['taken']![0].number as string;
    expect((await acknowledged(number)).phone).toBe('13800000007');
    await acceptAndAnswer(number, '已协调交管大队增开窗口');
  });

  it('routing: first match decides the handling unit and is recorded; a city-level supervisor publishes a new version (audited), older versions kept', async () => {
    const misconduct = { channel: 'VISIT', complainantName: '钱多', complainantPhone: '13500135000', content: '民警办理业务时索要好处费', policeType: 'TRAFFIC', responsibleUnitCode: '510107001', kind: 'MISCONDUCT' };
    const r = await stack.gql<{ intakeComplaint: Record<string, string> }>(INTAKE, { input: misconduct }, officer);
    expect(r.data!.intakeComplaint).toMatchObject({ handlingUnitCode: '5101', routingRule: '第 1 版：违纪投诉由市局督察支队承办' });
    const timeline = (await detail(r.data!.intakeComplaint['number']!)).timeline as { note: string }[];
    expect(timeline[0]!.note).toBe('承办单位：成都市公安局（分派规则第 1 版第 1 条：违纪投诉由市局督察支队承办）');

    const RULES = `query($v: Int) { complaintRoutingRules(version: $v) { version note createdBy rules { position label kind policeType target targetUnitCode } } }`;
    const v1 = await stack.gql<{ complaintRoutingRules: { version: number; rules: unknown[] } }>(RULES, {}, officer);
    expect(v1.data!.complaintRoutingRules).toMatchObject({ version: 1, rules: expect.arrayContaining([expect.objectContaining({ position: 1, kind: 'MISCONDUCT', target: 'CITY' })]) });
    expect(code(await stack.gql(RULES, {}, clerk))).toBe('FORBIDDEN');

    const REPLACE = `mutation($input: ReplaceComplaintRoutingRulesInput!) { replaceComplaintRoutingRules(input: $input) { version createdBy rules { position label target targetUnitCode } } }`;
    const rules = [
      { label: '交管投诉由武侯区分局承办', policeType: 'TRAFFIC', target: 'UNIT', targetUnitCode: '510107' },
      { label: '其他投诉由被投诉单位承办', target: 'RESPONSIBLE' },
    ];
    expect(code(await stack.gql(REPLACE, { input: { rules, note: '交管投诉集中办理' } }, supervisor))).toBe('FORBIDDEN'); // district level
    const bad = await stack.gql(REPLACE, { input: { rules: [rules[1], rules[0]], note: '顺序错误' } }, citySupervisor);
    expect(code(bad)).toBe('ROUTING_RULES_INVALID');
    const v2 = await stack.gql<{ replaceComplaintRoutingRules: { version: number } }>(REPLACE, { input: { rules, note: '交管投诉集中办理' } }, citySupervisor);
    expect(v2.errors).toBeUndefined();
    expect(v2.data!.replaceComplaintRoutingRules).toMatchObject({ version: 2, createdBy: 'demo-supervisor-city' });
    const [audit] = await sql<{ actor_username: string; subject_ref: string; purpose: string }>(complaintsDb(),
      `SELECT actor_username, subject_ref, purpose FROM audit_log WHERE action = 'COMPLAINT_ROUTING_REPLACED'`);
    expect(audit).toEqual({ actor_username: 'demo-supervisor-city', subject_ref: '2', purpose: '交管投诉集中办理' });

    const again = await stack.gql<{ intakeComplaint: Record<string, string> }>(INTAKE, { input: { ...misconduct, complainantPhone: '13500135001' } }, officer);
    expect(again.data!.intakeComplaint).toMatchObject({ handlingUnitCode: '510107', routingRule: '第 2 版：交管投诉由武侯区分局承办' });
    expect((await stack.gql<{ complaintRoutingRules: { version: number } }>(RULES, { v: 1 }, officer)).data!.complaintRoutingRules.version).toBe(1);
  });

  it('cross-police-type transfer: the complaints officer sends a complaint to household for verification; household signs and reports; the result is on the complaint, which is then answered', async () => {
    const r = await stack.gql<{ intakeComplaint: Record<string, string> }>(INTAKE, {
      input: { channel: 'HOTLINE_96166', complainantName: '冯刚', complainantPhone: '13300133000', content: '户口迁入材料齐全却被要求反复补交', policeType: 'HOUSEHOLD', responsibleUnitCode: '510107001', kind: 'UNFAMILIAR' },
    }, officer);
    const number = r.data!.intakeComplaint['number']!;
    const TRANSFER = `mutation($input: TransferComplaintInput!) { transferComplaint(input: $input) { number status timeline { action note } } }`;
    expect(code(await stack.gql(TRANSFER, { input: { number, toPoliceType: 'COMPLAINTS', reason: '核查', requestedDeadlineDays: 5 } }, officer))).toBe('COMPLAINT_TRANSFER_NOT_ALLOWED');
    expect(code(await stack.gql(TRANSFER, { input: { number, toPoliceType: 'HOUSEHOLD', reason: '核查', requestedDeadlineDays: 5 } }, household))).toBe('FORBIDDEN');
    // 5 working days from Wed 09-16: 17, 18, Sun 20 (调休 working day), 21, 22.
    const sent = await stack.gql(TRANSFER, { input: { number, toPoliceType: 'HOUSEHOLD', reason: '请核查窗口是否重复要求补交材料', requestedDeadlineDays: 5 } }, officer);
    expect(sent.errors).toBeUndefined();

    const LIST = `query { transfers(direction: INBOUND, limit: 50) { items { id kind caseRef fromPoliceType status } } }`;
    const inbound = await eventually(async () => (await stack.gql<{ transfers: { items: Record<string, string>[] } }>(LIST, {}, household)).data?.transfers.items.find((t) => t.caseRef === number));
    expect(inbound).toMatchObject({ kind: 'COMPLAINT_CHECK', fromPoliceType: 'COMPLAINTS', status: 'REQUESTED' });
    const ack = await stack.gql<{ acknowledgeTransfer: { status: string } }>(`mutation($id: ID!) { acknowledgeTransfer(input: { transferId: $id }) { status } }`, { id: inbound.id }, household);
    expect(ack.data?.acknowledgeTransfer.status).toBe('ACKNOWLEDGED');
    const done = await stack.gql<{ completeTransfer: { status: string } }>(`mutation($id: ID!, $r: String!) { completeTransfer(input: { transferId: $id, result: $r }) { status } }`,
      { id: inbound.id, r: '经核查，窗口曾两次要求补交同一材料，已批评教育并当场办结迁入' }, household);
    expect(done.data?.completeTransfer.status).toBe('COMPLETED');

    const withResult = await eventually(async () => {
      const c = await detail(number);
      return (c.timeline as { action: string }[]).filter((e) => e.action === 'TRANSFER_OUTCOME').length === 2 && c;
    });
    expect((withResult.timeline as { action: string; actorName: string; note: string }[]).map((e) => [e.action, e.note])).toEqual([
      ['INTAKE', expect.stringContaining('承办单位')],
      ['TRANSFER', expect.stringMatching(/^移交户政核查（期限 2026-09-22）：请核查窗口是否重复要求补交材料$/)],
      ['TRANSFER_OUTCOME', '户政已签收'],
      ['TRANSFER_OUTCOME', '户政反馈核查结果：经核查，窗口曾两次要求补交同一材料，已批评教育并当场办结迁入'],
    ]);
    await acceptAndAnswer(number, '经户政核查属实，已整改并向您致歉');
  });
});
