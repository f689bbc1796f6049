import type { Page } from 'playwright-core';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { eventually, sql, TestStack } from '@onewindow/testing';
import path from 'node:path';
import { CounterWindow, settled, SHOTS, UI_DIR } from './counter-window.js';

/** Applications in the counter's inbox projection, as the police types' events leave them (accepted at three levels). */
const APPS = [
  ['HH20260302000001', '510107001101', '居民身份证补领', 'READY_FOR_PICKUP', '2026-03-02T09:30:00+08:00'],
  ['HH20260303000002', '510107001101', '居住证签注', 'ACCEPTED', '2026-03-03T10:00:00+08:00'],
  ['HH20260304000003', '5101070031', '户口迁入', 'IN_REVIEW', '2026-03-04T11:00:00+08:00'],
  ['EE20260305000004', '5101070031', '普通护照首次申领', 'ACCEPTED', '2026-03-05T14:00:00+08:00'],
  ['HH20260306000005', '510107001', '人才落户', 'IN_REVIEW', '2026-03-06T15:00:00+08:00'],
  ['HH20260309000006', '510107002', '户籍证明', 'APPROVED', '2026-03-09T09:00:00+08:00'],
  ['EE20260310000007', '510107', '往来台湾通行证申领', 'ACCEPTED', '2026-03-10T09:00:00+08:00'],
] as const;

/**
 * 服务网点, the catalog marks at a community point, 办理进度查询 and 办事指南 in Chromium against
 * the real counter and household service on Wednesday 2026-03-18: the district supervisor opens
 * the point tree with Alt+T and the March figures per point; the community clerk's catalog marks
 * the items to send elsewhere; a citizen scans the receipt's QR code (?number=…), gets the SMS code
 * and sees the progress; the guide shows the 六告知 without login.
 */
describe('counter UI: service points and the public self-service pages, in Chromium', () => {
  const stack = new TestStack({ services: ['counter', 'household'], env: { UI_DIR, SUPERGRAPH_SOURCE: 'file', CLOCK_FIXED_DATE: '2026-03-18', DEADLINE_JOB_INTERVAL_MS: '0' } });
  const counter = new CounterWindow(stack, 'Asia/Shanghai');
  let page: Page;
  let base: string;
  const shot = (name: string) => counter.shot(name);
  const db = () => stack.databases.get('counter')!.url;

  beforeAll(async () => {
    await counter.start();
    ({ page, base } = counter);
    for (const [number, unit, item, status, acceptedAt] of APPS) {
      const snapshot = {
        number, itemName: item, status, unitCode: unit, unitName: '成都市公安局武侯区分局浆洗街派出所', deadline: '2026-03-25', acceptedAt,
        applicantPhone: '13800138000', applicantName: '张伟', resultName: item.includes('身份证') ? '居民身份证' : null, deliveryMethod: 'WINDOW',
        pickupNotice: '办结后凭受理回执到受理窗口领取',
      };
      await sql(db(), `INSERT INTO inbox_application (number, police_type, service, item_code, item_name, applicant_id_number, applicant_name, status, unit_code, deadline, deadline_state, version, snapshot, updated_at)
        VALUES ($1, $2, $3, 'ITEM', $4, '510107198804129138', '张伟', $5, $6, '2026-03-25', 'ON_TRACK', 1, $7, now())`,
      [number, number.startsWith('EE') ? 'EXIT_ENTRY' : 'HOUSEHOLD', number.startsWith('EE') ? 'exit-entry' : 'household', item, status, unit, JSON.stringify(snapshot)]);
    }
    await eventually(async () => Number((await sql<{ n: string }>(db(), `SELECT count(*)::text AS n FROM catalog_item`))[0]!.n) >= 19, 60_000);
  }, 240_000);

  afterAll(() => counter.stop(), 60_000);

  it('服务网点: the tree of 武侯区 with Alt+T, what each level takes, and the March figures per point with a chart', async () => {
    await counter.signIn('demo-supervisor');
    await page.keyboard.press('Alt+t');
    await page.getByTestId('service-point-tree').waitFor();
    expect(await page.locator('[data-testid="service-point-tree"] [data-point]').count()).toBe(15);
    await page.locator('[data-point="510107001101"]').click();
    await page.getByTestId('service-point-detail').getByText('洗面桥社区综合服务中心').waitFor();
    await page.getByTestId('figures-from').fill('2026-03-01');
    await page.getByTestId('figures-to').fill('2026-03-31');
    await page.locator('[data-point-row="510107001101"]').getByText('2', { exact: true }).waitFor();
    await page.getByTestId('service-point-chart').locator('svg').waitFor();
    expect(await page.locator('[data-point-row="5101070031"] td').nth(2).innerText()).toBe('2');
    expect(await page.locator('[data-point-row="510107"] td').nth(2).innerText()).toBe('3'); // the hall and two stations' windows
    await shot('service-points-tree-and-figures');
    await page.getByRole('tab', { name: /社区综合服务中心/ }).click();
    await page.locator('[data-level="COMMUNITY"] [data-item]').first().waitFor();
    expect(await page.locator('[data-level="COMMUNITY"] [data-item]').count()).toBe(6);
    await page.getByTestId('service-point-levels').screenshot({ path: path.join(SHOTS, 'service-points-levels.png') });
  });

  it('事项查询 at a community point marks the items it does not take, naming where to go', async () => {
    await counter.signIn('demo-clerk-community');
    await page.getByTestId('citizen-id').fill(DEMO_PERSON_IDS.adult);
    await page.keyboard.press('Enter');
    await page.getByTestId('person-card').waitFor();
    await page.goto(`${base}/catalog?q=户口`);
    const row = page.locator('tr', { has: page.getByTestId('catalog-item-HH-MOVE-IN') });
    await row.getByTestId('not-delegated').waitFor();
    expect(await row.getByTestId('not-delegated').innerText()).toBe('不在本网点受理 → 请到浆洗街街道公安一站式服务办证点');
    await shot('service-points-catalog-marks');
    // The accept page says so before the form is filled (the counter refuses it anyway).
    await row.getByTestId('accept-HH-MOVE-IN').click();
    const warning = page.getByTestId('accept-not-delegated');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('该事项不在本网点（洗面桥社区公安服务点）受理');
    await shot('service-points-accept-not-delegated');
    await page.goto(`${base}/accept/HH-ID-CARD-REPLACE`);
    await page.getByTestId('accept-form').waitFor();
    expect(await page.getByTestId('accept-not-delegated').count()).toBe(0);
    await page.goto(`${base}/catalog?q=居住证`);
    await page.getByTestId('catalog-item-HH-RESIDENCE-PERMIT').waitFor();
    expect(await page.getByTestId('not-delegated').count()).toBe(0);
    await page.goto(`${base}/service-points`);
    await page.getByTestId('my-point').waitFor();
  });

  it('办理进度查询: the receipt QR code opens the page with the number; a wrong code is refused, the right one shows the progress', async () => {
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${base}/progress?number=HH20260302000001`);
    expect(await page.getByTestId('progress-number').inputValue()).toBe('HH20260302000001');
    await page.getByTestId('progress-phone').fill('13800138000');
    await page.getByTestId('progress-send-code').click();
    await page.getByTestId('progress-code-sent').waitFor();
    const [sms] = await eventually(async () => {
      const rows = await sql<{ text: string }>(db(), `SELECT text FROM sms_message WHERE template = 'PROGRESS_QUERY_CODE'`);
      return rows.length ? rows : undefined;
    });
    const code = /验证码为(\d{6})/.exec(sms!.text)![1]!;
    await page.getByTestId('progress-code').fill(code === '000000' ? '111111' : '000000');
    await page.getByTestId('progress-submit').click();
    await page.locator('[data-testid="error-alert"][data-code="VERIFICATION_CODE_INVALID"]').waitFor();
    await shot('progress-wrong-code');
    await page.getByTestId('progress-code').fill(code);
    await page.getByTestId('progress-submit').click();
    await settled(page, page.getByTestId('progress-result'));
    expect(await page.getByTestId('progress-status').innerText()).toBe('已办好，待领取');
    const text = await page.getByTestId('progress-result').innerText();
    expect(text).toContain('洗面桥社区公安服务点');
    expect(text).toContain('现在即可领取');
    for (const personal of ['张伟', '13800138000', '510107198804129138']) expect(text).not.toContain(personal);
    await shot('progress-result');
  });

  it('办事指南: the catalog with its 六告知, without login', async () => {
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${base}/guide`);
    await page.getByTestId('guide-search').fill('身份证');
    await page.getByTestId('guide-search').press('Enter');
    await page.locator('[data-guide-item="HH-ID-CARD-REPLACE"]').click();
    const notices = page.getByTestId('guide-notices-HH-ID-CARD-REPLACE');
    await notices.waitFor();
    const text = await notices.innerText();
    for (const heading of ['服务事项', '材料', '收费', '流程', '时限', '监督']) expect(text).toContain(heading);
    expect(text).toContain('社区综合服务中心');
    await shot('guide-item');
    expect(counter.pageErrors).toEqual([]);
  });
});
