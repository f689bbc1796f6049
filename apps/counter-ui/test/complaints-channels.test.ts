import type { Page } from 'playwright-core';
import { eventually, sql, TestStack } from '@onewindow/testing';
import { CounterWindow, settled, UI_DIR } from './counter-window.js';

/**
 * The complaint intake channels in Chromium against the real stack, on the fixed business date
 * 2026-02-10: a citizen uses the public 网上投诉 page (SMS code → tracking number, no login); a
 * complaints officer uploads a 12345 work-order file and reads its report; a city-level
 * supervisor reads and republishes the routing rules; the complaints officer sends the online
 * complaint to household for verification from the 信访工作台 drawer and sees the result come
 * back on its timeline. Its own stack.
 */
describe('counter UI: complaint channels, routing and transfer (信访渠道), in Chromium', () => {
  const stack = new TestStack({ env: { UI_DIR, CLOCK_FIXED_DATE: '2026-02-10', TRANSFER_JOB_INTERVAL_MS: '0' } });
  const counter = new CounterWindow(stack, 'UTC');
  let page: Page;
  let base: string;
  let number = '';
  const shot = (name: string) => counter.shot(name);
  const counterDb = () => stack.databases.get('counter')!.url;

  beforeAll(async () => {
    await counter.start();
    ({ page, base } = counter);
  }, 240_000);
  afterAll(() => counter.stop(), 60_000);

  it('网上投诉: without signing in, the citizen confirms the mobile with the SMS code and gets the tracking number', async () => {
    await page.goto(base);
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${base}/complaint-online`);
    await page.getByTestId('online-complaint-form').waitFor();
    await page.getByTestId('online-phone').fill('13912345678');
    await page.getByTestId('online-send-code').click();
    await settled(page, page.getByTestId('online-code-sent'));
    const sms = await eventually(async () =>
      (await sql<{ text: string }>(counterDb(), `SELECT text FROM sms_message WHERE phone = '13912345678' AND template = 'COMPLAINT_VERIFICATION_CODE'`))[0]);
    await page.getByTestId('online-code').fill(/验证码为(\d{6})/.exec(sms.text)![1]!);
    await page.getByTestId('online-name').fill('赵敏');
    await chooseOption(page, 'policeType', '户政');
    await chooseOption(page, 'responsibleUnitCode', '成都市公安局武侯区分局浆洗街派出所');
    await chooseOption(page, 'kind', '态度');
    await page.getByTestId('online-content').fill('2 月 9 日在浆洗街派出所办理居住证，窗口民警态度生硬，多次催促我离开。');
    await shot('complaint-online');
    await page.getByTestId('online-submit').click();
    await settled(page, page.getByTestId('online-complaint-done'));
    number = (await page.getByTestId('online-complaint-number').innerText()).trim();
    expect(number).toMatch(/^XF20260210\d{6}$/);
    await shot('complaint-online-done');
  });

  it('96166 热线: the complaints officer registers a hotline call with its call number and date', async () => {
    await counter.signIn('demo-complaints');
    await page.goto(`${base}/complaint-intake`);
    await page.getByTestId('complaint-intake-form').waitFor();
    await chooseOption(page, 'channel', '96166 热线');
    await page.getByTestId('complaint-name').fill('孙丽');
    await page.getByTestId('complaint-phone').fill('13600136000');
    await chooseOption(page, 'kind', '拖延');
    await chooseOption(page, 'policeType', '出入境');
    await page.getByTestId('complaint-channel-reference').fill('96166-20260209-0042');
    await page.getByTestId('complaint-received-on').fill('2026-02-09');
    await page.getByTestId('complaint-content').fill('来电反映港澳通行证签注办理超过承诺时限仍未办结。');
    await page.getByTestId('complaint-submit').click();
    await settled(page, page.getByTestId('complaint-intake-success'));
    expect((await page.getByTestId('complaint-number').innerText()).trim()).toMatch(/^XF20260209\d{6}$/);
  });

  it('12345 工单导入: the complaints officer uploads a file; the report lists the registered orders and the malformed row', async () => {
    await page.goto(`${base}/complaint-import`);
    await page.getByTestId('work-order-import').waitFor();
    const csv = [
      '\uFEFF工单编号,受理日期,诉求人姓名,联系电话,身份证号码,诉求内容,被投诉警种,被投诉单位代码,投诉类别,涉及民警,受理编号',
      'GD20260209001,2026-02-09,李娜,13900139000,,办理居住证时窗口人员态度生硬多次催促,户政,510107001,态度,,',
      'GD20260209002,2026-02-09,王强,139001390,,交管窗口排队两小时无人办理,交管,510107001,拖延,,',
      'GD20260210003,2026-02-10,陈静,13900139003,,"出入境窗口咨询时, 工作人员答复含糊",出入境,510107001,业务不熟,,',
    ].join('\r\n');
    await page.getByTestId('work-order-file').setInputFiles({ name: '12345-20260210.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('work-order-import-run').click();
    await settled(page, page.getByTestId('work-order-report'));
    expect(await page.getByTestId('work-order-taken').innerText()).toContain('GD20260210003');
    const errors = await page.getByTestId('work-order-errors').innerText();
    expect(errors).toContain('GD20260209002');
    expect(errors).toContain('联系电话');
    await shot('complaint-import');
  });

  it('信访分派规则: a city-level supervisor reads the rules and publishes them as a new version', async () => {
    await counter.signIn('demo-supervisor-city');
    await page.goto(`${base}/complaint-routing`);
    await page.locator('[data-testid="routing-rules"] tr[data-position="4"]').waitFor();
    expect(await page.getByTestId('routing-rules').innerText()).toContain('违纪投诉由市局督察支队承办');
    await shot('complaint-routing');
    await page.getByTestId('routing-edit').click();
    await page.getByTestId('routing-rule-1').locator('input').first().fill('违纪投诉一律由市局督察支队承办');
    await page.getByTestId('routing-note').fill('明确违纪投诉承办单位');
    await shot('complaint-routing-edit');
    await page.getByTestId('routing-publish').click();
    await page.getByTestId('routing-meta').getByText('第 2 版').waitFor();
    expect(await page.getByTestId('routing-rules').innerText()).toContain('违纪投诉一律由市局督察支队承办');
  });

  it('移交核查: from the workbench drawer the complaints officer sends the online complaint to household; the result lands on its timeline', async () => {
    await counter.signIn('demo-complaints');
    const openDetail = async () => {
      await page.goto(`${base}/complaints`);
      await page.locator(`tr[data-complaint="${number}"]`).click();
      await page.getByTestId('complaint-open').click();
      await settled(page, page.getByTestId('complaint-detail'));
    };
    await openDetail();
    expect(await page.getByTestId('complaint-detail').innerText()).toContain('网上');
    await page.getByTestId('complaint-action-transfer').click();
    await page.getByTestId('complaint-transfer-reason').fill('请核查 2 月 9 日浆洗街派出所居住证窗口的接待情况');
    await shot('complaint-transfer');
    await page.getByTestId('complaint-transfer-ok').click();
    await settled(page, page.locator('[data-testid="complaint-timeline"] [data-action="TRANSFER"]'), { dialogAlertsOnly: true });

    // The household officer works it on the transfer screens' API (signs for it, reports the result).
    const household = await stack.login('demo-household');
    const inbound = await eventually(async () =>
      (await stack.gql<{ transfers: { items: { id: string; caseRef: string }[] } }>('query { transfers(direction: INBOUND, limit: 50) { items { id caseRef } } }', {}, household))
        .data?.transfers.items.find((t) => t.caseRef === number));
    await stack.gql('mutation($id: ID!) { acknowledgeTransfer(input: { transferId: $id }) { status } }', { id: inbound.id }, household);
    await stack.gql('mutation($id: ID!) { completeTransfer(input: { transferId: $id, result: "经核查，窗口民警接待时语气生硬属实，已批评教育" }) { status } }', { id: inbound.id }, household);
    await eventually(async () => {
      await openDetail();
      return (await page.locator('[data-testid="complaint-timeline"] [data-action="TRANSFER_OUTCOME"]').count()) === 2;
    });
    expect(await page.getByTestId('complaint-timeline').innerText()).toContain('户政反馈核查结果：经核查');
    await shot('complaint-transfer-result');
    expect(counter.pageErrors).toEqual([]);
  });
});

/** Picks an option of an antd Select; a click that lands while the long unit list is still opening is tried again (at most 3 times). */
async function chooseOption(page: Page, id: string, text: string): Promise<void> {
  const chosen = page.locator(`.ant-select:has(#${id}) .ant-select-selection-item[title="${text}"]`);
  for (let attempt = 1; ; attempt++) {
    await page.locator(`.ant-select:has(#${id}) .ant-select-selector`).click();
    await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${text}"]`).click();
    try {
      await chosen.waitFor({ timeout: 5_000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
}
