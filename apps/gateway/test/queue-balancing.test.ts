import { eventually, sql, TestStack } from '@onewindow/testing';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * 忙闲调配 and 排队统计 through the gateway on a real counter process, PostgreSQL and NATS: a day
 * of the hall simulated from a fixture (apps/gateway/test/fixtures/hall-day.json). The test replays
 * the day minute by minute (each free window calls the oldest ticket of its groups) and writes the
 * resulting tickets straight into the queue's tables — the queue stamps tickets with the service's
 * clock, which keeps the real time of day, so a day cannot be driven through its API without
 * sleeping (decision 0022). Then:
 *  - the figures (per hour, group, window; p50/p90, no-shows) equal the fixture's expected values
 *    and PostgreSQL's own percentile_cont over the same rows;
 *  - the hall's state at the fixture's checkpoint, replayed as "now" on the pinned business date,
 *    makes the periodic job propose: 户政 waits while the 出入境 windows idle; once per situation;
 *  - accepting reassigns the windows (recorded: who, when; the queue's window log and event);
 *    declining needs and records a reason; an undecided proposal expires when the situation ends.
 */
type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];

interface Fixture {
  station: string;
  date: string;
  groups: { code: string; prefix: string; name: string }[];
  windows: { number: number; groups: string[] }[];
  serviceMinutes: Record<string, number>;
  arrivals: { group: string; from: string; to: string; everyMinutes: number }[];
  noShows: string[];
  noShowAfterMinutes: number;
  checkpoint: string;
  expected: {
    columns: string[];
    total: (number | null)[];
    byGroup: Record<string, (number | null)[]>;
    byHour: Record<string, (number | null)[]>;
    byWindow: Record<string, (number | null)[]>;
    atCheckpoint: { waiting: Record<string, number>; oldestWaitMinutes: number; busyWindows: number[]; proposedWindows: number[] };
  };
}
const FIXTURE: Fixture = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/hall-day.json'), 'utf8'));
const TODAY = '2026-03-18';

interface SimTicket { group: string; seq: number; number: string; taken: number; called: number | null; started: number | null; finished: number | null; noShow: boolean; window: number | null }
const minute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The day, minute by minute: arrivals take numbers; each free window (by number) calls the oldest ticket of its groups. */
function simulate(f: Fixture): SimTicket[] {
  const arrivals = f.arrivals.flatMap((a) => {
    const out: { group: string; t: number }[] = [];
    for (let t = minute(a.from); t <= minute(a.to); t += a.everyMinutes) out.push({ group: a.group, t });
    return out;
  }).sort((x, y) => x.t - y.t || x.group.localeCompare(y.group));
  const seq: Record<string, number> = {};
  const tickets = arrivals.map((a): SimTicket => {
    const n = (seq[a.group] = (seq[a.group] ?? 0) + 1);
    const prefix = f.groups.find((g) => g.code === a.group)!.prefix;
    return { group: a.group, seq: n, number: `${prefix}${String(n).padStart(3, '0')}`, taken: a.t, called: null, started: null, finished: null, noShow: false, window: null };
  });
  const freeAt = new Map(f.windows.map((w) => [w.number, 0]));
  for (let t = 0; t < 24 * 60; t++) {
    for (const w of f.windows) {
      if (freeAt.get(w.number)! > t) continue;
      const next = tickets.find((k) => k.called === null && k.taken <= t && w.groups.includes(k.group));
      if (!next) continue;
      next.called = t;
      next.window = w.number;
      if (f.noShows.includes(next.number)) {
        next.noShow = true;
        freeAt.set(w.number, t + f.noShowAfterMinutes);
      } else {
        next.started = t;
        next.finished = t + f.serviceMinutes[next.group]!;
        freeAt.set(w.number, next.finished);
      }
    }
  }
  return tickets;
}

const FIGURE_ROW = 'key label unitCode tickets called finished noShows waitP50 waitP90 serviceP50 serviceP90';
const FIGURES = `query($u: String, $from: Date, $to: Date) { queueFigures(unitCode: $u, from: $from, to: $to) {
  unitCode from to total { ${FIGURE_ROW} } byHour { ${FIGURE_ROW} } byGroup { ${FIGURE_ROW} } byWindow { ${FIGURE_ROW} } } }`;
const PROPOSAL = 'id unitCode groupCode groupName status waiting oldestWaitMinutes servingWindows reason trigger windows { windowId number fromGroups toGroups idle } decidedAt decidedByName decisionReason appliedWindowIds situationEndedAt';
const PROPOSALS = `query($s: QueueRebalanceStatus) { queueRebalanceProposals(status: $s) { total items { ${PROPOSAL} } } }`;
const DECIDE = `mutation($input: DecideRebalanceInput!) { decideQueueRebalance(input: $input) { ${PROPOSAL} } }`;
const EVALUATE = `mutation($u: String!) { evaluateQueueBalancing(unitCode: $u) { id } }`;

type Row = Record<string, string | number | null>;
interface Proposal { id: string; groupCode: string; groupName: string; status: string; waiting: number; oldestWaitMinutes: number; servingWindows: number; reason: string; trigger: string;
  windows: { windowId: string; number: number; fromGroups: string[]; toGroups: string[]; idle: boolean }[]; decidedAt: string | null; decidedByName: string | null;
  decisionReason: string | null; appliedWindowIds: string[]; situationEndedAt: string | null }

describe('queue balancing (忙闲调配) and figures (排队统计): a day of the hall', () => {
  const stack = new TestStack({ services: ['counter'], env: { SUPERGRAPH_SOURCE: 'file', CLOCK_FIXED_DATE: TODAY, QUEUE_BALANCING_INTERVAL_MS: '1000' } });
  const db = () => stack.databases.get('counter')!.url;
  const count = async (text: string, params: unknown[] = []) => Number(Object.values((await sql(db(), text, params))[0]!)[0]);
  const writes = () => count(`SELECT (SELECT count(*) FROM queue_rebalance_proposal) + (SELECT count(*) FROM queue_window_log) + (SELECT count(*) FROM outbox WHERE subject <> 'counter.v1.sms.delivered') + (SELECT count(*) FROM queue_balancing_setting) AS n`);
  const windowId = new Map<number, string>();
  const day = simulate(FIXTURE);
  let supervisor: string, clerk: string, analyst: string;

  /** The fixture's local time (China) on `date` as an instant. */
  const at = (date: string, t: number) => new Date(`${date}T${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}:00+08:00`);

  /** Tickets in one INSERT (one statement: the balancing job, running every second, never sees half a hall). */
  async function insertTickets(list: { t: SimTicket; state: string; id?: string }[], date: string, seqOffset: number, when: (m: number | null) => Date | null): Promise<void> {
    if (!list.length) return;
    const params: unknown[] = [];
    const values = list.map(({ t, state, id }) => {
      const row = [id ?? randomUUID(), FIXTURE.station, date, t.group, t.seq + seqOffset, t.number, state, when(t.taken), t.window === null ? null : windowId.get(t.window)!, t.window,
        when(t.called), when(t.started), when(t.finished), t.noShow ? when(t.called! + FIXTURE.noShowAfterMinutes) : null, t.noShow ? 2 : 0];
      const base = params.length;
      params.push(...row);
      const p = (i: number) => `$${base + i}`;
      return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(4)}, ${p(5)}, ${p(6)}, 'KIOSK', ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${p(8)}, ${p(11)}, ${p(11)}, ${p(12)}, ${p(13)}, ${p(14)}, ${p(15)})`;
    });
    await sql(db(), `INSERT INTO queue_ticket (id, unit_code, business_date, origin_group_code, group_code, seq, number, source, state, line_at, window_id, window_number,
        taken_at, first_called_at, called_at, started_at, finished_at, no_show_at, recall_count) VALUES ${values.join(', ')}`, params);
  }

  /**
   * The hall at the checkpoint, replayed as now: the tickets waiting then (shifted so the checkpoint
   * is the service clock's now on the pinned date), the windows serving then with their ticket.
   */
  async function replayCheckpoint(round: number): Promise<void> {
    const cp = minute(FIXTURE.checkpoint);
    const now = new Date(`${TODAY}T${new Date(Date.now() + 8 * 3600_000).toISOString().slice(11, 23)}+08:00`); // what BusinessClock.now() says: the China time of day on the pinned date
    const shift = (m: number | null) => (m === null ? null : new Date(now.getTime() - (cp - m) * 60_000));
    const waiting = day.filter((k) => k.taken <= cp && (k.called === null || k.called > cp)).map((t) => ({ t: { ...t, window: null, called: null, started: null, finished: null, noShow: false }, state: 'WAITING' }));
    const serving = day.filter((k) => k.called !== null && k.called <= cp && !k.noShow && k.finished! > cp).map((t) => ({ t: { ...t, finished: null }, state: 'SERVING', id: randomUUID() }));
    await insertTickets([...waiting, ...serving], TODAY, round * 1000, shift);
    for (const s of serving) await sql(db(), `UPDATE queue_window SET current_ticket_id = $1 WHERE id = $2`, [s.id, windowId.get(s.t.window!)]);
  }

  /** The situation ends: every ticket waiting today is called and finished (as the windows would). */
  async function clearHall(): Promise<void> {
    await sql(db(), `UPDATE queue_ticket SET state = 'FINISHED', first_called_at = COALESCE(first_called_at, taken_at + interval '20 minutes'), called_at = COALESCE(called_at, taken_at + interval '20 minutes'),
      started_at = COALESCE(started_at, taken_at + interval '20 minutes'), finished_at = COALESCE(started_at, taken_at + interval '20 minutes') + interval '8 minutes' WHERE business_date = $1 AND state IN ('WAITING', 'SERVING')`, [TODAY]);
    await sql(db(), `UPDATE queue_window SET current_ticket_id = NULL WHERE unit_code = $1`, [FIXTURE.station]);
  }

  const proposals = async (status?: string) => {
    const r = await stack.gql<{ queueRebalanceProposals: { total: number; items: Proposal[] } }>(PROPOSALS, status ? { s: status } : {}, supervisor);
    expect(r.errors).toBeUndefined();
    return r.data!.queueRebalanceProposals;
  };
  const openProposal = () => eventually(async () => (await proposals('OPEN')).items[0]);

  beforeAll(async () => {
    await stack.start();
    [supervisor, clerk, analyst] = await Promise.all(['demo-supervisor', 'demo-clerk', 'demo-analyst'].map((u) => stack.login(u)));
    for (const g of FIXTURE.groups) {
      await sql(db(), `INSERT INTO queue_service_group (unit_code, code, prefix, name) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [FIXTURE.station, g.code, g.prefix, g.name]);
    }
    for (const w of FIXTURE.windows) {
      const id = randomUUID();
      windowId.set(w.number, id);
      await sql(db(), `INSERT INTO queue_window (id, unit_code, number, group_codes, state, clerk_sub, clerk_name) VALUES ($1, $2, $3, $4, 'OPEN', $5, $6)`,
        [id, FIXTURE.station, w.number, w.groups, `sim:clerk-${w.number}`, `模拟窗口${w.number}`]);
    }
    await insertTickets(day.map((t) => ({ t, state: t.noShow ? 'NO_SHOW' : 'FINISHED' })), FIXTURE.date, 0, (m) => (m === null ? null : at(FIXTURE.date, m)));
  }, 240_000);
  afterAll(() => stack.stop(), 60_000);

  it('the figures of the simulated day: per hour, group and window — p50/p90 waiting and service, tickets, no-shows — as the fixture expects and as PostgreSQL computes', async () => {
    const r = await stack.gql<{ queueFigures: { unitCode: string; total: Row; byHour: Row[]; byGroup: Row[]; byWindow: Row[] } }>(FIGURES, { u: FIXTURE.station, from: FIXTURE.date, to: FIXTURE.date }, supervisor);
    expect(r.errors).toBeUndefined();
    const f = r.data!.queueFigures;
    const cols = FIXTURE.expected.columns;
    const pick = (row: Row) => cols.map((c) => row[c]);
    expect(pick(f.total)).toEqual(FIXTURE.expected.total);
    expect(Object.fromEntries(f.byGroup.map((g) => [g.key, pick(g)]))).toEqual(FIXTURE.expected.byGroup);
    expect(Object.fromEntries(f.byHour.map((g) => [g.key, pick(g)]))).toEqual(FIXTURE.expected.byHour);
    expect(Object.fromEntries(f.byWindow.map((g) => [g.key, pick(g)]))).toEqual(FIXTURE.expected.byWindow);
    expect(f.byGroup.map((g) => g.label)).toEqual(['出入境业务', '户政业务']);
    expect(f.byHour[0]!.label).toBe('09:00');
    expect(f.byWindow.map((w) => w.label)).toEqual(['1号窗口', '2号窗口', '3号窗口']);

    // The same figures from PostgreSQL's percentile_cont over the seeded rows.
    const pg = await sql<{ group_code: string; p50: number; p90: number; s50: number | null }>(db(), `SELECT group_code,
        round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_called_at - taken_at) / 60))::numeric, 1)::float8 AS p50,
        round((percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_called_at - taken_at) / 60))::numeric, 1)::float8 AS p90,
        round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM finished_at - started_at) / 60) FILTER (WHERE state = 'FINISHED'))::numeric, 1)::float8 AS s50
      FROM queue_ticket WHERE unit_code = $1 AND business_date = $2 GROUP BY group_code ORDER BY group_code`, [FIXTURE.station, FIXTURE.date]);
    expect(pg.map((x) => [x.group_code, x.p50, x.p90, x.s50])).toEqual(f.byGroup.map((g) => [g.key, g.waitP50, g.waitP90, g.serviceP50]));

    // A district analyst sees the station inside 5101; a clerk only their own hall (another station: nothing); a period over 31 days is refused.
    const a = await stack.gql<{ queueFigures: { total: Row } }>(FIGURES, { from: FIXTURE.date, to: FIXTURE.date }, analyst);
    expect(a.data!.queueFigures.total['tickets']).toBe(FIXTURE.expected.total[0]);
    const c = await stack.gql<{ queueFigures: { unitCode: string; total: Row } }>(FIGURES, { from: FIXTURE.date, to: FIXTURE.date }, clerk);
    expect(c.data!.queueFigures).toMatchObject({ unitCode: '510107001', total: { tickets: 0, waitP50: null } });
    expect(code(await stack.gql(FIGURES, { u: FIXTURE.station, from: FIXTURE.date, to: FIXTURE.date }, clerk))).toBe('OUT_OF_JURISDICTION');
    expect(code(await stack.gql(FIGURES, { from: '2026-01-01', to: '2026-03-17' }, supervisor))).toBe('QUEUE_BALANCING_PERIOD_INVALID');
    expect(code(await stack.gql(FIGURES, { from: '2026-03-17', to: '2026-03-16' }, supervisor))).toBe('QUEUE_BALANCING_PERIOD_INVALID');
  });

  it('at the checkpoint 户政 waits while the 出入境 windows idle: the job proposes those windows, once for the situation; accepting reassigns them, recorded', async () => {
    expect((await proposals()).total).toBe(0);
    await replayCheckpoint(1);
    const p = await openProposal();
    const exp = FIXTURE.expected.atCheckpoint;
    expect(p).toMatchObject({ groupCode: 'HOUSEHOLD', groupName: '户政业务', waiting: exp.waiting['HOUSEHOLD'], servingWindows: 2, trigger: 'JOB', decidedAt: null });
    expect(Math.abs(p.oldestWaitMinutes - exp.oldestWaitMinutes)).toBeLessThanOrEqual(1);
    expect(p.windows.map((w) => [w.number, w.fromGroups, w.toGroups, w.idle])).toEqual(exp.proposedWindows.map((n) => [n, ['EXIT_ENTRY'], ['EXIT_ENTRY', 'HOUSEHOLD'], true]));
    expect(p.reason).toContain(`${exp.waiting['HOUSEHOLD']} 人等候`);

    // Once per situation: asking again (on demand) and further job runs add nothing.
    const ev = await stack.gql<{ evaluateQueueBalancing: { id: string }[] }>(EVALUATE, { u: FIXTURE.station }, supervisor);
    expect(ev.errors).toBeUndefined();
    expect(ev.data!.evaluateQueueBalancing).toEqual([]);
    expect(await count(`SELECT count(*) FROM queue_rebalance_proposal`)).toBe(1);

    // Refusals write nothing: a clerk may not decide; declining needs a reason; a station outside the district.
    const before = await writes();
    expect(code(await stack.gql(DECIDE, { input: { proposalId: p.id, accept: true } }, clerk))).toBe('FORBIDDEN');
    expect(code(await stack.gql(DECIDE, { input: { proposalId: p.id, accept: false, reason: '  ' } }, supervisor))).toBe('QUEUE_BALANCING_REASON_REQUIRED');
    expect(code(await stack.gql(DECIDE, { input: { proposalId: randomUUID(), accept: true } }, supervisor))).toBe('QUEUE_BALANCING_PROPOSAL_NOT_FOUND');
    expect(code(await stack.gql(EVALUATE, { u: '510104002' }, supervisor))).toBe('OUT_OF_JURISDICTION');
    expect(code(await stack.gql(EVALUATE, { u: '510107' }, supervisor))).toBe('VALIDATION_FAILED');
    expect(await writes()).toBe(before);

    const r = await stack.gql<{ decideQueueRebalance: Proposal }>(DECIDE, { input: { proposalId: p.id, accept: true, reason: '上午户政高峰' } }, supervisor);
    expect(r.errors).toBeUndefined();
    const d = r.data!.decideQueueRebalance;
    expect(d).toMatchObject({ status: 'ACCEPTED', decidedByName: '刘督察', decisionReason: '上午户政高峰' });
    expect(new Date(Date.parse(d.decidedAt!) + 8 * 3600_000).toISOString().slice(0, 10)).toBe(TODAY); // on the pinned China date
    expect([...d.appliedWindowIds].sort()).toEqual(exp.proposedWindows.map((n) => windowId.get(n)!).sort());
    const windows = await sql<{ number: number; group_codes: string[] }>(db(), `SELECT number, group_codes FROM queue_window WHERE unit_code = $1 ORDER BY number`, [FIXTURE.station]);
    expect(windows.map((w) => [w.number, w.group_codes])).toEqual([[1, ['HOUSEHOLD']], [2, ['HOUSEHOLD']], [3, ['EXIT_ENTRY', 'HOUSEHOLD']], [4, ['EXIT_ENTRY', 'HOUSEHOLD']]]);
    const log = await sql<{ window_number: number; action: string; actor_sub: string; reason: string }>(db(), `SELECT window_number, action, actor_sub, reason FROM queue_window_log WHERE unit_code = $1 ORDER BY window_number`, [FIXTURE.station]);
    expect(log.map((l) => [l.window_number, l.action, l.actor_sub])).toEqual([[3, 'GROUPS_CHANGED', 'demo:demo-supervisor'], [4, 'GROUPS_CHANGED', 'demo:demo-supervisor']]);
    expect(code(await stack.gql(DECIDE, { input: { proposalId: p.id, accept: false, reason: '改主意' } }, supervisor))).toBe('QUEUE_BALANCING_ALREADY_DECIDED');

    // Events: the proposal made and accepted, the two windows changed; no personal data (no names, no phones).
    const events = await sql<{ subject: string; payload: Record<string, unknown> }>(db(), `SELECT subject, payload FROM outbox WHERE subject IN ('counter.v1.queue.rebalance.changed', 'counter.v1.queue.window.changed') ORDER BY seq`);
    expect(events.map((e) => [e.subject.split('.')[3], e.payload['status'] ?? e.payload['action']])).toEqual([['rebalance', 'OPEN'], ['window', 'GROUPS_CHANGED'], ['window', 'GROUPS_CHANGED'], ['rebalance', 'ACCEPTED']]);
    expect(JSON.stringify(events)).not.toMatch(/刘督察|模拟窗口|上午户政高峰/);

    // The situation ends (the queue is worked off): the accepted proposal's situation is closed.
    await clearHall();
    await eventually(async () => (await proposals('ACCEPTED')).items[0]?.situationEndedAt);
  });

  it('a new situation gets a new proposal: declined with a reason (recorded); the next one, left undecided, expires when the situation ends', async () => {
    // The queue desk puts windows 3 and 4 back on 出入境 only (as at the start of the day).
    await sql(db(), `UPDATE queue_window SET group_codes = '{EXIT_ENTRY}' WHERE unit_code = $1 AND number IN (3, 4)`, [FIXTURE.station]);
    await replayCheckpoint(2);
    const p = await openProposal();
    expect(p.windows.map((w) => w.number)).toEqual(FIXTURE.expected.atCheckpoint.proposedWindows);
    const r = await stack.gql<{ decideQueueRebalance: Proposal }>(DECIDE, { input: { proposalId: p.id, accept: false, reason: '出入境窗口民警未取得户政办理授权' } }, supervisor);
    expect(r.errors).toBeUndefined();
    expect(r.data!.decideQueueRebalance).toMatchObject({ status: 'DECLINED', decidedByName: '刘督察', decisionReason: '出入境窗口民警未取得户政办理授权', appliedWindowIds: [] });
    expect(await count(`SELECT count(*) FROM queue_window WHERE unit_code = $1 AND 'HOUSEHOLD' = ANY(group_codes)`, [FIXTURE.station])).toBe(2);
    // Declined is an answer for this situation: no new proposal while it lasts.
    expect((await stack.gql<{ evaluateQueueBalancing: unknown[] }>(EVALUATE, { u: FIXTURE.station }, supervisor)).data!.evaluateQueueBalancing).toEqual([]);

    await clearHall();
    await eventually(async () => (await proposals('DECLINED')).items[0]?.situationEndedAt);
    await replayCheckpoint(3);
    const third = await openProposal();
    expect(third.id).not.toBe(p.id);
    await clearHall();
    const expired = await eventually(async () => (await proposals('EXPIRED')).items[0]);
    expect(expired).toMatchObject({ id: third.id, decidedAt: null });
    expect(expired.situationEndedAt).toBeTruthy();

    // The decision history, undecided first then newest first: expired, declined, accepted.
    const all = await proposals();
    expect(all.items.map((x) => x.status)).toEqual(['EXPIRED', 'DECLINED', 'ACCEPTED']);
  });

  it('thresholds are data per station: a supervisor sets them, bad values are refused, the job uses them', async () => {
    const SET = `mutation($input: SetBalancingThresholdsInput!) { setQueueBalancingThresholds(input: $input) { unitCode minWaiting maxWaitMinutes shortQueue targetPerWindow custom } }`;
    const GET = `query($u: String!) { queueBalancingThresholds(unitCode: $u) { minWaiting maxWaitMinutes custom } }`;
    expect((await stack.gql<{ queueBalancingThresholds: unknown }>(GET, { u: FIXTURE.station }, supervisor)).data!.queueBalancingThresholds).toEqual({ minWaiting: 8, maxWaitMinutes: 30, custom: false });
    const input = { unitCode: FIXTURE.station, minWaiting: 20, maxWaitMinutes: 60, shortQueue: 1, targetPerWindow: 4 };
    expect(code(await stack.gql(SET, { input: { ...input, minWaiting: 0 } }, supervisor))).toBe('VALIDATION_FAILED');
    expect(code(await stack.gql(SET, { input }, clerk))).toBe('FORBIDDEN');
    const r = await stack.gql<{ setQueueBalancingThresholds: unknown }>(SET, { input }, supervisor);
    expect(r.errors).toBeUndefined();
    expect(r.data!.setQueueBalancingThresholds).toMatchObject({ minWaiting: 20, custom: true });
    // With 13 waiting for 26 minutes, the checkpoint is below the new thresholds: nothing proposed.
    await replayCheckpoint(4);
    expect((await stack.gql<{ evaluateQueueBalancing: unknown[] }>(EVALUATE, { u: FIXTURE.station }, supervisor)).data!.evaluateQueueBalancing).toEqual([]);
    expect((await proposals('OPEN')).total).toBe(0);
    await clearHall();
  });
});
