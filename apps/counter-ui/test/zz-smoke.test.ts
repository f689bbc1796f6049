import { TestStack } from '@onewindow/testing';
import { CounterWindow, settled, UI_DIR } from './counter-window.js';

describe('smoke', () => {
  const stack = new TestStack({ env: { UI_DIR, CLOCK_FIXED_DATE: '2026-03-18', DEADLINE_JOB_INTERVAL_MS: '0' } });
  const counter = new CounterWindow(stack, 'UTC');
  beforeAll(() => counter.start(), 240_000);
  afterAll(() => counter.stop(), 60_000);
  it('renders', async () => {
    const page = counter.page;
    await counter.signIn('demo-analyst');
    await page.keyboard.press('Alt+m');
    await page.waitForURL(/\/report-dashboard/);
    const picker = page.getByTestId('report-month').locator('input');
    await picker.click();
    await picker.fill('2026-02');
    await picker.press('Enter');
    await settled(page, page.locator('[data-testid="report-result"][data-month="2026-02"][data-loading="false"]'));
    console.log(page.url());
    await page.screenshot({ path: '/tmp/e/city.png', fullPage: true });
    console.log(await page.getByTestId('report-children').innerText());
    const drill = page.getByTestId('report-drill');
    console.log('drill buttons', await drill.count());
    if (await drill.count()) { await drill.first().click(); await settled(page, page.locator('[data-testid="report-result"][data-level="DISTRICT"][data-loading="false"]')); await page.screenshot({ path: '/tmp/e/district.png', fullPage: true }); }
    await page.goto(`${counter.base}/report-dashboard?month=2026-03&unit=999999`);
    await page.getByTestId('error-alert').waitFor();
    console.log(await page.getByTestId('error-alert').innerText());
    console.log(counter.pageErrors);
  }, 120_000);
});
