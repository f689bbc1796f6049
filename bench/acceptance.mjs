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
import { cpus, loadavg } from 'node:os';
import { TestStack } from '@onewindow/testing';
import { cpuPerRequest, cpuSnapshot } from './lib/cpu.mjs';
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
  const cpuBefore = await cpuSnapshot(stack);
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
  const cpuAfter = await cpuSnapshot(stack);
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
