#!/usr/bin/env node
// The floor under one window acceptance on this machine (issue 14 goal 3: 200 acceptances/s on two
// cores means ≤ 10 ms of CPU per acceptance for the whole stack). Measures, in one run on one stack,
// the CPU ms per operation of the parts every acceptance needs at least once, doing nothing else:
//   A  an authenticated GraphQL query through our gateway to the counter that touches no database
//      (`isWorkingDay`: the calendar is in memory) — the gateway hop, the identity assertion, one
//      NestJS/Apollo subgraph request;
//   B  the same query sent to the counter subgraph directly (signed assertion per call) — the
//      subgraph request alone;
//   C  a NATS request/reply between two connections through the stack's nats-server — one
//      service-to-service call (counter → household) or one JetStream delivery + ack;
//   D  a PostgreSQL transaction of one INSERT sent as BEGIN / INSERT / COMMIT (how TypeORM runs a
//      transaction) and E as one autocommitted statement — one durable write;
// then the acceptance itself (bench/acceptance.mjs's workload) on the same stack, and the sum of
// the smallest path the acceptance's guarantees allow: A + 3 C (the RPC to household, the outbox
// publish with its ack, the event delivered to the inbox projection with its ack) + 4 E (the
// household's casework transaction, the counter's acceptance record, the relay marking the batch
// published, the projection's write), each with nothing of the real work in it.
//   npx turbo run build && node bench/floor.mjs [seconds=8] [concurrency=8]
import pg from 'pg';
import { createTestDatabase, sql, TestStack } from '@onewindow/testing';
import { buildDataSourceOptions, createLogger, IDENTITY_HEADER, IdentitySigner, UserTokenVerifier } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { cpuPerRequest, cpuSnapshot } from './lib/cpu.mjs';
import { clerkReady, load, machine, measureAcceptance, printCpu } from './lib/workloads.mjs';

const seconds = Number(process.argv[2] ?? 8);
const concurrency = Number(process.argv[3] ?? 8);
const BUDGET_MS = 10;

const stack = new TestStack({ env: { CLOCK_FIXED_DATE: '2026-02-10', DEADLINE_JOB_INTERVAL_MS: '0', TRANSFER_JOB_INTERVAL_MS: '0', LOG_LEVEL: 'error' } });
console.log('booting the system (six services + gateway) …');
await stack.start();
const db = await createTestDatabase('floor');
const totals = {};
try {
  const clerk = await clerkReady(stack);
  console.log(`floor of one acceptance, ${seconds} s per part, concurrency ${concurrency}; ${machine()}\n`);

  /** Runs `fn` and prints the CPU ms per operation of every process that spent ≥ 0.05 ms. */
  async function part(key, title, fn, extra = {}) {
    const before = await cpuSnapshot(stack, extra);
    const { n, rps, p50, p99, failures, firstFailure } = await fn();
    const cpu = cpuPerRequest(before, await cpuSnapshot(stack, extra), n);
    const shown = new Map([...cpu].filter(([, v]) => v >= 0.05));
    const stackCpu = [...cpu].filter(([k]) => !k.startsWith('bench')).reduce((a, [, v]) => a + v, 0);
    const client = cpu.get('bench (client)') ?? 0;
    totals[key] = { stack: stackCpu, client };
    console.log(`${key}  ${title}\n    ${n} operations, ${rps.toFixed(0)}/s, p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms${failures ? `, ${failures} FAILED (first: ${firstFailure})` : ''}`);
    console.log(`    CPU ms per operation: ${[...shown].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`);
    console.log(`    stack ${stackCpu.toFixed(2)} ms (bench client ${client.toFixed(2)} ms)\n`);
  }

  const query = { query: '{ isWorkingDay(date: "2026-02-10") }' };
  const ok = (b) => b.data?.isWorkingDay === true && !b.errors;
  await part('A', 'GraphQL query through the gateway to the counter, no database', () =>
    load(stack.gatewayUrl, () => query, ok, seconds, { concurrency, headers: { authorization: `Bearer ${clerk}` } }));

  const signer = new IdentitySigner(process.env.INTERNAL_IDENTITY_SECRET ?? 'onewindow-demo-internal-identity-secret-change-me');
  const identity = await new UserTokenVerifier({ kind: 'demo', secret: process.env.DEMO_ISSUER_SECRET ?? 'onewindow-demo-issuer-secret-for-local-use-only' }).verify(clerk);
  await part('B', 'the same query to the counter subgraph directly (signed identity per call)', () =>
    load(`http://127.0.0.1:${stack.ports.get('counter')}/graphql`, () => query, ok, seconds, { concurrency, perCall: async () => ({ [IDENTITY_HEADER]: await signer.sign(identity, { audience: 'counter' }) }) }));

  // C: request/reply through the stack's nats-server (the bus admin may use any subject of the prefix).
  const responder = await stack.natsConnect();
  const requester = await stack.natsConnect();
  const subject = `${stack.prefix}bench.floor.echo`;
  responder.subscribe(subject, { callback: (_err, msg) => msg.respond(msg.data) });
  await responder.flush();
  const payload = new TextEncoder().encode(JSON.stringify({ number: 'HH-2026-000001', status: 'ACCEPTED', padding: 'x'.repeat(600) }));
  await part('C', 'NATS request/reply through the stack\'s nats-server (both ends in the bench)', () => timed(seconds, async () => {
    await requester.request(subject, payload, { timeout: 5000 });
  }));
  await responder.close();
  await requester.close();

  // D and E: one durable INSERT, in an explicit transaction and alone.
  await sql(db.url, 'CREATE TABLE floor (id bigserial PRIMARY KEY, k text NOT NULL, body jsonb NOT NULL, at timestamptz NOT NULL DEFAULT now())');
  const pool = new pg.Pool({ connectionString: db.url, max: concurrency });
  await Promise.all(Array.from({ length: concurrency }, () => pool.query('SELECT 1')));
  const pids = await backendPidsOf(db.url);
  const body = { number: 'HH-2026-000001', status: 'ACCEPTED', materials: ['ID_CARD'] };
  let k = 0;
  await part('D', 'PostgreSQL: BEGIN; INSERT; COMMIT (three round trips, one fsync\'d commit)', () => timed(seconds, async () => {
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('INSERT INTO floor (k, body) VALUES ($1, $2)', [`d${k++}`, body]);
      await c.query('COMMIT');
    } finally {
      c.release();
    }
  }), pids);
  await part('E', 'PostgreSQL: one autocommitted INSERT (one round trip)', () => timed(seconds, async () => {
    await pool.query('INSERT INTO floor (k, body) VALUES ($1, $2)', [`e${k++}`, body]);
  }), pids);
  await pool.end();

  // F: the same transaction through TypeORM as the services run it (the platform's data source
  // options: migrations, the commit-deadline subscriber, its pool) — the ORM's share of a write.
  const ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: [], migrations: [], migrationsRun: true, poolSize: concurrency, logger: createLogger('floor', 'silent') }));
  await ds.initialize();
  await Promise.all(Array.from({ length: concurrency }, () => ds.query('SELECT 1')));
  const ormPids = await backendPidsOf(db.url);
  await part('F', 'TypeORM: dataSource.transaction(m => m.query(INSERT)) — D as the services run it', () => timed(seconds, async () => {
    await ds.transaction(async (m) => {
      await m.query('INSERT INTO floor (k, body) VALUES ($1, $2)', [`f${k++}`, JSON.stringify(body)]);
    });
  }), ormPids);
  await ds.destroy();

  const acc = await measureAcceptance(stack, clerk, { seconds, concurrency, keyPrefix: `floor-${Date.now()}` });
  console.log(`acceptance (the real one, same stack): ${acc.n} requests, ${acc.rps.toFixed(1)} req/s, p50 ${acc.p50.toFixed(0)} ms, p99 ${acc.p99.toFixed(0)} ms${acc.failures ? `, ${acc.failures} FAILED (${acc.firstFailure})` : ''}`);
  const accCpu = printCpu(acc.cpu);

  const floor = totals.A.stack + 3 * totals.C.stack + 4 * totals.E.stack;
  // C and D/E/F were driven by the bench process: its CPU is the other end (the services' side) of those parts.
  const floorWithEnds = floor + 3 * totals.C.client + 4 * totals.E.client;
  const withOrm = totals.A.stack + 3 * (totals.C.stack + totals.C.client) + 4 * (totals.F.stack + totals.F.client);
  console.log(`\nsmallest acceptance path, nothing but its hops: A + 3 C + 4 E = ${totals.A.stack.toFixed(2)} + 3 × ${totals.C.stack.toFixed(2)} + 4 × ${totals.E.stack.toFixed(2)} = ${floor.toFixed(2)} ms in servers;`);
  console.log(`  with the calling side of C and E (the services' NATS and pg clients): ${floorWithEnds.toFixed(2)} ms`);
  console.log(`  with the four writes as TypeORM transactions (F, both sides): ${withOrm.toFixed(2)} ms`);
  console.log(`  budget for 200 acceptances/s on 2 cores: ${BUDGET_MS} ms → the hops alone use ${((floorWithEnds / BUDGET_MS) * 100).toFixed(0)} %, with TypeORM ${((withOrm / BUDGET_MS) * 100).toFixed(0)} %; the real acceptance: ${accCpu.toFixed(2)} ms (${(accCpu / floorWithEnds).toFixed(1)}× the hops)`);
  console.log(`  (${machine()})`);
} finally {
  await db.drop().catch(() => undefined);
  await stack.stop();
}

/** Runs `op` with `concurrency` callers for `secs` seconds; count, rate and latency percentiles. */
async function timed(secs, op) {
  const lat = [];
  let failures = 0;
  let firstFailure;
  const end = Date.now() + secs * 1000;
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < end) {
      const s = process.hrtime.bigint();
      try {
        await op();
      } catch (err) {
        failures++;
        firstFailure ??= err.message;
      }
      lat.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
  }));
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  lat.sort((a, b) => a - b);
  const pct = (p) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))] ?? NaN;
  return { n: lat.length, rps: lat.length / elapsed, p50: pct(50), p99: pct(99), failures, firstFailure };
}

/** The PostgreSQL backends connected to the scratch database, as extra processes for cpuSnapshot. */
async function backendPidsOf(url) {
  const rows = await sql(url, 'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  return Object.fromEntries(rows.map((r) => [`postgres:floor#${r.pid}`, r.pid]));
}
