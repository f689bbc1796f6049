import type { Browser, Page } from 'playwright-core';
import Provider from 'oidc-provider';
import type { Server } from 'node:http';
import path from 'node:path';
import { freePort, TestStack } from '@onewindow/testing';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { CounterWindow, isFocused, launchChromium, settled, SHOTS, UI_DIR } from './counter-window.js';

const ITEM = 'HH-ID-CARD-REPLACE';

/**
 * The counter UI in a real browser (Debian's Chromium via playwright-core) against the real stack
 * (six services + gateway serving the built UI), on the fixed business date 2026-02-10.
 * Story: clerk accepts an ID-card replacement (first incomplete → one-time notice, then complete);
 * the household officer reviews, approves and marks the card made (待领取).
 */
describe('counter UI: window acceptance to pickup, in Chromium', () => {
  const stack = new TestStack({ env: { UI_DIR, CLOCK_FIXED_DATE: '2026-02-10' } });
  // A window PC whose clock is set to another zone still shows China time (Asia/Shanghai).
  const counter = new CounterWindow(stack, 'America/Los_Angeles');
  let page: Page;
  let base: string;
  let number = '';
  let deadline = '';
  const pageErrors = counter.pageErrors;
  const shot = (name: string) => counter.shot(name);
  const login = (username: string) => counter.signIn(username);

  beforeAll(async () => {
    await counter.start();
    ({ page, base } = counter);
  }, 240_000);

  afterAll(() => counter.stop(), 60_000);

  it('serves the UI from the gateway; the clerk logs in with the keyboard', async () => {
    await page.goto(base);
    await page.getByTestId('login-username').waitFor();
    await page.getByTestId('demo-accounts').waitFor(); // demo mode: quick-fill hints
    // Every demo account of the README, each with its role's Chinese name.
    const demoText = await page.getByTestId('demo-accounts').innerText();
    for (const s of ['demo-analyst', '市局分析', 'demo-complaints', '后台审批民警（信访投诉）', 'demo-supervisor', '督察']) expect(demoText).toContain(s);
    await shot('login');
    // A wrong password is explained in Chinese, not as a code.
    await page.keyboard.type('demo-clerk');
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong');
    await page.keyboard.press('Enter');
    const err = page.getByTestId('error-alert');
    await err.waitFor();
    expect(await err.getAttribute('data-code')).toBe('INVALID_CREDENTIALS');
    const errText = await err.innerText();
    expect(errText).toContain('用户名或密码错误');
    expect(errText).toContain('请核对'); // says what to do
    expect(errText).not.toContain('登录已失效');
    await login('demo-clerk');
    expect(await page.getByTestId('current-user').innerText()).toContain('王窗口');
    expect(new URL(page.url()).pathname).toBe('/citizen');
    expect(await page.evaluate(() => sessionStorage.getItem('onewindow.token'))).toBeTruthy();
  });

  it('citizen panel: ID field focused, unknown and malformed numbers explained, Enter opens the person', async () => {
    const id = page.getByTestId('citizen-id');
    expect(await isFocused(id)).toBe(true);
    // Bad check digit → caught before the call.
    await page.keyboard.type('510107198804129131');
    await page.keyboard.press('Enter');
    await page.getByTestId('citizen-id-error').waitFor();
    // A valid number that is not on the register → PERSON_NOT_FOUND in Chinese.
    await id.fill('11010519491231002X');
    await page.keyboard.press('Enter');
    const err = page.getByTestId('error-alert');
    await err.waitFor();
    expect(await err.getAttribute('data-code')).toBe('PERSON_NOT_FOUND');
    expect(await err.innerText()).toContain('查无此人');
    // The demo adult (张伟).
    await id.fill(DEMO_PERSON_IDS.adult);
    await page.keyboard.press('Enter');
    await page.getByTestId('person-card').waitFor();
    expect(await page.getByTestId('person-name').innerText()).toBe('张伟');
    expect(await isFocused(page.getByTestId('citizen-item-search'))).toBe(true);
    // Masked for the clerk; 查看完整信息 is an explicit, audited reveal with the lookup's purpose (decision 0028).
    expect(await page.getByTestId('person-phone').innerText()).toBe('138****8000');
    await page.getByTestId('reveal-person').click();
    await page.getByTestId('person-phone').filter({ hasText: '13800138000' }).waitFor();
    // The 360° view: household core with the members (one audited read).
    expect(await page.getByTestId('household-register').innerText()).toContain('户主');
    // The household's police station by name, not by unit code.
    await page.getByTestId('household-unit').filter({ hasText: '浆洗街派出所' }).waitFor();
    expect(await page.getByTestId('household-unit').innerText()).not.toMatch(/^\d+$/);
    // Every police type answered (if one did not, the panel says which and why).
    const partial = page.getByTestId('citizen-partial');
    if (await partial.count()) throw new Error(`the 360° view came back partial: ${await partial.innerText()}\n--- gateway log ---\n${stack.logs('gateway').slice(-3000)}`);
    // 张伟 is registered here, so he holds no residence permit: the 居住证 block says so.
    expect(await page.getByTestId('residence-permits').innerText()).toContain('无居住证记录');
    await shot('citizen');
    // Other police types' sections of the same view (交管: licence, violations, vehicles).
    await page.getByRole('tab', { name: /交管/ }).click();
    await page.getByText('名下机动车').waitFor();
    // The camera record of 2026-01-18 09:32 China time, shown as such on a PC set to Los Angeles time.
    expect(await page.getByTestId('citizen-sections').innerText()).toContain('2026-01-18 09:32');
    await shot('citizen-traffic');
    await page.getByRole('tab', { name: /户政/ }).click();
    await page.getByTestId('citizen-item-search').focus();
  });

  it('catalog search "身份证" from the citizen panel; the item shows its 六告知', async () => {
    await page.keyboard.type('身份证');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/catalog\?q=/);
    const link = page.getByTestId(`catalog-item-${ITEM}`);
    await link.waitFor();
    expect(await page.locator('.ant-table-row').count()).toBeGreaterThan(1);
    // Rows are titled by the Chinese item name; the item code is left to the detail.
    expect(await link.innerText()).toBe('居民身份证补领');
    expect(await page.getByTestId('catalog-results').innerText()).not.toContain(ITEM);
    await shot('catalog');
    await link.click();
    await page.getByTestId('six-notices').waitFor();
    const text = await page.getByTestId('six-notices').innerText();
    for (const s of ['一、服务事项', '二、申请材料', '三、收费标准', '四、办理流程', '五、办理时限', '六、监督渠道', '40.00', '12389', '容缺', '必需']) expect(text).toContain(s);
    await shot('catalog-item');
    await page.goBack();
    await page.getByTestId(`accept-${ITEM}`).waitFor();
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-row-action'));
  });

  it('submission with a missing material → one-time notice with the missing list and a printable PDF', async () => {
    // Keyboard: back on the results the first 受理 button has the focus; ↓ moves between rows.
    for (let i = 0; i < 12; i++) {
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
      if (focused === `accept-${ITEM}`) break;
      await page.keyboard.press('ArrowDown');
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(`accept-${ITEM}`);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/accept/${ITEM}`));
    await page.getByTestId('material-ID_PHOTO_RECEIPT').check();
    // Form fields from the catalog: name and ID prefilled from the citizen.
    expect(await page.locator('#form_applicantName').inputValue()).toBe('张伟');
    expect(await page.locator('#form_applicantIdNumber').inputValue()).toBe(DEMO_PERSON_IDS.adult);
    await page.locator('#form_contactPhone').fill('13800138000');
    await chooseOption(page, 'form_replaceReason', '丢失');
    await chooseOption(page, 'form_pickupMethod', '窗口领取');
    await page.locator('#form_contactPhone').focus();
    await page.keyboard.press('Enter'); // Enter submits
    const notice = page.getByTestId('notice-card');
    await notice.waitFor();
    const missing = await page.getByTestId('notice-missing').innerText();
    expect(missing).toContain('丢失声明或情况说明');
    expect(missing).toContain('居民户口簿');
    expect(missing).not.toContain('数字相片采集回执');
    expect(await page.getByTestId('notice-number').innerText()).toMatch(/\S{6,}/);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('print-notice').click()]);
    expect(popup.url()).toMatch(/^blob:/);
    await popup.close();
    await shot('notice');
  });

  it('complete submission → application number and promised deadline', async () => {
    await page.getByTestId('material-HOUSEHOLD_REGISTER').check();
    await page.getByTestId('material-LOSS_STATEMENT').check();
    await page.getByTestId('accept-submit').click();
    await page.getByTestId('accept-success').waitFor();
    number = (await page.getByTestId('accepted-number').innerText()).trim();
    deadline = (await page.getByTestId('accepted-deadline').innerText()).trim();
    expect(number).toMatch(/\S{6,}/);
    expect(deadline).toMatch(/^2026-\d{2}-\d{2}$/);
    // The UI shows what the API says.
    const token = await stack.login('demo-clerk');
    const r = await stack.gql<{ application: { deadline: string; status: string; fromNoticeNumber: string | null } }>(
      'query($n:String!){ application(number:$n){ deadline status fromNoticeNumber } }', { n: number }, token,
    );
    expect(r.data?.application).toMatchObject({ deadline, status: 'ACCEPTED' });
    expect(r.data?.application.fromNoticeNumber).toBeTruthy(); // 一次告知、二次办结
    await shot('accept-success');
  });

  it('在办申请: opening the same item again for the person lists the open application (where, deadline) before submitting', async () => {
    await page.goto(`${base}/accept/${ITEM}`);
    const panel = page.getByTestId('open-applications');
    await panel.waitFor();
    // Where: the unit's name from the unit directory (waits for it to load).
    const row = panel.getByTestId('open-application').filter({ hasText: number }).filter({ hasText: '浆洗街派出所' });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('同一事项');
    expect(text).toContain('居民身份证补领');
    expect(text).toContain(deadline);
    expect(await panel.innerText()).toContain('该群众的在办申请');
    await shot('accept-open-applications');
  });

  it('the inbox lists it with its deadline; the detail shows the timeline', async () => {
    await page.keyboard.press('Alt+3');
    await page.waitForURL(/\/inbox/);
    const row = page.locator(`tr[data-number="${number}"]`);
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain('居民身份证补领');
    expect(rowText).toContain(deadline);
    expect(rowText).toContain('已受理');
    await shot('inbox');
    await row.getByTestId('inbox-number').click();
    await page.getByTestId('application-detail').waitFor();
    const entries = page.getByTestId('timeline-entry');
    await entries.first().waitFor();
    expect(await entries.first().getAttribute('data-action')).toBe('ACCEPT');
    expect(await page.getByTestId('timeline').innerText()).toContain('王窗口');
    // Both limits in Chinese: 承诺 15 working days, 法定 60 days (居民身份证法 第十二条) with its own deadline.
    expect(await page.getByTestId('promised-limit').innerText()).toBe('15个工作日');
    expect(await page.getByTestId('statutory-limit').innerText()).toMatch(/^60日（自然日）（法定期限 2026-\d{2}-\d{2}）$/);
    // Times in China time although the browser runs on Los Angeles time.
    const acceptedAt = (await stack.gql<{ application: { acceptedAt: string } }>('query($n:String!){ application(number:$n){ acceptedAt } }', { n: number }, await stack.login('demo-clerk'))).data!.application.acceptedAt;
    const china = new Date(new Date(acceptedAt).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(await page.getByTestId('application-detail').innerText()).toContain(china);
    await shot('detail');
  });

  it('the household officer reviews and approves it in the back office; the card becomes 待领取', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('onewindow.token'))).toBeNull();
    await login('demo-household');
    await page.waitForURL(/\/backoffice/);
    const row = page.locator(`tr[data-number="${number}"]`);
    await row.waitFor();
    await shot('backoffice');
    await row.getByTestId('action-START_REVIEW').click();
    await page.locator(`tr[data-number="${number}"] [data-status="IN_REVIEW"]`).waitFor();

    await page.goto(`${base}/applications/${number}`);
    await page.getByTestId('application-detail').waitFor();
    await page.getByTestId('action-APPROVE').click();
    await page.locator('[data-testid=application-detail] [data-status="APPROVED"]').first().waitFor();
    await page.getByTestId('action-MARK_READY').click();
    await page.locator('[data-testid=application-detail] [data-status="READY_FOR_PICKUP"]').first().waitFor();
    expect(await page.getByTestId('status-tag').first().innerText()).toBe('待领取');
    const actions = await page.getByTestId('timeline-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(expect.arrayContaining(['ACCEPT', 'START_REVIEW', 'APPROVE', 'MARK_READY']));
    expect(await page.getByTestId('timeline').innerText()).toContain('李户政');
    await shot('detail-ready');
    // 发证 asks for the delivery method (交付方式).
    await page.getByTestId('action-DELIVER').click();
    await page.getByTestId('dialog-delivery').waitFor();
    await page.locator('.ant-modal-content').getByRole('button', { name: /确\s*定/ }).click();
    await page.locator('[data-testid=application-detail] [data-status="DELIVERED"]').first().waitFor();
  });

  it('不予批准 needs a reason: the dialog insists, then the case is refused with the reason on record', async () => {
    const clerk = await stack.login('demo-clerk');
    const accepted = await stack.gql<{ acceptApplication: { __typename: string; number?: string } }>(
      `mutation($i: AcceptApplicationInput!) { acceptApplication(input: $i) { __typename ... on Application { number } } }`,
      {
        i: {
          idempotencyKey: `ui-test-${Date.now()}`,
          itemCode: ITEM,
          applicantIdNumber: DEMO_PERSON_IDS.minorFather,
          presentedMaterials: ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'],
          form: { applicantName: '王建国', applicantIdNumber: DEMO_PERSON_IDS.minorFather, contactPhone: '13800138001', replaceReason: '损坏', pickupMethod: '窗口领取' },
        },
      },
      clerk,
    );
    expect(accepted.errors).toBeUndefined();
    const second = accepted.data!.acceptApplication.number!;
    await page.getByTestId('nav-backoffice').click();
    const row = page.locator(`tr[data-number="${second}"]`);
    await row.getByTestId('action-REJECT').click();
    const dialog = page.locator('.ant-modal-content');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.getByText('请填写理由').waitFor();
    await page.getByTestId('dialog-reason').fill('申请人所述损坏情形与原证实际状况不符');
    await shot('reject-dialog');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await row.locator('[data-status="REJECTED"]').waitFor();
    const r = await stack.gql<{ application: { status: string; rejectionReason: string } }>('query($n:String!){ application(number:$n){ status rejectionReason } }', { n: second }, clerk);
    expect(r.data?.application).toEqual({ status: 'REJECTED', rejectionReason: '申请人所述损坏情形与原证实际状况不符' });
  });

  it('errors are shown as Chinese messages, never as a bare code', async () => {
    await page.goto(`${base}/applications/NO-SUCH-0000`);
    const err = page.getByTestId('error-alert');
    await err.waitFor();
    const code = await err.getAttribute('data-code');
    expect(['APPLICATION_NOT_FOUND', 'NOT_FOUND']).toContain(code);
    const text = await err.innerText();
    expect(text).toMatch(/未找到/);
    expect(text).not.toContain(code!);
    expect(pageErrors).toEqual([]);
  });

  it('an unknown address is a Chinese 404 with a way back; a screen the role may not use is refused (403) before it renders', async () => {
    // Signed in as demo-household.
    await page.goto(`${base}/no-such-page`);
    const notFound = page.getByTestId('not-found');
    await notFound.waitFor();
    expect(await notFound.innerText()).toContain('页面不存在');
    expect(await notFound.innerText()).toContain('/no-such-page');
    await shot('not-found');
    await notFound.getByTestId('go-home').click();
    await page.waitForURL(/\/backoffice$/);

    await page.getByTestId('logout').click();
    await login('demo-analyst');
    expect(await page.getByTestId('nav-inbox').count()).toBe(0); // the menu hides it …
    let inboxCalls = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/graphql$/.test(r.url()) && /query Inbox\b/.test(r.postData() ?? '')) inboxCalls++;
    });
    await page.goto(`${base}/inbox`); // … and the router refuses the typed address
    const forbidden = page.getByTestId('forbidden');
    await forbidden.waitFor();
    const text = await forbidden.innerText();
    for (const s of ['无权使用此页面', '市局分析', '待办', '请联系']) expect(text).toContain(s);
    expect(inboxCalls).toBe(0); // the page never rendered, nothing was asked of the services
    await shot('forbidden');

    await page.getByTestId('logout').click();
    await login('demo-household');
  });

  it('跨警种移交: the household officer transfers a case to 治安, who signs it and reports the result', async () => {
    const clerk = await stack.login('demo-clerk');
    const accepted = await stack.gql<{ acceptApplication: { number?: string } }>(
      `mutation($i: AcceptApplicationInput!) { acceptApplication(input: $i) { ... on Application { number } } }`,
      {
        i: {
          idempotencyKey: `ui-test-transfer-${Date.now()}`,
          itemCode: ITEM,
          applicantIdNumber: DEMO_PERSON_IDS.minorFather,
          presentedMaterials: ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'],
          form: { applicantName: '王建国', applicantIdNumber: DEMO_PERSON_IDS.minorFather, contactPhone: '13800138001', replaceReason: '被盗', pickupMethod: '窗口领取' },
        },
      },
      clerk,
    );
    expect(accepted.errors).toBeUndefined();
    const third = accepted.data!.acceptApplication.number!;
    // Still signed in as demo-household.
    await page.goto(`${base}/applications/${third}`);
    await page.getByTestId('request-transfer').click();
    const dialog = page.locator('.ant-modal-content');
    await chooseOption(page, 'toPoliceType', '治安');
    await page.getByTestId('transfer-reason').fill('证件被盗，请治安核查被盗情况');
    await dialog.getByRole('button', { name: /移\s*交/ }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('logout').click();
    await login('demo-public-security');
    await page.waitForURL(/\/backoffice/);
    await page.getByRole('tab', { name: '跨警种移交' }).click();
    const row = page.locator(`tr[data-transfer="${third}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('证件被盗');
    await row.getByTestId('transfer-acknowledge').click();
    await settled(page, row.locator('[data-transfer-status="ACKNOWLEDGED"]'), { dialogAlertsOnly: true });
    await row.getByTestId('transfer-complete').click();
    await page.getByTestId('transfer-dialog-text').fill('已核查：报案属实，已录入被盗证件信息');
    await page.locator('.ant-modal-content').getByRole('button', { name: /确\s*定/ }).click();
    await settled(page, row.locator('[data-transfer-status="COMPLETED"]'), { dialogAlertsOnly: true });
    await shot('transfers');
  });

  it('居住证: a permit applied for and approved through the API shows in the citizen panel\'s 户政 section, then its 签注', async () => {
    // 周杰 moved his household registration away but lives here: he may apply for a residence permit.
    const holder = DEMO_PERSON_IDS.movedOut;
    const [clerk, officer] = await Promise.all([stack.login('demo-clerk'), stack.login('demo-household')]);
    const applicant = { applicantName: '周杰', applicantIdNumber: holder, contactPhone: '13711114444' };
    /** Accepted at the window and approved by the household officer, through the API. */
    const grant = async (itemCode: string, presentedMaterials: string[], form: Record<string, unknown>) => {
      const accepted = await stack.gql<{ acceptApplication: { __typename: string; number?: string } }>(
        'mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) { __typename ... on Application { number } } }',
        { input: { idempotencyKey: `ui-${itemCode}`, itemCode, applicantIdNumber: holder, presentedMaterials, form: { ...applicant, ...form } } },
        clerk,
      );
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data!.acceptApplication.__typename).toBe('Application');
      for (const action of ['START_REVIEW', 'APPROVE']) {
        const r = await stack.gql('mutation($input: TransitionApplicationInput!) { transitionApplication(input: $input) { status } }', { input: { number: accepted.data!.acceptApplication.number, action } }, officer);
        expect(r.errors).toBeUndefined();
      }
    };
    await grant('HH-RESIDENCE-PERMIT', ['ID_CARD', 'ID_PHOTO_RECEIPT', 'RESIDENCE_REGISTRATION', 'CONDITION_PROOF'], {
      residenceAddress: '四川省成都市武侯区浆洗街街道锦里西路9号', residenceSince: '2025-03-01', qualifyingCondition: '合法稳定就业', pickupMethod: '窗口领取',
    });

    await page.goto(base); // a fresh page, whatever the previous story left open
    await login('demo-clerk');
    await page.getByTestId('citizen-id').fill(holder);
    await page.keyboard.press('Enter');
    await page.getByTestId('person-card').waitFor();
    expect(await page.getByTestId('person-name').innerText()).toBe('周杰');
    const permits = page.getByTestId('residence-permits');
    await permits.filter({ hasText: '锦里西路9号' }).waitFor();
    const text = await permits.innerText();
    expect(text).toMatch(/5101072026\d{6}/); // the permit number as the backend returns it
    for (const s of ['浆洗街派出所', '2026-02-10', '2027-02-10', '在用', '未签注']) expect(text).toContain(s);

    // Eleven months on (the household service restarted on a later business date) the yearly 签注 is due.
    await stack.stopService('household');
    await stack.startService('household', { CLOCK_FIXED_DATE: '2027-01-20' });
    await grant('HH-RESIDENCE-PERMIT-ENDORSE', ['ID_CARD', 'RESIDENCE_PERMIT', 'RESIDENCE_REGISTRATION'], {});
    await page.getByTestId('citizen-submit').click();
    await permits.filter({ hasText: '2028-02-10' }).waitFor();
    expect(await permits.innerText()).toContain('1 次');
    await permits.locator('.ant-table-row-expand-icon').first().click();
    const endorsements = page.getByTestId('residence-permit-endorsements');
    await endorsements.waitFor();
    expect(await endorsements.innerText()).toMatch(/签注 2027-01-20 · 有效期 2027-02-10 延至 2028-02-10 · 办件 HH\d+/);
    await permits.scrollIntoViewIfNeeded();
    await shot('citizen-residence-permit');
  });

  it('the citizen panel degrades to the household core when another section’s service is down', async () => {
    await stack.stopService('complaints');
    await page.goto(base); // a fresh page, whatever the previous story left open
    await page.getByTestId('logout').click();
    await login('demo-clerk');
    await page.getByTestId('citizen-id').fill(DEMO_PERSON_IDS.adult);
    await page.keyboard.press('Enter');
    await page.getByTestId('person-card').waitFor();
    expect(await page.getByTestId('citizen-sections').innerText()).toContain('部分警种信息暂时无法获取');
    expect(await page.getByTestId('person-name').innerText()).toBe('张伟');
  });
});

/**
 * Production sign-in: the bureau's OIDC issuer (here oidc-provider, a certified implementation, as
 * a throwaway issuer) and a gateway in OIDC mode next to the demo one, over the same six services.
 * The UI runs the authorization code flow with PKCE; the access token is a JWT for the gateway's
 * audience carrying roles and the unit code, which the gateway verifies against the issuer's JWKS.
 */
describe('counter UI: sign-in through the bureau\'s OIDC issuer', () => {
  const stack = new TestStack({ gateway: false });
  const ACCOUNT = { preferred_username: 'wang.chuangkou', name: '王窗口（统一认证）', roles: ['CLERK'], unit_code: '510107001', unit_name: '成都市公安局武侯区分局浆洗街派出所' };
  let browser: Browser;
  let issuerServer: Server;
  let ui: string;

  beforeAll(async () => {
    await stack.start();
    const issuerPort = await freePort();
    const issuer = `http://127.0.0.1:${issuerPort}`;
    const gateway = await stack.startGateway({
      UI_DIR, AUTH_MODE: 'oidc', OIDC_ISSUER: issuer, OIDC_JWKS_URL: `${issuer}/jwks`, OIDC_AUDIENCE: 'onewindow',
      OIDC_CLIENT_ID: 'onewindow-counter-ui', OIDC_SCOPE: 'openid profile api', OIDC_RESOURCE: 'urn:onewindow:api',
    }, 'gateway-oidc');
    ui = gateway.replace(/\/graphql$/, '');
    const provider = new Provider(issuer, {
      clients: [{ client_id: 'onewindow-counter-ui', token_endpoint_auth_method: 'none', redirect_uris: [`${ui}/auth/callback`], post_logout_redirect_uris: [`${ui}/login`], grant_types: ['authorization_code'], response_types: ['code'] }],
      findAccount: async (_ctx: unknown, accountId: string) => ({ accountId, claims: async () => ({ sub: accountId, name: ACCOUNT.name, preferred_username: ACCOUNT.preferred_username }) }),
      claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
      features: {
        resourceIndicators: {
          enabled: true,
          getResourceServerInfo: async () => ({ scope: 'api', audience: 'onewindow', accessTokenFormat: 'jwt' }),
        },
      },
      ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
      clientBasedCORS: (_ctx: unknown, origin: string) => origin === ui,
      // The bureau's directory puts the officer's roles and unit into the API access token.
      extraTokenClaims: async (_ctx: unknown, token: { kind: string }) => (token.kind === 'AccessToken' ? ACCOUNT : undefined),
    });
    issuerServer = provider.listen(issuerPort);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    issuerServer?.close();
    await stack.stop();
  }, 60_000);

  it('offers only the issuer\'s login, comes back signed in with the directory\'s roles, the API accepts the token, and 退出 ends the issuer session', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${ui}/login`);
    const button = page.getByTestId('oidc-login-button');
    await button.waitFor();
    expect(await page.getByTestId('login-username').count()).toBe(0); // no password form in OIDC mode
    expect(await isFocused(button)).toBe(true);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'login-oidc.png'), fullPage: true });
    await page.keyboard.press('Enter');

    // The issuer's own pages (oidc-provider's development login and consent).
    await page.waitForURL((u) => u.origin !== new URL(ui).origin);
    await page.locator('input[name="login"]').fill('p-0042');
    await page.locator('input[name="password"]').fill('secret');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]', { hasText: 'Continue' }).click();

    await page.getByTestId('current-user').waitFor();
    expect(await page.getByTestId('current-user').innerText()).toContain('王窗口（统一认证）');
    expect(new URL(page.url()).pathname).not.toBe('/auth/callback');

    // The token works for a real read (the 360° view), and signing out returns to the issuer's button.
    await page.goto(`${ui}/citizen`);
    await page.getByTestId('citizen-id').fill(DEMO_PERSON_IDS.adult);
    await page.keyboard.press('Enter');
    await page.getByTestId('person-card').waitFor();

    // 退出 ends the issuer's session too (shared window PC), and the next sign-in asks for credentials again.
    await page.getByTestId('logout').click();
    await page.locator('button[name="logout"]', { hasText: 'Yes, sign me out' }).click();
    await page.getByTestId('oidc-login-button').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByTestId('oidc-login-button').click();
    await page.locator('input[name="login"]').waitFor();
  });
});

/** Pick an option of an antd Select by keyboard: focus, type to filter, Enter. */
async function chooseOption(page: Page, id: string, text: string): Promise<void> {
  await page.locator(`#${id}`).focus();
  await page.keyboard.type(text);
  await page.locator('.ant-select-item-option-active').filter({ hasText: text }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.ant-select:has(#${id}) .ant-select-selection-item`).filter({ hasText: text }).waitFor();
}
