import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { TestStack } from '@onewindow/testing';
import { CounterWindow, settled, SHOTS, UI_DIR } from './counter-window.js';

/**
 * 好差评 in Chromium against the real stack, on the fixed business date 2026-02-10 (a Tuesday; the
 * city's rectification period set to 3 working days): the clerk pairs window 3's rating screen (a
 * second browser, no sign-in), accepts an ID-card replacement and presents it; the citizen screen
 * shows it masked and the citizen rates 不满意 (态度不好); the supervisor finds the 回访核实 task,
 * reads the phone (audited), records the callback and the rectification; the monthly figures show
 * the officer below 70% with both flags. Its own stack, so the evaluation does not reach the other suites.
 */
const ITEM = 'HH-ID-CARD-REPLACE';
const APPLICANT = DEMO_PERSON_IDS.adult; // 张伟, 13800138000

describe('counter UI: evaluations (好差评) and callbacks (回访核实), in Chromium', () => {
  const stack = new TestStack({ env: { UI_DIR, CLOCK_FIXED_DATE: '2026-02-10', EVALUATION_RECTIFY_WORKING_DAYS_BY_CITY: '5101:3' } });
  const counter = new CounterWindow(stack, 'UTC');
  let page: Page;
  let tablet: Page;
  let base: string;
  let number = '';
  const tabletErrors: string[] = [];
  const shot = (name: string) => counter.shot(name);

  beforeAll(async () => {
    await counter.start();
    ({ page, base } = counter);
    const context = await counter.browser.newContext({ viewport: { width: 1180, height: 820 }, locale: 'zh-CN', timezoneId: 'UTC' });
    tablet = await context.newPage();
    tablet.setDefaultTimeout(15_000);
    tablet.on('pageerror', (e) => tabletErrors.push(e.message));
  }, 240_000);

  afterAll(() => counter.stop(), 60_000);

  it('评价屏: the clerk pairs window 3; the tablet enters the code and waits', async () => {
    await counter.signIn('demo-clerk');
    await page.goto(`${base}/rating-pairing`);
    await page.getByTestId('rating-window-no').fill('3');
    await page.getByTestId('rating-window-save').click();
    await page.getByTestId('rating-pairing-start').click();
    await settled(page, page.getByTestId('rating-pairing-code'));
    const code = (await page.getByTestId('rating-pairing-code').innerText()).trim();
    expect(code).toMatch(/^[2-9A-Z]{8}$/);
    await shot('rating-pairing');

    await tablet.goto(`${base}/rating-screen`);
    await tablet.getByTestId('rating-code').fill(code);
    await tablet.getByTestId('rating-pair').click();
    await tablet.locator('[data-testid="rating-idle"]:has-text("3 号窗口")').waitFor();
    await tablet.screenshot({ path: path.join(SHOTS, 'rating-screen-idle.png'), fullPage: true });
  });

  it('the clerk accepts an ID-card replacement and presents it; the citizen sees it masked and rates 不满意 (态度不好)', async () => {
    // The window's usual path: read the citizen, find the item, accept.
    await page.goto(`${base}/citizen`);
    await page.getByTestId('citizen-id').fill(APPLICANT);
    await page.keyboard.press('Enter');
    await page.getByTestId('person-card').waitFor();
    await page.getByTestId('citizen-item-search').fill('身份证');
    await page.keyboard.press('Enter');
    await page.getByTestId(`accept-${ITEM}`).click();
    await page.getByTestId('accept-form').waitFor();
    for (const m of ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT']) await page.getByTestId(`material-${m}`).check();
    await page.locator('#form_contactPhone').fill('13800138000');
    await chooseOption(page, 'form_replaceReason', '丢失');
    await chooseOption(page, 'form_pickupMethod', '窗口领取');
    await page.getByTestId('accept-submit').click();
    await settled(page, page.getByTestId('accept-success'));
    number = (await page.getByTestId('accepted-number').innerText()).trim();
    await page.getByTestId('present-for-rating').click();
    await page.locator('[data-testid="present-for-rating"]:has-text("已推送评价")').waitFor();

    const visit = tablet.getByTestId('rating-visit');
    await visit.waitFor();
    const text = await visit.innerText();
    expect(text).toContain(number);
    expect(text).toContain('居民身份证补领');
    expect(text).toContain('张*');
    expect(text).toContain(`${APPLICANT.slice(0, 6)}********${APPLICANT.slice(-4)}`);
    expect(text).not.toContain(APPLICANT);
    await tablet.screenshot({ path: path.join(SHOTS, 'rating-screen-visit.png'), fullPage: true });
    await tablet.getByTestId('rate-DISSATISFIED').click();
    await tablet.getByTestId('rating-reasons').waitFor();
    await tablet.getByTestId('reason-ATTITUDE').click();
    await tablet.screenshot({ path: path.join(SHOTS, 'rating-screen-reasons.png'), fullPage: true });
    await tablet.getByTestId('rating-submit').click();
    await tablet.getByTestId('rating-thanks').waitFor();
    await tablet.screenshot({ path: path.join(SHOTS, 'rating-screen-thanks.png'), fullPage: true });
  });

  it('回访核实: the supervisor reads the phone, records the callback and the rectification', async () => {
    await counter.signIn('demo-supervisor');
    await page.goto(`${base}/callbacks`);
    const row = page.locator(`tr[data-callback="${number}"]`);
    await row.waitFor();
    const text = await row.innerText();
    for (const s of ['待回访', '不满意', '态度不好', '王窗口', '3 号窗口', '138****8000', '回访 2026-02-11', '整改 2026-02-13']) expect(text).toContain(s);
    await row.getByTestId('callback-show-phone').click();
    await row.locator('[data-testid="callback-phone"]:has-text("13800138000")').waitFor();
    await shot('callbacks');

    await row.getByTestId('callback-action-callback').click();
    await page.getByTestId('callback-step-text').fill('已电话回访，群众反映窗口人员语气生硬、解释不耐心');
    await page.getByTestId('callback-step-ok').click();
    await settled(page, row.locator('[data-testid="callback-status"][data-status="CALLED_BACK"]'), { dialogAlertsOnly: true });
    await row.getByTestId('callback-action-resolve').click();
    await page.getByTestId('callback-step-text').fill('已约谈窗口民警并进行批评教育，落实文明用语规范');
    await page.getByTestId('callback-step-ok').click();
    await settled(page, row.locator('[data-testid="callback-status"][data-status="RECTIFIED"]'), { dialogAlertsOnly: true });
    expect(await row.innerText()).toContain('已短信告知评价人');
    await shot('callbacks-resolved');
  });

  it('好差评统计: the officer below 70% carries both flags, a clerk rated 满意 five times gets five stars; the chart draws the 90% and 70% lines', async () => {
    // Another station's window 1 (through the API): five acceptances rated 满意 on its screen.
    const jj = await stack.login('demo-clerk-jinjiang');
    const gql = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
      const r = await stack.gql<T>(query, variables, token);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data!;
    };
    const { startRatingPairing } = await gql<{ startRatingPairing: { code: string } }>('mutation { startRatingPairing(windowNo: "1") { code } }', {}, jj);
    const { pairRatingDevice } = await gql<{ pairRatingDevice: { deviceToken: string } }>('mutation($c: String!) { pairRatingDevice(code: $c) { deviceToken } }', { c: startRatingPairing.code });
    for (let i = 0; i < 5; i++) {
      const { acceptApplication } = await gql<{ acceptApplication: { number: string } }>(
        'mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) { ... on Application { number } } }',
        { input: { idempotencyKey: `ui-evaluation-jj-${i}`, itemCode: ITEM, applicantIdNumber: APPLICANT, presentedMaterials: ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'],
          form: { applicantName: '张伟', applicantIdNumber: APPLICANT, contactPhone: '13800138000', replaceReason: '丢失', pickupMethod: '窗口领取' } } }, jj);
      const { presentVisitForRating } = await gql<{ presentVisitForRating: { id: string } }>(
        'mutation($input: PresentVisitInput!) { presentVisitForRating(input: $input) { id } }', { input: { windowNo: '1', applicationNumber: acceptApplication.number } }, jj);
      await gql('mutation($input: SubmitWindowRatingInput!) { submitWindowRating(input: $input) { level } }',
        { input: { deviceToken: pairRatingDevice.deviceToken, visitId: presentVisitForRating.id, rating: 'SATISFIED' } });
    }

    await counter.signIn('demo-analyst'); // the city: both stations
    await page.goto(`${base}/evaluation-figures`);
    await page.getByTestId('figures-month').fill('2026-02');
    const row = page.locator('[data-testid="figures-officers"] tr[data-figure="demo-clerk"]');
    await row.waitFor();
    const text = await row.innerText();
    for (const s of ['王窗口', '0.0%', '取消年度评优资格', '全局通报']) expect(text).toContain(s);
    const good = page.locator('[data-testid="figures-officers"] tr[data-figure="demo-clerk-jinjiang"]');
    expect(await good.innerText()).toContain('100.0%');
    expect(await good.locator('.anticon-star').count()).toBe(5);
    expect(await good.getByTestId('figure-flag').count()).toBe(0);
    const chart = await page.getByTestId('figures-chart').first().locator('svg').first().innerHTML();
    expect(chart).toContain('90% 取消年度评优资格');
    expect(chart).toContain('70% 全局通报');
    await shot('evaluation-figures');
    expect(counter.pageErrors).toEqual([]);
    expect(tabletErrors).toEqual([]);
  });
});

async function chooseOption(page: Page, id: string, text: string): Promise<void> {
  await page.locator(`.ant-select:has(#${id}) .ant-select-selector`).click();
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${text}"]`).click();
  await page.locator(`.ant-select:has(#${id}) .ant-select-selection-item[title="${text}"]`).waitFor();
}
