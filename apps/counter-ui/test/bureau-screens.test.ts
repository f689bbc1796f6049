import { readFileSync } from 'node:fs';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Page } from 'playwright-core';
import { freePort, TestStack } from '@onewindow/testing';
import { CounterWindow, settled, UI_DIR } from './counter-window.js';

/**
 * 月报报送 and 全市汇总 in Chromium against a real counter on 2026-11-10. To keep the machine's
 * load down, one counter plays both parts: it is the 武侯 district deployment (BUREAU_DISTRICT_CODE
 * 510107) and, with BUREAU_MODE, the bureau it pushes to (BUREAU_URL = itself) — the same signed
 * HTTP path as two sites (apps/gateway/test/bureau.test.ts runs them apart). Figures arrive as
 * application.changed events, as the household service would publish them.
 */
const MONTH = '2026-10';

function snapshot(n: number, unitCode: string, approved: boolean) {
  const acceptedAt = `2026-10-${String(10 + n).padStart(2, '0')}T02:00:00.000Z`;
  const updatedAt = approved ? `2026-10-${String(12 + n).padStart(2, '0')}T02:00:00.000Z` : acceptedAt;
  return {
    number: `HH-UI-${n}`, service: 'household', policeType: 'HOUSEHOLD', itemCode: 'HH-ID-RENEW', itemName: '居民身份证换领', applicantIdNumber: '510107199001011234',
    applicantName: '测试', applicantPhone: null, status: approved ? 'APPROVED' : 'ACCEPTED', unitCode, unitName: unitCode, firstInquiryOwnerSub: 'u-clerk', firstInquiryOwnerName: '王窗口',
    acceptedAt, deadline: '2026-10-30', deadlineProvisional: false, deadlineState: approved ? 'DONE' : 'ON_TIME', clockStoppedSince: approved ? updatedAt : null,
    promisedTimeLimit: { value: 15, unit: 'WORKING_DAYS' }, feeFen: 0, presentedMaterials: [], toleratedMaterials: [], form: {},
    timeline: [
      { at: acceptedAt, actorSub: 'u-clerk', actorName: '王窗口', actorRoles: ['CLERK'], action: 'ACCEPT', fromStatus: null, toStatus: 'ACCEPTED' },
      ...(approved ? [{ at: updatedAt, actorSub: 'u-officer', actorName: '李户政', actorRoles: ['OFFICER'], action: 'APPROVE', fromStatus: 'ACCEPTED', toStatus: 'APPROVED' }] : []),
    ],
    version: approved ? 2 : 1, updatedAt,
  };
}

describe('counter UI: 月报报送 and 全市汇总, in Chromium', () => {
  const stack = new TestStack({ services: ['counter'], env: { UI_DIR, SUPERGRAPH_SOURCE: 'file', CLOCK_FIXED_DATE: '2026-11-10', BUREAU_MODE: 'true', BUREAU_DISTRICT_CODE: '510107' } });
  const counter = new CounterWindow(stack, 'UTC');
  let page: Page;
  let base: string;
  let nc: NatsConnection;
  const shot = (name: string) => counter.shot(name);

  beforeAll(async () => {
    const port = await freePort();
    stack.ports.set('counter', port);
    stack.options.env!['BUREAU_URL'] = `http://127.0.0.1:${port}`;
    await counter.start();
    ({ page, base } = counter);
    nc = await stack.natsConnect();
    const js = jetstream(nc);
    for (const a of [snapshot(1, '510107001', true), snapshot(2, '510107001', true), snapshot(3, '510107002', false)]) {
      await js.publish(`${stack.prefix}.household.v1.application.changed`, JSON.stringify(a), { msgID: `${a.number}-v${a.version}` });
    }
  }, 240_000);
  afterAll(async () => {
    await nc?.close();
    await counter.stop();
  }, 60_000);

  it('月报报送: the district supervisor closes October; the version is signed, pushed and shown as received; the month downloads as Excel and CSV', async () => {
    await counter.signIn('demo-supervisor');
    await page.goto(`${base}/report-close`);
    await page.getByTestId('close-month').fill(MONTH);
    await page.getByText('该月尚未结账').waitFor();
    await page.getByTestId('close-run').click();
    await page.getByRole('button', { name: '结账报送' }).click();
    await page.locator('[data-testid="close-versions"] tr[data-version="1"][data-status="DELIVERED"]').waitFor({ timeout: 60_000 });
    const row = await page.locator('tr[data-version="1"]').innerText();
    expect(row).toContain('市局已接收');
    expect(row).toContain('成都市公安局武侯区分局');
    expect(row.split('\t')[4]).toBe('3'); // 受理
    await shot('report-close');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('close-export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toBe(`月报-成都市公安局武侯区分局-${MONTH}.xlsx`);
    expect(readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe('PK');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('close-export-csv').click()]);
    const bytes = readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('浆洗街派出所');
  });

  it('全市汇总: the city analyst sees 武侯\'s newest version, the city totals, the chart, and every version', async () => {
    await counter.signIn('demo-analyst');
    await page.goto(`${base}/bureau-reports`);
    await page.getByTestId('city-month').fill(MONTH);
    await page.getByTestId('city-run').click();
    await settled(page, page.locator(`[data-testid="city-result"][data-month="${MONTH}"]`));
    await page.locator('[data-testid="city-chart"] svg').first().waitFor();
    expect(await page.getByTestId('city-missing').innerText()).toContain('锦江区分局'); // registered (demo key), not reported
    const districts = await page.getByTestId('city-districts').locator('tbody tr').allInnerTexts();
    expect(districts[0]!.split('\t').slice(0, 2).map((c) => c.trim())).toEqual(['成都市公安局武侯区分局', '第 1 版']);
    expect((await page.getByTestId('city-total').innerText()).split('\t').slice(0, 2).map((c) => c.trim())).toEqual(['全市合计', '3']);
    await shot('bureau-reports');
    await page.getByTestId('city-district-510107').click();
    expect((await page.getByTestId('city-versions').locator('tbody tr').allInnerTexts()).length).toBe(1);
  });
});
