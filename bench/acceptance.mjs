// Window acceptance throughput and latency through the whole system: gateway → counter → NATS →
// household (rules, register, casework, outbox) → back, on real processes, PostgreSQL and NATS.
// Prints requests/second and latency percentiles; also the time until the inbox projection shows
// every accepted application (end-to-end event propagation).
// Also prints the CPU milliseconds each process of the stack spent per acceptance (user + system time
// from /proc/<pid>/stat over the measured run): unlike req/s and latency, that figure means something
// on a loaded machine.
//   npx turbo run build && node bench/acceptance.mjs [requests=300] [concurrency=8]
// BENCH_CPU_PROF=DIR: every process of the stack writes a V8 CPU profile into DIR when it stops
// (open them in Chrome DevTools or summarise with `node bench/cpu-profile-summary.mjs DIR/*.cpuprofile`).
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { sql, TEST_DATABASE_URL, TestStack } from '@onewindow/testing';
import { DEMO_PERSON_IDS } from '@onewindow/population';

const requests = Number(process.argv[2] ?? 300);
const concurrency = Number(process.argv[3] ?? 8);
const ACCEPT = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) { __typename ... on Application { number } } }`;
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const profileDir = process.env.BENCH_CPU_PROF;
const stack = new TestStack({
  env: { CLOCK_FIXED_DATE: '2026-02-10', DEADLINE_JOB_INTERVAL_MS: '0', TRANSFER_JOB_INTERVAL_MS: '0', LOG_LEVEL: 'error' },
  nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
});

/** User + system CPU time of a process in ms (clock ticks of /proc/<pid>/stat, 100 per second on Linux). */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
/** PostgreSQL backends serving the stack's databases, by service (the server is local). */
async function backendPids() {
  const byDb = new Map([...stack.databases].map(([service, db]) => [db.name, service]));
  const rows = await sql(TEST_DATABASE_URL, 'SELECT pid, datname FROM pg_stat_activity WHERE datname = ANY($1)', [[...byDb.keys()]]);
  return rows.map((r) => ({ pid: r.pid, label: `postgres:${byDb.get(r.datname)}` }));
}
async function cpuSnapshot() {
  const snap = new Map([...stack.procs].map(([name, p]) => [name, cpuMs(p.proc.pid)]));
  for (const b of await backendPids()) snap.set(`${b.label}#${b.pid}`, cpuMs(b.pid));
  const u = process.cpuUsage();
  snap.set('bench (client)', (u.user + u.system) / 1000);
  return snap;
}
/** CPU ms per acceptance by process (PostgreSQL backends summed per service); backends opened during the run count from zero. */
function cpuPerRequest(before, after, n) {
  const rows = new Map();
  for (const [key, value] of after) {
    const name = key.split('#')[0];
    const delta = value - (before.get(key) ?? 0);
    if (Number.isFinite(delta)) rows.set(name, (rows.get(name) ?? 0) + delta / n);
  }
  return rows;
}
console.log(`booting the system (six services + gateway) …`);
await stack.start();
try {
  const clerk = await stack.login('demo-clerk');
  for (;;) {
    const r = await stack.gql('{ catalogItems(keyword: "身份证") { code } }', {}, clerk);
    if (r.data?.catalogItems?.some((i) => i.code === 'HH-ID-CARD-REPLACE')) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  // 户籍证明 (duplicateOpenApplication ALLOW): one person may hold many open at once, so every
  // request is a real acceptance. (居民身份证补领 is REFUSE: only the first would be accepted.)
  const input = (i) => ({
    idempotencyKey: `bench-${Date.now()}-${i}`,
    itemCode: 'HH-STATUS-PROOF',
    applicantIdNumber: DEMO_PERSON_IDS.adult,
    presentedMaterials: ['ID_CARD'],
    form: { applicantName: '张伟', applicantIdNumber: DEMO_PERSON_IDS.adult, contactPhone: '13800138000', purpose: `用途${i}` },
  });
  // Warm-up (JIT, connection pools).
  for (let i = 0; i < 10; i++) await stack.gql(ACCEPT, { input: input(`w${i}`) }, clerk);

  const latencies = [];
  let next = 0;
  let failures = 0;
  const cpuBefore = await cpuSnapshot();
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (;;) {
      const i = next++;
      if (i >= requests) return;
      const t0 = process.hrtime.bigint();
      const r = await stack.gql(ACCEPT, { input: input(i) }, clerk);
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (r.data?.acceptApplication?.__typename !== 'Application') failures++;
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = await cpuSnapshot();
  latencies.sort((a, b) => a - b);
  console.log(`acceptApplication: ${requests} requests, concurrency ${concurrency}, ${failures} failures`);
  console.log(`  throughput ${(requests / seconds).toFixed(1)} req/s  (${seconds.toFixed(2)} s)`);
  console.log(`  latency ms  p50 ${pct(latencies, 50).toFixed(1)}  p95 ${pct(latencies, 95).toFixed(1)}  p99 ${pct(latencies, 99).toFixed(1)}  max ${latencies.at(-1).toFixed(1)}`);
  console.log(`  load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs`);
  console.log('  CPU ms per acceptance (user + system, measured run only):');
  let stackCpu = 0;
  for (const [name, per] of cpuPerRequest(cpuBefore, cpuAfter, requests)) {
    if (!name.startsWith('bench')) stackCpu += per;
    console.log(`    ${name.padEnd(26)} ${per.toFixed(2).padStart(7)}`);
  }
  console.log(`    ${'stack total'.padEnd(26)} ${stackCpu.toFixed(2).padStart(7)}   (⇒ at most ${(2000 / stackCpu).toFixed(0)} req/s on 2 idle cores, bench client excluded)`);

  const t1 = Date.now();
  for (;;) {
    const r = await stack.gql('{ inbox(policeType: HOUSEHOLD, limit: 1) { total } }', {}, clerk);
    if ((r.data?.inbox?.total ?? 0) >= requests + 10) break;
    if (Date.now() - t1 > 60_000) { console.log('  inbox projection did not catch up within 60 s'); break; }
    await new Promise((r) => setTimeout(r, 50));
  }
  console.log(`  inbox projection complete ${Date.now() - t1} ms after the last reply`);
} finally {
  await stack.stop();
}
