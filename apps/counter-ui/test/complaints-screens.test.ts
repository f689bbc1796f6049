import type { Page } from 'playwright-core';
import { TestStack } from '@onewindow/testing';
import { CounterWindow, settled, UI_DIR } from './counter-window.js';

/**
 * The complaints register's screens (信访投诉) in Chromium against the real stack, on the fixed
 * business date 2026-02-10: a clerk registers a window complaint (投诉登记); the complaints officer
 * finds it on the workbench (信访工作台), accepts it and asks for an extension; the supervisor
 * approves the extension; the officer answers; the clerk reopens it when the answer is disputed.
 * An analyst may not register.
 * Its own stack, so the complaint does not reach the other suites.
 */
describe('counter UI: the complaints register (信访投诉), in Chromium', () => {
  const stack = new TestStack({ env: { UI_DIR, CLOCK_FIXED_DATE: '2026-02-10' } });
  const counter = new CounterWindow(stack, 'UTC');
  let page: Page;
  let base: string;
  let number = '';
  const shot = (name: string) => counter.shot(name);
  const login = (username: string) => counter.signIn(username);

  beforeAll(async () => {
    await counter.start();
    ({ page, base } = counter);
  }, 240_000);

  afterAll(() => counter.stop(), 60_000);

  /** Open the detail drawer of the complaint from the workbench (with the default 查询事由). */
  const openDetail = async () => {
    await page.goto(`${base}/complaints`);
    const row = page.locator(`tr[data-complaint="${number}"]`);
    await row.waitFor();
    await row.click();
    await page.getByTestId('complaint-open').click();
    await settled(page, page.getByTestId('complaint-detail'));
  };

  /** Run one lifecycle step from the drawer and wait for the status it leads to. */
  const step = async (action: string, fill: Record<string, string>, status: string) => {
    await page.getByTestId(`complaint-action-${action}`).click();
    for (const [id, text] of Object.entries(fill)) await page.getByTestId(id).fill(text);
    await page.getByTestId('complaint-action-ok').click();
    await settled(page, page.locator(`[data-testid="complaint-detail"] [data-testid="complaint-status"][data-status="${status}"]`), { dialogAlertsOnly: true });
  };

  it('an analyst is refused the intake route with 403', async () => {
    await login('demo-analyst');
    await page.goto(`${base}/complaint-intake`);
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByTestId('forbidden').innerText()).toContain('投诉登记');
  });

  it('投诉登记: a clerk registers a window complaint and gets the tracking number', async () => {
    await login('demo-clerk');
    await page.keyboard.press('Alt+9');
    await page.waitForURL(/\/complaint-intake$/);
    await page.getByTestId('complaint-intake-form').waitFor();
    expect(await page.locator('.ant-select:has(#channel) .ant-select-selection-item').innerText()).toBe('窗口当面'); // clerks: window only
    await page.getByTestId('complaint-name').fill('张伟');
    await page.getByTestId('complaint-phone').fill('13800138000');
    await chooseOption(page, 'kind', '拖延');
    await chooseOption(page, 'policeType', '户政');
    await page.getByTestId('complaint-officer').fill('李户政');
    await page.getByTestId('complaint-content').fill('2 月 3 日在浆洗街派出所办理户口迁入，窗口称材料已齐但一周未有进展，电话询问无人答复。');
    await shot('complaint-intake');
    await page.getByTestId('complaint-submit').click();
    await settled(page, page.getByTestId('complaint-intake-success'));
    number = (await page.getByTestId('complaint-number').innerText()).trim();
    expect(number).toMatch(/^XF20260210\d+$/);
  });

  it('信访工作台: the complaints officer accepts it and asks for an extension, the supervisor approves, the officer answers', async () => {
    await login('demo-complaints');
    await page.goto(`${base}/complaints`);
    const row = page.locator(`tr[data-complaint="${number}"]`);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('已登记');
    expect(text).not.toContain('13800138000'); // masked on the workbench
    await shot('complaints-workbench');

    await openDetail();
    expect(await page.getByTestId('complaint-action-approve').count()).toBe(0); // supervisors only
    await step('accept', {}, 'ACCEPTED');
    await step('extend', { 'complaint-action-reason': '需调取窗口监控并约谈当事民警，60 日内难以办结' }, 'ACCEPTED');
    await page.getByTestId('complaint-detail').getByText('延期待批').first().waitFor();

    await login('demo-supervisor');
    await openDetail();
    await step('approve', { 'complaint-action-notice': '因需调取监控并约谈民警，办结期限延长 30 日' }, 'ACCEPTED');
    await page.getByTestId('complaint-detail').getByText('已延期').first().waitFor();
    expect(await page.getByTestId('complaint-action-accept').count()).toBe(0);

    await login('demo-complaints');
    await openDetail();
    await page.getByTestId('complaint-action-answer').click();
    await page.getByTestId('complaint-action-text').fill('经核查，该户口迁入件因系统故障积压，已于 2 月 10 日办结；已对窗口民警进行批评教育。');
    await chooseOption(page, 'finding', '部分属实');
    await page.getByTestId('complaint-action-ok').click();
    await settled(page, page.locator('[data-testid="complaint-detail"] [data-testid="complaint-status"][data-status="ANSWERED"]'), { dialogAlertsOnly: true });
    const timeline = await page.getByTestId('complaint-timeline').innerText();
    for (const action of ['登记', '受理', '申请延期', '批准延期', '答复']) expect(timeline).toContain(action);
    await page.getByTestId('complaint-action-close').waitFor();
    await shot('complaint-detail');
  });

  it('重新办理: the complainant disputes the answer at the window; the clerk finds it by number (masked) and reopens it', async () => {
    await login('demo-clerk');
    await page.goto(`${base}/complaint-intake`);
    await page.locator('input[data-testid="complaint-lookup"], [data-testid="complaint-lookup"] input').first().fill(number);
    await page.keyboard.press('Enter');
    await page.getByTestId('complaint-open').click();
    await settled(page, page.getByTestId('complaint-detail'));
    expect(await page.getByTestId('complaint-detail').innerText()).not.toContain('13800138000'); // clerks read masked
    expect(await page.getByTestId('complaint-action-close').count()).toBe(0); // complaints officers only
    await step('reopen', { 'complaint-action-reason': '投诉人对答复不满意，认为未说明积压原因' }, 'REOPENED');
    expect(await page.getByTestId('complaint-timeline').innerText()).toContain('重新办理');
    expect(counter.pageErrors).toEqual([]);
  });
});

async function chooseOption(page: Page, id: string, text: string): Promise<void> {
  await page.locator(`.ant-select:has(#${id}) .ant-select-selector`).click();
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${text}"]`).click();
  await page.locator(`.ant-select:has(#${id}) .ant-select-selection-item[title="${text}"]`).waitFor();
}
