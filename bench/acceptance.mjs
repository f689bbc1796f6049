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
import { TestStack } from '@onewindow/testing';
import { clerkReady, machine, measureAcceptance, printCpu } from './lib/workloads.mjs';

const requests = Number(process.argv[2] ?? 300);
const concurrency = Number(process.argv[3] ?? 8);

const profileDir = process.env.BENCH_CPU_PROF;
const stack = new TestStack({
  env: { CLOCK_FIXED_DATE: '2026-02-10', DEADLINE_JOB_INTERVAL_MS: '0', TRANSFER_JOB_INTERVAL_MS: '0', LOG_LEVEL: 'error' },
  nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
});

console.log(`booting the system (six services + gateway) …`);
await stack.start();
try {
  const clerk = await clerkReady(stack);
  // 户籍证明 for one demo person (ALLOW duplicates: every request a real acceptance); 10 warm-up requests first.
  const r = await measureAcceptance(stack, clerk, { requests, concurrency, keyPrefix: `bench-${Date.now()}` });
  console.log(`acceptApplication: ${r.n} requests, concurrency ${concurrency}, ${r.failures} failures${r.firstFailure ? ` (first: ${r.firstFailure})` : ''}`);
  console.log(`  throughput ${r.rps.toFixed(1)} req/s  (${r.elapsed.toFixed(2)} s)`);
  console.log(`  latency ms  p50 ${r.p50.toFixed(1)}  p95 ${r.p95.toFixed(1)}  p99 ${r.p99.toFixed(1)}  max ${r.max.toFixed(1)}`);
  console.log(`  ${machine()}`);
  console.log('  CPU ms per acceptance (user + system, measured run only):');
  printCpu(r.cpu);

  const t1 = Date.now();
  for (;;) {
    const r = await stack.gql('{ inbox(policeType: HOUSEHOLD, limit: 1) { total } }', {}, clerk);
    if ((r.data?.inbox?.total ?? 0) >= requests + 10) break;
    if (Date.now() - t1 > 60_000) { console.log('  inbox projection did not catch up within 60 s'); break; }
    await new Promise((r) => setTimeout(r, 50));
  }
  console.log(`  inbox projection complete ${Date.now() - t1} ms after the last reply`);
  // Consumers of application.changed: how many events each applied in a transaction and how many it
  // acknowledged without one (`applies`: nothing to do), from the services' own /metrics.
  for (const service of ['counter', 'complaints']) {
    const text = await fetch(`http://127.0.0.1:${stack.ports.get(service)}/metrics`).then((res) => res.text(), () => '');
    const rows = [...text.matchAll(/^onewindow_consumer_messages_total\{consumer="([^"]*household[^"]*)",outcome="([^"]+)"[^}]*\} (\d+)/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    console.log(`  ${service} consumers of household events: ${rows.join(', ') || '(none)'}`);
  }
} finally {
  await stack.stop();
}
