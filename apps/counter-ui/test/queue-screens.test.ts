import type { Page } from 'playwright-core';
import { eventually, sql, TestStack } from '@onewindow/testing';
import path from 'node:path';
import { CounterWindow, settled, SHOTS, UI_DIR } from './counter-window.js';

const UNIT = '510107001';

/**
 * 排队叫号 in Chromium against the real counter on Wednesday 2026-03-18: citizens take tickets at
 * the public kiosk (green channel, SMS request); the clerk signs in at window 2 on 叫号工作台 and
 * works the queue bar with F-keys (call, recall, finish, transfer, pause → typed error, resume);
 * the public hall display shows the calls, the next numbers and a paused window as 暂停服务, and
 * announces a new call aloud (speechSynthesis, zh-CN — recorded by a stub in the page).
 */
describe('counter UI: queue (排队叫号), in Chromium', () => {
  const stack = new TestStack({ services: ['counter'], env: { UI_DIR, SUPERGRAPH_SOURCE: 'file', CLOCK_FIXED_DATE: '2026-03-18' } });
  const counter = new CounterWindow(stack, 'Asia/Shanghai');
  let page: Page;
  let base: string;
  const shot = (name: string) => counter.shot(name);
  const db = () => stack.databases.get('counter')!.url;
  const barTicket = () => page.getByTestId('queue-bar-ticket').innerText();

  beforeAll(async () => {
    await counter.start();
    ({ page, base } = counter);
  }, 240_000);

  afterAll(() => counter.stop(), 60_000);

  const takeAtKiosk = async (kiosk: Page, group: string, opts: { priority?: string; phone?: string } = {}) => {
    await kiosk.getByTestId(`kiosk-group-${group}`).click();
    if (opts.priority) await kiosk.getByTestId(`kiosk-priority-${opts.priority}`).click();
    if (opts.phone) await kiosk.getByTestId('kiosk-phone').fill(opts.phone);
    await kiosk.getByTestId('kiosk-take').click();
    await settled(kiosk, kiosk.getByTestId('kiosk-ticket'));
    return kiosk.getByTestId('kiosk-ticket-number').innerText();
  };

  it('取号机: a citizen picks a group, the green channel and an SMS reminder; the number and the count ahead', async () => {
    await page.goto(`${base}/kiosk/${UNIT}`);
    await page.getByTestId('kiosk-group-HOUSEHOLD').waitFor();
    expect(await page.getByTestId('kiosk').innerText()).toContain('浆洗街派出所');
    await page.getByTestId('kiosk-group-HOUSEHOLD').click();
    await page.getByTestId('kiosk-priority-ELDERLY_70').click();
    await shot('queue-kiosk');
    await page.getByTestId('kiosk-take').click();
    await settled(page, page.getByTestId('kiosk-ticket'));
    expect(await page.getByTestId('kiosk-ticket-number').innerText()).toBe('A001');
    expect(await page.getByTestId('kiosk-ticket').innerText()).toContain('绿色通道（70岁以上老人）');
    await page.getByTestId('kiosk-done').click();

    for (let i = 0; i < 4; i++) {
      expect(await takeAtKiosk(page, 'HOUSEHOLD')).toBe(`A00${i + 2}`);
      await page.getByTestId('kiosk-done').click();
    }
    expect(await takeAtKiosk(page, 'HOUSEHOLD', { phone: '13912345678' })).toBe('A006');
    expect(await page.getByTestId('kiosk-ticket-ahead').innerText()).toContain('5');
    expect(await page.getByTestId('kiosk-ticket').innerText()).toContain('将短信提醒您');
    await shot('queue-kiosk-ticket');
    await page.getByTestId('kiosk-done').click();
    // A wrong phone number is refused in Chinese; nothing is taken.
    await page.getByTestId('kiosk-group-EXIT_ENTRY').click();
    await page.getByTestId('kiosk-phone').fill('12345');
    await page.getByTestId('kiosk-take').click();
    await page.getByTestId('error-alert').waitFor();
    expect(await page.getByTestId('error-alert').innerText()).toContain('手机号');
    expect(Number((await sql(db(), `SELECT count(*) AS n FROM queue_ticket`))[0]!['n'])).toBe(6);
  });

  it('叫号工作台 and the queue bar: sign in at window 2, F2 calls the priority ticket, F3 recalls, F7 finishes, F9 transfers, F10 pauses', async () => {
    await counter.signIn('demo-clerk');
    expect(await page.getByTestId('queue-bar').count()).toBe(0); // not at a window yet: no bar
    await page.keyboard.press('Alt+w');
    await page.waitForURL(/\/queue$/);
    await page.getByTestId('queue-window-2').waitFor();
    await page.getByTestId('queue-window-2').getByTestId('queue-window-sign-in').click();
    await page.getByTestId('queue-bar').waitFor();
    expect(await page.getByTestId('queue-bar-window').innerText()).toBe('2 号窗口');
    await eventually(async () => (await page.getByTestId('queue-window-2').getAttribute('data-state')) === 'OPEN');
    await page.getByTestId('queue-waiting-chart').locator('svg').waitFor();
    await shot('queue-desk');

    await page.keyboard.press('F2');
    await eventually(async () => (await barTicket()) === 'A001');
    expect(await page.getByTestId('queue-bar').innerText()).toContain('70岁以上老人');
    await page.keyboard.press('F3');
    await eventually(async () => (await page.getByTestId('queue-bar').innerText()).includes('已重呼 1/2'));
    await shot('queue-bar');
    await page.keyboard.press('F7');
    await eventually(async () => (await barTicket()) === '无');
    await page.keyboard.press('F2');
    await eventually(async () => (await barTicket()) === 'A002');

    // F9: transfer A002 to the 出入境 group; it keeps its number.
    await page.keyboard.press('F9');
    await page.getByTestId('queue-transfer-to-group').click();
    await page.getByTestId('queue-transfer-target').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '出入境业务' }).click();
    await page.getByTestId('queue-transfer-ok').click();
    await eventually(async () => (await barTicket()) === '无');
    const moved = await sql(db(), `SELECT group_code, state, transfer_count FROM queue_ticket WHERE number = 'A002'`);
    expect(moved[0]).toMatchObject({ group_code: 'EXIT_ENTRY', state: 'WAITING', transfer_count: 1 });

    // F10: pause with a reason; F2 is then refused in Chinese (nothing called); F10 again resumes.
    await page.keyboard.press('F10');
    await page.getByTestId('queue-pause-reason').waitFor();
    await page.getByTestId('queue-pause-ok').click();
    await eventually(async () => (await page.getByTestId('queue-bar-window-state').innerText()).includes('暂停服务'));
    await page.keyboard.press('F2');
    const refused = page.getByTestId('queue-bar').getByTestId('error-alert');
    await refused.waitFor();
    expect(await refused.getAttribute('data-code')).toBe('QUEUE_WINDOW_PAUSED');
    expect(await refused.innerText()).toContain('窗口暂停服务中');
    await page.keyboard.press('F10');
    await eventually(async () => (await page.getByTestId('queue-bar-window-state').innerText()) === '开放');
  });

  it('大厅叫号屏: the calls, the next numbers, 暂停服务 for a paused window, and a new call spoken aloud in zh-CN', async () => {
    // Window 3 opens and pauses from the desk (the hall screen must say 暂停服务, not look unmanned).
    await page.getByTestId('queue-window-3').getByTestId('queue-window-open').click();
    await eventually(async () => (await page.getByTestId('queue-window-3').getAttribute('data-state')) === 'OPEN');
    await page.getByTestId('queue-window-3').getByTestId('queue-window-pause').click();
    await page.getByTestId('queue-desk-pause-ok').click();
    await eventually(async () => (await page.getByTestId('queue-window-3').getAttribute('data-state')) === 'PAUSED');

    const hall = await counter.browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const display = await hall.newPage();
    await display.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { __spoken: typeof spoken }).__spoken = spoken;
      class Utterance { lang = ''; rate = 1; constructor(public text: string) {} }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
      Object.defineProperty(window, 'speechSynthesis', { value: { speak: (u: Utterance) => spoken.push({ text: u.text, lang: u.lang }) } });
    });
    await display.goto(`${base}/hall-display/${UNIT}`);
    await display.getByTestId('hall-display-window-3').waitFor();
    expect(await display.getByTestId('hall-display-window-3').innerText()).toContain('暂停服务');

    await page.keyboard.press('F2');
    await eventually(async () => (await barTicket()) === 'A003');
    await eventually(async () => (await display.getByTestId('hall-display-calls').innerText()).includes('A003'));
    const spoken = await eventually(async () => {
      const s = await display.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);
      return s.length ? s : null;
    });
    expect(spoken).toEqual([{ text: '请 A003 号到 2 号窗口办理', lang: 'zh-CN' }]);
    expect(await display.getByTestId('hall-display-window-2').innerText()).toContain('A003');
    expect(await display.getByTestId('hall-display-next').innerText()).toMatch(/A004\s+A005\s+A006/);
    const text = await display.getByTestId('hall-display').innerText();
    expect(text).not.toMatch(/王窗口|139/);
    await display.waitForTimeout(300);
    await display.screenshot({ path: path.join(SHOTS, 'queue-hall-display.png'), fullPage: true });
    await hall.close();
    expect(counter.pageErrors).toEqual([]);
  });
});
