import { eventually, sql, TestStack } from '@onewindow/testing';

/**
 * Supervision (督察) through the gateway on a real counter process, PostgreSQL and NATS: versioned
 * checklists; an inspection with findings → rectify → sent back → rectify → closed; the overdue
 * flag set by the scheduled job; 双随机 draws reproducible from their seed with the exclusions
 * holding; audited reads of a drawn case's personal data; the public summary without personal
 * data; refusals that write nothing. Business date pinned to Wednesday 2026-03-18.
 */
type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];

const FINDING = 'id unitCode itemCode description officerAccount officerName deadlineDays deadline status rectification overdue history { action actorName note }';
const RECORD = `mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { id templateCode templateVersion unitCode inspectedOn results { itemCode result } findings { ${FINDING} } } }`;
const FINDINGS = `query($o: Boolean) { supervisionFindings(overdueOnly: $o) { total items { ${FINDING} } } }`;
const DRAW = `mutation($input: DrawRandomInspectionInput!) { drawRandomInspection(input: $input) {
  id seed caseCount inspectorCount casePoolSize inspectorPoolSize inspectors cases { position caseNumber unitCode itemName inspectorAccount inspectorName result } } }`;

const MONTHLY_ITEMS = ['ONE_TIME_NOTICE', 'MATERIAL_CHECKLIST', 'DEADLINE_COMPLIANCE', 'TOLERANCE_ACCEPTANCE', 'SMS_NOTICE', 'BAD_REVIEW_FOLLOWUP', 'PERSONAL_DATA'];

/** Closed cases in the counter's inbox projection (as the police types' events would leave them). */
const CASES = [
  { number: 'HH-510107001-20260303-0001', unit: '510107001', owner: 'demo:demo-clerk', item: '居民身份证换领', name: '张三', id: '110105194912310025' },
  { number: 'HH-510107001-20260304-0002', unit: '510107001', owner: 'demo:demo-clerk', item: '户口迁入', name: '李四', id: '110105195001010011' },
  { number: 'HH-510107001-20260305-0003', unit: '510107001', owner: 'demo:demo-household', item: '居民身份证换领', name: '王五', id: '110105196002020022' },
  { number: 'HH-510107002-20260306-0004', unit: '510107002', owner: 'demo:insp-wangjiang-1', item: '居住证', name: '赵六', id: '110105197003030033' },
  { number: 'HH-510107002-20260309-0005', unit: '510107002', owner: 'demo:insp-wangjiang-1', item: '户口迁入', name: '钱七', id: '110105198004040044' },
  { number: 'EE-510107003-20260310-0006', unit: '510107003', owner: 'demo:insp-yulin-1', item: '普通护照', name: '孙八', id: '110105199005050055' },
  { number: 'EE-510107003-20260311-0007', unit: '510107003', owner: 'demo:insp-yulin-1', item: '普通护照', name: '周九', id: '110105200006060066' },
  { number: 'HH-510107001-20260312-0008', unit: '510107001', owner: 'demo:demo-clerk', item: '户口迁入', name: '吴十', id: '110105201007070077' },
];

describe('supervision (督察): inspections, rectification, 双随机一公开', () => {
  const stack = new TestStack({ services: ['counter'], env: { SUPERGRAPH_SOURCE: 'file', CLOCK_FIXED_DATE: '2026-03-18', DEADLINE_JOB_INTERVAL_MS: '1000' } });
  const db = () => stack.databases.get('counter')!.url;
  const count = async (text: string, params: unknown[] = []) => Number(Object.values((await sql(db(), text, params))[0]!)[0]);
  const writes = () => count(`SELECT (SELECT count(*) FROM supervision_inspection) + (SELECT count(*) FROM supervision_finding) + (SELECT count(*) FROM supervision_template)
    + (SELECT count(*) FROM supervision_draw) + (SELECT count(*) FROM supervision_draw_case) + (SELECT count(*) FROM supervision_inspector) + (SELECT count(*) FROM outbox) AS n`);
  let supervisor: string, citySupervisor: string, clerk: string, otherClerk: string;

  beforeAll(async () => {
    await stack.start();
    [supervisor, citySupervisor, clerk, otherClerk] = await Promise.all(['demo-supervisor', 'demo-supervisor-city', 'demo-clerk', 'demo-clerk-jinjiang'].map((u) => stack.login(u)));
    for (const c of CASES) {
      const snapshot = { number: c.number, firstInquiryOwnerSub: c.owner, firstInquiryOwnerName: '受理人', applicantPhone: '13800138000' };
      await sql(db(), `INSERT INTO inbox_application (number, police_type, service, item_code, item_name, applicant_id_number, applicant_name, status, unit_code, deadline, deadline_state, version, snapshot, updated_at)
        VALUES ($1, $2, $3, 'ITEM', $4, $5, $6, 'CLOSED', $7, '2026-03-31', 'DONE', 5, $8, '2026-03-13T10:00:00+08:00')`,
      [c.number, c.number.startsWith('EE') ? 'EXIT_ENTRY' : 'HOUSEHOLD', c.number.startsWith('EE') ? 'exit-entry' : 'household', c.item, c.id, c.name, c.unit, JSON.stringify(snapshot)]);
    }
  }, 240_000);
  afterAll(() => stack.stop(), 60_000);

  it('templates are versioned: a city supervisor publishes version 2, the old version stays; a district supervisor may not', async () => {
    const t = await stack.gql<{ inspectionTemplates: { code: string; version: number; name: string; items: { code: string }[] }[] }>('query { inspectionTemplates { code version name items { code } } }', {}, supervisor);
    expect(t.errors).toBeUndefined();
    expect(t.data!.inspectionTemplates.map((x) => [x.code, x.version, x.name])).toEqual([
      ['DAILY_PATROL', 1, '日常巡查'], ['MONTHLY_CHECK', 1, '月度检查'], ['QUARTERLY_ASSESSMENT', 1, '季度考核'],
    ]);
    expect(t.data!.inspectionTemplates[1]!.items.map((i) => i.code)).toEqual(MONTHLY_ITEMS);

    const PUBLISH = `mutation($input: PublishInspectionTemplateInput!) { publishInspectionTemplate(input: $input) { code version items { code text } publishedBy } }`;
    const items = [{ code: 'WINDOW_STAFFED', text: '窗口在岗在位' }, { code: 'EVALUATION_SCREEN', text: '评价器正常使用' }];
    const before = await writes();
    expect(code(await stack.gql(PUBLISH, { input: { code: 'DAILY_PATROL', items } }, supervisor))).toBe('SUPERVISION_CITY_SUPERVISOR_ONLY');
    expect(code(await stack.gql(PUBLISH, { input: { code: 'DAILY_PATROL', items: [items[0], items[0]] } }, citySupervisor))).toBe('SUPERVISION_TEMPLATE_INVALID');
    expect(code(await stack.gql(PUBLISH, { input: { code: 'WEEKLY', items } }, citySupervisor))).toBeDefined();
    expect(await writes()).toBe(before);
    const v2 = await stack.gql<{ publishInspectionTemplate: { version: number; publishedBy: string } }>(PUBLISH, { input: { code: 'DAILY_PATROL', items } }, citySupervisor);
    expect(v2.errors).toBeUndefined();
    expect(v2.data!.publishInspectionTemplate).toMatchObject({ version: 2, publishedBy: '马督察' });
    const all = await stack.gql<{ inspectionTemplates: { code: string; version: number }[] }>('query { inspectionTemplates(allVersions: true) { code version } }', {}, supervisor);
    expect(all.data!.inspectionTemplates.filter((x) => x.code === 'DAILY_PATROL').map((x) => x.version)).toEqual([2, 1]);
  });

  it('an inspection records every item; findings get an officer and a working-day deadline; refusals write nothing', async () => {
    const results = (over: Record<string, unknown> = {}) => MONTHLY_ITEMS.map((itemCode) => ({ itemCode, result: 'PASS', ...(over[itemCode] as object | undefined) }));
    const problems = {
      ONE_TIME_NOTICE: { result: 'PROBLEM', finding: { description: '两份告知单未写明补正材料', officerAccount: 'demo-clerk', officerName: '王窗口', deadlineDays: 5 } },
      DEADLINE_COMPLIANCE: { result: 'PROBLEM', finding: { description: '一件户口迁入超期', officerAccount: 'demo-household', officerName: '李户政', deadlineDays: 30 } },
      PERSONAL_DATA: { result: 'NOT_APPLICABLE' },
    };
    const input = { templateCode: 'MONTHLY_CHECK', unitCode: '510107001', inspectedOn: '2026-03-02', results: results(problems) };

    const before = await writes();
    expect(code(await stack.gql(RECORD, { input: { ...input, unitCode: '510104002' } }, supervisor))).toBe('OUT_OF_JURISDICTION');
    expect(code(await stack.gql(RECORD, { input: { ...input, unitCode: '510107999' } }, supervisor))).toBe('SUPERVISION_UNIT_UNKNOWN');
    expect(code(await stack.gql(RECORD, { input: { ...input, results: results(problems).slice(1) } }, supervisor))).toBe('SUPERVISION_RESULTS_INVALID');
    expect(code(await stack.gql(RECORD, { input: { ...input, results: results({ ONE_TIME_NOTICE: { result: 'PROBLEM' } }) } }, supervisor))).toBe('SUPERVISION_RESULTS_INVALID');
    const zeroDays = { ONE_TIME_NOTICE: { result: 'PROBLEM', finding: { ...problems.ONE_TIME_NOTICE.finding, deadlineDays: 0 } } };
    expect(code(await stack.gql(RECORD, { input: { ...input, results: results(zeroDays) } }, supervisor))).toBe('SUPERVISION_DEADLINE_INVALID');
    expect(code(await stack.gql(RECORD, { input: { ...input, inspectedOn: '2026-03-19' } }, supervisor))).toBe('VALIDATION_FAILED');
    expect(code(await stack.gql(RECORD, { input }, clerk))).toBe('FORBIDDEN');
    expect(await writes()).toBe(before);

    const r = await stack.gql<{ recordInspection: { templateVersion: number; findings: Record<string, unknown>[]; results: { result: string }[] } }>(RECORD, { input }, supervisor);
    expect(r.errors).toBeUndefined();
    expect(r.data!.recordInspection.templateVersion).toBe(1);
    expect(r.data!.recordInspection.results.map((x) => x.result)).toEqual(['PROBLEM', 'PASS', 'PROBLEM', 'PASS', 'PASS', 'PASS', 'NOT_APPLICABLE']);
    // 5 working days from Monday 03-02 → 03-09; 30 → 04-14 (清明 04-04..06 skipped).
    expect(r.data!.recordInspection.findings.map((f) => [f.itemCode, f.officerName, f.deadline, f.status])).toEqual([
      ['ONE_TIME_NOTICE', '王窗口', '2026-03-09', 'RECTIFYING'], ['DEADLINE_COMPLIANCE', '李户政', '2026-04-14', 'RECTIFYING'],
    ]);
  });

  it('the overdue job flags the finding past its deadline; the unit rectifies, the supervisor sends back, then closes it; events carry no personal data', async () => {
    const overdue = await eventually(async () => {
      const r = await stack.gql<{ supervisionFindings: { total: number; items: { id: string; itemCode: string; overdue: boolean; history: { action: string }[] }[] } }>(FINDINGS, { o: true }, clerk);
      return r.data?.supervisionFindings.total === 1 ? r.data.supervisionFindings.items[0] : null;
    });
    expect(overdue).toMatchObject({ itemCode: 'ONE_TIME_NOTICE', overdue: true });
    expect(overdue.history.map((h) => h.action)).toEqual(['发现问题', '已超期']);
    const all = await stack.gql<{ supervisionFindings: { items: { itemCode: string; overdue: boolean }[] } }>(FINDINGS, {}, clerk);
    expect(all.data!.supervisionFindings.items.map((f) => [f.itemCode, f.overdue])).toEqual([['ONE_TIME_NOTICE', true], ['DEADLINE_COMPLIANCE', false]]);
    expect((await stack.gql<{ supervisionFindings: { total: number } }>(FINDINGS, {}, otherClerk)).data!.supervisionFindings.total).toBe(0);

    const REPORT = `mutation($input: ReportRectificationInput!) { reportRectification(input: $input) { ${FINDING} } }`;
    const VERIFY = `mutation($input: VerifyRectificationInput!) { verifyRectification(input: $input) { ${FINDING} } }`;
    const id = overdue.id;
    const before = await writes();
    expect(code(await stack.gql(REPORT, { input: { findingId: id, rectification: '已补写' } }, otherClerk))).toBe('SUPERVISION_FINDING_NOT_FOUND');
    expect(code(await stack.gql(VERIFY, { input: { findingId: id, accept: true } }, supervisor))).toBe('SUPERVISION_FINDING_INVALID_TRANSITION');
    expect(await writes()).toBe(before);

    const reported = await stack.gql<{ reportRectification: { status: string; overdue: boolean } }>(REPORT, { input: { findingId: id, rectification: '已补写两份告知单并组织学习' } }, clerk);
    expect(reported.errors).toBeUndefined();
    expect(reported.data!.reportRectification).toMatchObject({ status: 'RECTIFIED', overdue: false });
    expect(code(await stack.gql(VERIFY, { input: { findingId: id, accept: false } }, supervisor))).toBe('VALIDATION_FAILED');
    const back = await stack.gql<{ verifyRectification: { status: string; overdue: boolean } }>(VERIFY, { input: { findingId: id, accept: false, note: '未附告知单存根' } }, supervisor);
    expect(back.data!.verifyRectification).toMatchObject({ status: 'RECTIFYING', overdue: true });
    await stack.gql(REPORT, { input: { findingId: id, rectification: '已附告知单存根' } }, clerk);
    const closed = await stack.gql<{ verifyRectification: { status: string; history: { action: string }[] } }>(VERIFY, { input: { findingId: id, accept: true, note: '核验属实' } }, supervisor);
    expect(closed.data!.verifyRectification.status).toBe('CLOSED');
    expect(closed.data!.verifyRectification.history.map((h) => h.action)).toEqual(['发现问题', '已超期', '报告整改', '退回整改', '报告整改', '核验销号']);
    expect(code(await stack.gql(REPORT, { input: { findingId: id, rectification: '再次报告' } }, clerk))).toBe('SUPERVISION_FINDING_INVALID_TRANSITION');

    const events = await sql<{ payload: Record<string, unknown> }>(db(), `SELECT payload FROM outbox WHERE subject = 'counter.v1.supervision.finding.changed' AND payload->>'findingId' = $1 ORDER BY seq`, [id]);
    expect(events.map((e) => e.payload['status'])).toEqual(['RECTIFYING', 'RECTIFYING', 'RECTIFIED', 'RECTIFYING', 'RECTIFIED', 'CLOSED']);
    expect(JSON.stringify(events)).not.toMatch(/王窗口|demo-clerk|告知单/);
  });

  it('双随机: the draw is reproducible from its seed, never assigns own unit or own cases; bad draws are refused and write nothing', async () => {
    const input = { unitPrefix: '510107', month: '2026-03', caseCount: 4, inspectorCount: 3, seed: 'march-2026-a' };
    const before = await writes();
    expect(code(await stack.gql(DRAW, { input: { ...input, caseCount: 9 } }, supervisor))).toBe('SUPERVISION_DRAW_POOL_TOO_SMALL');
    expect(code(await stack.gql(DRAW, { input: { ...input, inspectorCount: 99 } }, supervisor))).toBe('SUPERVISION_DRAW_POOL_TOO_SMALL');
    expect(code(await stack.gql(DRAW, { input: { ...input, month: '2026-04' } }, supervisor))).toBe('SUPERVISION_PERIOD_INVALID');
    expect(code(await stack.gql(DRAW, { input: { ...input, unitPrefix: '510104' } }, supervisor))).toBe('OUT_OF_JURISDICTION');
    expect(await writes()).toBe(before);

    type Draw = { id: string; seed: string; casePoolSize: number; cases: { caseNumber: string; unitCode: string; inspectorAccount: string }[] };
    const first = await stack.gql<{ drawRandomInspection: Draw }>(DRAW, { input }, supervisor);
    expect(first.errors).toBeUndefined();
    const again = await stack.gql<{ drawRandomInspection: Draw }>(DRAW, { input }, supervisor);
    const pairs = (d: Draw) => d.cases.map((c) => `${c.caseNumber}/${c.inspectorAccount}`);
    expect(first.data!.drawRandomInspection).toMatchObject({ seed: 'march-2026-a', casePoolSize: 8 });
    expect(pairs(again.data!.drawRandomInspection)).toEqual(pairs(first.data!.drawRandomInspection));
    expect(first.data!.drawRandomInspection.cases).toHaveLength(4);

    const roster = await stack.gql<{ randomInspectors: { account: string; unitCode: string }[] }>('query { randomInspectors { account unitCode } }', {}, supervisor);
    const unitOf = new Map(roster.data!.randomInspectors.map((i) => [i.account, i.unitCode]));
    const ownerOf = new Map(CASES.map((c) => [c.number, c.owner]));
    for (const c of first.data!.drawRandomInspection.cases) {
      expect(c.unitCode.startsWith(unitOf.get(c.inspectorAccount)!)).toBe(false);
      expect(ownerOf.get(c.caseNumber)).not.toBe(`demo:${c.inspectorAccount}`);
    }
    // An unseeded draw records the seed it used; drawing with that seed repeats it.
    const unseeded = await stack.gql<{ drawRandomInspection: Draw }>(DRAW, { input: { ...input, seed: null } }, supervisor);
    const repeat = await stack.gql<{ drawRandomInspection: Draw }>(DRAW, { input: { ...input, seed: unseeded.data!.drawRandomInspection.seed } }, supervisor);
    expect(pairs(repeat.data!.drawRandomInspection)).toEqual(pairs(unseeded.data!.drawRandomInspection));
  });

  it('a drawn case’s personal data is masked by default and every read audited; results, publication and the public summary without personal data', async () => {
    const draws = await stack.gql<{ randomInspectionDraws: { id: string; seed: string; cases: { caseNumber: string; itemName: string }[] }[] }>(
      'query { randomInspectionDraws { id seed cases { caseNumber itemName } } }', {}, supervisor);
    const draw = draws.data!.randomInspectionDraws.find((d) => d.seed === 'march-2026-a')!;
    const number = draw.cases[0]!.caseNumber;
    const PARTY = `query($d: ID!, $n: String!, $f: Boolean) { randomInspectionCaseParty(drawId: $d, caseNumber: $n, full: $f, purpose: "双随机抽查核对材料") { applicantName applicantIdNumber masked } }`;
    const masked = await stack.gql<{ randomInspectionCaseParty: { applicantIdNumber: string; masked: boolean } }>(PARTY, { d: draw.id, n: number }, supervisor);
    expect(masked.data!.randomInspectionCaseParty.masked).toBe(true);
    expect(masked.data!.randomInspectionCaseParty.applicantIdNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const full = await stack.gql<{ randomInspectionCaseParty: { applicantIdNumber: string; masked: boolean } }>(PARTY, { d: draw.id, n: number, f: true }, supervisor);
    expect(full.data!.randomInspectionCaseParty).toMatchObject({ masked: false, applicantIdNumber: CASES.find((c) => c.number === number)!.id });
    expect(await count(`SELECT count(*) FROM audit_log WHERE action = 'SUPERVISION_CASE_READ' AND subject_ref = $1 AND purpose = '双随机抽查核对材料'`, [number])).toBe(2);

    const PUBLISH = `mutation($id: ID!) { publishRandomInspection(id: $id) { publishedAt } }`;
    expect(code(await stack.gql(PUBLISH, { id: draw.id }, supervisor))).toBe('SUPERVISION_DRAW_INCOMPLETE');
    for (const [i, c] of draw.cases.entries()) {
      const r = await stack.gql(`mutation($input: RecordRandomInspectionResultInput!) { recordRandomInspectionResult(input: $input) { result } }`,
        { input: { drawId: draw.id, caseNumber: c.caseNumber, result: i === 0 ? 'PROBLEM' : 'PASS', note: i === 0 ? '缺少受理回执' : null } }, supervisor);
      expect(r.errors).toBeUndefined();
    }
    expect((await stack.gql(PUBLISH, { id: draw.id }, supervisor)).errors).toBeUndefined();
    expect(code(await stack.gql(PUBLISH, { id: draw.id }, supervisor))).toBe('SUPERVISION_DRAW_PUBLISHED');

    const pub = await stack.gql<{ publishedRandomInspections: Record<string, unknown>[] }>(
      'query { publishedRandomInspections { unitPrefix unitName month cases inspectors passed problems byItem { itemName checked passed problems } } }');
    expect(pub.errors).toBeUndefined();
    expect(pub.data!.publishedRandomInspections).toHaveLength(1);
    const summary = pub.data!.publishedRandomInspections[0]!;
    expect(summary).toMatchObject({ unitPrefix: '510107', unitName: '成都市公安局武侯区分局', month: '2026-03', cases: 4, inspectors: 3, passed: 3, problems: 1 });
    const text = JSON.stringify(summary);
    for (const c of CASES) {
      expect(text).not.toContain(c.number);
      expect(text).not.toContain(c.name);
      expect(text).not.toContain(c.id);
    }
    expect(text).not.toMatch(/检查|窗口|户政|demo-|insp-|缺少受理回执/);
  });
});
