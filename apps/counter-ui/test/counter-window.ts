import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { TestStack } from '@onewindow/testing';

/**
 * What the browser suites share: the built UI, Debian's Chromium, a window PC's page against a
 * real stack, sign-in as a demo account, documentation screenshots.
 */
const HERE = path.dirname(fileURLToPath(import.meta.url));
export const UI_DIR = path.resolve(HERE, '../dist');
export const SHOTS = path.resolve(HERE, '../../../docs/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The window PC: one page of the counter UI served by the stack's gateway, in a given time zone. */
export class CounterWindow {
  browser!: Browser;
  page!: Page;
  /** The gateway's origin, which serves the UI. */
  base = '';
  /** Uncaught errors of the page: a story ends by expecting none. */
  readonly pageErrors: string[] = [];

  constructor(private readonly stack: TestStack, private readonly timezoneId: string) {}

  async start(): Promise<void> {
    if (!existsSync(path.join(UI_DIR, 'index.html'))) throw new Error(`${UI_DIR} has no index.html: run \`npm run build -w @onewindow/counter-ui\` first`);
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`node scripts/ensure-chromium.mjs\``);
    mkdirSync(SHOTS, { recursive: true });
    await this.stack.start();
    this.base = this.stack.gatewayUrl.replace(/\/graphql$/, '');
    this.browser = await launchChromium();
    const context = await this.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: this.timezoneId });
    this.page = await context.newPage();
    this.page.setDefaultTimeout(15_000);
    this.page.on('pageerror', (e) => this.pageErrors.push(e.message));
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.stack.stop();
  }

  /** A full-page screenshot into docs/screenshots, without the transient toasts. */
  async shot(name: string): Promise<void> {
    await this.page.waitForTimeout(300); // let antd's transitions settle
    await this.page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, style: '.ant-message { display: none !important; }' });
  }

  /**
   * Sign in afresh with the keyboard (the session lives in sessionStorage: clearing it signs the
   * previous user out); the username field has the focus on arrival.
   */
  async signIn(username: string): Promise<void> {
    const page = this.page;
    await page.goto(this.base);
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${this.base}/login`);
    const user = page.getByTestId('login-username');
    await user.waitFor();
    if (!(await isFocused(user))) throw new Error('the username field should have the focus on the login page');
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type('demo');
    await page.keyboard.press('Enter');
    await page.getByTestId('current-user').waitFor();
  }
}

export async function isFocused(locator: { evaluate<R>(fn: (el: Element) => R): Promise<R> }): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
}

/**
 * Wait for `target`, or fail at once with the Chinese error the UI shows instead (an error alert —
 * only in a dialog when `dialogAlertsOnly` —, a form-field hint in a dialog, or a toast), so a
 * failing run says why rather than only timing out.
 */
export async function settled(page: Page, target: Locator, { dialogAlertsOnly = false } = {}): Promise<void> {
  const alert = dialogAlertsOnly ? '.ant-modal-content [data-testid="error-alert"]' : '[data-testid="error-alert"]';
  const shown = page.locator(`${alert}, .ant-modal-content .ant-form-item-explain-error, .ant-message-error`);
  await target.or(shown).first().waitFor();
  if (!(await target.isVisible())) throw new Error(`the UI reported an error instead: ${(await shown.first().innerText()).trim()}`);
}
