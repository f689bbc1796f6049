#!/usr/bin/env node
// Soak under faults (issue 13, "Prove it"): NOT part of npm test.
//   npm run build && node bench/soak.mjs [--minutes 10] [--rate 2] [--fault-every 60] [--seed 1]
// Starts a whole stack with the test kit (a 3-node NATS cluster with R3 streams, every service as
// its own process on its own fresh PostgreSQL database, household's and traffic's databases behind
// a cuttable proxy, the gateway), drives a fixed rate of mixed counter traffic through the gateway
// (acceptances, 审批 + 待领取 with their pickup SMS, transfers to public security), and injects one
// fault per interval in turn: kill -9 a random service and restart it, kill -9 a NATS node and
// restart it 15 s later, cut a service's database for 20 s. A clerk's unanswered acceptance is
// retried with the same idempotency key (as the UI does). At the end it waits for the system to
// settle and prints the traffic figures and the reconciliation counts (packages/testing reconcile).
// Needs the local PostgreSQL (TEST_DATABASE_URL) and nats-server, as the integration tests do.
import { parseArgs } from 'node:util';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { formatReconcile, sql, TestStack } from '@onewindow/testing';

const { values } = parseArgs({ options: { minutes: { type: 'string' }, rate: { type: 'string' }, 'fault-every': { type: 'string' }, seed: { type: 'string' } } });
const MINUTES = Number(values.minutes ?? 10);
const RATE = Number(values.rate ?? 2); // operations started per second
const FAULT_EVERY_S = Number(values['fault-every'] ?? 60);
let seed = Number(values.seed ?? 1);
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

const ACCEPT = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) { __typename ... on Application { number status } } }`;
const TRANSITION = `mutation($input: TransitionApplicationInput!) { transitionApplication(input: $input) { status } }`;
const REQUEST = `mutation($input: RequestTransferInput!) { requestTransfer(input: $input) { id status } }`;
const FORM = { applicantName: '张伟', applicantIdNumber: DEMO_PERSON_IDS.adult, contactPhone: '13800138000', replaceReason: '丢失', pickupMethod: '窗口领取' };
const MATERIALS = ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'];
const SERVICES = ['counter', 'household', 'exit-entry', 'traffic', 'public-security'];
const CUTTABLE = ['household', 'traffic'];

const stack = new TestStack({
  natsCluster: 3,
  dbProxy: CUTTABLE,
  sequential: true,
  env: { CLOCK_FIXED_DATE: '2026-03-02', DEADLINE_JOB_INTERVAL_MS: '0', TRANSFER_JOB_INTERVAL_MS: '0', RPC_TIMEOUT_MS: '8000' },
});

const figures = { started: 0, skipped: 0, accepted: 0, acceptRetries: 0, transitions: 0, transfers: 0, transferFailed: 0, errors: {}, faults: [] };
const acceptedNumbers = new Set();
const ready = []; // accepted numbers waiting for 审批 + 待领取
let phase = 'no fault yet';
const byPhase = {};
const countError = (r) => {
  const code = r.errors?.[0]?.extensions?.code ?? 'NETWORK';
  figures.errors[code] = (figures.errors[code] ?? 0) + 1;
  const k = `${code} (${phase})`;
  byPhase[k] = (byPhase[k] ?? 0) + 1;
};
const gql = (query, input, token) => stack.gql(query, { input }, token).catch((err) => ({ errors: [{ message: String(err), extensions: { code: 'NETWORK' } }] }));

let clerk, officer, stopping = false;
let keySeq = 0;

/** One acceptance, retried with the same key until answered (the clerk's 查看办理结果 / retry). */
async function acceptOne() {
  const key = `soak-${process.pid}-${keySeq++}`;
  for (let attempt = 0; ; attempt++) {
    const r = await gql(ACCEPT, { idempotencyKey: key, itemCode: 'HH-ID-CARD-REPLACE', applicantIdNumber: DEMO_PERSON_IDS.adult, presentedMaterials: MATERIALS, form: FORM }, clerk);
    const number = r.data?.acceptApplication?.number;
    if (number) {
      figures.accepted++;
      acceptedNumbers.add(number);
      if (random() < 0.5) ready.push(number);
      return;
    }
    countError(r);
    figures.acceptRetries++;
    await sleep(2000);
  }
}

async function readyOne() {
  const number = ready.shift();
  if (!number) return acceptOne();
  for (const action of ['APPROVE', 'MARK_READY']) {
    for (let attempt = 0; attempt < 60; attempt++) {
      const r = await gql(TRANSITION, { number, action }, officer);
      if (!r.errors) break;
      countError(r);
      if (r.errors[0]?.extensions?.code === 'INVALID_TRANSITION') break; // it landed before its reply was lost
      await sleep(2000);
    }
  }
  figures.transitions++;
}

async function transferOne() {
  const number = pick([...acceptedNumbers]);
  if (!number) return acceptOne();
  const r = await gql(REQUEST, { caseRef: number, toPoliceType: 'PUBLIC_SECURITY', kind: 'CASE', reason: '浸泡测试：请协查', requestedDeadlineDays: 3 }, officer);
  if (r.data?.requestTransfer) figures.transfers++;
  else {
    countError(r);
    figures.transferFailed++;
  }
}

async function inject(n) {
  try {
    await injectFault(n);
  } finally {
    phase = `after fault ${n}`;
  }
}

async function injectFault(n) {
  const kind = ['service', 'nats', 'database'][n % 3];
  phase = `during fault ${n}`;
  if (kind === 'service') {
    const s = pick(SERVICES);
    log(`fault ${n}: kill -9 ${s}, restart`);
    figures.faults.push(`kill -9 ${s}`);
    await stack.killService(s, 'SIGKILL');
    await stack.startService(s);
  } else if (kind === 'nats') {
    const i = Math.floor(random() * 3);
    log(`fault ${n}: kill -9 NATS node n${i}, back in 15 s`);
    figures.faults.push(`kill -9 NATS n${i}`);
    await stack.killNatsNode(i);
    await sleep(15_000);
    await stack.startNatsNode(i);
  } else {
    const s = pick(CUTTABLE);
    log(`fault ${n}: ${s}'s database cut for 20 s`);
    figures.faults.push(`cut ${s} database 20 s`);
    await stack.cutDatabase(s);
    await sleep(20_000);
    await stack.restoreDatabase(s);
  }
}

const t0 = Date.now();
log(`starting a stack (3 NATS nodes, ${SERVICES.length + 1} services, gateway)…`);
await stack.start();
[clerk, officer] = await Promise.all([stack.login('demo-clerk'), stack.login('demo-household')]);
log(`stack up in ${((Date.now() - t0) / 1000).toFixed(0)} s; ${MINUTES} min at ${RATE} op/s, a fault every ${FAULT_EVERY_S} s`);

const inFlight = new Set();
const MAX_IN_FLIGHT = 40;
const end = Date.now() + MINUTES * 60_000;
const driver = setInterval(() => {
  if (stopping) return;
  if (inFlight.size >= MAX_IN_FLIGHT) return void figures.skipped++;
  figures.started++;
  const op = random();
  const p = (op < 0.6 ? acceptOne() : op < 0.85 ? readyOne() : transferOne()).catch((err) => log('op failed', String(err)));
  inFlight.add(p);
  void p.finally(() => inFlight.delete(p));
}, 1000 / RATE);

let faultNo = 0;
let faultChain = Promise.resolve();
const faults = setInterval(() => {
  if (stopping) return;
  const n = faultNo++;
  faultChain = faultChain.then(() => inject(n)).catch((err) => log(`fault ${n} failed`, String(err)));
}, FAULT_EVERY_S * 1000);

let exit;
try {
  while (Date.now() < end) {
    await sleep(5000);
    log(`ops ${figures.started}, accepted ${figures.accepted}, in flight ${inFlight.size}`);
  }
  stopping = true;
  clearInterval(driver);
  clearInterval(faults);
  await faultChain;
  log('traffic stopped; waiting for every retry to be answered…');
  await Promise.all([...inFlight]);
  // Everything is up again (a fault's restart may have been the last thing done).
  log('waiting for the projections to settle…');
  let report;
  const settleStart = Date.now();
  for (;;) {
    report = await stack.reconcile();
    if (report.ok || Date.now() - settleStart > 180_000) break;
    await sleep(2000);
  }
  const owners = Object.values(report.applications.owners).reduce((a, b) => a + b, 0);
  const counterInbox = await sql(stack.databases.get('counter').url, `SELECT count(*)::int AS n FROM inbox_application WHERE number = ANY($1)`, [[...acceptedNumbers]]);
  console.log('\n=== soak ===');
  console.log(`duration ${MINUTES} min at ${RATE} op/s; ${figures.faults.length} faults: ${figures.faults.join('; ')}`);
  console.log(`operations started ${figures.started} (skipped, too many in flight: ${figures.skipped})`);
  console.log(`acceptances answered ${figures.accepted} (retries with the same key ${figures.acceptRetries}); 审批+待领取 ${figures.transitions}; transfers ${figures.transfers} (failed ${figures.transferFailed})`);
  console.log(`errors seen by the clients: ${JSON.stringify(figures.errors)}`);
  console.log(`  by phase: ${JSON.stringify(byPhase)}`);
  for (const name of stack.procs.keys()) {
    const unhandled = stack.logs(name).split('\n').filter((l) => l.includes('unhandled error'));
    if (unhandled.length) console.log(`  ${name}: ${unhandled.length} unhandled error log line(s) in its last output, e.g. ${unhandled[0].slice(0, 300)}`);
  }
  console.log(`client-acknowledged applications in the counter's inbox: ${counterInbox[0].n} / ${acceptedNumbers.size}; all applications at owners ${owners}`);
  console.log(`settled ${((Date.now() - settleStart) / 1000).toFixed(0)} s after the traffic stopped`);
  console.log(formatReconcile(report));
  exit = report.ok && counterInbox[0].n === acceptedNumbers.size ? 0 : 1;
} finally {
  stopping = true;
  clearInterval(driver);
  clearInterval(faults);
  await stack.stop();
}
process.exit(exit ?? 1);
