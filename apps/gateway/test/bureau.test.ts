import { jetstream } from '@nats-io/jetstream';
import { BUREAU_PUSH_CONTENT_TYPE, BUREAU_PUSH_HEADERS } from '@onewindow/contracts';
import { eventually, sql, TestStack } from '@onewindow/testing';
import ExcelJS from 'exceljs';
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';

/**
 * 月报报送 end to end on real processes, PostgreSQL and NATS: one bureau counter (BUREAU_MODE)
 * and two district counters (锦江 510104, 武侯 510107), each on its own database and NATS prefix.
 * Figures are fed as the police-type services would: application.changed events into each
 * district's JetStream, folded by the counter's report aggregates. Both districts close 2026-10;
 * the signed pushes arrive; the city totals are the sum; a correction is version 2 and the totals
 * follow; forged, stale-version and unknown-district pushes are refused and write nothing; the
 * exports parse back. Business date pinned to 2026-11-10.
 */
const TODAY = '2026-11-10';
const MONTH = '2026-10';

type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];

const FIGURES = 'accepted completed completedOnTime onTimeRate';
const CLOSE = `mutation($month: String!) { closeReportMonth(month: $month) { id version districtCode rowCount pushStatus figures { ${FIGURES} } } }`;
const VERSIONS = `query($month: String!) { reportCloseVersions(month: $month) { version pushStatus pushError bureauReceivedAt figures { accepted } } }`;
const CITY = `query($month: String!) { bureauCityReport(month: $month) {
  month districtsReported districtsMissing total { ${FIGURES} }
  districts { districtCode districtName version receivedAt figures { ${FIGURES} } } } }`;
const BUREAU_VERSIONS = `query($d: String!, $month: String!) { bureauReportVersions(districtCode: $d, month: $month) { version figures { accepted } } }`;
const EXPORT = `query($month: String!, $unitCode: String, $format: ReportExportFormat) {
  monthlyReportExport(month: $month, unitCode: $unitCode, format: $format) { filename contentType base64 rowCount } }`;

/** A valid household application as the household service publishes it (no real person: the report never reads names). */
function snapshot(n: number, unitCode: string, status: 'ACCEPTED' | 'APPROVED', acceptedAt: string, updatedAt: string) {
  const number = `HH-${unitCode}-${String(n).padStart(4, '0')}`;
  return {
    number, service: 'household', policeType: 'HOUSEHOLD', itemCode: 'HH-ID-RENEW', itemName: '居民身份证换领', applicantIdNumber: '510107199001011234',
    applicantName: '测试', applicantPhone: null, status, unitCode, unitName: unitCode, firstInquiryOwnerSub: 'u-clerk', firstInquiryOwnerName: '王窗口',
    acceptedAt, deadline: '2026-10-30', deadlineProvisional: false, deadlineState: status === 'APPROVED' ? 'DONE' : 'ON_TIME', clockStoppedSince: status === 'APPROVED' ? updatedAt : null,
    promisedTimeLimit: { value: 15, unit: 'WORKING_DAYS' }, feeFen: 0, presentedMaterials: [], toleratedMaterials: [], form: {},
    timeline: [
      { at: acceptedAt, actorSub: 'u-clerk', actorName: '王窗口', actorRoles: ['CLERK'], action: 'ACCEPT', fromStatus: null, toStatus: 'ACCEPTED' },
      ...(status === 'APPROVED' ? [{ at: updatedAt, actorSub: 'u-officer', actorName: '李户政', actorRoles: ['OFFICER'], action: 'APPROVE', fromStatus: 'ACCEPTED', toStatus: 'APPROVED' }] : []),
    ],
    version: status === 'APPROVED' ? 2 : 1, updatedAt,
  };
}

describe('month close and push to the city bureau: two districts into one bureau', () => {
  // Only the counter runs: the gateway serves the committed supergraph instead of introspecting six subgraphs.
  const env = { CLOCK_FIXED_DATE: TODAY, SUPERGRAPH_SOURCE: 'file' };
  const bureau = new TestStack({ services: ['counter'], env: { ...env, BUREAU_MODE: 'true' } });
  let jinjiang: TestStack;
  let wuhou: TestStack;
  let bureauUrl = '';
  const tokens: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    await bureau.start();
    bureauUrl = `http://127.0.0.1:${bureau.ports.get('counter')}`;
    const district = (code: string) => new TestStack({ services: ['counter'], env: { ...env, BUREAU_URL: bureauUrl, BUREAU_DISTRICT_CODE: code } });
    jinjiang = district('510104');
    wuhou = district('510107');
    await Promise.all([jinjiang.start(), wuhou.start()]);
    for (const [name, s] of [['bureau', bureau], ['jinjiang', jinjiang], ['wuhou', wuhou]] as const) {
      tokens[name] = { analyst: await s.login('demo-analyst'), supervisor: await s.login('demo-supervisor'), citySupervisor: await s.login('demo-supervisor-city'), clerk: await s.login('demo-clerk') };
    }
  }, 300_000);
  afterAll(async () => {
    await Promise.all([bureau.stop(), jinjiang?.stop(), wuhou?.stop()]);
  }, 90_000);

  /** Publish application snapshots into a district's JetStream (its stack's own NATS), as the household service would. */
  const feed = async (s: TestStack, apps: ReturnType<typeof snapshot>[]) => {
    const nc = await s.natsConnect();
    try {
      const js = jetstream(nc);
      for (const a of apps) await js.publish(`${s.prefix}.household.v1.application.changed`, JSON.stringify(a), { msgID: `${a.number}-v${a.version}` });
    } finally {
      await nc.close();
    }
  };
  const monthAccepted = async (s: TestStack, unitCode: string) => {
    const r = await s.gql<{ monthlyReport: { figures: { accepted: number } } }>(`query($m: String!, $u: String) { monthlyReport(month: $m, unitCode: $u) { figures { accepted } } }`, { m: MONTH, u: unitCode }, tokens[s === jinjiang ? 'jinjiang' : 'wuhou']!.analyst);
    return r.data?.monthlyReport.figures.accepted ?? -1;
  };
  const city = async () => {
    const r = await bureau.gql<{ bureauCityReport: { total: Record<string, number>; districts: { districtCode: string; version: number; figures: Record<string, number> }[]; districtsReported: number; districtsMissing: string[] } }>(CITY, { month: MONTH }, tokens['bureau']!.analyst);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.bureauCityReport;
  };
  const bureauRows = async () => Number((await sql<{ n: string }>(bureau.databases.get('counter')!.url, 'SELECT count(*) AS n FROM bureau_report'))[0]!.n);

  it('both districts close the month; the signed pushes arrive; the city totals are the sum of the districts', async () => {
    // 锦江: 3 accepted in October at 春熙路, 2 of them approved; 武侯: 4 accepted at 浆洗街, 1 approved.
    await feed(jinjiang, [
      snapshot(1, '510104002', 'APPROVED', '2026-10-09T02:00:00.000Z', '2026-10-12T02:00:00.000Z'),
      snapshot(2, '510104002', 'APPROVED', '2026-10-13T02:00:00.000Z', '2026-10-15T02:00:00.000Z'),
      snapshot(3, '510104002', 'ACCEPTED', '2026-10-20T02:00:00.000Z', '2026-10-20T02:00:00.000Z'),
    ]);
    await feed(wuhou, [1, 2, 3, 4].map((n) => snapshot(n, '510107001', n === 1 ? 'APPROVED' : 'ACCEPTED', '2026-10-14T03:00:00.000Z', n === 1 ? '2026-10-16T03:00:00.000Z' : '2026-10-14T03:00:00.000Z')));
    await eventually(async () => (await monthAccepted(jinjiang, '510104')) === 3 && (await monthAccepted(wuhou, '510107')) === 4, 60_000);

    const closedJ = await jinjiang.gql<{ closeReportMonth: { version: number; pushStatus: string; figures: Record<string, number> } }>(CLOSE, { month: MONTH }, tokens['jinjiang']!.citySupervisor);
    expect(closedJ.errors).toBeUndefined();
    expect(closedJ.data!.closeReportMonth).toMatchObject({ version: 1, pushStatus: 'PENDING', figures: { accepted: 3 } });
    const closedW = await wuhou.gql<{ closeReportMonth: { version: number; figures: Record<string, number> } }>(CLOSE, { month: MONTH }, tokens['wuhou']!.analyst);
    expect(closedW.data!.closeReportMonth).toMatchObject({ version: 1, figures: { accepted: 4 } });

    await eventually(async () => (await city()).districtsReported === 2, 60_000);
    const c = await city();
    const dj = c.districts.find((d) => d.districtCode === '510104')!;
    const dw = c.districts.find((d) => d.districtCode === '510107')!;
    expect(dj.figures).toEqual(closedJ.data!.closeReportMonth.figures);
    expect(dw.figures).toEqual(closedW.data!.closeReportMonth.figures);
    for (const k of ['accepted', 'completed', 'completedOnTime'] as const) expect(c.total[k]).toBe(dj.figures[k]! + dw.figures[k]!);
    expect(c.total['accepted']).toBe(7);
    expect(c.districtsMissing).toEqual([]);

    await eventually(async () => {
      const v = await jinjiang.gql<{ reportCloseVersions: { pushStatus: string; bureauReceivedAt: string | null }[] }>(VERSIONS, { month: MONTH }, tokens['jinjiang']!.citySupervisor);
      return v.data?.reportCloseVersions[0]?.pushStatus === 'DELIVERED' && Boolean(v.data.reportCloseVersions[0].bureauReceivedAt);
    });
  });

  it('a late event corrects 武侯; closing again sends version 2, the bureau keeps both and the city totals follow', async () => {
    await feed(wuhou, [snapshot(5, '510107002', 'ACCEPTED', '2026-10-30T08:00:00.000Z', '2026-10-30T08:00:00.000Z')]);
    await eventually(async () => (await monthAccepted(wuhou, '510107')) === 5, 60_000);
    const again = await wuhou.gql<{ closeReportMonth: { version: number; figures: Record<string, number> } }>(CLOSE, { month: MONTH }, tokens['wuhou']!.supervisor);
    expect(again.data!.closeReportMonth).toMatchObject({ version: 2, figures: { accepted: 5 } });
    await eventually(async () => (await city()).total['accepted'] === 8, 60_000);
    const versions = await bureau.gql<{ bureauReportVersions: { version: number; figures: { accepted: number } }[] }>(BUREAU_VERSIONS, { d: '510107', month: MONTH }, tokens['bureau']!.citySupervisor);
    expect(versions.data!.bureauReportVersions).toEqual([{ version: 2, figures: { accepted: 5 } }, { version: 1, figures: { accepted: 4 } }]);
  });

  it('forged, replayed-with-other-content and unknown-district pushes are refused with typed errors and write nothing; an identical re-push is an idempotent 200', async () => {
    const before = await bureauRows();
    const [stored] = await sql<{ report: Record<string, unknown> }>(bureau.databases.get('counter')!.url, `SELECT report FROM bureau_report WHERE district_code = '510107' AND version = 2`);
    const post = async (report: unknown, opts: { district?: string; keyId?: string; key?: ReturnType<typeof createPrivateKey> } = {}) => {
      const district = opts.district ?? '510107';
      const keyId = opts.keyId ?? 'demo-510107';
      const body = JSON.stringify(report);
      const ts = String(Math.floor(Date.now() / 1000));
      const { createHash } = await import('node:crypto');
      const signed = `${district}\n${keyId}\n${ts}\n${createHash('sha256').update(body).digest('hex')}`;
      const key = opts.key ?? createPrivateKey({ key: Buffer.from('MC4CAQAwBQYDK2VwBCIEIGNayZJFMr7mQxRaeTuthQhqZtmsSrLIZpgQI03yKJX7', 'base64'), format: 'der', type: 'pkcs8' });
      const res = await fetch(`${bureauUrl}/bureau/reports`, {
        method: 'POST', body,
        headers: { 'content-type': BUREAU_PUSH_CONTENT_TYPE, [BUREAU_PUSH_HEADERS.district]: district, [BUREAU_PUSH_HEADERS.keyId]: keyId, [BUREAU_PUSH_HEADERS.timestamp]: ts, [BUREAU_PUSH_HEADERS.signature]: sign(null, Buffer.from(signed), key).toString('base64') },
      });
      return { status: res.status, body: (await res.json()) as { code?: string; duplicate?: boolean } };
    };
    const report = stored!.report;
    // Same version, same content (the district's retry after a lost answer): 200, nothing new.
    expect(await post(report)).toMatchObject({ status: 200, body: { duplicate: true } });
    // Signed with a key that is not 武侯's.
    expect(await post({ ...report, version: 3 }, { key: generateKeyPairSync('ed25519').privateKey })).toMatchObject({ status: 401, body: { code: 'BUREAU_SIGNATURE_INVALID' } });
    // Same version, other figures.
    const inflated = { ...report, closedBy: '伪造' };
    expect(await post(inflated)).toMatchObject({ status: 409, body: { code: 'BUREAU_VERSION_CONFLICT' } });
    // An old version that was never sent (not newer than the newest).
    expect(await post({ ...report, version: 1, closedBy: '旧版本' })).toMatchObject({ status: 409, body: { code: 'BUREAU_VERSION_CONFLICT' } });
    // A district the bureau has no key for.
    expect(await post({ ...report, districtCode: '510108', rows: [] }, { district: '510108', keyId: 'demo-510108' })).toMatchObject({ status: 403, body: { code: 'BUREAU_DISTRICT_UNKNOWN' } });
    // 武侯 signing figures for 锦江.
    expect(await post({ ...report, districtCode: '510104', version: 9 })).toMatchObject({ status: 401, body: { code: 'BUREAU_SIGNATURE_INVALID' } });
    expect(await bureauRows()).toBe(before);
    expect((await city()).total['accepted']).toBe(8);
  });

  it('bad input: a month not finished, a month in the future, a bad month, a station clerk; the city view only in bureau mode', async () => {
    expect(code(await wuhou.gql(CLOSE, { month: '2026-11' }, tokens['wuhou']!.supervisor))).toBe('REPORT_MONTH_NOT_FINISHED');
    expect(code(await wuhou.gql(CLOSE, { month: '2026-12' }, tokens['wuhou']!.supervisor))).toBe('REPORT_MONTH_IN_FUTURE');
    expect(code(await wuhou.gql(CLOSE, { month: '2026-13' }, tokens['wuhou']!.supervisor))).toBe('REPORT_MONTH_INVALID');
    expect(code(await wuhou.gql(CLOSE, { month: MONTH }, tokens['wuhou']!.clerk))).toBe('FORBIDDEN');
    expect(code(await wuhou.gql(CITY, { month: MONTH }, tokens['wuhou']!.analyst))).toBe('BUREAU_MODE_ONLY');
    expect(code(await bureau.gql(CITY, { month: MONTH }, tokens['bureau']!.supervisor))).toBe('REPORT_OUT_OF_JURISDICTION'); // a district supervisor
  });

  it('exports: XLSX with one sheet per police type parsed back, CSV with the BOM; 0 rows is a well-formed file; typed errors', async () => {
    const x = await wuhou.gql<{ monthlyReportExport: { filename: string; base64: string; rowCount: number } }>(EXPORT, { month: MONTH, unitCode: '510107', format: 'XLSX' }, tokens['wuhou']!.analyst);
    expect(x.errors).toBeUndefined();
    expect(x.data!.monthlyReportExport.filename).toBe(`月报-成都市公安局武侯区分局-${MONTH}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(x.data!.monthlyReportExport.base64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['户政', '出入境', '交管', '治安', '信访投诉']);
    const hh = book.getWorksheet('户政')!;
    expect(hh.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const last = hh.getRow(hh.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(4).value).toBe(5); // 受理件数

    const csv = await wuhou.gql<{ monthlyReportExport: { base64: string; contentType: string } }>(EXPORT, { month: MONTH, format: 'CSV' }, tokens['wuhou']!.supervisor);
    const bytes = Buffer.from(csv.data!.monthlyReportExport.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toContain('浆洗街派出所');

    const empty = await wuhou.gql<{ monthlyReportExport: { base64: string; rowCount: number } }>(EXPORT, { month: '2026-09', unitCode: '510107', format: 'CSV' }, tokens['wuhou']!.analyst);
    expect(empty.data!.monthlyReportExport.rowCount).toBe(0);
    expect(Buffer.from(empty.data!.monthlyReportExport.base64, 'base64').subarray(3).toString('utf8').trimEnd().split('\r\n')).toHaveLength(1);

    expect(code(await wuhou.gql(EXPORT, { month: '2027-01' }, tokens['wuhou']!.analyst))).toBe('REPORT_MONTH_IN_FUTURE');
    expect(code(await wuhou.gql(EXPORT, { month: MONTH, unitCode: '510199' }, tokens['wuhou']!.analyst))).toBe('REPORT_UNIT_UNKNOWN');
    expect(code(await wuhou.gql(EXPORT, { month: MONTH, unitCode: '510104' }, tokens['wuhou']!.supervisor))).toBe('REPORT_OUT_OF_JURISDICTION');
  });
});
