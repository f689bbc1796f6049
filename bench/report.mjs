// Monthly figures (月报) at city scale: N applications (default 5,000,000) over 24 months and 200
// stations, generated as the aggregates' source events (application snapshots, one-time notices,
// evaluations, SMS outcomes, complaints, transfers), folded with the counter's own fold code
// (apps/counter/dist/report) into a throwaway database on the local PostgreSQL, which is dropped
// at the end. Prints the fold rates, the time of the city-month report and of a district
// drill-down through the resolver's query code (ReportQueryService.monthlyReport; goal ≤ 300 ms),
// and the time to rebuild one month from its events (with a check that the rebuilt rows equal the
// incremental ones).
//
//   npx turbo run build --filter=@onewindow/counter... && node bench/report.mjs
//   BENCH_APPLICATIONS=500000 BENCH_LIVE_EVENTS=20000 node bench/report.mjs
//
// Settings (environment):
//   BENCH_APPLICATIONS   applications generated (default 5,000,000)
//   BENCH_LIVE_EVENTS    events of the newest applications folded one by one through ReportFolder,
//                        the live consumers' code path, for the live fold rate (default 50,000)
//   BENCH_TX_EVENTS      events per transaction in the live and rebuild folds (default 500)
//   BENCH_REBUILD        0 skips the rebuild of one month (default 1)
//   BENCH_QUERY_RUNS     timed runs of each report query (default 5)
//   TEST_DATABASE_URL    server (default postgres://postgres@127.0.0.1:5432/postgres)
//
// How it is fed: the bulk of the history goes through the fold's pure part (reduceApplication /
// reduceNotice / … then contributionOf, exactly what ReportFolder applies), summed per aggregate
// cell in memory and written to report_figures in multi-row INSERTs — the per-fact rows of
// report_fact are not written for the bulk (the report never reads them). The newest
// BENCH_LIVE_EVENTS events go through ReportFolder itself (fact row locked, reduced, delta upserted,
// fact stored) in transactions of BENCH_TX_EVENTS events, as the durable consumers do.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { PoliceType } from '@onewindow/contracts';
import { workingCalendarOf } from '@onewindow/platform';
import { CreateReportFigures1797300000000 } from '../apps/counter/dist/report/migrations/1797300000000-CreateReportFigures.js';
import { AGGREGATE_TABLE, aggregateTableDdl, METRIC_COLUMNS } from '../apps/counter/dist/report/report-columns.js';
import {
  cellKey, contributionOf, reduceApplication, reduceComplaint, reduceEvaluation, reduceNotice, reduceSms, reduceTransfer,
} from '../apps/counter/dist/report/report-fold.js';
import { FACT_TABLE, ReportFolder } from '../apps/counter/dist/report/report-folder.js';
import { ReportQueryService } from '../apps/counter/dist/report/report-query.service.js';

const env = (k, d) => Number(process.env[k] ?? d);
const APPLICATIONS = env('BENCH_APPLICATIONS', 5_000_000);
const LIVE_EVENTS = env('BENCH_LIVE_EVENTS', 50_000);
const TX_EVENTS = env('BENCH_TX_EVENTS', 500);
const REBUILD = env('BENCH_REBUILD', 1) !== 0;
const QUERY_RUNS = env('BENCH_QUERY_RUNS', 5);
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `bench_report_${randomBytes(4).toString('hex')}`;

// ---- the city: 10 districts × 20 stations, 4 police types × 5 items, 24 months ------------------
const DISTRICTS = Array.from({ length: 10 }, (_, i) => `5101${String(i + 4).padStart(2, '0')}`);
const STATIONS = DISTRICTS.flatMap((d) => Array.from({ length: 20 }, (_, j) => `${d}${String(j + 1).padStart(3, '0')}`));
const TYPES = [
  { service: 'household', prefix: 'HH', policeType: PoliceType.HOUSEHOLD },
  { service: 'exit-entry', prefix: 'EE', policeType: PoliceType.EXIT_ENTRY },
  { service: 'traffic', prefix: 'TR', policeType: PoliceType.TRAFFIC },
  { service: 'public-security', prefix: 'PS', policeType: PoliceType.PUBLIC_SECURITY },
];
const ITEMS = TYPES.flatMap((t) => Array.from({ length: 5 }, (_, k) => ({ ...t, itemCode: `${t.prefix}-BENCH-${k + 1}`, itemName: `压测事项${t.prefix}${k + 1}` })));
const FIRST_MONTH = '2024-12';
const LAST_MONTH = '2026-11';
const TODAY = '2026-12-06';
const REPORT_MONTH = '2026-10';
const REPORT_DISTRICT = DISTRICTS[3];

const DAY_MS = 86_400_000;
const day0 = Date.parse(`${FIRST_MONTH}-01T00:00:00Z`);
const DAYS = Math.round((Date.parse('2026-12-01T00:00:00Z') - day0) / DAY_MS); // 24 months of days
const isoDay = (d) => new Date(day0 + d * DAY_MS).toISOString().slice(0, 10);
const DATES = Array.from({ length: DAYS + 70 }, (_, d) => isoDay(d));
const todayIndex = DATES.indexOf(TODAY);
const COMPLAINT_KINDS = ['ATTITUDE', 'DELAY', 'UNFAMILIAR', 'MISCONDUCT', 'CONSULTATION', 'SUGGESTION', 'PRAISE'];
const LEVELS = ['VERY_SATISFIED', 'SATISFIED', 'SATISFIED', 'BASIC', 'DISSATISFIED'];

/** Deterministic pseudo-random numbers (mulberry32): application i always gets the same story. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Application i's source events, in publication order, each as [kind, key, reducer-input]:
 * its one-time notice (10 %), its snapshots (accepted; completed for ~90 % of the ones whose
 * completion day has come), an SMS (60 % of the completed, 3 % failed), an evaluation (30 %), a
 * complaint (0.5 %), a transfer requested and completed (2 %).
 */
function eventsOf(i) {
  const r = rng(i * 2654435761);
  const item = ITEMS[Math.floor(r() * ITEMS.length)];
  const unitCode = STATIONS[Math.floor(r() * STATIONS.length)];
  const acceptDay = Math.floor((i / APPLICATIONS) * DAYS); // spread evenly over the 24 months, in order
  const acceptedOn = DATES[acceptDay];
  const deadline = DATES[acceptDay + 21];
  const number = `${item.prefix}${acceptedOn.replaceAll('-', '')}${String(i).padStart(8, '0')}`;
  const at = (d, h = 2) => `${DATES[d]}T0${h}:00:00.000Z`;
  const events = [];
  const fromNotice = r() < 0.1;
  if (fromNotice) {
    events.push(['notice', `N${number}`, { noticeNumber: `N${number}`, unitCode, policeType: item.policeType, itemCode: item.itemCode, itemName: item.itemName, issuedOn: acceptedOn, at: at(acceptDay, 1) }]);
  }
  const tolerated = r() < 0.05;
  const base = {
    number, service: item.service, policeType: item.policeType, itemCode: item.itemCode, itemName: item.itemName, unitCode,
    acceptedAt: at(acceptDay), deadline, clockStopsAt: 'APPROVED', fromNoticeNumber: fromNotice ? `N${number}` : null,
  };
  const acceptTimeline = [{ at: at(acceptDay), toStatus: 'ACCEPTED' }];
  events.push(['application', number, { ...base, status: 'ACCEPTED', version: 1, updatedAt: at(acceptDay), timeline: acceptTimeline, toleratedMaterials: tolerated ? [{ suppliedAt: null }] : [] }]);
  const completeDay = acceptDay + 1 + Math.floor(r() * (r() < 0.85 ? 21 : 45));
  if (r() < 0.9 && completeDay < todayIndex) {
    const timeline = [...acceptTimeline, { at: at(completeDay, 3), toStatus: 'IN_REVIEW' }, { at: at(completeDay, 4), toStatus: 'APPROVED' }];
    events.push(['application', number, { ...base, status: 'APPROVED', version: 3, updatedAt: at(completeDay, 4), timeline, toleratedMaterials: tolerated ? [{ suppliedAt: at(completeDay, 3) }] : [] }]);
    if (r() < 0.6) events.push(['sms', `S${number}`, { smsId: `S${number}`, outcome: r() < 0.03 ? 'FAILED' : 'SENT', unitCode, policeType: item.policeType, template: 'PICKUP', deliveredOn: DATES[completeDay], at: at(completeDay, 5) }]);
    if (r() < 0.3) events.push(['evaluation', `E${number}`, { evaluationId: `E${number}`, applicationNumber: number, level: LEVELS[Math.floor(r() * LEVELS.length)], unitCode, evaluatedOn: DATES[completeDay], voided: false }]);
  }
  if (r() < 0.005) {
    events.push(['complaint', `C${number}`, { number: `C${number}`, action: 'INTAKE', policeType: item.policeType, unitCode, kind: COMPLAINT_KINDS[Math.floor(r() * COMPLAINT_KINDS.length)], at: at(Math.min(acceptDay + 3, todayIndex - 1), 6) }]);
  }
  if (r() < 0.02) {
    const to = TYPES[(TYPES.findIndex((t) => t.service === item.service) + 1) % TYPES.length].service;
    const transferId = `T${number}`;
    events.push(['transfer', transferId, { type: 'requested', event: { transferId, fromService: item.service, toService: to, requestedBy: { unitCode }, requestedAt: at(acceptDay, 7), requestedDeadline: DATES[acceptDay + 7] } }]);
    const doneDay = acceptDay + 1 + Math.floor(r() * 10);
    if (doneDay < todayIndex) events.push(['transfer', transferId, { type: 'completed', event: { transferId, fromService: item.service, toService: to, at: at(doneDay, 8) } }]);
  }
  return events;
}

const calendar = workingCalendarOf({ CALENDAR_OVERRIDES_FILE: undefined });
const REDUCERS = {
  application: (e) => reduceApplication(e, calendar),
  notice: reduceNotice,
  sms: reduceSms,
  evaluation: reduceEvaluation,
  complaint: reduceComplaint,
  transfer: reduceTransfer,
};
const FOLD = {
  application: (f, m, e) => f.foldApplication(m, e),
  notice: (f, m, e) => f.foldNotice(m, e),
  sms: (f, m, e) => f.foldSms(m, e),
  evaluation: (f, m, e) => f.foldEvaluation(m, e),
  complaint: (f, m, e) => f.foldComplaint(m, e),
  transfer: (f, m, e) => f.foldTransfer(m, e),
};

/** The facts' final contributions through the fold's pure part: the events reduced in order, per fact. */
function contributionsOf(events) {
  const facts = new Map();
  for (const [kind, key, e] of events) {
    const id = `${kind}|${key}`;
    const next = REDUCERS[kind](e)(facts.get(id) ?? null);
    if (next) facts.set(id, next);
  }
  const cells = [];
  for (const [id, record] of facts) cells.push(...contributionOf(id.slice(0, id.indexOf('|')), record.state));
  return cells;
}

function addCells(into, cells) {
  for (const c of cells) {
    const key = cellKey(c);
    let row = into.get(key);
    if (!row) into.set(key, (row = { ...c, metrics: {} }));
    if (c.itemName) row.itemName = c.itemName;
    for (const [k, v] of Object.entries(c.metrics)) row.metrics[k] = (row.metrics[k] ?? 0) + v;
  }
}

async function insertCells(manager, table, cells) {
  const cols = METRIC_COLUMNS.map(({ column }) => column);
  for (let i = 0; i < cells.length; i += 1000) {
    const chunk = cells.slice(i, i + 1000);
    const params = [];
    const p = (v) => (params.push(v), `$${params.length}`);
    const values = chunk.map((c) => `(${p(c.month)}, ${p(c.unitCode)}, ${p(c.policeType)}, ${p(c.itemCode)}, ${p(c.itemName)}, ${METRIC_COLUMNS.map(({ key }) => `${p(c.metrics[key] ?? 0)}::int`).join(', ')})`);
    await manager.query(`INSERT INTO ${table} (month, unit_code, police_type, item_code, item_name, ${cols.join(', ')}) VALUES ${values.join(', ')}`, params);
  }
}

async function admin(sql) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

const seconds = (from) => Number(process.hrtime.bigint() - from) / 1e9;
const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;
const fmt = (n) => Math.round(n).toLocaleString('en');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

await admin(`CREATE DATABASE ${dbName}`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const ds = new DataSource({ type: 'postgres', url: url.toString(), entities: [], migrations: [CreateReportFigures1797300000000], poolSize: 2 });
try {
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  console.log(`database ${dbName}: ${fmt(APPLICATIONS)} applications, ${STATIONS.length} stations in ${DISTRICTS.length} districts, ${ITEMS.length} items, ${FIRST_MONTH} … ${LAST_MONTH}`);

  // Which applications go through the live path: the newest ones, about LIVE_EVENTS events.
  let liveFrom = APPLICATIONS;
  for (let n = 0; liveFrom > 0 && n < LIVE_EVENTS; ) n += eventsOf(--liveFrom).length;

  // 1. Bulk: the fold's pure part, cells summed in memory, multi-row INSERTs.
  let t = process.hrtime.bigint();
  const sums = new Map();
  let bulkEvents = 0;
  for (let i = 0; i < liveFrom; i++) {
    const events = eventsOf(i);
    bulkEvents += events.length;
    addCells(sums, contributionsOf(events));
    if (i > 0 && i % 1_000_000 === 0) console.log(`  … ${fmt(i)} applications reduced (${seconds(t).toFixed(0)} s)`);
  }
  const reduceSeconds = seconds(t);
  const t2 = process.hrtime.bigint();
  await ds.transaction((m) => insertCells(m, AGGREGATE_TABLE, [...sums.values()]));
  const insertSeconds = seconds(t2);
  console.log(
    `bulk feed: ${fmt(bulkEvents)} events of ${fmt(liveFrom)} applications reduced with the fold code in ${reduceSeconds.toFixed(1)} s ` +
      `(${fmt(bulkEvents / reduceSeconds)} events/s in process), ${fmt(sums.size)} aggregate rows inserted in ${insertSeconds.toFixed(1)} s`,
  );

  // 2. Live: ReportFolder per event (lock fact, reduce, upsert delta, store fact), batched transactions.
  const folder = new ReportFolder(calendar);
  const live = [];
  for (let i = liveFrom; i < APPLICATIONS; i++) live.push(...eventsOf(i));
  t = process.hrtime.bigint();
  for (let i = 0; i < live.length; i += TX_EVENTS) {
    await ds.transaction(async (m) => {
      for (const [kind, , e] of live.slice(i, i + TX_EVENTS)) await FOLD[kind](folder, m, e);
    });
  }
  const liveSeconds = seconds(t);
  console.log(`live fold: ${fmt(live.length)} events through ReportFolder in ${liveSeconds.toFixed(1)} s = ${fmt(live.length / liveSeconds)} events/s (${TX_EVENTS} events per transaction, 1 connection)`);
  const [{ rows, size }] = await ds.query(`SELECT count(*)::int AS rows, pg_size_pretty(pg_database_size(current_database())) AS size FROM ${AGGREGATE_TABLE}`);
  await ds.query(`ANALYZE ${AGGREGATE_TABLE}`);
  console.log(`report_figures: ${fmt(rows)} rows; database ${size}`);

  // 3. The report queries, through the resolver's code (ReportQueryService.monthlyReport).
  const reports = new ReportQueryService(ds, { today: () => TODAY });
  const analyst = { sub: 'bench', username: 'bench-analyst', displayName: '压测', roles: ['ANALYST'], unitCode: '5101', unitName: '成都市公安局' };
  const timed = async (label, unitCode) => {
    const first = process.hrtime.bigint();
    const report = await reports.monthlyReport(analyst, REPORT_MONTH, unitCode);
    const cold = ms(first);
    const runs = [];
    for (let k = 0; k < QUERY_RUNS; k++) {
      const s = process.hrtime.bigint();
      await reports.monthlyReport(analyst, REPORT_MONTH, unitCode);
      runs.push(ms(s));
    }
    console.log(`${label}: first ${cold.toFixed(0)} ms, then median ${median(runs).toFixed(0)} ms, max ${Math.max(...runs).toFixed(0)} ms over ${QUERY_RUNS} runs (goal ≤ 300 ms) — accepted ${fmt(report.figures.accepted)}, ${report.children.length} lines, ${report.items.length} items, ${report.trend.length}-month trend`);
    return report;
  };
  const city = await timed(`city ${REPORT_MONTH} (5101)`, null);
  await timed(`district drill-down ${REPORT_MONTH} (${REPORT_DISTRICT})`, REPORT_DISTRICT);
  await timed(`station drill-down ${REPORT_MONTH} (${REPORT_DISTRICT}001)`, `${REPORT_DISTRICT}001`);
  const expectedAccepted = [...sums.values()].filter((c) => c.month === REPORT_MONTH).reduce((n, c) => n + (c.metrics.accepted ?? 0), 0);
  if (live.every(([, , e]) => !e.acceptedAt?.startsWith(REPORT_MONTH)) && city.figures.accepted !== expectedAccepted) {
    throw new Error(`city figures ${city.figures.accepted} ≠ generated ${expectedAccepted}`);
  }

  // 4. Rebuild one month from its events: the ReportRebuilder's steps (scratch tables, the same
  //    ReportFolder, replace the month's rows in one transaction) fed from the generator instead of
  //    the JetStream replay; the events are those of every fact with a cell in the month.
  if (REBUILD) {
    const month = REPORT_MONTH;
    const before = await ds.query(`SELECT * FROM ${AGGREGATE_TABLE} WHERE month = $1 ORDER BY unit_code, police_type, item_code`, [month]);
    t = process.hrtime.bigint();
    let replayed = 0;
    let scanned = 0;
    await ds.transaction(async (m) => {
      const scratch = { figures: 'report_figures_rebuild', facts: 'report_fact_rebuild' };
      await m.query(`${aggregateTableDdl(scratch.figures, { temporary: true })} ON COMMIT DROP`);
      await m.query(`CREATE TEMPORARY TABLE ${scratch.facts} (LIKE ${FACT_TABLE} INCLUDING ALL) ON COMMIT DROP`);
      await m.query(`LOCK TABLE ${FACT_TABLE} IN SHARE MODE`);
      const rebuildFolder = new ReportFolder(calendar, scratch);
      for (let i = 0; i < APPLICATIONS; i++) {
        const events = eventsOf(i);
        scanned += events.length;
        if (!contributionsOf(events).some((c) => c.month === month)) continue;
        for (const [kind, , e] of events) await FOLD[kind](rebuildFolder, m, e);
        replayed += events.length;
      }
      await m.query(`DELETE FROM ${AGGREGATE_TABLE} WHERE month = $1`, [month]);
      await m.query(`INSERT INTO ${AGGREGATE_TABLE} SELECT * FROM ${scratch.figures} WHERE month = $1`, [month]);
    });
    const rebuildSeconds = seconds(t);
    const after = await ds.query(`SELECT * FROM ${AGGREGATE_TABLE} WHERE month = $1 ORDER BY unit_code, police_type, item_code`, [month]);
    const same = JSON.stringify(before) === JSON.stringify(after);
    console.log(
      `rebuild ${month}: ${fmt(replayed)} events of the month's facts folded into scratch tables and the month's ${fmt(after.length)} rows replaced in ${rebuildSeconds.toFixed(1)} s ` +
        `(${fmt(replayed / rebuildSeconds)} events/s; ${fmt(scanned)} generated events scanned); rebuilt rows equal the incremental ones: ${same ? 'yes' : 'NO'}`,
    );
    console.log(`  (report:rebuild replays every source stream from its start: at this fold rate the full history of ${fmt(bulkEvents + live.length)} events would take about ${fmt((bulkEvents + live.length) / (replayed / rebuildSeconds))} s plus the JetStream read)`);
    if (!same) process.exitCode = 1;
  }
} finally {
  if (ds.isInitialized) await ds.destroy();
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
}
