import type { Page } from 'playwright-core';
import { TestStack } from '@onewindow/testing';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { CounterWindow, isFocused, settled, UI_DIR } from './counter-window.js';

/** 张伟's car; the traffic seed has one camera record on it (red light, 200 yuan, 6 points). */
const PLATE = '川A62C95';
/** The sanitation department's batch reference in the lost-and-found story. */
const BATCH = 'HW-2026-0210-02';

/**
 * The screens of the police types' own registers (警种业务) in Chromium against the real stack, on
 * the fixed business date 2026-02-10: lost and found (hand-in, loss report, match, claim,
 * disposal), traffic violations (query, decision and payment), exit-entry documents and
 * endorsements, public-security permits (lookup, register, status change). Each story checks what
 * the API then says; the menu shows a screen only to the roles the backend lets in. Its own stack,
 * so the state it changes (a paid violation, a permit under review) does not reach counter-ui.test.ts.
 */
describe('counter UI: the police types\' registers (警种业务), in Chromium', () => {
  const stack = new TestStack({ env: { UI_DIR, CLOCK_FIXED_DATE: '2026-02-10' } });
  // A window PC set to UTC: every date and time on screen is still China time.
  const counter = new CounterWindow(stack, 'UTC');
  let page: Page;
  let base: string;
  const pageErrors = counter.pageErrors;
  const shot = (name: string) => counter.shot(name);
  const login = (username: string) => counter.signIn(username);

  /** The 警种业务 submenu's entries for the signed-in user. */
  const featureEntries = async (): Promise<string[]> => {
    const menu = page.getByTestId('nav-features');
    if ((await menu.count()) === 0) return [];
    await menu.hover();
    const popup = page.locator('.ant-menu-submenu-popup:not(.ant-menu-submenu-hidden)');
    await popup.waitFor();
    const keys = await popup.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(4)));
    await page.mouse.move(1300, 880);
    await popup.waitFor({ state: 'hidden' });
    return keys;
  };

  const openFeature = async (key: string) => {
    await page.getByTestId('nav-features').hover();
    await page.getByTestId(`nav-${key}`).click();
    await page.waitForURL(new RegExp(`/${key}$`));
  };

  beforeAll(async () => {
    await counter.start();
    ({ page, base } = counter);
  }, 240_000);

  afterAll(() => counter.stop(), 60_000);

  it('the 警种业务 menu offers each screen only to the roles the services let in', async () => {
    await login('demo-analyst');
    // the complaints workbench, routing rules, analysis, deductions, callbacks and evaluation figures, all read-only
    expect(await featureEntries()).toEqual(['complaints', 'complaint-routing', 'complaint-analysis', 'complaint-deductions', 'callbacks', 'evaluation-figures', 'report-dashboard', 'report-close', 'bureau-reports', 'queue-figures', 'service-points']);
    await page.goto(`${base}/violations`); // a deep link the role may not open: 403 before the page renders
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByTestId('forbidden').innerText()).toContain('交通违法');

    await login('demo-household');
    expect(await featureEntries()).toEqual(['violations', 'travel-documents', 'permits', 'supervision-findings', 'service-points', 'home-visits', 'first-inquiry']); // lost and found: public-security officers only; 整改跟踪: the unit's own findings; 大厅服务: points, home visits (community officers record outcomes), first-inquiry records

    await login('demo-clerk');
    expect(await featureEntries()).toEqual(['lost-found', 'violations', 'travel-documents', 'permits', 'complaint-intake', 'rating-pairing', 'evaluation-figures', 'supervision-findings', 'queue', 'queue-figures', 'appointments', 'service-points', 'home-visits', 'first-inquiry']);

    // 月报, 审计查询, 督察 and 系统状态: supervisors (审计 and 系统状态 also admins).
    await login('demo-supervisor');
    expect(await featureEntries()).toEqual(['lost-found', 'violations', 'travel-documents', 'permits', 'complaints', 'complaint-routing', 'complaint-analysis', 'complaint-deductions', 'callbacks', 'evaluation-figures', 'report-dashboard', 'report-close', 'audit-trail', 'supervision-inspections', 'supervision-findings', 'random-inspections', 'system-status', 'queue', 'queue-figures', 'appointments', 'service-points', 'home-visits', 'first-inquiry']);
  });

  it('失物招领: a sanitation batch is registered, a loss reported, matched, a wrong claimant refused, the owner claims', async () => {
    await login('demo-clerk');
    await page.keyboard.press('Alt+5');
    await page.waitForURL(/\/lost-found$/);
    expect(await page.getByRole('tab', { name: '期满处理' }).count()).toBe(0); // supervisors only

    // 接收登记: the sanitation department's batch of two items, in one transaction.
    await page.getByRole('tab', { name: '接收登记' }).click();
    await page.getByTestId('handin-name').fill('武侯区环卫所清扫二队');
    await page.getByTestId('handin-batch').fill(BATCH);
    await page.getByTestId('handin-storage').fill('浆洗街派出所失物招领窗口');
    await chooseOption(page, 'items_0_category', '包');
    await page.getByTestId('handin-item-description-0').fill('黑色双肩包，内有联想笔记本电脑一台');
    await pickDate(page, 'items_0_foundOn', '2026-02-09');
    await page.getByTestId('handin-item-place-0').fill('高升桥地铁站C口');
    await page.getByTestId('handin-item-slot-0').fill('B-07');
    await page.getByTestId('handin-add').click();
    await chooseOption(page, 'items_1_category', '钥匙');
    await page.getByTestId('handin-item-description-1').fill('钥匙一串（3把），挂红色福字挂件');
    await pickDate(page, 'items_1_foundOn', '2026-02-08');
    await page.getByTestId('handin-item-place-1').fill('锦里古街垃圾收集点');
    await shot('lost-found-handin');
    await page.getByTestId('handin-submit').click();
    await settled(page, page.getByTestId('handin-success'));
    expect(await page.getByTestId('handin-number').count()).toBe(2);
    // The same batch again is refused in Chinese (no double registration).
    await page.getByRole('button', { name: '继续接收' }).click();
    await page.getByTestId('handin-batch').fill(BATCH);
    await page.getByTestId('handin-storage').fill('浆洗街派出所失物招领窗口');
    await page.getByTestId('handin-item-description-0').fill('重复提交的物品');
    await pickDate(page, 'items_0_foundOn', '2026-02-09');
    await page.getByTestId('handin-item-place-0').fill('高升桥地铁站C口');
    await page.getByTestId('handin-submit').click();
    const dup = page.getByTestId('error-alert');
    await dup.waitFor();
    expect(await dup.getAttribute('data-code')).toBe('BATCH_ALREADY_REGISTERED');
    expect(await dup.innerText()).toContain('该批次已登记');

    // 失物登记: 张伟 reports his bag, with his ID number (only he may claim it).
    await page.getByRole('tab', { name: '失物登记' }).click();
    await chooseOption(page, 'category', '包');
    await page.getByTestId('lost-description').fill('黑色双肩包，联想笔记本电脑');
    await pickDate(page, 'lostOn', '2026-02-09');
    await page.getByTestId('lost-place').fill('高升桥地铁站');
    await page.getByTestId('lost-name').fill('张伟');
    await page.getByTestId('lost-id').fill(DEMO_PERSON_IDS.adult);
    await page.getByTestId('lost-phone').fill('13800138000');
    await page.getByTestId('lost-submit').click();
    await page.locator('tr[data-report]').filter({ hasText: '联想笔记本电脑' }).waitFor();
    expect(await page.locator('tr[data-report]').filter({ hasText: '联想笔记本电脑' }).innerText()).toContain('138****8000'); // masked in lists

    // 比对: on the board, the bag matches the report; the owner is texted.
    await page.getByRole('tab', { name: '招领信息' }).click();
    const bag = page.locator('tr[data-item]').filter({ hasText: '黑色双肩包' });
    await bag.getByTestId('found-item-match').click();
    const report = page.locator('.ant-modal-content tr[data-report]').filter({ hasText: '联想笔记本电脑' });
    await report.click();
    await page.locator('.ant-modal-content').getByRole('button', { name: /确认相符/ }).click();
    await settled(page, page.locator('tr[data-item][data-status="MATCHED"]'));
    await shot('lost-found');

    // 认领: someone else (王建国) is refused — the item was reported by 张伟 — and the refusal is kept.
    await page.locator('tr[data-item][data-status="MATCHED"]').getByTestId('found-item-claim').click();
    await page.getByTestId('claim-id').fill(DEMO_PERSON_IDS.minorFather);
    await page.getByTestId('claim-phone').fill('13800138001');
    await page.getByTestId('claim-description').fill('黑色双肩包，里面有电脑');
    await page.locator('.ant-modal-content').getByRole('button', { name: /核验并返还/ }).click();
    await page.getByText('请先核验认领人身份证件或人脸').waitFor();
    await page.getByTestId('claim-verified').check();
    await page.locator('.ant-modal-content').getByRole('button', { name: /核验并返还/ }).click();
    const refusal = page.locator('.ant-modal-content [data-testid="error-alert"]');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('CLAIMANT_MISMATCH');
    expect(await refusal.innerText()).toContain('认领人与遗失登记人不一致');
    await shot('lost-found-claim-refused');
    // The owner himself.
    await page.getByTestId('claim-id').fill(DEMO_PERSON_IDS.adult);
    await page.getByTestId('claim-phone').fill('13800138000');
    await page.getByTestId('claim-description').fill('黑色双肩包，联想笔记本电脑，侧袋有雨伞');
    await page.locator('.ant-modal-content').getByRole('button', { name: /核验并返还/ }).click();
    await page.locator('.ant-modal-content').waitFor({ state: 'detached' });

    // Claimed items leave the board; the history tells the whole story.
    await page.getByTestId('board-status').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '已认领' }).click();
    await page.keyboard.press('Escape');
    const claimed = page.locator('tr[data-item][data-status="CLAIMED"]');
    await claimed.getByTestId('found-item-open').click();
    const history = page.getByTestId('found-item-history');
    await history.waitFor();
    const actions = await page.getByTestId('found-item-history-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(['REGISTER', 'MATCH', 'CLAIM_REFUSED', 'CLAIM']);
    await shot('lost-found-detail');
    const number = (await claimed.getByTestId('found-item-open').innerText()).trim();
    const token = await stack.login('demo-clerk');
    const r = await stack.gql<{ foundItem: { status: string; claims: { status: string }[]; matchedReport: { status: string } } }>(
      'query($n:String!){ foundItem(number:$n, purpose:"核对"){ status claims { status } matchedReport { status } } }', { n: number }, token,
    );
    expect(r.data?.foundItem).toEqual({ status: 'CLAIMED', claims: expect.arrayContaining([{ status: 'REFUSED' }, { status: 'RETURNED' }]), matchedReport: { status: 'CLOSED' } });
    expect(pageErrors).toEqual([]);
  });

  it('失物招领 期满处理: the supervisor disposes of what nobody claimed within the year', async () => {
    await login('demo-supervisor');
    await page.goto(`${base}/lost-found`);
    await page.getByRole('tab', { name: '期满处理' }).click();
    await page.getByTestId('dispose-run').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /处\s*理/ }).click();
    await settled(page, page.getByTestId('dispose-result'));
    expect(await page.getByTestId('dispose-result').innerText()).toContain('没有招领期满的物品');
    // A year and a bit later (public security restarted on a later business date): the keys go.
    await stack.stopService('public-security');
    await stack.startService('public-security', { CLOCK_FIXED_DATE: '2027-03-01' });
    await page.reload();
    await page.getByRole('tab', { name: '期满处理' }).click();
    await page.getByTestId('dispose-run').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /处\s*理/ }).click();
    await settled(page, page.getByTestId('dispose-result').filter({ hasText: '已处理' }));
    const row = page.locator('tr[data-item]').filter({ hasText: '红色福字挂件' });
    await row.waitFor();
    expect(await row.innerText()).toContain('依法处理');
    expect(await page.locator('tr[data-item]').filter({ hasText: '黑色双肩包' }).count()).toBe(0); // returned to its owner, not disposed of
    await shot('lost-found-disposal');
    expect(pageErrors).toEqual([]);
  });

  it('交通违法: query by plate (audited purpose), decide and pay at the window; the points go on the owner\'s licence', async () => {
    await login('demo-clerk');
    await openFeature('violations');
    const target = page.getByTestId('violations-target');
    expect(await isFocused(target)).toBe(true);
    // A malformed plate is caught before the call, in Chinese.
    await page.keyboard.type('川A12');
    await page.keyboard.press('Enter');
    await page.getByTestId('violations-input-error').waitFor();
    await target.fill(PLATE.toLowerCase());
    await page.keyboard.press('Enter');
    const row = page.locator('tr[data-violation]');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    const text = await row.innerText();
    for (const s of ['一环路南四段', '200.00 元', '未处理', '未确定驾驶人']) expect(text).toContain(s);
    expect(text).toContain('2026-01-18 09:32'); // China time, though this PC's clock is set to UTC
    expect(await page.getByTestId('violations-summary').innerText()).toContain('200.00 元');
    await shot('violations');

    // 处理: penalty decision and payment at once.
    await row.getByTestId('violation-handle').click();
    await page.getByTestId('violation-dialog').waitFor();
    await page.locator('.ant-modal-content').getByRole('button', { name: /确认处理/ }).click();
    await page.getByText('请填写处罚决定书编号').waitFor();
    await page.getByTestId('violation-decision-number').fill('JD510107202602100001');
    await page.getByTestId('violation-pay').check();
    await page.getByTestId('violation-payment-reference').fill('JK5101202602100001');
    await shot('violations-handle');
    await page.locator('.ant-modal-content').getByRole('button', { name: /确认处理/ }).click();
    await settled(page, page.locator('tr[data-violation][data-status="PAID"]'));
    expect(await page.locator('tr[data-violation]').innerText()).toContain('JD510107202602100001');

    // The API agrees, and the 6 points went on 张伟's licence (the car's owner; no driver was named).
    const clerk = await stack.login('demo-clerk');
    const r = await stack.gql<{ violations: { status: string; decisionNumber: string; paymentReference: string }[]; citizen: { traffic: { licence: { points: number } } } }>(
      'query($p:String!,$id:String!){ violations(purpose:"核对", plate:$p){ status decisionNumber paymentReference } citizen(idNumber:$id, purpose:"核对"){ traffic { licence { points } } } }',
      { p: PLATE, id: DEMO_PERSON_IDS.adult },
      clerk,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.violations).toEqual([{ status: 'PAID', decisionNumber: 'JD510107202602100001', paymentReference: 'JK5101202602100001' }]);
    expect(r.data?.citizen.traffic.licence.points).toBe(6);

    // By ID number: the same record, now settled; a household officer may look but not handle.
    await login('demo-household');
    await page.goto(`${base}/violations`);
    await page.getByTestId('violations-by').getByText('身份证号码').click();
    await page.getByTestId('violations-target').fill(DEMO_PERSON_IDS.adult);
    await page.keyboard.press('Enter');
    await page.locator('tr[data-violation][data-status="PAID"]').waitFor();
    expect(await page.getByTestId('violation-handle').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('出入境证件: a citizen\'s documents and endorsements by ID number (masked for the clerk), one document by number', async () => {
    await login('demo-clerk');
    await page.keyboard.press('Alt+7');
    await page.waitForURL(/\/travel-documents$/);
    const target = page.getByTestId('travel-target');
    expect(await isFocused(target)).toBe(true);
    await page.keyboard.type(DEMO_PERSON_IDS.minorFather);
    await page.keyboard.press('Enter');
    const result = page.getByTestId('travel-result');
    await result.waitFor();
    const text = await result.innerText();
    for (const s of ['王建国', '往来台湾通行证', '团队旅游', '已失效', '证件号码已脱敏']) expect(text).toContain(s);
    expect(text).not.toContain('T90000005'); // clerks see masked numbers
    await shot('travel-documents');

    // An unknown document number is explained in Chinese.
    await page.getByTestId('travel-by').getByText('证件号码').click();
    await target.fill('E99999999');
    await page.keyboard.press('Enter');
    const err = page.getByTestId('error-alert');
    await err.waitFor();
    expect(await err.getAttribute('data-code')).toBe('DOCUMENT_NOT_FOUND');
    expect(await err.innerText()).toContain('未找到该证件');

    // The exit-entry officer of the issuing unit (锦江, the one personal-data policy: own police type
    // inside their unit) sees the full number of 陈静's HK/Macau permit and its endorsement.
    await login('demo-exit-entry-jinjiang');
    await page.goto(`${base}/travel-documents`);
    await page.getByTestId('travel-by').getByText('证件号码').click();
    await page.getByTestId('travel-target').fill('c90000003');
    await page.keyboard.press('Enter');
    await settled(page, result);
    const one = await result.innerText();
    for (const s of ['往来港澳通行证', 'C90000003', '个人旅游', '香港', DEMO_PERSON_IDS.jinjiang.slice(0, 6)]) expect(one).toContain(s);
    await shot('travel-document');
    expect(pageErrors).toEqual([]);
  });

  it('治安许可证: the clerk checks a guard certificate (masked) and a holder\'s permits; the public-security officer\'s register and a status change', async () => {
    await login('demo-clerk');
    await page.goto(`${base}/permits`);
    expect(await page.getByRole('tab', { name: '本辖区登记簿' }).count()).toBe(0); // officers and supervisors only
    await page.getByTestId('permit-target').fill('ba2015900001');
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('permit-detail');
    await detail.waitFor();
    const masked = await detail.innerText();
    expect(masked).toContain('保安员证');
    expect(masked).not.toContain('赵国强'); // a person's name and ID number are masked for clerks
    expect(masked).not.toContain(DEMO_PERSON_IDS.toDie);
    expect(await page.getByTestId('permit-change').count()).toBe(0);

    // By holder (audited with the purpose): the guard certificate and the hotel he represents.
    await page.getByTestId('permit-by').getByText('持证人身份证号码').click();
    await page.getByTestId('permit-target').fill(DEMO_PERSON_IDS.toDie);
    await page.keyboard.press('Enter');
    await page.locator('tr[data-permit="LG2019900001"]').waitFor();
    expect(await page.locator('tr[data-permit="BA2015900001"]').count()).toBe(1);

    // The public-security officer: the unit's register, then puts the hotel licence under review.
    await login('demo-public-security');
    await page.goto(`${base}/permits`);
    await page.getByRole('tab', { name: '本辖区登记簿' }).click();
    const row = page.locator('tr[data-permit="LG2019900001"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('成都锦里客栈有限公司');
    await shot('permits');
    await row.getByTestId('permit-open').click();
    await detail.waitFor();
    expect(await detail.innerText()).toContain('锦里西路8号');
    await page.getByTestId('permit-change').click();
    await page.getByTestId('permit-change-dialog').waitFor();
    await page.getByTestId('permit-change-status').getByText('核查中').click();
    await page.locator('.ant-modal-content').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('暂扣、注销或转入核查须填写理由').waitFor();
    await page.getByTestId('permit-change-reason').fill('群众举报未按规定登记住宿旅客信息，转入核查');
    await page.getByText('暂扣、注销或转入核查须填写理由').waitFor({ state: 'detached' });
    await page.locator('.ant-modal-content').getByRole('button', { name: /确\s*定/ }).click();
    await settled(page, detail.locator('[data-testid="permit-status"][data-status="UNDER_REVIEW"]'));
    expect(await page.getByTestId('permit-history').innerText()).toContain('转入核查');
    await shot('permit-detail');
    const token = await stack.login('demo-public-security');
    const r = await stack.gql<{ publicSecurityPermit: { status: string; statusReason: string } }>('{ publicSecurityPermit(number:"LG2019900001"){ status statusReason } }', {}, token);
    expect(r.data?.publicSecurityPermit).toEqual({ status: 'UNDER_REVIEW', statusReason: '群众举报未按规定登记住宿旅客信息，转入核查' });
    expect(pageErrors).toEqual([]);
  });
});

/** Pick the option labelled exactly `text` of an antd Select (categories such as 包 and 钱包 share characters). */
async function chooseOption(page: Page, id: string, text: string): Promise<void> {
  await page.locator(`.ant-select:has(#${id}) .ant-select-selector`).click();
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${text}"]`).click();
  await page.locator(`.ant-select:has(#${id}) .ant-select-selection-item[title="${text}"]`).waitFor();
}

/** Type a date into an antd DatePicker and confirm it. */
async function pickDate(page: Page, id: string, date: string): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(date);
  await page.keyboard.press('Enter');
  await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
  expect(await input.inputValue()).toBe(date);
}
