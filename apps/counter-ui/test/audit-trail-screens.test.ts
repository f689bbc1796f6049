import { readFileSync } from 'node:fs';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { Page } from 'playwright-core';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { eventually, TestStack } from '@onewindow/testing';
import { CounterWindow, settled, UI_DIR } from './counter-window.js';

/**
 * 审计查询 in Chromium against the real stack: a clerk reads a citizen (household) and checks a
 * travel document (exit-entry), someone fails to sign in as the clerk; the city supervisor finds
 * it all on the 审计查询 screen across services, pages, downloads Excel and CSV; a clerk is
 * refused the screen. Screenshot: audit-trail.
 */
/** The services one after another: on a loaded shared machine six parallel boots outlast the readiness wait. */
describe('counter UI: the supervisors audit trail, in Chromium', () => {
  const stack = new TestStack({ env: { UI_DIR }, sequential: true });
  const counter = new CounterWindow(stack, 'Asia/Shanghai');
  let page: Page;
  let base: string;
  const login = (username: string) => counter.signIn(username);

  beforeAll(async () => {
    await counter.start();
    ({ page, base } = counter);
    const clerk = await stack.login('demo-clerk');
    await stack.gql('mutation { login(username: "demo-clerk", password: "not-the-password") { token } }');
    const citizen = await stack.gql('query($id: String!) { citizen(idNumber: $id, purpose: "窗口核验") { name } }', { id: DEMO_PERSON_IDS.adult }, clerk);
    if (citizen.errors) throw new Error(JSON.stringify(citizen.errors));
    await stack.gql('query { travelDocument(number: "E00000001", purpose: "核验来人所持证件") { number } }', {}, clerk);
  }, 480_000);

  afterAll(() => counter.stop(), 60_000);

  it('审计查询: the city supervisor finds one clerk reads and sign-ins across services, pages, exports', async () => {
    await login('demo-supervisor-city');
    await page.goto(`${base}/audit-trail`);
    await page.getByTestId('audit-officer').fill('demo-clerk');
    await page.getByTestId('audit-run').click();
    const result = page.getByTestId('audit-result');
    await settled(page, result);
    const rows = page.getByTestId('audit-entry');
    await rows.first().waitFor();
    const actions = await rows.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-service')}:${e.getAttribute('data-action')}`));
    expect(actions).toEqual(expect.arrayContaining(['household:CITIZEN_360_READ', 'exit-entry:TRAVEL_DOCUMENT_READ', 'counter:SIGN_IN', 'counter:SIGN_IN_FAILED']));
    const texts = (await result.innerText());
    expect(texts).toContain('查询公民信息');
    expect(texts).toContain('登录失败');
    expect(texts).not.toContain(DEMO_PERSON_IDS.adult); // masked by default
    expect(await page.getByTestId('audit-unanswered').count()).toBe(0);
    await counter.shot('audit-trail');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^审计记录_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe('PK');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-csv').click()]);
    const bytes = readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toBe('时间,服务,操作人,操作人单位代码,操作人单位,操作类型,对象类型,对象,事由,结果,详情');

    // Narrowed by action: only the failed sign-in.
    await page.getByTestId('audit-officer').fill('demo-clerk');
    await page.getByTestId('audit-action').fill('SIGN_IN_FAILED');
    await page.getByTestId('audit-run').click();
    await page.locator('[data-testid="audit-entry"][data-action="SIGN_IN_FAILED"]').first().waitFor();
    await page.locator('[data-testid="audit-entry"][data-action="SIGN_IN"]').waitFor({ state: 'detached' });
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['SIGN_IN_FAILED']);
  });

  it('系统状态: every service up; a message no consumer can apply shows as a dead letter (issue 13)', async () => {
    // A malformed application event on household's stream: the counter's inbox projection and the
    // complaints' evaluation consumer each give it up at once (invalid, never retried).
    await stack.publishRaw('household.v1.application.changed', { number: 'not-a-snapshot' }, natsHeaders());
    await login('demo-supervisor-city');
    await page.goto(`${base}/system-status`);
    const status = page.getByTestId('system-status');
    await status.waitFor();
    const dead = (service: string) => page.locator(`[data-testid="system-status-row"][data-service="${service}"] [data-testid="system-status-dead"]`);
    await eventually(async () => {
      await page.getByTestId('system-status-refresh').click();
      await settled(page, status);
      return (await dead('counter').innerText()).trim() !== '0' && (await dead('complaints').innerText()).trim() !== '0';
    }, 60_000);
    expect(await page.locator('[data-testid="system-status-db"][data-ok="true"]').count()).toBe(6);
    expect(await page.locator('[data-testid="system-status-nats"][data-ok="true"]').count()).toBe(6);
    expect(await dead('household').innerText()).toBe('0');
    await page.getByTestId('system-status-dead-alert').waitFor();
    expect(await page.getByTestId('system-status-dead-alert').innerText()).toContain('死信');
    await counter.shot('system-status');
  });

  it('a clerk has no 审计查询 screen', async () => {
    await login('demo-clerk');
    await page.goto(`${base}/audit-trail`);
    await page.getByTestId('forbidden').waitFor();
    expect(counter.pageErrors).toEqual([]);
  });
});
