// The hall's hottest path under a day's load: 40 windows, 3,000 tickets in a simulated day at one
// station, through the gateway on a real counter process, PostgreSQL and NATS.
//
// The day runs on a simulated clock, minute by minute (09:00–17:30, lunch 12:00–13:00 with half the
// windows): arrivals per group follow a morning and an afternoon peak; at each minute the tickets
// that arrive are taken (issueQueueTicket), every window whose clerk has finished calls the next
// ticket (callNextQueueTicket — the real call order decides who; the windows of one minute call
// concurrently), and finishes it (finishQueueTicket) after its service time in simulated minutes.
// The service stamps real (compressed) times; at the end the bench rewrites each ticket's
// timestamps to the simulated ones in one UPDATE and asks the service for the day's figures
// (queueFigures), so the printed waiting times are the service's own computation of the day.
//
// Prints: call-next latency p50/p90/p99 and max (ms), take/finish latency, the figures query time,
// and the waiting-time figures (p50/p90 per group and per hour, no-shows).
//
//   npx turbo run build --filter=@onewindow/counter... --filter=@onewindow/gateway... && node bench/queue.mjs
//   BENCH_TICKETS=3000 BENCH_WINDOWS=40 node bench/queue.mjs
import { TestStack, sql } from '@onewindow/testing';
import { DEMO_ISSUER, USER_TOKEN_AUDIENCE } from '@onewindow/platform';
import { SignJWT } from 'jose';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 3000);
const WINDOWS = Number(process.env.BENCH_WINDOWS ?? 40);
const STATION = '510107002';
const DAY = '2026-03-18';
const SECRET = process.env.DEMO_ISSUER_SECRET ?? 'onewindow-demo-issuer-secret-for-local-use-only';
const pct = (xs, p) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN);
const ms = (xs) => { xs.sort((a, b) => a - b); return `p50 ${pct(xs, 50).toFixed(1)}  p90 ${pct(xs, 90).toFixed(1)}  p99 ${pct(xs, 99).toFixed(1)}  max ${xs.at(-1).toFixed(1)}`; };

// Group mix (share of tickets, service minutes) and the windows serving each group: 40% 户政 …
const GROUPS = [
  { code: 'HOUSEHOLD', share: 0.4, service: 9 },
  { code: 'EXIT_ENTRY', share: 0.2, service: 7 },
  { code: 'TRAFFIC', share: 0.2, service: 6 },
  { code: 'PUBLIC_SECURITY', share: 0.12, service: 8 },
  { code: 'GENERAL', share: 0.08, service: 5 },
];
const windowPlan = Array.from({ length: WINDOWS }, (_, i) => {
  const n = i + 1;
  const f = i / WINDOWS;
  if (f < 0.1) return { number: n, servesAll: true, groupCodes: [] }; // 全科
  if (f < 0.45) return { number: n, servesAll: false, groupCodes: ['HOUSEHOLD'] };
  if (f < 0.65) return { number: n, servesAll: false, groupCodes: ['EXIT_ENTRY'] };
  if (f < 0.82) return { number: n, servesAll: false, groupCodes: ['TRAFFIC'] };
  if (f < 0.94) return { number: n, servesAll: false, groupCodes: ['PUBLIC_SECURITY'] };
  return { number: n, servesAll: false, groupCodes: ['GENERAL', 'HOUSEHOLD'] };
});

// Arrivals: a deterministic pseudo-random stream (mulberry32), weighted to two peaks.
let seed = 20260318;
const rand = () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const OPEN = 9 * 60, CLOSE = 17 * 60 + 30, LUNCH = [12 * 60, 13 * 60];
const weight = (m) => (m < LUNCH[0] ? (m < 10 * 60 + 30 ? 2.2 : 1.4) : m < LUNCH[1] ? 0.5 : m < 15 * 60 ? 1.6 : 0.9);
const minutes = Array.from({ length: CLOSE - OPEN - 30 }, (_, i) => OPEN + i); // no arrivals in the last half hour
const totalWeight = minutes.reduce((a, m) => a + weight(m), 0);
const arrivals = [];
for (const m of minutes) {
  const expected = (TICKETS * weight(m)) / totalWeight;
  let k = Math.floor(expected) + (rand() < expected % 1 ? 1 : 0);
  while (k-- > 0 && arrivals.length < TICKETS) {
    let r = rand(), g = GROUPS[0];
    for (const x of GROUPS) { if ((r -= x.share) <= 0) { g = x; break; } g = x; }
    arrivals.push({ minute: m, group: g.code, priority: rand() < 0.05 });
  }
}
while (arrivals.length < TICKETS) arrivals.push({ minute: CLOSE - 31, group: 'HOUSEHOLD', priority: false });

const stack = new TestStack({ services: ['counter'], env: { SUPERGRAPH_SOURCE: 'file', CLOCK_FIXED_DATE: DAY, QUEUE_BALANCING_INTERVAL_MS: '0', DEADLINE_JOB_INTERVAL_MS: '0', LOG_LEVEL: 'error' } });
console.log(`booting the counter and the gateway …`);
await stack.start();
try {
  const token = (n) => new SignJWT({ preferred_username: `bench-clerk-${n}`, name: `窗口${n}`, roles: ['CLERK'], unit_code: STATION, unit_name: '望江路派出所' })
    .setProtectedHeader({ alg: 'HS256' }).setIssuer(DEMO_ISSUER).setAudience(USER_TOKEN_AUDIENCE).setSubject(`demo:bench-clerk-${n}`)
    .setIssuedAt().setExpirationTime('8h').sign(new TextEncoder().encode(SECRET));
  const clerks = await Promise.all(windowPlan.map((w) => token(w.number)));
  const gql = async (query, variables, t) => {
    const r = await stack.gql(query, variables, t);
    if (r.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(r.errors[0])}`);
    return r.data;
  };

  // The windows, each with its clerk signed in.
  for (const w of windowPlan) {
    const { createQueueWindow } = await gql(`mutation($input: CreateQueueWindowInput!) { createQueueWindow(input: $input) { id } }`, { input: { number: w.number, servesAll: w.servesAll, groupCodes: w.groupCodes } }, clerks[0]);
    await gql(`mutation($id: ID!) { signInQueueWindow(windowId: $id) { id state } }`, { id: createQueueWindow.id }, clerks[w.number - 1]);
    w.id = createQueueWindow.id;
  }

  const TAKE = `mutation($input: TakeQueueTicketInput!) { issueQueueTicket(input: $input) { id number groupCode } }`;
  const CALL = `mutation { callNextQueueTicket { id number groupCode } }`;
  const FINISH = `mutation { finishQueueTicket { id } }`;
  const lat = { take: [], call: [], emptyCall: [], finish: [] };
  const timed = async (bucket, fn) => { const t0 = process.hrtime.bigint(); const r = await fn(); lat[bucket].push(Number(process.hrtime.bigint() - t0) / 1e6); return r; };

  const sim = new Map(); // ticket id → { taken, called, finished, group }
  const waitingByGroup = new Map(GROUPS.map((g) => [g.code, 0]));
  const serviceOf = new Map(GROUPS.map((g) => [g.code, g.service]));
  const state = windowPlan.map((w) => ({ w, busyUntil: 0, ticket: null }));
  const mayServe = (w, g) => w.servesAll || w.groupCodes.includes(g);
  let next = 0;
  const started = Date.now();
  const busy = () => next < arrivals.length || [...waitingByGroup.values()].some((v) => v > 0) || state.some((s) => s.ticket);
  for (let t = OPEN; t <= CLOSE + 600 && busy(); t++) {
    // Arrivals of this minute (taken one after another, as at the kiosk).
    while (next < arrivals.length && arrivals[next].minute <= t) {
      const a = arrivals[next++];
      const r = await timed('take', () => gql(TAKE, { input: { unitCode: STATION, groupCode: a.group, ...(a.priority ? { priorityReason: 'ELDERLY_70' } : {}) } }, clerks[0]));
      sim.set(r.issueQueueTicket.id, { taken: t, called: null, finished: null, group: a.group });
      waitingByGroup.set(a.group, waitingByGroup.get(a.group) + 1);
    }
    if (t % 60 === 0) console.log(`  ${String(t / 60).padStart(2, '0')}:00  ${next} taken, ${lat.call.length} called, ${[...waitingByGroup.values()].reduce((a, b) => a + b, 0)} waiting (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    const atLunch = t >= LUNCH[0] && t < LUNCH[1];
    // Finish what is due, then the free windows call — concurrently, as many as there are tickets
    // they may serve (a clerk does not press 叫号 at an empty line; the call order still picks whom).
    const due = state.filter((s) => s.ticket && s.busyUntil <= t);
    await Promise.all(due.map(async (s) => {
      await timed('finish', () => gql(FINISH, {}, clerks[state.indexOf(s)]));
      sim.get(s.ticket).finished = t;
      s.ticket = null;
    }));
    const budget = new Map(waitingByGroup);
    const callers = state.filter((s, i) => {
      if (s.ticket || (atLunch && i % 2 === 1)) return false;
      const g = [...budget].find(([code, n]) => n > 0 && mayServe(s.w, code));
      if (!g) return false;
      budget.set(g[0], g[1] - 1);
      return true;
    });
    await Promise.all(callers.map(async (s) => {
      const i = state.indexOf(s);
      const t0 = process.hrtime.bigint();
      const called = (await gql(CALL, {}, clerks[i])).callNextQueueTicket;
      lat[called ? 'call' : 'emptyCall'].push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (!called) return;
      const rec = sim.get(called.id);
      rec.called = t;
      waitingByGroup.set(rec.group, waitingByGroup.get(rec.group) - 1);
      s.ticket = called.id;
      s.busyUntil = t + serviceOf.get(rec.group);
    }));
  }
  const seconds = (Date.now() - started) / 1000;

  // The simulated times into the tickets (one UPDATE), then the service's own figures for the day.
  const at = (m) => (m === null ? null : new Date(`${DAY}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+08:00`).toISOString());
  const rows = [...sim].map(([id, s]) => [id, at(s.taken), at(s.called), at(s.finished)]);
  await sql(stack.databases.get('counter').url, `UPDATE queue_ticket q SET taken_at = v.taken::timestamptz, line_at = v.taken::timestamptz, first_called_at = v.called::timestamptz,
      called_at = v.called::timestamptz, started_at = v.called::timestamptz, finished_at = v.finished::timestamptz
    FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS v(id, taken, called, finished) WHERE q.id = v.id`,
  [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])]);
  const ROW = 'label tickets noShows waitP50 waitP90 serviceP50';
  const FIG = `query { queueFigures(unitCode: "${STATION}") { total { ${ROW} } byHour { ${ROW} } byGroup { ${ROW} } } }`;
  const q0 = process.hrtime.bigint();
  const { queueFigures: f } = await gql(FIG, {}, clerks[0]);
  const figuresMs = Number(process.hrtime.bigint() - q0) / 1e6;

  console.log(`queue: ${WINDOWS} windows, ${sim.size} tickets in a simulated day (${seconds.toFixed(1)} s of real time; ${arrivals.filter((a) => a.priority).length} green-channel tickets)`);
  console.log(`  callNextQueueTicket  ${lat.call.length} calls  latency ms  ${ms(lat.call)}`);
  if (lat.emptyCall.length) console.log(`    (${lat.emptyCall.length} calls found nobody for the window: ${ms(lat.emptyCall)})`);
  console.log(`  issueQueueTicket     ${lat.take.length} takes  latency ms  ${ms(lat.take)}`);
  console.log(`  finishQueueTicket    ${lat.finish.length}       latency ms  ${ms(lat.finish)}`);
  console.log(`  queueFigures for the day: ${figuresMs.toFixed(1)} ms`);
  const line = (r) => `${r.label.padEnd(10)} tickets ${String(r.tickets).padStart(5)}  no-shows ${r.noShows}  wait p50 ${r.waitP50 ?? '—'} min  p90 ${r.waitP90 ?? '—'} min  service p50 ${r.serviceP50 ?? '—'} min`;
  console.log(`  waiting times (the service's figures of the simulated day):`);
  console.log(`    ${line(f.total)}`);
  for (const r of f.byGroup) console.log(`    ${line(r)}`);
  for (const r of f.byHour) console.log(`    ${line(r)}`);
} finally {
  await stack.stop();
}
