import type { Page } from 'playwright-core';
import { eventually, sql, TestStack } from '@onewindow/testing';
import { CounterWindow, UI_DIR } from './counter-window.js';

const APP = 'HH20260318000001';
const CITIZEN = { name: '赵老太', id: '510107193805120020', phone: '13912345678', address: '成都市武侯区浆洗街 12 号 3 栋 2 单元 501' };

/**
 * 上门服务 and 首问登记 in Chromium against the real counter on Wednesday 2026-03-18: the clerk opens
 * 上门服务 with Alt+V, records a request with the keyboard (N), assigns it to 黄社区; the community
 * officer schedules the visit and records it done with the application accepted at home; the full
 * record is shown after a purpose (audited); a backdated open visit is flagged overdue for the
 * supervisor. The clerk records a first inquiry (Alt+F); the supervisor sees the masked list per
 * officer with its chart and opens one record (audited).
 */
describe('counter UI: home visits (上门服务) and first-inquiry records (首问登记), in Chromium', () => {
  const stack = new TestStack({ services: ['counter', 'household'], env: { UI_DIR, SUPERGRAPH_SOURCE: 'file', CLOCK_FIXED_DATE: '2026-03-18', DEADLINE_JOB_INTERVAL_MS: '500' } });
  const counter = new CounterWindow(stack, 'Asia/Shanghai');
  let page: Page;
  let base: string;
  const shot = (name: string) => counter.shot(name);
  const login = (username: string) => counter.signIn(username);
  const db = () => stack.databases.get('counter')!.url;

  beforeAll(async () => {
    await counter.start();
    ({ page, base } = counter);
    // The household service publishes its catalog at boot; the counter's index takes it from the stream.
    await eventually(async () => (await sql(db(), `SELECT 1 FROM catalog_item WHERE police_type = 'HOUSEHOLD'`)).length > 0);
    await sql(db(), `INSERT INTO inbox_application (number, police_type, service, item_code, item_name, applicant_id_number, applicant_name, status, unit_code, deadline, deadline_state, version, snapshot, updated_at)
      VALUES ($1, 'HOUSEHOLD', 'household', 'HH-ID-CARD-RENEW', '居民身份证换领', $2, $3, 'ACCEPTED', '510107001', '2026-04-15', 'ON_TIME', 1, $4, now())`, [APP, CITIZEN.id, CITIZEN.name, JSON.stringify({ number: APP })]);
  }, 240_000);

  afterAll(() => counter.stop(), 60_000);

  const pick = async (testId: string, option: string) => {
    await page.getByTestId(testId).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
  };

  it('the clerk records a request with the keyboard and assigns it to the station’s community officer', async () => {
    await login('demo-clerk');
    await page.keyboard.press('Alt+v');
    await page.getByTestId('home-visits-page').waitFor();
    expect(page.url()).toContain('/home-visits');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('n');
    await page.locator('.ant-modal', { hasText: '登记上门服务申请' }).waitFor();
    // Keyboard-first: the item search has the focus as soon as the dialog opens.
    await eventually(() => page.evaluate(() => document.activeElement?.closest('[data-testid="home-visit-item"]') != null));
    await page.keyboard.type('身份证');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '居民身份证换领' }).first().click();
    await page.getByTestId('home-visit-name').fill(CITIZEN.name);
    await page.getByTestId('home-visit-id').fill(CITIZEN.id);
    await page.getByTestId('home-visit-phone').fill(CITIZEN.phone);
    await page.getByTestId('home-visit-address').fill(CITIZEN.address);
    await page.getByTestId('home-visit-note').fill('中风后长期卧床，家属代为申请');
    await shot('home-visits-request');
    await page.getByTestId('home-visit-request-ok').click();
    const row = page.locator('tr[data-number="SM-20260318-0001"]');
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('2026-03-25');
    expect(text).toContain('城区 5 个工作日');
    expect(text).not.toContain(CITIZEN.phone);
    expect(text).not.toContain(CITIZEN.name);

    await row.getByTestId('home-visit-assign').click();
    await pick('home-visit-officer', '黄社区');
    await page.getByTestId('home-visit-assign-ok').click();
    await page.locator('tr[data-number="SM-20260318-0001"][data-status="ASSIGNED"]').waitFor();
    await shot('home-visits-list');
  });

  it('the community officer schedules the visit, records it done with the application, and opens the full record (audited)', async () => {
    await login('demo-community');
    await page.goto(`${base}/home-visits`);
    const row = page.locator('tr[data-number="SM-20260318-0001"]');
    await row.waitFor();
    await row.getByTestId('home-visit-schedule').click();
    await page.getByTestId('home-visit-schedule-at').fill('2026-03-20T09:30');
    await page.getByTestId('home-visit-schedule-ok').click();
    await page.locator('tr[data-number="SM-20260318-0001"][data-status="SCHEDULED"]').waitFor();
    expect(await row.innerText()).toContain('2026-03-20 09:30');

    await row.getByTestId('home-visit-view').click();
    await page.getByTestId('home-visit-purpose').fill('上门前核对地址');
    await page.getByTestId('home-visit-purpose').press('Enter');
    await page.getByTestId('home-visit-full').waitFor();
    expect(await page.getByTestId('home-visit-full').innerText()).toContain(CITIZEN.address);
    await shot('home-visits-full');
    expect(await sql(db(), `SELECT 1 FROM audit_log WHERE action = 'HOME_VISIT_READ' AND subject_ref = 'SM-20260318-0001' AND purpose = '上门前核对地址'`)).toHaveLength(1);
    await page.keyboard.press('Escape');

    await row.getByTestId('home-visit-outcome').click();
    await page.getByTestId('home-visit-application').fill('HH20260318000099');
    await page.getByTestId('home-visit-outcome-ok').click();
    await page.locator('.ant-modal [data-testid="error-alert"][data-code="HOME_VISIT_APPLICATION_NOT_FOUND"]').waitFor();
    await page.getByTestId('home-visit-application').fill(APP);
    await page.getByTestId('home-visit-outcome-note').fill('现场采集照片和指纹');
    await page.getByTestId('home-visit-outcome-ok').click();
    await page.locator('tr[data-number="SM-20260318-0001"][data-status="DONE"]').waitFor();
    expect(await row.innerText()).toContain(APP);
    await shot('home-visits-officer');
  });

  it('the supervisor sees an open visit past its deadline flagged overdue, on top and in red', async () => {
    await login('demo-clerk');
    await page.goto(`${base}/home-visits`);
    await page.getByTestId('home-visit-new').click();
    await page.getByTestId('home-visit-item').click();
    await page.keyboard.type('身份证');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '居民身份证换领' }).first().click();
    await page.getByTestId('home-visit-name').fill('钱大爷');
    await page.getByTestId('home-visit-id').fill('110105195001010012');
    await page.getByTestId('home-visit-phone').fill('13812340000');
    await page.getByTestId('home-visit-address').fill('成都市武侯区浆洗街 8 号 1 栋 101');
    await page.locator('.ant-modal label', { hasText: '行动不便老年人' }).click();
    await page.getByTestId('home-visit-request-ok').click();
    await page.locator('tr[data-number="SM-20260318-0002"]').waitFor();
    // As if requested two weeks earlier (the business date is pinned).
    await sql(db(), `UPDATE home_visit SET requested_on = '2026-03-04', deadline = '2026-03-11' WHERE number = 'SM-20260318-0002'`);
    await eventually(async () => (await sql(db(), `SELECT 1 FROM home_visit WHERE overdue`)).length > 0);

    await login('demo-supervisor');
    await page.goto(`${base}/home-visits`);
    const first = page.locator('[data-testid="home-visits-table"] tbody tr[data-number]').first();
    await first.waitFor();
    expect(await first.getAttribute('data-number')).toBe('SM-20260318-0002');
    expect(await first.getAttribute('data-overdue')).toBe('true');
    expect(await page.getByTestId('home-visits-summary').innerText()).toContain('已超期 1 件');
    await page.getByTestId('home-visits-chart').locator('svg').first().waitFor();
    await shot('home-visits-overdue');
  });

  it('首问登记: the clerk records an inquiry (Alt+F), the supervisor sees the masked list per officer with a chart and opens one (audited)', async () => {
    await login('demo-clerk');
    await page.keyboard.press('Alt+f');
    await page.getByTestId('first-inquiry-page').waitFor();
    await page.getByTestId('first-inquiry-name').fill('孙先生');
    await page.getByTestId('first-inquiry-contact').fill('13700001111');
    await page.getByTestId('first-inquiry-matter').fill('咨询护照办理需要的材料');
    await page.locator('label', { hasText: '引导至其他单位' }).click();
    await page.getByTestId('first-inquiry-directed-unit').fill('武侯区出入境接待大厅');
    await page.getByTestId('first-inquiry-directed-contact').fill('028-85551234');
    await shot('first-inquiry-record');
    await page.getByTestId('first-inquiry-directed-contact').press('Enter');
    await page.getByTestId('first-inquiry-recorded').waitFor();
    expect(await page.getByTestId('first-inquiry-recorded').innerText()).toContain('SW-20260318-0001');
    const mine = page.locator('tr[data-number="SW-20260318-0001"]');
    await mine.waitFor();
    expect(await mine.innerText()).not.toContain('13700001111');

    await login('demo-community');
    await page.goto(`${base}/first-inquiry`);
    await page.getByTestId('first-inquiry-name').fill('周女士');
    await page.getByTestId('first-inquiry-contact').fill('028-85550000');
    await page.getByTestId('first-inquiry-matter').fill('咨询户口迁入需要的材料');
    await page.getByTestId('first-inquiry-answer').fill('需户口簿、准迁证，到户籍窗口办理');
    await page.getByTestId('first-inquiry-submit').click();
    await page.getByTestId('first-inquiry-recorded').waitFor();

    await login('demo-supervisor');
    await page.goto(`${base}/first-inquiry`);
    await page.locator('tr[data-number="SW-20260318-0002"]').waitFor();
    await page.getByTestId('first-inquiry-chart').locator('svg').first().waitFor();
    const table = await page.getByTestId('first-inquiry-table').innerText();
    expect(table).not.toContain('孙先生');
    expect(table).not.toContain('13700001111');
    await shot('first-inquiry-list');
    await page.locator('tr[data-number="SW-20260318-0001"]').getByTestId('first-inquiry-view').click();
    await page.getByTestId('first-inquiry-purpose').fill('核实投诉所涉首问');
    await page.getByTestId('first-inquiry-purpose-ok').click();
    await page.getByTestId('first-inquiry-full').waitFor();
    expect(await page.getByTestId('first-inquiry-full').innerText()).toContain('13700001111');
    expect(await sql(db(), `SELECT 1 FROM audit_log WHERE action = 'FIRST_INQUIRY_READ' AND subject_ref = 'SW-20260318-0001'`)).toHaveLength(1);
    await shot('first-inquiry-full');
    expect(counter.pageErrors).toEqual([]);
  });
});
