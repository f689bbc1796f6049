#!/usr/bin/env node
// SQL statements per window acceptance, per service database — a figure that does not depend on the
// machine's load (unlike req/s, latency and even CPU ms). Boots the stack, turns on statement logging
// (`log_statement = all`) for the stack's databases only, runs N sequential acceptances and counts the
// lines the server logged for each database (statements of event consumers and relay passes that ran
// meanwhile included: they are part of what an acceptance costs). Needs a local PostgreSQL whose log
// this process can read: PG_LOG_FILE (default /var/log/postgresql/postgresql-15-main.log, Debian's).
//   npx turbo run build && node bench/acceptance-statements.mjs [acceptances=10]
import { readFileSync, statSync } from 'node:fs';
import { sql, TEST_DATABASE_URL, TestStack } from '@onewindow/testing';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { clerkReady } from './lib/workloads.mjs';

const n = Number(process.argv[2] ?? 10);
const logFile = process.env.PG_LOG_FILE ?? '/var/log/postgresql/postgresql-15-main.log';
const ACCEPT = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) { __typename ... on Application { number } } }`;
const stack = new TestStack({ env: { CLOCK_FIXED_DATE: '2026-02-10', DEADLINE_JOB_INTERVAL_MS: '0', TRANSFER_JOB_INTERVAL_MS: '0', LOG_LEVEL: 'error' } });
console.log('booting the system (six services + gateway) …');
await stack.start();
const names = [...stack.databases.values()].map((d) => d.name);
try {
  const clerk = await clerkReady(stack);
  const form = { applicantName: '张伟', applicantIdNumber: DEMO_PERSON_IDS.adult, contactPhone: '13800138000', replaceReason: '丢失', pickupMethod: '窗口领取' };
  const input = (i) => ({ idempotencyKey: `stmt-${Date.now()}-${i}`, itemCode: 'HH-ID-CARD-REPLACE', applicantIdNumber: DEMO_PERSON_IDS.adult, presentedMaterials: ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'], form });
  const accept = async (i) => {
    const r = await stack.gql(ACCEPT, { input: input(i) }, clerk);
    if (r.data?.acceptApplication?.__typename !== 'Application') throw new Error(`acceptance failed: ${JSON.stringify(r.errors ?? r.data)}`);
  };
  for (let i = 0; i < 5; i++) await accept(`w${i}`);
  // The setting applies to new sessions: end the pools' sessions (they reconnect), then warm up again.
  for (const db of names) await sql(TEST_DATABASE_URL, `ALTER DATABASE ${db} SET log_statement = 'all'`);
  await sql(TEST_DATABASE_URL, 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ANY($1)', [names]);
  for (let i = 0; i < 5; i++) await accept(`x${i}`).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 2000));
  // Background statements (relay and consumer timers) over an idle window, subtracted below.
  const idleFrom = statSync(logFile).size;
  const idleT0 = Date.now();
  await new Promise((r) => setTimeout(r, 5000));
  const idleLog = readFileSync(logFile, 'utf8').slice(idleFrom);
  const idleSeconds = (Date.now() - idleT0) / 1000;
  const from = statSync(logFile).size;
  const t0 = Date.now();
  for (let i = 0; i < n; i++) await accept(i);
  // Let the events reach their consumers (inbox projection, report figures, complaints) and commit.
  await new Promise((r) => setTimeout(r, 2000));
  const seconds = (Date.now() - t0) / 1000;
  const count = (text) => {
    const byDb = new Map(names.map((db) => [db, { statements: 0, transactions: 0 }]));
    for (const line of text.split('\n')) {
      const m = /@(t_\w+) LOG: {2}(?:statement|execute [^:]*): (.*)$/.exec(line);
      const row = m && byDb.get(m[1]);
      if (!row) continue;
      row.statements++;
      if (/^(START TRANSACTION|BEGIN)/i.test(m[2])) row.transactions++;
    }
    return byDb;
  };
  const idle = count(idleLog);
  const byDb = count(readFileSync(logFile, 'utf8').slice(from));
  for (const [db, r] of byDb) {
    const i = idle.get(db);
    r.background = (i.statements / idleSeconds) * seconds;
    r.statements -= r.background;
    r.transactions -= (i.transactions / idleSeconds) * seconds;
  }
  const service = new Map([...stack.databases].map(([s, d]) => [d.name, s]));
  console.log(`${n} sequential acceptances over ${seconds.toFixed(1)} s (incl. 2 s for the events to arrive); background statements of an idle ${idleSeconds.toFixed(1)} s window (relay and consumer timers), scaled to the run, subtracted:`);
  console.log('service            statements/acceptance   explicit transactions/acceptance   (background subtracted)');
  let total = 0;
  for (const [db, r] of byDb) {
    total += r.statements;
    console.log(`${service.get(db).padEnd(18)} ${(r.statements / n).toFixed(1).padStart(8)}                ${(r.transactions / n).toFixed(1).padStart(8)}                        ${(r.background / n).toFixed(1).padStart(8)}`);
  }
  console.log(`${'total'.padEnd(18)} ${(total / n).toFixed(1).padStart(8)}`);
} finally {
  for (const db of names) await sql(TEST_DATABASE_URL, `ALTER DATABASE ${db} RESET log_statement`).catch(() => undefined);
  await stack.stop();
}
