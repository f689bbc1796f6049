import type { Page } from 'playwright-core';
import { sql } from '@onewindow/testing';
import { TestStack } from '@onewindow/testing';
import { CounterWindow, settled, UI_DIR } from './counter-window.js';

const STATION = '510107001';
const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const chinaMinutes = () => { const d = new Date(); return (d.getUTCHours() * 60 + d.getUTCMinutes() + 480) % 1440; };

/**
 * 网上预约 and 预约管理 in Chromium against the real counter on Tuesday 2026-09-29 (国庆 ahead:
 * Oct 1–3 closed, Oct 4–7 extended hours): a citizen books online with an SMS code; the clerk
 * checks a booking in by its number with the keyboard (a priority ticket), books for a 96166
 * caller, looks at the slot load chart; the supervisor closes the hall on Oct 5 (the booking is
 * cancelled and texted); the citizen rebooks with the number from the SMS.
 */
describe('counter UI: appointments (预约), in Chromium', () => {
  const stack = new TestStack({ services: ['counter'], env: { UI_DIR, SUPERGRAPH_SOURCE: 'file', CLOCK_FIXED_DATE: '2026-09-29', DEADLINE_JOB_INTERVAL_MS: '60000' } });
  const counter = new CounterWindow(stack, 'Asia/Shanghai');
  let page: Page;
  let base: string;
  const shot = (name: string) => counter.shot(name);
  const db = () => stack.databases.get('counter')!.url;
  const lastCode = async (phone: string) => {
    const rows = await sql<{ text: string }>(db(), `SELECT text FROM sms_message WHERE phone = $1 AND template = 'APPOINTMENT_VERIFICATION_CODE' ORDER BY created_at DESC LIMIT 1`, [phone]);
    return /验证码为(\d{6})/.exec(rows[0]!.text)![1]!;
  };
  const pick = async (testId: string, option: string) => {
    await page.getByTestId(testId).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
  };
  /** A slot button (antd puts the test id on the hidden radio input; the label is what a person clicks). */
  const slot = (picker: string, start: string) => page.locator(`${picker} label.ant-radio-button-wrapper`, { has: page.locator(`[data-start="${start}"]`) });
  let bookedNumber = '';

  beforeAll(async () => {
    await counter.start();
    ({ page, base } = counter);
    // Today's booking (a slot around the current time) to check in, and the 户政 group taking the item.
    const now = chinaMinutes();
    await sql(db(), `INSERT INTO appointment (id, number, unit_code, item_code, item_name, date, slot_start, slot_end, citizen_name, phone, channel, state, booked_by, version, created_at, updated_at)
      VALUES (gen_random_uuid(), 'YY2609290001', $1, 'HH-ID-CARD-RENEW', '居民身份证换领', '2026-09-29', $2, $3, '孙签到', '13700000009', 'ONLINE', 'BOOKED', '网上预约', 1, now(), now())`,
    [STATION, hm(Math.max(0, now - 5)), hm(Math.min(1439, now + 30))]);
    await sql(db(), `INSERT INTO queue_service_group (unit_code, code, prefix, name, police_types, item_codes, position) VALUES ($1, 'HOUSEHOLD', 'A', '户政业务', '{HOUSEHOLD}', '{HH-ID-CARD-RENEW}', 1)
      ON CONFLICT (unit_code, code) DO UPDATE SET item_codes = EXCLUDED.item_codes`, [STATION]);
  }, 240_000);
  afterAll(() => counter.stop(), 60_000);

  it('网上预约: working days and extended-hours days, a slot with places left, the phone confirmed by SMS code, a booking number', async () => {
    await page.goto(`${base}/booking`);
    await page.getByTestId('public-booking').waitFor();
    await pick('booking-item', '居民身份证换领');
    const day = (date: string) => page.locator(`[data-testid="booking-day"][data-date="${date}"]`);
    await day('2026-10-05').waitFor();
    expect(await day('2026-10-02').isDisabled()).toBe(true); // 国庆
    expect(await day('2026-10-05').innerText()).toContain('节假日延时');
    await day('2026-10-05').click();
    await slot('[data-testid="slot-picker"]', '09:00').click();
    await page.getByTestId('booking-name').fill('周闭厅');
    await page.getByTestId('booking-phone').fill('13800138031');
    await page.getByTestId('booking-send-code').click();
    await page.getByTestId('booking-code-sent').waitFor();
    await page.getByTestId('booking-code').fill(await lastCode('13800138031'));
    await shot('appointments-booking');
    await page.getByTestId('booking-submit').click();
    await settled(page, page.getByTestId('booking-receipt'));
    bookedNumber = (await page.getByTestId('booking-number').innerText()).trim();
    expect(bookedNumber).toBe('YY2610050001');
    expect(await page.getByTestId('booking-when').innerText()).toContain('2026-10-05 09:00-09:15');
    await shot('appointments-booking-done');
  });

  it('预约管理 (Alt+y): the day list masked, check-in by number with the keyboard gives a priority ticket', async () => {
    await counter.signIn('demo-clerk');
    await page.keyboard.press('Alt+y');
    await page.waitForURL(/\/appointments$/);
    const row = page.locator('[data-testid="appointments-table"] tr[data-number="YY2609290001"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('孙**');
    expect(await row.innerText()).toContain('137****0009');
    await page.getByTestId('checkin-number').focus();
    await page.keyboard.type('YY2609290001');
    await page.keyboard.press('Enter');
    await settled(page, page.getByTestId('checkin-ticket'));
    expect(await page.getByTestId('checkin-ticket-number').innerText()).toMatch(/^A\d{3}$/);
    expect(await page.getByTestId('checkin-ticket-kind').innerText()).toBe('预约优先号');
    await shot('appointments-checkin');
    await page.keyboard.press('Enter'); // 确定 has the focus
    await page.getByTestId('checkin-ticket').waitFor({ state: 'detached' });
    await page.locator('[data-testid="appointments-table"] tr[data-number="YY2609290001"][data-state="CHECKED_IN"]').waitFor();
    await shot('appointments-day');
  });

  it('热线预约: the clerk books a slot for a 96166 caller; the slot view charts the load', async () => {
    await page.getByRole('tab', { name: '热线预约（96166）' }).click();
    await pick('hotline-item', '居民身份证换领');
    const day = page.locator('[data-testid="hotline-picker"] [data-testid="booking-day"][data-date="2026-09-30"]');
    await day.click();
    await slot('[data-testid="hotline-picker"]', '12:00').click();
    await page.getByTestId('hotline-name').fill('赵热线');
    await page.getByTestId('hotline-phone').fill('13900000001');
    await page.getByTestId('hotline-submit').click();
    await settled(page, page.getByTestId('hotline-done'));
    expect(await page.getByTestId('hotline-done').innerText()).toContain('YY2609300001');
    await shot('appointments-hotline');

    await page.getByRole('tab', { name: '时段配置' }).click();
    await pick('slots-day', '2026-09-30');
    await page.locator('[data-testid="slots-config"] svg').first().waitFor();
    expect(await page.locator('[data-testid="slots-calendar-day"][data-date="2026-10-05"]').innerText()).toContain('节假日延时');
    await shot('appointments-slots');
  });

  it('临时闭厅: the supervisor closes the hall on Oct 5; the booking is cancelled and texted; the citizen rebooks with its number', async () => {
    await counter.signIn('demo-supervisor');
    await page.goto(`${base}/appointments`);
    await page.getByRole('tab', { name: '临时闭厅' }).click();
    const inputs = page.locator('.ant-picker-range input');
    await inputs.nth(0).click();
    await inputs.nth(0).fill('2026-10-05');
    await inputs.nth(1).click();
    await inputs.nth(1).fill('2026-10-05');
    await inputs.nth(1).press('Enter');
    await page.getByTestId('closure-reason').fill('系统升级');
    await page.getByTestId('closure-submit').click();
    await settled(page, page.getByTestId('closure-result'));
    expect(await page.getByTestId('closure-result').innerText()).toContain('取消预约 1 条');
    await page.locator('[data-testid="closures-table"]', { hasText: '系统升级' }).waitFor();
    await shot('appointments-closures');
    const [sms] = await sql<{ text: string }>(db(), `SELECT text FROM sms_message WHERE template = 'APPOINTMENT_CLOSED'`);
    expect(sms!.text).toContain(bookedNumber);

    await page.goto(`${base}/booking`);
    await page.getByRole('tab', { name: '改约 / 取消' }).click();
    await page.getByTestId('change-number').fill(bookedNumber);
    await pick('change-item', '居民身份证换领');
    const day = page.locator('[data-testid="change-slot-picker"] [data-testid="booking-day"][data-date="2026-10-06"]');
    await day.click();
    await slot('[data-testid="change-slot-picker"]', '10:00').click();
    await page.getByTestId('change-phone').fill('13800138031');
    await page.getByTestId('change-send-code').click();
    await page.getByTestId('change-code-sent').waitFor();
    await page.getByTestId('change-code').fill(await lastCode('13800138031'));
    await page.getByTestId('change-submit').click();
    await settled(page, page.getByTestId('booking-receipt'));
    expect(await page.getByTestId('booking-when').innerText()).toContain('2026-10-06 10:00-10:15');
    await shot('appointments-rebooked');
    expect(counter.pageErrors).toEqual([]);
  });
});
