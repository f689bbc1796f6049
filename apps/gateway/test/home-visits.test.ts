import { eventually, sql, TestStack } from '@onewindow/testing';

/**
 * 上门服务 (出诊式) and 首问登记 through the gateway on a real counter process, PostgreSQL and NATS:
 * the window requests a visit (5 working days in an urban station), assigns it to a community
 * officer of the station's roster, the officer schedules it and records the outcome linked to the
 * application accepted at home; refusals are typed and write nothing; lists are masked, full reads
 * audited; events carry no personal data; the deadline job flags overdue visits; a DONE visit moves
 * the monthly figures' 上门服务次数 once. First-inquiry records: numbered, listed per officer and
 * per unit (masked), full reads audited. Business date pinned to Wednesday 2026-03-18.
 */
type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];

const VISIT = 'id number unitCode unitType itemCode itemName citizenName citizenIdNumber phone address masked reason dueDays deadline status officerAccount officerName scheduledAt applicationNumber outcomeNote closedOn overdue history { action actorName note }';
const REQUEST = `mutation($input: RequestHomeVisitInput!) { requestHomeVisit(input: $input) { ${VISIT} } }`;
const ASSIGN = `mutation($input: AssignHomeVisitInput!) { assignHomeVisit(input: $input) { ${VISIT} } }`;
const SCHEDULE = `mutation($input: ScheduleHomeVisitInput!) { scheduleHomeVisit(input: $input) { ${VISIT} } }`;
const OUTCOME = `mutation($input: RecordHomeVisitOutcomeInput!) { recordHomeVisitOutcome(input: $input) { ${VISIT} } }`;
const LIST = `query($mine: Boolean, $o: Boolean) { homeVisits(mine: $mine, overdueOnly: $o) { total overdue items { ${VISIT} } } }`;
const READ = `query($id: ID!, $purpose: String!) { homeVisit(id: $id, purpose: $purpose) { ${VISIT} } }`;

const CITIZEN = { name: '赵老太', id: '510107193805120020', phone: '13912345678', address: '成都市武侯区浆洗街 12 号 3 栋 2 单元 501' };
const OTHER_ID = '110105195001010012';
const ITEM = 'HH-ID-CARD-RENEW';
const APP = 'HH20260318000001';
const OTHER_APP = 'HH20260318000002';

describe('home visits (上门服务) and first-inquiry records (首问登记)', () => {
  const stack = new TestStack({ services: ['counter'], env: { SUPERGRAPH_SOURCE: 'file', CLOCK_FIXED_DATE: '2026-03-18', DEADLINE_JOB_INTERVAL_MS: '500' } });
  const db = () => stack.databases.get('counter')!.url;
  const count = async (text: string, params: unknown[] = []) => Number(Object.values((await sql(db(), text, params))[0]!)[0]);
  const writes = () => count(`SELECT (SELECT count(*) FROM home_visit) + (SELECT coalesce(sum(version), 0) FROM home_visit) + (SELECT count(*) FROM first_inquiry) + (SELECT count(*) FROM outbox WHERE subject <> 'counter.v1.sms.delivered') AS n`);
  let clerk: string, community: string, household: string, supervisor: string, otherClerk: string;
  let visitId: string;

  const input = (over: Record<string, unknown> = {}) => ({
    itemCode: ITEM, citizenName: CITIZEN.name, citizenIdNumber: CITIZEN.id, phone: CITIZEN.phone, address: CITIZEN.address, reason: 'BEDRIDDEN', reasonNote: '中风卧床', ...over,
  });

  beforeAll(async () => {
    await stack.start();
    [clerk, community, household, supervisor, otherClerk] = await Promise.all(['demo-clerk', 'demo-community', 'demo-household', 'demo-supervisor', 'demo-clerk-jinjiang'].map((u) => stack.login(u)));
    // The catalog index row of the item (what the visit reads of it: code, name, police type), and two applications
    // in the inbox projection as the household service's events leave them (one of another citizen).
    await sql(db(), `INSERT INTO catalog_item (code, police_type, service, version, effective_from, position, name, aliases, search, item)
      VALUES ($1, 'HOUSEHOLD', 'household', '2026.1', '2026-01-01', 0, '居民身份证换领', '{}', '居民身份证换领', $2)`, [ITEM, JSON.stringify({ code: ITEM, name: '居民身份证换领', policeType: 'HOUSEHOLD' })]);
    for (const [number, id, name] of [[APP, CITIZEN.id, CITIZEN.name], [OTHER_APP, OTHER_ID, '李四']] as const) {
      await sql(db(), `INSERT INTO inbox_application (number, police_type, service, item_code, item_name, applicant_id_number, applicant_name, status, unit_code, deadline, deadline_state, version, snapshot, updated_at)
        VALUES ($1, 'HOUSEHOLD', 'household', $2, '居民身份证换领', $3, $4, 'ACCEPTED', '510107001', '2026-04-15', 'ON_TIME', 1, $5, now())`, [number, ITEM, id, name, JSON.stringify({ number })]);
    }
  }, 240_000);
  afterAll(() => stack.stop(), 60_000);

  it('the window requests a visit: due in 5 working days (urban station); refusals are typed and write nothing', async () => {
    const before = await writes();
    expect(code(await stack.gql(REQUEST, { input: input({ citizenIdNumber: '510107193805120021' }) }, clerk))).toBe('VALIDATION_FAILED');
    expect(code(await stack.gql(REQUEST, { input: input({ itemCode: 'NO_SUCH_ITEM' }) }, clerk))).toBe('HOME_VISIT_ITEM_UNKNOWN');
    expect(code(await stack.gql(REQUEST, { input: input({ reason: 'OTHER', reasonNote: ' ' }) }, clerk))).toBe('VALIDATION_FAILED');
    expect(code(await stack.gql(REQUEST, { input: input({ phone: '12345' }) }, clerk))).toBe('VALIDATION_FAILED');
    expect(code(await stack.gql(REQUEST, { input: input() }, supervisor))).toBe('FORBIDDEN');
    expect(await writes()).toBe(before);

    const r = await stack.gql<{ requestHomeVisit: Record<string, unknown> & { id: string } }>(REQUEST, { input: input() }, clerk);
    expect(r.errors).toBeUndefined();
    visitId = r.data!.requestHomeVisit.id;
    expect(r.data!.requestHomeVisit).toMatchObject({
      number: 'SM-20260318-0001', unitCode: '510107001', unitType: 'URBAN', itemName: '居民身份证换领', reason: 'BEDRIDDEN', dueDays: 5, deadline: '2026-03-25',
      status: 'REQUESTED', citizenName: CITIZEN.name, overdue: false,
    });
  });

  it('lists are masked and per jurisdiction; the full record is an audited read', async () => {
    const list = await stack.gql<{ homeVisits: { total: number; items: { citizenName: string; citizenIdNumber: string; phone: string; address: string; masked: boolean }[] } }>(LIST, {}, clerk);
    expect(list.errors).toBeUndefined();
    const row = list.data!.homeVisits.items[0]!;
    expect(row.masked).toBe(true);
    for (const v of [row.citizenName, row.citizenIdNumber, row.phone, row.address]) expect(v).toContain('*');
    expect(JSON.stringify(list.data)).not.toContain(CITIZEN.id);
    expect((await stack.gql<{ homeVisits: { total: number } }>(LIST, {}, otherClerk)).data!.homeVisits.total).toBe(0);
    expect((await stack.gql<{ homeVisits: { total: number } }>(LIST, {}, supervisor)).data!.homeVisits.total).toBe(1);

    const full = await stack.gql<{ homeVisit: { citizenIdNumber: string; address: string; masked: boolean } }>(READ, { id: visitId, purpose: '上门前核对地址' }, community);
    expect(full.data!.homeVisit).toMatchObject({ citizenIdNumber: CITIZEN.id, address: CITIZEN.address, masked: false });
    expect(code(await stack.gql(READ, { id: visitId, purpose: '越权查看' }, otherClerk))).toBe('HOME_VISIT_NOT_FOUND');
    expect(await count(`SELECT count(*) FROM audit_log WHERE action = 'HOME_VISIT_READ' AND subject_ref = 'SM-20260318-0001' AND purpose = '上门前核对地址'`)).toBe(1);
    expect(await count(`SELECT count(*) FROM audit_log WHERE action = 'HOME_VISIT_READ' AND outcome = 'FAILURE'`)).toBe(1);
  });

  it('assign → schedule → done with the application accepted at home; every wrong step is refused and writes nothing', async () => {
    const officers = await stack.gql<{ communityOfficers: { account: string; name: string }[] }>('query { communityOfficers { account name unitCode area openVisits } }', {}, clerk);
    expect(officers.data!.communityOfficers.map((o) => o.account)).toEqual(['demo-community']);

    let before = await writes();
    expect(code(await stack.gql(ASSIGN, { input: { visitId, officerAccount: 'demo-household' } }, clerk))).toBe('HOME_VISIT_OFFICER_NOT_IN_ROSTER');
    expect(code(await stack.gql(ASSIGN, { input: { visitId, officerAccount: 'community-wangjiang-1' } }, clerk))).toBe('HOME_VISIT_OFFICER_NOT_IN_ROSTER');
    expect(code(await stack.gql(ASSIGN, { input: { visitId, officerAccount: 'demo-community' } }, otherClerk))).toBe('HOME_VISIT_NOT_FOUND');
    expect(code(await stack.gql(SCHEDULE, { input: { visitId, scheduledAt: '2026-03-20T09:30:00+08:00' } }, community))).toBe('HOME_VISIT_INVALID_TRANSITION');
    expect(await writes()).toBe(before);

    const assigned = await stack.gql<{ assignHomeVisit: { status: string; officerName: string; citizenName: string } }>(ASSIGN, { input: { visitId, officerAccount: 'demo-community' } }, clerk);
    expect(assigned.data!.assignHomeVisit).toMatchObject({ status: 'ASSIGNED', officerName: '黄社区' });
    expect(assigned.data!.assignHomeVisit.citizenName).toContain('*');

    before = await writes();
    expect(code(await stack.gql(SCHEDULE, { input: { visitId, scheduledAt: '2026-03-20T09:30:00+08:00' } }, household))).toBe('HOME_VISIT_NOT_ASSIGNED_OFFICER');
    expect(code(await stack.gql(SCHEDULE, { input: { visitId, scheduledAt: '2026-03-20T09:30:00+08:00' } }, clerk))).toBe('FORBIDDEN');
    expect(code(await stack.gql(SCHEDULE, { input: { visitId, scheduledAt: '2026-03-10T09:30:00+08:00' } }, community))).toBe('HOME_VISIT_SCHEDULE_INVALID');
    expect(code(await stack.gql(SCHEDULE, { input: { visitId, scheduledAt: 'next tuesday' } }, community))).toBe('VALIDATION_FAILED');
    expect(code(await stack.gql(OUTCOME, { input: { visitId, outcome: 'DONE', applicationNumber: APP } }, community))).toBe('HOME_VISIT_INVALID_TRANSITION');
    expect(await writes()).toBe(before);

    const scheduled = await stack.gql<{ scheduleHomeVisit: { status: string; scheduledAt: string } }>(SCHEDULE, { input: { visitId, scheduledAt: '2026-03-20T09:30:00+08:00' } }, community);
    expect(scheduled.data!.scheduleHomeVisit).toMatchObject({ status: 'SCHEDULED', scheduledAt: '2026-03-20T01:30:00.000Z' });
    const mine = await stack.gql<{ homeVisits: { total: number; items: { number: string; scheduledAt: string }[] } }>(LIST, { mine: true }, community);
    expect(mine.data!.homeVisits.items.map((v) => v.number)).toEqual(['SM-20260318-0001']);

    before = await writes();
    expect(code(await stack.gql(OUTCOME, { input: { visitId, outcome: 'DONE' } }, community))).toBe('HOME_VISIT_OUTCOME_INVALID');
    expect(code(await stack.gql(OUTCOME, { input: { visitId, outcome: 'NOT_POSSIBLE' } }, community))).toBe('HOME_VISIT_OUTCOME_INVALID');
    expect(code(await stack.gql(OUTCOME, { input: { visitId, outcome: 'DONE', applicationNumber: 'HH20260318009999' } }, community))).toBe('HOME_VISIT_APPLICATION_NOT_FOUND');
    expect(code(await stack.gql(OUTCOME, { input: { visitId, outcome: 'DONE', applicationNumber: OTHER_APP } }, community))).toBe('HOME_VISIT_APPLICATION_MISMATCH');
    expect(await writes()).toBe(before);

    const done = await stack.gql<{ recordHomeVisitOutcome: { status: string; applicationNumber: string; closedOn: string; history: { action: string }[] } }>(
      OUTCOME, { input: { visitId, outcome: 'DONE', applicationNumber: APP, outcomeNote: '现场采集照片和指纹' } }, community);
    expect(done.errors).toBeUndefined();
    expect(done.data!.recordHomeVisitOutcome).toMatchObject({ status: 'DONE', applicationNumber: APP, closedOn: '2026-03-18' });
    expect(done.data!.recordHomeVisitOutcome.history.map((h) => h.action)).toEqual(['登记申请', '派单', '预约上门时间', '上门受理']);
    expect(code(await stack.gql(OUTCOME, { input: { visitId, outcome: 'NOT_POSSIBLE', outcomeNote: '家中无人' } }, community))).toBe('HOME_VISIT_INVALID_TRANSITION');

    const events = await sql<{ payload: Record<string, unknown> }>(db(), `SELECT payload FROM outbox WHERE subject = 'counter.v1.home-visit.changed' AND payload->>'visitId' = $1 ORDER BY seq`, [visitId]);
    expect(events.map((e) => e.payload['status'])).toEqual(['REQUESTED', 'ASSIGNED', 'SCHEDULED', 'DONE']);
    const text = JSON.stringify(events);
    for (const personal of [CITIZEN.name, CITIZEN.id, CITIZEN.phone, '浆洗街 12 号']) expect(text).not.toContain(personal);
  });

  it('a DONE visit counts once in the monthly figures (上门服务次数)', async () => {
    const Q = `query { monthlyReport(month: "2026-03", unitCode: "510107001") { figures { homeVisits } } }`;
    const n = await eventually(async () => {
      const r = await stack.gql<{ monthlyReport: { figures: { homeVisits: number } } }>(Q, {}, supervisor);
      return r.data?.monthlyReport.figures.homeVisits === 1 ? 1 : null;
    });
    expect(n).toBe(1);
  });

  it('the deadline job flags an open visit past its deadline; the supervisor sees it; not possible closes it', async () => {
    const r = await stack.gql<{ requestHomeVisit: { id: string; number: string } }>(REQUEST, { input: input({ reason: 'ELDERLY', reasonNote: null, citizenIdNumber: OTHER_ID }) }, clerk);
    expect(r.data!.requestHomeVisit.number).toBe('SM-20260318-0002');
    const id = r.data!.requestHomeVisit.id;
    // As if requested two weeks earlier (the business date is pinned): due 2026-03-11, past.
    await sql(db(), `UPDATE home_visit SET requested_on = '2026-03-04', deadline = '2026-03-11' WHERE id = $1`, [id]);
    const overdue = await eventually(async () => {
      const l = await stack.gql<{ homeVisits: { total: number; overdue: number; items: { id: string; overdue: boolean; history: { action: string }[] }[] } }>(LIST, { o: true }, supervisor);
      return l.data?.homeVisits.total === 1 ? l.data.homeVisits : null;
    });
    expect(overdue.overdue).toBe(1);
    expect(overdue.items[0]).toMatchObject({ id, overdue: true });
    expect(overdue.items[0]!.history.map((h) => h.action)).toEqual(['登记申请', '已超期']);
    const flagged = await sql<{ payload: Record<string, unknown> }>(db(), `SELECT payload FROM outbox WHERE subject = 'counter.v1.home-visit.changed' AND payload->>'visitId' = $1 ORDER BY seq DESC LIMIT 1`, [id]);
    expect(flagged[0]!.payload).toMatchObject({ overdue: true, status: 'REQUESTED' });

    await stack.gql(ASSIGN, { input: { visitId: id, officerAccount: 'demo-community' } }, clerk);
    const np = await stack.gql<{ recordHomeVisitOutcome: { status: string; overdue: boolean; outcomeNote: string } }>(OUTCOME, { input: { visitId: id, outcome: 'NOT_POSSIBLE', outcomeNote: '已随子女迁居外地' } }, community);
    expect(np.data!.recordHomeVisitOutcome).toMatchObject({ status: 'NOT_POSSIBLE', overdue: false, outcomeNote: '已随子女迁居外地' });
  });

  it('first-inquiry records: numbered per day, listed per officer and per unit (masked), full reads audited, events without personal data', async () => {
    const RECORD = `mutation($input: RecordFirstInquiryInput!) { recordFirstInquiry(input: $input) { number officerName personName contact matter answer directedUnit directedContact outcome } }`;
    const before = await writes();
    expect(code(await stack.gql(RECORD, { input: { personName: '孙先生', contact: '13700001111', matter: '咨询出入境业务', directedUnit: '武侯区出入境接待大厅' } }, clerk))).toBe('FIRST_INQUIRY_OUTCOME_REQUIRED');
    expect(code(await stack.gql(RECORD, { input: { personName: '孙先生', contact: 'abc', matter: '咨询', answer: '已答复' } }, clerk))).toBe('VALIDATION_FAILED');
    expect(code(await stack.gql(RECORD, { input: { personName: '孙先生', contact: '13700001111', matter: '咨询', answer: '已答复' } }, supervisor))).toBe('FORBIDDEN');
    expect(await writes()).toBe(before);

    const a = await stack.gql<{ recordFirstInquiry: Record<string, unknown> }>(RECORD, {
      input: { personName: '孙先生', contact: '13700001111', matter: '咨询护照办理', directedUnit: '武侯区出入境接待大厅', directedContact: '028-85551234' },
    }, clerk);
    expect(a.errors).toBeUndefined();
    expect(a.data!.recordFirstInquiry).toMatchObject({ number: 'SW-20260318-0001', officerName: '王窗口', personName: '孙先生', outcome: 'DIRECTED' });
    const b = await stack.gql<{ recordFirstInquiry: { number: string } }>(RECORD, { input: { personName: '周女士', contact: '028-85550000', matter: '咨询户口迁入材料', answer: '需户口簿、准迁证' } }, community);
    expect(b.data!.recordFirstInquiry.number).toBe('SW-20260318-0002');

    const LIST_FI = `query($o: String, $mine: Boolean) { firstInquiries(officerAccount: $o, mine: $mine) { total items { number officerAccount personName contact masked outcome } } }`;
    const mine = await stack.gql<{ firstInquiries: { total: number; items: { number: string; personName: string; contact: string; masked: boolean }[] } }>(LIST_FI, { mine: true }, clerk);
    expect(mine.data!.firstInquiries.items.map((i) => i.number)).toEqual(['SW-20260318-0001']);
    expect(mine.data!.firstInquiries.items[0]).toMatchObject({ masked: true });
    expect(mine.data!.firstInquiries.items[0]!.personName).toContain('*');
    expect(mine.data!.firstInquiries.items[0]!.contact).toContain('*');
    const unit = await stack.gql<{ firstInquiries: { total: number } }>(LIST_FI, {}, supervisor);
    expect(unit.data!.firstInquiries.total).toBe(2);
    const byOfficer = await stack.gql<{ firstInquiries: { items: { number: string }[] } }>(LIST_FI, { o: 'demo-community' }, supervisor);
    expect(byOfficer.data!.firstInquiries.items.map((i) => i.number)).toEqual(['SW-20260318-0002']);
    expect((await stack.gql<{ firstInquiries: { total: number } }>(LIST_FI, {}, otherClerk)).data!.firstInquiries.total).toBe(0);
    const counts = await stack.gql<{ firstInquiryCounts: { officerName: string; count: number }[] }>('query { firstInquiryCounts { officerAccount officerName unitCode count } }', {}, supervisor);
    expect(counts.data!.firstInquiryCounts.map((c) => [c.officerName, c.count])).toEqual([['王窗口', 1], ['黄社区', 1]]);

    const READ_FI = `query($n: String!, $p: String!) { firstInquiry(number: $n, purpose: $p) { number personName contact masked } }`;
    const full = await stack.gql<{ firstInquiry: { personName: string; contact: string; masked: boolean } }>(READ_FI, { n: 'SW-20260318-0001', p: '核实投诉所涉首问' }, supervisor);
    expect(full.data!.firstInquiry).toEqual({ number: 'SW-20260318-0001', personName: '孙先生', contact: '13700001111', masked: false });
    expect(code(await stack.gql(READ_FI, { n: 'SW-20260318-0001', p: '越权查看' }, otherClerk))).toBe('FIRST_INQUIRY_NOT_FOUND');
    expect(await count(`SELECT count(*) FROM audit_log WHERE action = 'FIRST_INQUIRY_READ' AND subject_ref = 'SW-20260318-0001'`)).toBe(2);

    const events = await sql<{ payload: Record<string, unknown> }>(db(), `SELECT payload FROM outbox WHERE subject = 'counter.v1.first-inquiry.recorded' ORDER BY seq`);
    expect(events.map((e) => [e.payload['number'], e.payload['outcome']])).toEqual([['SW-20260318-0001', 'DIRECTED'], ['SW-20260318-0002', 'ANSWERED']]);
    expect(JSON.stringify(events)).not.toMatch(/孙先生|13700001111|周女士/);
  });
});
