import type { Page } from 'playwright-core';
import { eventually, sql, TestStack } from '@onewindow/testing';
import { CounterWindow, UI_DIR } from './counter-window.js';

/** Closed March cases in the counter's inbox projection (as the police types' events leave them). */
const CASES = [
  ['HH-510107001-20260303-0001', '510107001', 'demo:demo-clerk', '居民身份证换领', '张三', '110105194912310025'],
  ['HH-510107001-20260304-0002', '510107001', 'demo:demo-clerk', '户口迁入', '李四', '110105195001010011'],
  ['HH-510107001-20260305-0003', '510107001', 'demo:demo-household', '居民身份证换领', '王五', '110105196002020022'],
  ['HH-510107002-20260306-0004', '510107002', 'demo:insp-wangjiang-1', '居住证', '赵六', '110105197003030033'],
  ['HH-510107002-20260309-0005', '510107002', 'demo:insp-wangjiang-1', '户口迁入', '钱七', '110105198004040044'],
  ['EE-510107003-20260310-0006', '510107003', 'demo:insp-yulin-1', '普通护照', '孙八', '110105199005050055'],
  ['EE-510107003-20260311-0007', '510107003', 'demo:insp-yulin-1', '普通护照', '周九', '110105200006060066'],
  ['HH-510107001-20260312-0008', '510107001', 'demo:demo-clerk', '户口迁入', '吴十', '110105201007070077'],
] as const;

/**
 * 督察检查, 整改跟踪 and 双随机抽查 in Chromium against the real counter on Wednesday 2026-03-18:
 * the district supervisor records a monthly check of 浆洗街派出所 dated 03-02 with one problem
 * (5 working days → 03-09); the overdue job flags it; the station's clerk reports the
 * rectification and the supervisor closes it; then a 双随机 draw with a recorded seed, a masked
 * look at a drawn case's applicant (audited), results, publication and the public summary.
 */
describe('counter UI: supervision (督察), in Chromium', () => {
  const stack = new TestStack({ services: ['counter'], env: { UI_DIR, SUPERGRAPH_SOURCE: 'file', CLOCK_FIXED_DATE: '2026-03-18', DEADLINE_JOB_INTERVAL_MS: '1000' } });
  const counter = new CounterWindow(stack, 'UTC');
  let page: Page;
  let base: string;
  const shot = (name: string) => counter.shot(name);
  const login = (username: string) => counter.signIn(username);
  const db = () => stack.databases.get('counter')!.url;

  beforeAll(async () => {
    await counter.start();
    ({ page, base } = counter);
    for (const [number, unit, owner, item, name, id] of CASES) {
      await sql(db(), `INSERT INTO inbox_application (number, police_type, service, item_code, item_name, applicant_id_number, applicant_name, status, unit_code, deadline, deadline_state, version, snapshot, updated_at)
        VALUES ($1, $2, $3, 'ITEM', $4, $5, $6, 'CLOSED', $7, '2026-03-31', 'DONE', 5, $8, '2026-03-13T10:00:00+08:00')`,
      [number, number.startsWith('EE') ? 'EXIT_ENTRY' : 'HOUSEHOLD', number.startsWith('EE') ? 'exit-entry' : 'household', item, id, name, unit,
        JSON.stringify({ number, firstInquiryOwnerSub: owner, firstInquiryOwnerName: '受理人', applicantPhone: '13800138000' })]);
    }
  }, 240_000);

  afterAll(() => counter.stop(), 60_000);

  const pick = async (testId: string, option: string) => {
    await page.getByTestId(testId).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
  };

  it('督察检查: a monthly check with one problem, its officer and a 5-working-day period', async () => {
    await login('demo-supervisor');
    await page.goto(`${base}/supervision-inspections`);
    await pick('inspection-template', '月度检查');
    await pick('inspection-unit', '浆洗街派出所');
    const date = page.locator('[data-testid="inspection-form-card"] .ant-picker input');
    await date.click();
    await date.fill('2026-03-02');
    await date.press('Tab'); // not Enter: that would submit the form
    expect(await date.inputValue()).toBe('2026-03-02');
    const row = page.locator('[data-item="ONE_TIME_NOTICE"]');
    await row.locator('label', { hasText: '发现问题' }).click();
    await page.getByTestId('finding-description-ONE_TIME_NOTICE').fill('两份一次性告知单未写明补正材料');
    await page.getByTestId('finding-officer-name-ONE_TIME_NOTICE').fill('王窗口');
    await page.getByTestId('finding-officer-account-ONE_TIME_NOTICE').fill('demo-clerk');
    await page.getByTestId('finding-days-ONE_TIME_NOTICE').fill('5');
    await page.locator('[data-item="PERSONAL_DATA"] label', { hasText: '不适用' }).click();
    await shot('supervision-inspection-form');
    await page.getByTestId('inspection-submit').click();
    await page.locator('[data-testid="inspection-list"] tr', { hasText: '2026-03-02' }).waitFor();
    await shot('supervision-inspections');
    const [inspection] = await sql<{ template_version: number; inspected_on: string }>(db(), `SELECT template_version, to_char(inspected_on, 'YYYY-MM-DD') AS inspected_on FROM supervision_inspection`);
    expect(inspection).toEqual({ template_version: 1, inspected_on: '2026-03-02' });
  });

  it('整改跟踪: the overdue finding is highlighted; the clerk reports, the supervisor closes it', async () => {
    await eventually(async () => (await sql(db(), `SELECT 1 FROM supervision_finding WHERE overdue`)).length > 0);
    await page.goto(`${base}/supervision-findings`);
    const row = page.locator('tr[data-finding="ONE_TIME_NOTICE"]');
    await row.waitFor();
    expect(await row.getAttribute('data-overdue')).toBe('true');
    expect(await row.innerText()).toContain('2026-03-09');
    await shot('supervision-findings-overdue');

    await login('demo-clerk');
    await page.goto(`${base}/supervision-findings`);
    await page.locator('tr[data-finding="ONE_TIME_NOTICE"]').getByTestId('finding-report').click();
    await page.getByTestId('finding-step-text').fill('已补写两份告知单并组织窗口人员学习');
    await page.getByTestId('finding-step-ok').click();
    await page.locator('tr[data-finding="ONE_TIME_NOTICE"] [data-status="RECTIFIED"]').waitFor();

    await login('demo-supervisor');
    await page.goto(`${base}/supervision-findings`);
    await page.locator('tr[data-finding="ONE_TIME_NOTICE"]').getByTestId('finding-verify').click();
    await page.getByTestId('finding-step-text').fill('核验属实');
    await page.getByTestId('finding-step-ok').click();
    await page.locator('tr[data-finding="ONE_TIME_NOTICE"] [data-status="CLOSED"]').waitFor();
    await shot('supervision-findings-closed');
  });

  it('双随机抽查: draw with a seed, a masked look at an applicant (audited), results, publication and the public summary', async () => {
    await page.goto(`${base}/random-inspections`);
    await page.getByTestId('draw-unit').fill('510107');
    await page.getByTestId('draw-month').fill('2026-03');
    await page.getByTestId('draw-seed').fill('march-2026-a');
    await page.getByTestId('draw-submit').click();
    const card = page.getByTestId('draw-card');
    await card.waitFor();
    const rows = card.locator('tr[data-case]');
    await rows.nth(3).waitFor();
    expect(await rows.count()).toBe(4);

    await rows.first().getByTestId('draw-party-masked').click();
    await eventually(async () => (await rows.first().getByTestId('draw-party').innerText()).includes('*'));
    const first = await rows.first().getAttribute('data-case');
    expect(await sql(db(), `SELECT 1 FROM audit_log WHERE action = 'SUPERVISION_CASE_READ' AND subject_ref = $1`, [first])).toHaveLength(1);

    for (let i = 0; i < 4; i++) {
      await rows.nth(i).locator('label', { hasText: i === 0 ? '发现问题' : '合格' }).click();
      await eventually(async () => (await sql(db(), `SELECT 1 FROM supervision_draw_case WHERE result <> 'PENDING'`)).length === i + 1);
    }
    await shot('supervision-random-draw');
    await page.getByTestId('draw-publish').click();
    await page.locator('[data-testid="published-table"] tr', { hasText: '2026-03' }).waitFor();
    await page.getByTestId('published-chart').locator('svg').first().waitFor();
    const published = await page.getByTestId('published-card').innerText();
    for (const [number, , , , name] of CASES) {
      expect(published).not.toContain(number);
      expect(published).not.toContain(name);
    }
    await shot('supervision-random-published');
    expect(counter.pageErrors).toEqual([]);
  });
});
