// Window acceptance throughput and latency through the whole system: gateway → counter → NATS →
// household (rules, register, casework, outbox) → back, on real processes, PostgreSQL and NATS.
// Prints requests/second and latency percentiles; also the time until the inbox projection shows
// every accepted application (end-to-end event propagation).
//   npx turbo run build && node bench/acceptance.mjs [requests=300] [concurrency=8]
import { TestStack } from '@onewindow/testing';
import { DEMO_PERSON_IDS } from '@onewindow/population';

const requests = Number(process.argv[2] ?? 300);
const concurrency = Number(process.argv[3] ?? 8);
const ACCEPT = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) { __typename ... on Application { number } } }`;
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const stack = new TestStack({ env: { CLOCK_FIXED_DATE: '2026-02-10', DEADLINE_JOB_INTERVAL_MS: '0', TRANSFER_JOB_INTERVAL_MS: '0', LOG_LEVEL: 'error' } });
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
  latencies.sort((a, b) => a - b);
  console.log(`acceptApplication: ${requests} requests, concurrency ${concurrency}, ${failures} failures`);
  console.log(`  throughput ${(requests / seconds).toFixed(1)} req/s  (${seconds.toFixed(2)} s)`);
  console.log(`  latency ms  p50 ${pct(latencies, 50).toFixed(1)}  p95 ${pct(latencies, 95).toFixed(1)}  p99 ${pct(latencies, 99).toFixed(1)}  max ${latencies.at(-1).toFixed(1)}`);

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
