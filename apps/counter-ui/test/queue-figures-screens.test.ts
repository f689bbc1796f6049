import type { Page } from 'playwright-core';
import { eventually, sql, TestStack } from '@onewindow/testing';
import { randomUUID } from 'node:crypto';
import { CounterWindow, settled, UI_DIR } from './counter-window.js';

const STATION = '510107002';
const DAY = '2026-03-17';
const TODAY = '2026-03-18';
const WINDOWS = [[1, ['HOUSEHOLD']], [2, ['HOUSEHOLD']], [3, ['EXIT_ENTRY']], [4, ['EXIT_ENTRY']]] as const;

interface Ticket { group: string; seq: number; number: string; taken: number; called: number | null; finished: number | null; noShow: boolean; window: number | null }

/** A morning rush at 望江路派出所: 户政 every 2 minutes 09:00–09:58 (8 minutes each), 出入境 every 20 minutes (6 minutes); one no-show. */
function simulate(): Ticket[] {
  const arrivals = [
    ...Array.from({ length: 30 }, (_, i) => ({ group: 'HOUSEHOLD', t: 540 + 2 * i })),
    ...Array.from({ length: 9 }, (_, i) => ({ group: 'EXIT_ENTRY', t: 545 + 20 * i })),
    ...Array.from({ length: 7 }, (_, i) => ({ group: 'HOUSEHOLD', t: 840 + 10 * i })),
  ].sort((a, b) => a.t - b.t || a.group.localeCompare(b.group));
  const seq: Record<string, number> = {};
  const tickets = arrivals.map((a): Ticket => {
    const n = (seq[a.group] = (seq[a.group] ?? 0) + 1);
    return { group: a.group, seq: n, number: `${a.group === 'HOUSEHOLD' ? 'A' : 'B'}${String(n).padStart(3, '0')}`, taken: a.t, called: null, finished: null, noShow: false, window: null };
  });
  const free = new Map<number, number>(WINDOWS.map(([n]) => [n, 0]));
  for (let t = 0; t < 1440; t++) {
    for (const [n, groups] of WINDOWS) {
      if (free.get(n)! > t) continue;
      const next = tickets.find((k) => k.called === null && k.taken <= t && (groups as readonly string[]).includes(k.group));
      if (!next) continue;
      Object.assign(next, { called: t, window: n });
      if (next.number === 'A005') {
        next.noShow = true;
        free.set(n, t + 3);
      } else {
        next.finished = t + (next.group === 'HOUSEHOLD' ? 8 : 6);
        free.set(n, next.finished);
      }
    }
  }
  return tickets;
}

/**
 * 排队统计 and 忙闲调配 in Chromium against the real counter (business date pinned to 2026-03-18):
 * the supervisor reads yesterday's figures of 望江路派出所 per hour, group and window (charts and
 * tables); the hall's 10:00 state is replayed as now, the balancing job proposes the two idle
 * 出入境 windows for 户政, the supervisor accepts; a later situation is declined with a reason; the
 * decision history. A clerk sees their own hall's figures and no proposals. Tickets are written
 * straight into the queue's tables (decision 0022: the queue stamps the real time of day).
 */
describe('counter UI: 排队统计 and 忙闲调配, in Chromium', () => {
  const stack = new TestStack({ services: ['counter'], env: { UI_DIR, SUPERGRAPH_SOURCE: 'file', CLOCK_FIXED_DATE: TODAY, QUEUE_BALANCING_INTERVAL_MS: '1000' } });
  const counter = new CounterWindow(stack, 'Asia/Shanghai');
  let page: Page;
  let base: string;
  const db = () => stack.databases.get('counter')!.url;
  const windowId = new Map<number, string>();
  const day = simulate();

  async function insert(list: { t: Ticket; state: string }[], date: string, offset: number, when: (m: number | null) => Date | null) {
    const params: unknown[] = [];
    const values = list.map(({ t, state }) => {
      const b = params.length;
      params.push(randomUUID(), STATION, date, t.group, t.seq + offset, t.number, state, when(t.taken), t.window === null ? null : windowId.get(t.window)!, t.window,
        when(t.called), when(t.finished), t.noShow ? when(t.called! + 3) : null);
      const p = (i: number) => `$${b + i}`;
      return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(4)}, ${p(5)}, ${p(6)}, 'KIOSK', ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${p(8)}, ${p(11)}, ${p(11)}, ${p(11)}, ${p(12)}, ${p(13)})`;
    });
    await sql(db(), `INSERT INTO queue_ticket (id, unit_code, business_date, origin_group_code, group_code, seq, number, source, state, line_at, window_id, window_number,
      taken_at, first_called_at, called_at, started_at, finished_at, no_show_at) VALUES ${values.join(', ')}`, params);
  }

  /** The hall at 10:00 as now: the tickets waiting then, shifted so 10:00 is the service clock's now. */
  async function replay(round: number) {
    const now = new Date(`${TODAY}T${new Date(Date.now() + 8 * 3600_000).toISOString().slice(11, 23)}+08:00`); // what BusinessClock.now() says: the China time of day on the pinned date
    const waiting = day.filter((k) => k.taken <= 600 && (k.called === null || k.called > 600));
    await insert(waiting.map((t) => ({ t: { ...t, window: null, called: null, finished: null, noShow: false }, state: 'WAITING' })), TODAY, round * 1000,
      (m) => (m === null ? null : new Date(now.getTime() - (600 - m) * 60_000)));
  }
  const clearHall = () => sql(db(), `UPDATE queue_ticket SET state = 'FINISHED', first_called_at = COALESCE(first_called_at, taken_at + interval '20 minutes'), called_at = COALESCE(called_at, taken_at + interval '20 minutes'),
      started_at = COALESCE(started_at, taken_at + interval '20 minutes'), finished_at = COALESCE(started_at, taken_at + interval '20 minutes') + interval '8 minutes' WHERE business_date = $1 AND state = 'WAITING'`, [TODAY]);

  beforeAll(async () => {
    await counter.start();
    ({ page, base } = counter);
    for (const [code, prefix, name] of [['HOUSEHOLD', 'A', '户政业务'], ['EXIT_ENTRY', 'B', '出入境业务']]) {
      await sql(db(), `INSERT INTO queue_service_group (unit_code, code, prefix, name) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [STATION, code, prefix, name]);
    }
    for (const [n, groups] of WINDOWS) {
      const id = randomUUID();
      windowId.set(n, id);
      await sql(db(), `INSERT INTO queue_window (id, unit_code, number, group_codes, state, clerk_sub, clerk_name) VALUES ($1, $2, $3, $4, 'OPEN', $5, $6)`, [id, STATION, n, groups, `sim:clerk-${n}`, `窗口${n}`]);
    }
    const midnight = new Date(`${DAY}T00:00:00+08:00`).getTime();
    await insert(day.map((t) => ({ t, state: t.noShow ? 'NO_SHOW' : 'FINISHED' })), DAY, 0, (m) => (m === null ? null : new Date(midnight + m * 60_000)));
  }, 240_000);

  afterAll(() => counter.stop(), 60_000);

  const showPeriod = async (unit: string) => {
    await page.getByTestId('queue-figures-unit').fill(unit);
    await page.getByTestId('queue-figures-from').fill(DAY);
    await page.getByTestId('queue-figures-to').fill(DAY);
    await page.locator('[data-testid="queue-figures-hour-chart"] svg').first().waitFor();
  };

  it('the supervisor opens 排队统计 with Alt+L: figures per hour, group and window, each with a chart', async () => {
    await counter.signIn('demo-supervisor');
    await page.keyboard.press('Alt+l');
    await page.waitForURL(/\/queue-figures$/);
    await showPeriod(STATION);
    const total = await page.getByTestId('queue-figures-total').innerText();
    expect(total).toContain('46'); // tickets
    const hours = await page.getByTestId('queue-figures-hour').locator('tbody tr[data-figure]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-figure')));
    expect(hours).toEqual(['9', '10', '11', '14', '15']);
    await counter.shot('queue-figures-hours');
    await page.getByRole('tab', { name: /按分组/ }).click();
    await page.locator('[data-testid="queue-figures-group-chart"] svg').first().waitFor();
    const household = await page.locator('[data-testid="queue-figures-group"] tr[data-figure="HOUSEHOLD"]').innerText();
    expect(household).toContain('户政业务');
    await counter.shot('queue-figures-groups');
    await page.getByRole('tab', { name: /按窗口/ }).click();
    await page.locator('[data-testid="queue-figures-window-chart"] svg').first().waitFor();
    expect(await page.locator('[data-testid="queue-figures-window"] tbody tr[data-figure]').count()).toBe(3);
    await counter.shot('queue-figures-windows');
  });

  it('户政 waits while the 出入境 windows idle: the proposal appears; the supervisor accepts it and the windows serve 户政 as well', async () => {
    await replay(1);
    await eventually(async () => (await sql(db(), `SELECT 1 FROM queue_rebalance_proposal WHERE status = 'OPEN'`)).length > 0);
    await page.reload();
    const card = page.getByTestId('balancing-proposal');
    await card.waitFor();
    expect(await page.getByTestId('queue-figures-scope').innerText()).toContain(TODAY); // no dates given: the business date
    expect(await card.getAttribute('data-group')).toBe('HOUSEHOLD');
    expect(await card.innerText()).toContain('3号窗口（空闲）：出入境 → 出入境、户政');
    await counter.shot('queue-figures-proposal');
    await card.getByTestId('balancing-accept').click();
    await settled(page, page.locator('[data-testid="balancing-history"] tr[data-status="ACCEPTED"]'));
    const groups = await sql<{ number: number; group_codes: string[] }>(db(), `SELECT number, group_codes FROM queue_window WHERE unit_code = $1 AND number IN (3, 4) ORDER BY number`, [STATION]);
    expect(groups.map((g) => g.group_codes)).toEqual([['EXIT_ENTRY', 'HOUSEHOLD'], ['EXIT_ENTRY', 'HOUSEHOLD']]);
    expect(await page.locator('[data-testid="balancing-history"] tr[data-status="ACCEPTED"]').innerText()).toContain('刘督察');
  });

  it('a later situation: declining asks for a reason, which the history keeps', async () => {
    await clearHall();
    await eventually(async () => (await sql(db(), `SELECT 1 FROM queue_rebalance_proposal WHERE situation_ended_at IS NOT NULL`)).length > 0);
    await sql(db(), `UPDATE queue_window SET group_codes = '{EXIT_ENTRY}' WHERE unit_code = $1 AND number IN (3, 4)`, [STATION]);
    await replay(2);
    await eventually(async () => (await sql(db(), `SELECT 1 FROM queue_rebalance_proposal WHERE status = 'OPEN'`)).length > 0);
    await page.reload();
    await page.getByTestId('balancing-proposal').getByTestId('balancing-decline').click();
    const ok = page.getByTestId('balancing-decline-ok');
    expect(await ok.isDisabled()).toBe(true);
    await page.getByTestId('balancing-decline-reason').fill('出入境窗口民警未取得户政办理授权');
    await counter.shot('queue-figures-decline');
    await ok.click();
    const declined = page.locator('[data-testid="balancing-history"] tr[data-status="DECLINED"]');
    await settled(page, declined);
    expect(await declined.innerText()).toContain('出入境窗口民警未取得户政办理授权');
    await page.getByTestId('balancing-none').waitFor();
    await counter.shot('queue-figures-history');
  });

  it('a clerk sees their own hall\'s figures, not another station\'s, and no proposals', async () => {
    await counter.signIn('demo-clerk');
    await page.goto(`${base}/queue-figures`);
    await page.getByTestId('queue-figures-from').fill(DAY);
    await page.getByTestId('queue-figures-to').fill(DAY);
    await page.getByTestId('queue-figures-total').waitFor();
    expect(await page.getByTestId('queue-balancing').count()).toBe(0);
    await page.getByTestId('queue-figures-unit').fill(STATION);
    const alert = page.getByTestId('error-alert');
    await alert.waitFor();
    expect(await alert.getAttribute('data-code')).toBe('OUT_OF_JURISDICTION');
    expect(counter.pageErrors).toEqual([]);
  });
});
