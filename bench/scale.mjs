// Figures at scale (issue 14 goal 6), in ONE run on one TestStack: acceptance (the workload of
// bench/acceptance.mjs) and the citizen 360° through the gateway (the query of bench/gateways.mjs,
// own purpose per request) measured on the small demo data; then persons from the population
// generator COPYed into household's register and applications generated in SQL into the owning
// services' casework tables and the counter's inbox projection (bench/lib/scale-load.mjs); then
// VACUUM ANALYZE and the same measurements again. Prints both phases, the ratios (goal: within 20%),
// CPU ms per request per process, load average, load rates, database sizes, and the EXPLAIN
// (ANALYZE) of the 360° and inbox lookups at scale with the planner free (seq scans flagged).
//   npx turbo run build --filter='!@onewindow/counter-ui' && \
//   node bench/scale.mjs [--persons 1000000] [--applications 5000000] [--seconds 15] [--concurrency 16]
// Develop with small numbers (e.g. --persons 20000 --applications 100000). The full size needs
// ≈ 15 GB of free disk on the PostgreSQL server; the databases are dropped at the end.
import { parseArgs } from 'node:util';
import { TestStack } from '@onewindow/testing';
import { DEMO_PERSON_IDS, DEMO_PERSONS } from '@onewindow/population';
import { cpuPerRequest, cpuSnapshot } from './lib/cpu.mjs';
import { explainLookups } from './lib/explain.mjs';
import { compareWithInbox, connect, loadApplications, loadPersons } from './lib/scale-load.mjs';
import { ACCEPT, CLERK_UNIT, citizenOk, clerkReady, citizenRequest, countAudit, DEMO_UNIT_PERSONS, load, loadAverage, machine, measureAcceptance, printCpu, statusProofInput } from './lib/workloads.mjs';

const { values: args } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    applications: { type: 'string', default: '5000000' },
    seconds: { type: 'string', default: '15' },
    concurrency: { type: 'string', default: '16' },
  },
});
const persons = Number(args.persons);
const applications = Number(args.applications);
const seconds = Number(args.seconds);
const concurrency = Number(args.concurrency);
const TODAY = '2026-02-10';
// The city's stations in the unit directory: the clerk's station holds a fifth of the persons.
const UNIT_CODES = ['510107001', '510107002', '510107003', '510104002', '510104005'];
// Mostly household cases; some of exit-entry, traffic and public security (their casework tables).
const SERVICES = {
  household: { share: 80, policeType: 'HOUSEHOLD', prefix: 'HH' },
  'exit-entry': { share: 8, policeType: 'EXIT_ENTRY', prefix: 'EE' },
  traffic: { share: 7, policeType: 'TRAFFIC', prefix: 'TR' },
  'public-security': { share: 5, policeType: 'PUBLIC_SECURITY', prefix: 'PS' },
};
const run = Date.now().toString(36);
const fmt = (n) => Math.round(n).toLocaleString('en');
const since = (t) => Number(process.hrtime.bigint() - t) / 1e9;

// The gateway's per-user budgets would refuse a load test: lifted, as in bench/gateways.mjs.
const stack = new TestStack({
  env: { CLOCK_FIXED_DATE: TODAY, DEADLINE_JOB_INTERVAL_MS: '0', TRANSFER_JOB_INTERVAL_MS: '0', LOG_LEVEL: 'error', RATE_LIMIT_PER_IP: '1000000', RATE_LIMIT_PER_USER: '1000000', RATE_LIMIT_LOOKUPS_PER_USER: '1000000' },
  sequential: true,
});

/** Time until the counter's inbox holds as many of the demo applicant's applications as household does. */
async function projectionLag() {
  const hh = await connect(stack.databases.get('household').url);
  const counter = await connect(stack.databases.get('counter').url);
  const t = Date.now();
  try {
    // The workload's item only: loaded applications of this person at other services are in the inbox, not in household.
    const { rows: [{ n }] } = await hh.query(`SELECT count(*)::int AS n FROM application WHERE applicant_id_number = $1 AND item_code = 'HH-STATUS-PROOF'`, [DEMO_PERSON_IDS.adult]);
    for (;;) {
      const { rows: [{ m }] } = await counter.query(`SELECT count(*)::int AS m FROM inbox_application WHERE applicant_id_number = $1 AND service = 'household' AND item_code = 'HH-STATUS-PROOF'`, [DEMO_PERSON_IDS.adult]);
      if (m >= n) return Date.now() - t;
      if (Date.now() - t > 60_000) return NaN;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await hh.end();
    await counter.end();
  }
}

/** The 360° through our gateway for `seconds`, with the CPU ms per request of every process. */
async function measure360(token, idNumbers, label) {
  const auth = { authorization: `Bearer ${token}` };
  await load(stack.gatewayUrl, citizenRequest(idNumbers, `规模核验 ${label} warm ${run}`), citizenOk, Math.min(3, seconds), { concurrency, headers: auth });
  const before = await cpuSnapshot(stack);
  const purpose = `规模核验 ${label} ${run}`;
  const r = await load(stack.gatewayUrl, citizenRequest(idNumbers, purpose), citizenOk, seconds, { concurrency, headers: auth });
  r.cpu = cpuPerRequest(before, await cpuSnapshot(stack), r.n);
  r.audit = await countAudit(stack, `${purpose} #%`);
  return r;
}

function report(what, r) {
  console.log(`  ${what}: ${r.n} requests in ${r.elapsed.toFixed(1)} s, concurrency ${concurrency}, ${r.failures} failed${r.firstFailure ? ` (first: ${r.firstFailure})` : ''}`);
  console.log(`    ${r.rps.toFixed(1)} req/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  max ${r.max.toFixed(1)} ms`);
  if (r.audit !== undefined) {
    // A 360° whose household part answered is audited even when another subgraph failed.
    const verdict = r.audit === r.n - r.failures ? 'audit rows = requests' : r.failures && r.audit <= r.n && r.audit >= r.n - r.failures ? 'audit rows between answered and all requests (failures in other subgraphs)' : 'MISMATCH';
    console.log(`    audit: ${r.audit} CITIZEN_360_READ rows for ${r.n - r.failures} answered 360°s of ${r.n}: ${verdict}`);
  }
  console.log('    CPU ms per request (user + system, measured span only):');
  r.stackCpu = printCpu(r.cpu, '      ');
}

async function phase(name, token, extra360) {
  console.log(`\n== ${name} ==  (${machine()})`);
  const acceptance = await measureAcceptance(stack, token, { seconds, concurrency, keyPrefix: `scale-${name}-${run}` });
  report('acceptApplication (户籍证明, demo person, ALLOW duplicates)', acceptance);
  acceptance.lag = await projectionLag();
  console.log(`    inbox projection complete ${acceptance.lag} ms after the last reply`);
  const citizen = await measure360(token, DEMO_UNIT_PERSONS, `${name} demo`);
  report(`citizen 360° (demo persons of ${CLERK_UNIT})`, citizen);
  let loaded;
  if (extra360?.length) {
    loaded = await measure360(token, extra360, `${name} loaded`);
    report(`citizen 360° (${extra360.length} loaded persons of ${CLERK_UNIT}, their applications in the inbox)`, loaded);
  }
  // Not a load test: a few sequential first pages of the clerk's inbox (the 360° and acceptance are the goal's figures).
  const inboxMs = [];
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    const r = await stack.gql('{ inbox(policeType: HOUSEHOLD, limit: 20) { total items { number } } }', {}, token);
    inboxMs.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.errors) console.log(`    inbox error: ${JSON.stringify(r.errors).slice(0, 300)}`);
    else if (i === 0) console.log(`  inbox first page (HOUSEHOLD, 20 rows of ${fmt(r.data.inbox.total)}), 3 sequential requests:`);
  }
  inboxMs.sort((a, b) => a - b);
  console.log(`    median ${inboxMs[1].toFixed(1)} ms, max ${inboxMs[2].toFixed(1)} ms`);
  console.log(`  ${machine()}`);
  return { acceptance, citizen, loaded, inboxMs: inboxMs[1], load: loadAverage() };
}

async function sizes() {
  const out = {};
  for (const [service, db] of stack.databases) {
    const c = await connect(db.url);
    try {
      const { rows: [{ size }] } = await c.query('SELECT pg_database_size(current_database())::bigint AS size');
      const { rows: tables } = await c.query(`SELECT relname, pg_total_relation_size(relid)::bigint AS size, n_live_tup::bigint AS rows FROM pg_stat_user_tables
        WHERE relname IN ('person', 'household', 'application', 'inbox_application') ORDER BY relname`);
      out[service] = { size: Number(size), tables };
    } finally {
      await c.end();
    }
  }
  return out;
}
const mb = (b) => `${fmt(Number(b) / 2 ** 20)} MB`;

// Interrupted (Ctrl-C): still drop the databases (the full size leaves ≈13 GB behind otherwise).
let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  console.log('\ninterrupted: stopping the stack and dropping its databases …');
  stack.stop().finally(() => process.exit(130));
});

console.log(`scale bench: ${fmt(persons)} persons, ${fmt(applications)} applications, ${seconds} s per measurement, concurrency ${concurrency}`);
console.log('booting the system (six services + gateway) …');
await stack.start();
console.log(`databases: ${[...stack.databases.values()].map((d) => d.name).join(', ')}`);
try {
  const clerk = await clerkReady(stack);
  // Warm-up of both workloads (JIT, plans, pools), so the first phase is not the colder one.
  const warm = Math.min(seconds, 10);
  console.log(`warming up (${warm} s of acceptances, ${warm} s of 360°s) …`);
  await load(stack.gatewayUrl, (i) => ({ query: ACCEPT, variables: { input: statusProofInput(`scale-warm-${run}-${i}`) } }), (b) => !!b.data?.acceptApplication, warm, { concurrency, headers: { authorization: `Bearer ${clerk}` } });
  await load(stack.gatewayUrl, citizenRequest(DEMO_UNIT_PERSONS, `规模核验 warm ${run}`), citizenOk, warm, { concurrency, headers: { authorization: `Bearer ${clerk}` } });
  const small = await phase('small (demo data)', clerk);

  // ---- bulk load ----
  console.log(`\n== loading ${fmt(persons)} persons and ${fmt(applications)} applications ==  (${machine()})`);
  let t = process.hrtime.bigint();
  let lastPrint = 0;
  const loadedPersons = await loadPersons(stack.databases.get('household').url, {
    persons, seed: 14, unitCodes: UNIT_CODES,
    onProgress: (p) => {
      if (Date.now() - lastPrint < 5000 && p.persons < persons - p.skipped) return;
      lastPrint = Date.now();
      const rate = p.persons / since(t);
      console.log(`  persons ${fmt(p.persons)} / ${fmt(persons)}  ${fmt(rate)} persons/s  (1,000,000 at this rate: ${fmt(1e6 / rate)} s; ${machine()})`);
    },
  });
  const personSeconds = since(t);
  console.log(`  ${fmt(loadedPersons.persons)} persons in ${fmt(loadedPersons.households)} households: ${personSeconds.toFixed(1)} s, ${fmt(loadedPersons.persons / personSeconds)} persons/s (${loadedPersons.skipped} left out: already on the register)`);

  t = process.hrtime.bigint();
  lastPrint = 0;
  const services = Object.fromEntries(Object.entries(SERVICES).map(([s, spec]) => [s, { ...spec, url: stack.databases.get(s).url }]));
  const loadedApps = await loadApplications({
    householdUrl: stack.databases.get('household').url, counterUrl: stack.databases.get('counter').url, services, applications, today: TODAY,
    batchSize: Math.max(10_000, Math.min(250_000, Math.ceil(applications / 20))),
    onProgress: (d) => {
      if (Date.now() - lastPrint < 5000 && d.applications < applications) return;
      lastPrint = Date.now();
      const rate = d.applications / since(t);
      console.log(`  applications ${fmt(d.applications)} / ${fmt(applications)} (${Object.entries(d.byService).map(([s, n]) => `${s} ${fmt(n)}`).join(', ')})  ${fmt(rate)}/s casework + inbox  (5,000,000 at this rate: ${fmt(5e6 / rate)} s; ${machine()})`);
    },
  });
  const appSeconds = since(t);
  console.log(`  ${fmt(loadedApps.applications)} applications (casework row + inbox row each): ${appSeconds.toFixed(1)} s, ${fmt(loadedApps.applications / appSeconds)} applications/s`);

  t = process.hrtime.bigint();
  // VACUUM too: the insert-triggered autovacuum would otherwise run during the measurement. One session per database, in parallel.
  await Promise.all([['household', ['household', 'person', 'application']], ['counter', ['inbox_application']], ['exit-entry', ['application']], ['traffic', ['application']], ['public-security', ['application']]].map(async ([service, tables]) => {
    const c = await connect(stack.databases.get(service).url);
    try {
      for (const table of tables) await c.query(`VACUUM (ANALYZE) ${table}`);
    } finally {
      await c.end();
    }
  }));
  const analyzeSeconds = since(t);
  console.log(`  VACUUM (ANALYZE) of the loaded tables: ${analyzeSeconds.toFixed(1)} s`);
  const dbSizes = await sizes();
  console.log('  database sizes after the load:');
  for (const [service, s] of Object.entries(dbSizes)) {
    console.log(`    ${service.padEnd(16)} ${mb(s.size).padStart(10)}   ${s.tables.map((x) => `${x.relname} ${fmt(x.rows)} rows ${mb(x.size)}`).join(', ')}`);
  }

  // Loaded persons of the clerk's unit with applications in the inbox (the 360°'s counter section reads them).
  const counter = await connect(stack.databases.get('counter').url);
  const hh = await connect(stack.databases.get('household').url);
  let loadedUnitPersons;
  try {
    const demo = DEMO_PERSONS.map((p) => p.idNumber);
    const { rows } = await hh.query(`SELECT id_number FROM person WHERE unit_code = $1 AND status = 'NORMAL' AND NOT (id_number = ANY($2)) ORDER BY md5(id_number) LIMIT 2000`, [CLERK_UNIT, demo]);
    const { rows: withApps } = await counter.query('SELECT DISTINCT applicant_id_number AS id FROM inbox_application WHERE applicant_id_number = ANY($1)', [rows.map((r) => r.id_number)]);
    loadedUnitPersons = withApps.map((r) => r.id).slice(0, 500);
    const { rows: [unit] } = await counter.query(`SELECT count(*)::int AS n FROM inbox_application WHERE unit_code = $1`, [CLERK_UNIT]);
    const { rows: [unitPersons] } = await hh.query(`SELECT count(*)::int AS n FROM person WHERE unit_code = $1`, [CLERK_UNIT]);
    console.log(`  clerk's unit ${CLERK_UNIT}: ${fmt(unitPersons.n)} persons, ${fmt(unit.n)} applications in the inbox; 360° of ${loadedUnitPersons.length} loaded persons with applications`);
  } finally {
    await counter.end();
    await hh.end();
  }

  // The projection holds what the services hold, and a loaded application reads back through the gateway.
  const urls = Object.fromEntries(Object.keys(SERVICES).map((s) => [s, stack.databases.get(s).url]));
  for (const c of await compareWithInbox(urls, stack.databases.get('counter').url)) {
    console.log(`  ${c.service.padEnd(16)} casework ${fmt(c.casework)} applications, inbox ${fmt(c.inbox)}: ${c.casework === c.inbox ? 'consistent' : 'MISMATCH'}`);
  }
  const sample = await connect(stack.databases.get('counter').url);
  try {
    const { rows: [one] } = await sample.query(`SELECT number, status FROM inbox_application WHERE unit_code = $1 AND number LIKE 'HH%' AND snapshot->'timeline' = '[]'::jsonb LIMIT 1`, [CLERK_UNIT]);
    if (one) {
      const r = await stack.gql('query($n: String!) { application(number: $n) { number status deadline deadlineState applicant { name idNumber } } }', { n: one.number }, clerk);
      console.log(`  loaded application ${one.number} through the gateway: ${r.errors ? `ERROR ${JSON.stringify(r.errors).slice(0, 300)}` : `${r.data.application.status} (stored ${one.status}), deadline ${r.data.application.deadline} ${r.data.application.deadlineState}, applicant ${r.data.application.applicant.name}`}`);
    }
  } finally {
    await sample.end();
  }

  const big = await phase(`at scale (${fmt(persons)} persons, ${fmt(applications)} applications)`, clerk, loadedUnitPersons);

  // ---- ratios ----
  const ratio = (a, b) => a / b;
  const verdict = (x, higherIsBetter) => ((higherIsBetter ? x >= 0.8 : x <= 1.2) ? 'within 20%' : 'NOT within 20%');
  console.log(`\n== scale / small (goal: within 20%) ==  (small phase at load ${small.load}, scale phase at load ${big.load})`);
  const rows = [
    ['acceptance', small.acceptance, big.acceptance],
    ['360° demo persons', small.citizen, big.citizen],
    ...(big.loaded ? [['360° loaded persons vs small demo', small.citizen, big.loaded]] : []),
  ];
  for (const [what, a, b] of rows) {
    const rps = ratio(b.rps, a.rps);
    const p99 = ratio(b.p99, a.p99);
    const cpu = ratio(b.stackCpu, a.stackCpu);
    console.log(`  ${what.padEnd(36)} req/s ${a.rps.toFixed(1)} → ${b.rps.toFixed(1)} (${rps.toFixed(2)}×, ${verdict(rps, true)}); p99 ${a.p99.toFixed(1)} → ${b.p99.toFixed(1)} ms (${p99.toFixed(2)}×, ${verdict(p99, false)}); stack CPU ms/request ${a.stackCpu.toFixed(2)} → ${b.stackCpu.toFixed(2)} (${cpu.toFixed(2)}×, ${verdict(cpu, false)})`);
  }
  console.log(`  inbox projection lag ${small.acceptance.lag} → ${big.acceptance.lag} ms; inbox first page (sequential, median) ${small.inboxMs.toFixed(1)} → ${big.inboxMs.toFixed(1)} ms (${(big.inboxMs / small.inboxMs).toFixed(1)}×, not part of the goal)`);
  console.log(`  load: persons ${fmt(loadedPersons.persons / personSeconds)}/s, applications ${fmt(loadedApps.applications / appSeconds)}/s, VACUUM ANALYZE ${analyzeSeconds.toFixed(0)} s`);

  // ---- EXPLAIN at scale, planner free ----
  const seqs = [];
  for (const [who, id] of [['demo person', DEMO_PERSON_IDS.adult], ['loaded person', loadedUnitPersons[0] ?? DEMO_PERSON_IDS.adult]]) {
    const plans = await explainLookups(stack, { seqscan: true, analyze: true, idNumber: id, unitPrefix: CLERK_UNIT, title: `EXPLAIN ANALYZE at scale, planner free (${who} ${id})` });
    seqs.push(...plans.filter((p) => p.seq).map((p) => `${p.service}: ${p.what} (${who})`));
  }
  console.log(seqs.length ? `\nSEQ SCAN at scale: ${seqs.join('; ')}` : '\nno lookup of the 360° or the inbox is a seq scan at scale');
} catch (err) {
  if (!interrupted) throw err; // else: the connections were ended by the cleanup
} finally {
  await stack.stop();
}
