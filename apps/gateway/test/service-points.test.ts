import { DEMO_PERSON_IDS } from '@onewindow/population';
import { eventually, sql, TestStack } from '@onewindow/testing';

/**
 * Issue 11, 三级窗口 service points and 自助查询 self-service, through the gateway on a real counter
 * and household service, PostgreSQL and NATS; business date pinned to Wednesday 2026-03-18.
 * The seeded point tree of 武侯区 and what each level takes; a community clerk's catalog marks the
 * items not delegated to the point and acceptance of one is refused with the nearest point that
 * takes it, nothing written; figures per point and level. The public progress query: same answer
 * for a wrong phone and an unknown number, the SMS code only to the application's phone, a wrong
 * code refused with only the counted try written, the progress without personal data, rate
 * limits per number and per IP, every query audited. The public catalog without login.
 */
const ITEM = 'HH-ID-CARD-REPLACE';
const FORM = { applicantName: '张伟', applicantIdNumber: DEMO_PERSON_IDS.adult, contactPhone: '13800138000', replaceReason: '丢失', pickupMethod: '窗口领取' };
const MATERIALS = ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'];
const ACCEPT = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) { __typename ... on Application { number status } } }`;
const TREE = `query { servicePointTree { myPointCode points { code name level levelLabel parentCode address openingHours } levels { level label pointCount items { code } } } }`;
const MARKS = `query($k: String) { catalogItems(keyword: $k) { code acceptLevels pointAvailability { acceptedHere pointName nearestPointCode nearestPointName hint } } }`;
const FIGURES = `query($from: String!, $to: String!) { servicePointFigures(from: $from, to: $to) { total levels { level accepted } points { pointCode level accepted byPoliceType { policeType accepted } } } }`;
const REQUEST_CODE = `mutation($input: RequestProgressCodeInput!) { requestProgressCode(input: $input) { message ttlSeconds } }`;
const QUERY = `mutation($input: QueryProgressInput!) { queryProgress(input: $input) { number itemName status statusLabel deadline acceptedOn unitName resultName pickupPlace pickupAddress pickupTime pickupNotice } }`;

type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];

describe('service points (三级窗口) and self-service (自助查询) through the gateway', () => {
  const stack = new TestStack({ services: ['counter', 'household'], env: { SUPERGRAPH_SOURCE: 'file', CLOCK_FIXED_DATE: '2026-03-18', DEADLINE_JOB_INTERVAL_MS: '0' } });
  const db = () => stack.databases.get('counter')!.url;
  const count = async (text: string, params: unknown[] = []) => Number(Object.values((await sql(db(), text, params))[0]!)[0]);
  let supervisor: string, clerk: string, communityClerk: string;
  let communityApp = '';

  beforeAll(async () => {
    await stack.start();
    [supervisor, clerk, communityClerk] = await Promise.all(['demo-supervisor', 'demo-clerk', 'demo-clerk-community'].map((u) => stack.login(u)));
    await eventually(async () => (await count(`SELECT count(*) FROM catalog_item WHERE police_type = 'HOUSEHOLD'`)) >= 19, 60_000);
  }, 240_000);
  afterAll(() => stack.stop(), 60_000);

  it('serves the seeded tree of 武侯区: the hall, 12 street and 2 community points, and what each level takes', async () => {
    const r = await stack.gql<{ servicePointTree: { myPointCode: string | null; points: { code: string; level: string; parentCode: string | null }[]; levels: { level: string; pointCount: number; items: { code: string }[] }[] } }>(TREE, {}, communityClerk);
    expect(r.errors).toBeUndefined();
    const t = r.data!.servicePointTree;
    expect(t.points).toHaveLength(15);
    expect(t.levels.map((l) => [l.level, l.pointCount])).toEqual([['DISTRICT_HALL', 1], ['STREET', 12], ['COMMUNITY', 2]]);
    // Only the household service runs here: its 19 items at the hall, 15 delegated to streets, 6 to communities.
    expect(t.levels.map((l) => l.items.length)).toEqual([19, 15, 6]);
    expect(t.myPointCode).toBe('510107001101');
    // A police station's clerk works at the district hall.
    const mine = await stack.gql<{ servicePointTree: { myPointCode: string } }>('query { servicePointTree { myPointCode } }', {}, clerk);
    expect(mine.data!.servicePointTree.myPointCode).toBe('510107');
  });

  it("marks the items the community point does not take, naming the nearest point up the tree", async () => {
    const r = await stack.gql<{ catalogItems: { code: string; pointAvailability: { acceptedHere: boolean; nearestPointCode: string | null; nearestPointName: string | null; hint: string | null } }[] }>(MARKS, {}, communityClerk);
    expect(r.errors).toBeUndefined();
    const by = new Map(r.data!.catalogItems.map((i) => [i.code, i.pointAvailability]));
    expect(by.get(ITEM)).toMatchObject({ acceptedHere: true, nearestPointCode: null });
    expect(by.get('HH-MOVE-IN')).toMatchObject({ acceptedHere: false, nearestPointCode: '5101070011', nearestPointName: '浆洗街街道公安一站式服务办证点' });
    expect(by.get('HH-MOVE-IN')!.hint).toMatch(/^不在本网点受理，请到浆洗街街道公安一站式服务办证点/);
    expect(by.get('HH-TALENT-SETTLE')).toMatchObject({ acceptedHere: false, nearestPointCode: '510107' });
    const hall = await stack.gql<{ catalogItems: { pointAvailability: { acceptedHere: boolean } }[] }>(MARKS, {}, clerk);
    expect(hall.data!.catalogItems.every((i) => i.pointAvailability.acceptedHere)).toBe(true);
  });

  it('refuses acceptance of an item not delegated to the point, writing nothing; accepts a delegated one', async () => {
    const before = await count(`SELECT (SELECT count(*) FROM accept_request) + (SELECT count(*) FROM inbox_application) + (SELECT count(*) FROM outbox WHERE subject <> 'counter.v1.sms.delivered') AS n`);
    const refused = await stack.gql(ACCEPT, { input: { idempotencyKey: 'points-refused-0001', itemCode: 'HH-TALENT-SETTLE', applicantIdNumber: DEMO_PERSON_IDS.adult, presentedMaterials: [], form: {} } }, communityClerk);
    expect(code(refused)).toBe('SERVICE_POINT_ITEM_NOT_DELEGATED');
    expect(refused.errors![0]!.message).toContain('武侯区政务服务中心公安窗口');
    expect(await count(`SELECT (SELECT count(*) FROM accept_request) + (SELECT count(*) FROM inbox_application) + (SELECT count(*) FROM outbox WHERE subject <> 'counter.v1.sms.delivered') AS n`)).toBe(before);

    const ok = await stack.gql<{ acceptApplication: { __typename: string; number: string; status: string } }>(ACCEPT, { input: { idempotencyKey: 'points-community-0001', itemCode: ITEM, applicantIdNumber: DEMO_PERSON_IDS.adult, presentedMaterials: MATERIALS, form: FORM } }, communityClerk);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.acceptApplication.status).toBe('ACCEPTED');
    communityApp = ok.data!.acceptApplication.number;
  });

  it('counts accepted applications per point and per level, inside the jurisdiction', async () => {
    // One more at the hall (a station clerk), the other straight into the projection as a police type's event would leave it.
    await sql(db(), `INSERT INTO inbox_application (number, police_type, service, item_code, item_name, applicant_id_number, applicant_name, status, unit_code, deadline, deadline_state, version, snapshot, updated_at)
      VALUES ('HH20260317000099', 'HOUSEHOLD', 'household', 'HH-STATUS-PROOF', '户籍证明', '110105194912310025', '张三', 'ACCEPTED', '510107001', '2026-03-20', 'ON_TRACK', 1, $1, now())`,
    [JSON.stringify({ number: 'HH20260317000099', acceptedAt: '2026-03-17T10:00:00+08:00' })]);
    await sql(db(), `INSERT INTO inbox_application (number, police_type, service, item_code, item_name, applicant_id_number, applicant_name, status, unit_code, deadline, deadline_state, version, snapshot, updated_at)
      VALUES ('HH20260317000098', 'HOUSEHOLD', 'household', 'HH-STATUS-PROOF', '户籍证明', '110105194912310025', '张三', 'ACCEPTED', '510104002', '2026-03-20', 'ON_TRACK', 1, $1, now())`,
    [JSON.stringify({ number: 'HH20260317000098', acceptedAt: '2026-03-17T10:00:00+08:00' })]);
    const r = await stack.gql<{ servicePointFigures: { total: number; levels: { level: string; accepted: number }[]; points: { pointCode: string; accepted: number; byPoliceType: { policeType: string; accepted: number }[] }[] } }>(FIGURES, { from: '2026-03-01', to: '2026-03-31' }, supervisor);
    expect(r.errors).toBeUndefined();
    const f = r.data!.servicePointFigures;
    expect(f.total).toBe(2); // 锦江区's acceptance is outside 武侯区
    expect(f.levels).toEqual([{ level: 'DISTRICT_HALL', accepted: 1 }, { level: 'STREET', accepted: 0 }, { level: 'COMMUNITY', accepted: 1 }]);
    expect(f.points.find((p) => p.pointCode === '510107001101')).toMatchObject({ accepted: 1, byPoliceType: [{ policeType: 'HOUSEHOLD', accepted: 1 }] });
    const early = await stack.gql<{ servicePointFigures: { total: number } }>(FIGURES, { from: '2026-02-01', to: '2026-02-28' }, supervisor);
    expect(early.data!.servicePointFigures.total).toBe(0);
    expect(code(await stack.gql(FIGURES, { from: '2026-03-31', to: '2026-03-01' }, supervisor))).toBe('SERVICE_POINT_PERIOD_INVALID');
    expect(code(await stack.gql(FIGURES, { from: '2026-3-1', to: '2026-03-31' }, supervisor))).toBe('VALIDATION_FAILED');
    expect(code(await stack.gql(FIGURES, { from: '2026-03-01', to: '2026-03-31' }))).toBe('UNAUTHENTICATED');
  });

  it('progress query: the same answer for a wrong phone and an unknown number; the code goes only to the phone on the application', async () => {
    const codesSent = () => count(`SELECT count(*) FROM sms_message WHERE template = 'PROGRESS_QUERY_CODE'`);
    const wrongPhone = await stack.gql<{ requestProgressCode: { message: string } }>(REQUEST_CODE, { input: { number: communityApp, phone: '13900000000' } });
    const unknown = await stack.gql<{ requestProgressCode: { message: string } }>(REQUEST_CODE, { input: { number: 'HH20260318999999', phone: '13800138000' } });
    expect(wrongPhone.errors).toBeUndefined();
    expect(unknown.data).toEqual(wrongPhone.data);
    expect(await codesSent()).toBe(0);

    const right = await stack.gql<{ requestProgressCode: { message: string } }>(REQUEST_CODE, { input: { number: communityApp.toLowerCase(), phone: '13800138000' } });
    expect(right.data).toEqual(wrongPhone.data);
    expect(await codesSent()).toBe(1);
    const [sms] = await sql<{ phone: string; text: string }>(db(), `SELECT phone, text FROM sms_message WHERE template = 'PROGRESS_QUERY_CODE'`);
    expect(sms!.phone).toBe('13800138000');
    const smsCode = /验证码为(\d{6})/.exec(sms!.text)![1]!;
    expect(await count(`SELECT count(*) FROM outbox WHERE subject = 'counter.v1.sms.requested' AND payload->>'template' = 'PROGRESS_QUERY_CODE'`)).toBe(1);

    // A wrong code: typed error; nothing written but the counted try (and the audit record).
    const writes = () => count(`SELECT (SELECT count(*) FROM sms_message) + (SELECT count(*) FROM outbox WHERE subject <> 'counter.v1.sms.delivered') + (SELECT count(*) FROM rate_limit_hit) + (SELECT count(*) FROM phone_code) AS n`);
    const before = await writes();
    const wrong = smsCode === '000000' ? '111111' : '000000';
    const refused = await stack.gql(QUERY, { input: { number: communityApp, phone: '13800138000', code: wrong } });
    expect(code(refused)).toBe('VERIFICATION_CODE_INVALID');
    expect(await writes()).toBe(before);
    expect(await count(`SELECT max(attempts) FROM phone_code WHERE purpose = $1`, [`PROGRESS_QUERY:${communityApp}`])).toBe(1);
    expect(code(await stack.gql(QUERY, { input: { number: communityApp, phone: '13800138000', code: '12ab' } }))).toBe('VALIDATION_FAILED');

    const r = await stack.gql<{ queryProgress: Record<string, unknown> }>(QUERY, { input: { number: communityApp, phone: '13800138000', code: smsCode } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.queryProgress).toMatchObject({
      number: communityApp, itemName: '居民身份证补领', status: 'ACCEPTED', statusLabel: '已受理', acceptedOn: '2026-03-18',
      pickupPlace: '洗面桥社区公安服务点', pickupAddress: '成都市武侯区浆洗街街道洗面桥社区综合服务中心',
    });
    expect(r.data!.queryProgress['pickupTime']).toMatch(/^办好后短信通知（承诺 \d{4}-\d{2}-\d{2} 前办结）；工作日/);
    const body = JSON.stringify(r.data);
    for (const personal of ['张伟', DEMO_PERSON_IDS.adult, '13800138000']) expect(body).not.toContain(personal);
    // The code is spent.
    expect(code(await stack.gql(QUERY, { input: { number: communityApp, phone: '13800138000', code: smsCode } }))).toBe('VERIFICATION_CODE_INVALID');

    const audited = await sql<{ action: string; outcome: string; n: string }>(db(), `SELECT action, outcome, count(*)::text AS n FROM audit_log WHERE action LIKE 'PROGRESS_%' GROUP BY action, outcome ORDER BY action, outcome`);
    expect(audited).toEqual([
      { action: 'PROGRESS_CODE_REQUESTED', outcome: 'SUCCESS', n: '3' },
      { action: 'PROGRESS_QUERY', outcome: 'FAILURE', n: '2' },
      { action: 'PROGRESS_QUERY', outcome: 'SUCCESS', n: '1' },
    ]);
    expect(await count(`SELECT count(*) FROM audit_log WHERE action LIKE 'PROGRESS_%' AND details::text LIKE '%13800138000%'`)).toBe(0);
  });

  it('rate-limits code requests per number and per IP', async () => {
    const ask = (number: string) => stack.gql(REQUEST_CODE, { input: { number, phone: '13700000000' } });
    for (let i = 0; i < 5; i++) expect((await ask('HH20260318888888')).errors).toBeUndefined();
    expect(code(await ask('HH20260318888888'))).toBe('RATE_LIMITED');
    // 3 + 5 counted from this address so far; 2 more are allowed in the 10-minute window.
    expect((await ask('HH20260318777777')).errors).toBeUndefined();
    expect((await ask('HH20260318777776')).errors).toBeUndefined();
    const limited = await ask('HH20260318777775');
    expect(code(limited)).toBe('RATE_LIMITED');
    expect(await count(`SELECT count(*) FROM audit_log WHERE action = 'PROGRESS_CODE_REQUESTED' AND outcome = 'FAILURE'`)).toBe(2);
  });

  it('serves the catalog with 六告知 without login, with no point marks', async () => {
    const r = await stack.gql<{ publicCatalogItems: { code: string; sixNotices: { title: string }[]; pointAvailability: unknown }[] }>(
      'query { publicCatalogItems(keyword: "身份证") { code sixNotices { title } pointAvailability { acceptedHere } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.publicCatalogItems.length).toBeGreaterThan(3);
    expect(r.data!.publicCatalogItems[0]!.sixNotices).toHaveLength(6);
    expect(r.data!.publicCatalogItems.every((i) => i.pointAvailability === null)).toBe(true);
    const one = await stack.gql<{ publicCatalogItem: { name: string; supervisionPhone: string } }>('query { publicCatalogItem(code: "HH-MOVE-IN") { name supervisionPhone } }');
    expect(one.data!.publicCatalogItem).toEqual({ name: '户口迁入', supervisionPhone: '12389' });
    expect(code(await stack.gql('query { publicCatalogItem(code: "HH-NOPE") { name } }'))).toBe('ITEM_NOT_FOUND');
    // The signed-in catalog still needs a sign-in.
    expect(code(await stack.gql('query { catalogItems { code } }'))).toBe('UNAUTHENTICATED');
  });
});
