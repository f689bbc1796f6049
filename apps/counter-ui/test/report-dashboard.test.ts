import type { Page } from 'playwright-core';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { eventually, TestStack } from '@onewindow/testing';
import { CounterWindow, settled, UI_DIR } from './counter-window.js';

const ITEM = 'HH-ID-CARD-REPLACE';
const APPLICANT = DEMO_PERSON_IDS.adult; // 张伟, 13800138000
const FORM = { applicantName: '张伟', applicantIdNumber: APPLICANT, contactPhone: '13800138000', replaceReason: '丢失', pickupMethod: '窗口领取' };
const ALL_MATERIALS = ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'];

/**
 * 月报看板 in Chromium against the real stack on Wednesday 2026-03-18. The month's figures come
 * from real work at two windows, through the services' own events into the counter's report
 * aggregates (nothing written to the aggregates by the test):
 *
 * | ref | station                 | what happens                                                          |
 * | W1  | 510107001 武侯 浆洗街    | one-time notice (LOSS_STATEMENT missing), then accepted from it; 审核 → 核准 → 制证完成 → 窗口领取 → 办结 |
 * | W2  | 510107001               | accepted complete, still in progress                                   |
 * | J1  | 510104002 锦江           | accepted, rated 满意 on the window's rating screen                     |
 * | J2  | 510104002               | accepted, rated 基本满意                                               |
 *
 * March, city 5101: accepted 4, one notice (returned complete), 武侯 completes 1 on time, 锦江 has
 * 2 evaluations → 满意率 50.0 %, 武侯 none → "—". February is empty: 环比 +4.
 */
describe('counter UI: 月报看板 (bureau dashboard), in Chromium', () => {
  const stack = new TestStack({ env: { UI_DIR, CLOCK_FIXED_DATE: '2026-03-18', DEADLINE_JOB_INTERVAL_MS: '0' }, sequential: true });
  const counter = new CounterWindow(stack, 'UTC');
  let page: Page;
  let base: string;
  const shot = (name: string) => counter.shot(name);

  beforeAll(async () => {
    await counter.start();
    ({ page, base } = counter);
    await seed();
  }, 480_000);

  afterAll(() => counter.stop(), 60_000);

  async function seed() {
    const [clerk, jj, officer, analyst] = await Promise.all(['demo-clerk', 'demo-clerk-jinjiang', 'demo-household', 'demo-analyst'].map((u) => stack.login(u)));
    const gql = async <T = Record<string, { number: string }>>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
      const r = await stack.gql<T>(query, variables, token);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data!;
    };
    await eventually(async () => {
      const r = await stack.gql<{ catalogItems: { code: string }[] }>('{ catalogItems(keyword: "身份证") { code } }', {}, clerk);
      return r.data?.catalogItems.some((i) => i.code === ITEM);
    });
    const ACCEPT = 'mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) { __typename ... on Application { number } ... on OneTimeNotice { number } } }';
    const accept = async (key: string, token: string, extra: Record<string, unknown> = {}) =>
      (await gql<{ acceptApplication: { __typename: string; number: string } }>(ACCEPT, {
        input: { idempotencyKey: `ui-report-${key}`, itemCode: ITEM, applicantIdNumber: APPLICANT, presentedMaterials: ALL_MATERIALS, form: FORM, ...extra },
      }, token)).acceptApplication;
    const transition = (token: string, input: Record<string, unknown>) => gql('mutation($input: TransitionApplicationInput!) { transitionApplication(input: $input) { status } }', { input }, token);

    // 武侯: W1 from a one-time notice, completed; W2 in progress.
    const notice = await accept('w1-notice', clerk, { presentedMaterials: ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER'] });
    expect(notice.__typename).toBe('OneTimeNotice');
    const w1 = await accept('w1', clerk, { fromNoticeNumber: notice.number });
    expect(w1.__typename).toBe('Application');
    for (const action of ['START_REVIEW', 'APPROVE', 'MARK_READY']) await transition(officer, { number: w1.number, action });
    await transition(clerk, { number: w1.number, action: 'DELIVER', deliveryMethod: 'WINDOW' });
    await transition(clerk, { number: w1.number, action: 'CLOSE' });
    await accept('w2', clerk);

    // 锦江: two applications rated on the window's rating screen.
    const { startRatingPairing } = await gql<{ startRatingPairing: { code: string } }>('mutation { startRatingPairing(windowNo: "1") { code } }', {}, jj);
    const { pairRatingDevice } = await gql<{ pairRatingDevice: { deviceToken: string } }>('mutation($c: String!) { pairRatingDevice(code: $c) { deviceToken } }', { c: startRatingPairing.code });
    for (const [ref, rating] of [['j1', 'SATISFIED'], ['j2', 'BASIC']] as const) {
      const app = await accept(ref, jj);
      const { presentVisitForRating } = await gql<{ presentVisitForRating: { id: string } }>(
        'mutation($input: PresentVisitInput!) { presentVisitForRating(input: $input) { id } }', { input: { windowNo: '1', applicationNumber: app.number } }, jj);
      await gql('mutation($input: SubmitWindowRatingInput!) { submitWindowRating(input: $input) { level } }', { input: { deviceToken: pairRatingDevice.deviceToken, visitId: presentVisitForRating.id, rating } });
    }

    // The aggregates are fed by events: wait until every figure of the fixture has arrived.
    await eventually(async () => {
      const r = await stack.gql<{ monthlyReport: { figures: { accepted: number; completed: number; noticesIssued: number; evaluations: number } } }>(
        '{ monthlyReport(month: "2026-03") { figures { accepted completed noticesIssued evaluations } } }', {}, analyst);
      const f = r.data?.monthlyReport.figures;
      return f && f.accepted === 4 && f.completed === 1 && f.noticesIssued === 1 && f.evaluations === 2;
    }, 60_000);
  }

  const result = (unit: string) => page.locator(`[data-testid="report-result"][data-month="2026-03"][data-unit="${unit}"][data-loading="false"]`);
  const kpi = async (key: string) => (await page.getByTestId(`report-kpi-${key}`).locator('.ant-statistic-content').innerText()).replace(/\s+/g, '');
  const lines = async (table: string) =>
    (await page.getByTestId(table).locator('tbody tr[data-key]').allInnerTexts()).map((t) => t.split('\t').map((c) => c.trim()));
  const chartsRendered = async () => {
    for (const chart of ['report-chart-on-time', 'report-chart-backlog', 'report-chart-satisfaction', 'report-chart-notices']) {
      await page.locator(`[data-testid="${chart}"] svg`).first().waitFor();
    }
  };

  it('the analyst reads the city for March, with 环比 and charts, then drills down district → station → items and back', async () => {
    await counter.signIn('demo-analyst');
    await page.keyboard.press('Alt+m');
    await page.waitForURL(/\/report-dashboard/);
    const picker = page.getByTestId('report-month').locator('input');
    await picker.click();
    await picker.fill('2026-03');
    await picker.press('Enter');
    await settled(page, result('5101'));
    expect(await page.getByTestId('report-result').getAttribute('data-level')).toBe('CITY');
    expect(await kpi('accepted')).toBe('4件');
    expect(await kpi('completed')).toBe('1件');
    expect(await kpi('onTimeRate')).toBe('100.0%');
    expect(await kpi('satisfactionRate')).toBe('50.0%');
    expect(await kpi('noticesIssued')).toBe('1份');
    expect(await page.getByTestId('report-kpi-accepted-mom').innerText()).toContain('+4');
    expect(await page.getByTestId('report-kpi-onTimeRate-mom').innerText()).toContain('—'); // nothing completed in February
    await chartsRendered();
    // Every district of the city (short names), 锦江 rated, 武侯 not (满意率 "—", never 0 %).
    const districts = await lines('report-children');
    const byName = Object.fromEntries(districts.map((d) => [d[0], d]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['武侯区分局', '锦江区分局']));
    // columns: 分局, 受理, 受理环比, 办结, 按时办结率, 超期积压, 平均用时, 告知书, 告知后补齐率, 容缺, 移交, 移交按时率, 短信, 上门, 评价, 满意率, 信访投诉
    expect(byName['武侯区分局']!.slice(1, 9)).toEqual(['2', '+2', '1', '100.0%', '0', expect.stringMatching(/^\d+\.\d$/), '1', '100.0%']);
    expect(byName['武侯区分局']![15]).toBe('—');
    expect(byName['锦江区分局']!.slice(1, 5)).toEqual(['2', '+2', '0', '—']);
    expect(byName['锦江区分局']!.slice(14, 16)).toEqual(['2', '50.0%']);
    await shot('report-dashboard-city');

    // 武侯 → its stations.
    await page.getByTestId('report-children').locator('tr[data-key="510107"]').getByTestId('report-drill').click();
    await settled(page, result('510107'));
    expect(await page.getByTestId('report-result').getAttribute('data-level')).toBe('DISTRICT');
    expect(await kpi('accepted')).toBe('2件');
    const stations = await lines('report-children');
    expect(stations.map((s) => s[0])).toContain('浆洗街派出所');
    await chartsRendered();

    // 浆洗街 → its items.
    await page.getByTestId('report-children').locator('tr[data-key="510107001"]').getByTestId('report-drill').click();
    await settled(page, result('510107001'));
    expect(await page.getByTestId('report-result').getAttribute('data-level')).toBe('STATION');
    const items = await lines('report-children');
    const idCard = items.find((i) => i[0]!.includes('居民身份证'));
    expect(idCard?.slice(1, 5)).toEqual(['2', '+2', '1', '100.0%']);
    expect(await page.getByTestId('report-children').getByTestId('report-drill').count()).toBe(0); // items are the bottom
    await chartsRendered();
    expect(await page.getByTestId('report-breadcrumb').innerText()).toMatch(/成都市公安局\s*\/\s*武侯区分局\s*\/\s*浆洗街派出所/);
    await shot('report-dashboard-station');

    // Back to the city through the breadcrumb.
    await page.getByTestId('report-crumb-0').click();
    await settled(page, result('5101'));
    expect(await kpi('accepted')).toBe('4件');
  });

  it('a district supervisor sees the district; another district is refused in Chinese', async () => {
    await counter.signIn('demo-supervisor');
    await page.goto(`${base}/report-dashboard?month=2026-03`);
    await settled(page, result('510107'));
    expect(await kpi('accepted')).toBe('2件');
    expect((await lines('report-children')).map((s) => s[0])).toContain('浆洗街派出所');

    await page.goto(`${base}/report-dashboard?month=2026-03&unit=510104`); // 锦江: not theirs
    const alert = page.getByTestId('error-alert');
    await alert.waitFor();
    expect(await alert.getAttribute('data-code')).toBe('REPORT_OUT_OF_JURISDICTION');
    expect(await alert.innerText()).toMatch(/[\u4e00-\u9fff]/);
    await page.getByTestId('report-crumb-0').click(); // 本单位
    await settled(page, result('510107'));

    await counter.signIn('demo-clerk'); // a window clerk has no dashboard
    await page.goto(`${base}/report-dashboard`);
    await page.getByTestId('forbidden').waitFor();
    expect(counter.pageErrors).toEqual([]);
  });
});
