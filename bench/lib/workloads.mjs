// Workloads shared by the benchmarks (bench/acceptance.mjs, bench/gateways.mjs, bench/scale.mjs): the
// counter UI's operations (apps/counter-ui/src/graphql/operations.ts), the acceptance input, a
// fixed-concurrency HTTP load generator and the acceptance measurement with CPU per process.
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { DEMO_PERSONS, DEMO_PERSON_IDS } from '@onewindow/population';
import { PURPOSE_HEADER } from '@onewindow/platform';
import { cpuPerRequest, cpuSnapshot } from './cpu.mjs';

export const CITIZEN_CORE = `idNumber name sex ethnicity birthDate address phone phoneMasked status unitCode
  household { householdNumber address members { idNumber name relationToHead status } }
  residencePermits { permitNumber address issuingUnitName issuedOn validUntil status lapsed replacesPermitNumber endorsements { endorsedOn previousValidUntil validUntil applicationNumber } }`;
export const SECTIONS = {
  counter: `counter { applications { number policeType itemCode itemName applicantName applicantIdNumber status unitCode deadline deadlineState version updatedAt } notices { number itemName status issuedAt missingMaterials resolvedApplicationNumber } }`,
  'exit-entry': `exitEntry { validDocumentCount numbersMasked documents { number kind kindLabel status statusLabel issuedOn validUntil endorsements { typeLabel entriesLabel destination issuedOn validUntil valid } } }`,
  traffic: `traffic { licence { number licenceClass status statusReason validUntil points pointsLimitReached renewableFrom firstIssuedOn } openFineFen openPoints openViolations { id occurredAt place description plateNumber fineFen points status } vehicles { plateNumber vehicleType status registeredOn } }`,
  'public-security': `publicSecurity { permits { number kindLabel status validUntil holderName } lostReports { id categoryLabel description filedAt status matchedFoundItemNumber } claims { id foundItemNumber status claimedAt refusalReason } }`,
  complaints: `complaints { complaints { number channel status receivedAt } evaluations { applicationNumber level evaluatedAt } }`,
};
/** The citizen 360° over six subgraphs. */
export const CITIZEN = `query Citizen($idNumber: String!, $purpose: String!, $reveal: Boolean) { citizen(idNumber: $idNumber, purpose: $purpose, reveal: $reveal) { ${CITIZEN_CORE} ${Object.values(SECTIONS).join(' ')} } }`;
export const ACCEPT = `mutation Accept($input: AcceptApplicationInput!) { acceptApplication(input: $input) { __typename ... on Application { number } } }`;

/** demo-clerk's unit: the persons the clerk may read. */
export const CLERK_UNIT = '510107001';

/** Signs demo-clerk in and waits until the counter has the household catalog (the stack just booted). */
export async function clerkReady(stack) {
  const clerk = await stack.login('demo-clerk');
  for (;;) {
    const r = await stack.gql('{ catalogItems(keyword: "身份证") { code } }', {}, clerk);
    if (r.data?.catalogItems?.some((i) => i.code === 'HH-ID-CARD-REPLACE')) return clerk;
    await new Promise((done) => setTimeout(done, 200));
  }
}
/** The demo persons of the clerk's unit on the register (NORMAL). */
export const DEMO_UNIT_PERSONS = DEMO_PERSONS.filter((p) => p.unitCode === CLERK_UNIT && p.status === 'NORMAL').map((p) => p.idNumber);

/** Request i of the 360° over these persons: every request its own purpose, so each is its own audited read. */
export function citizenRequest(idNumbers, purposePrefix) {
  return (i) => {
    const purpose = `${purposePrefix} #${i}`;
    return { query: CITIZEN, variables: { idNumber: idNumbers[i % idNumbers.length], purpose }, headers: { [PURPOSE_HEADER]: encodeURIComponent(purpose) } };
  };
}
export const citizenOk = (b) => !!b.data?.citizen?.name && !b.errors;

/**
 * 户籍证明 (duplicateOpenApplication ALLOW): one person may hold many open at once, so every request
 * is a real acceptance. (居民身份证补领 is REFUSE: only the first would be accepted.)
 */
export function statusProofInput(key) {
  return {
    idempotencyKey: key,
    itemCode: 'HH-STATUS-PROOF',
    applicantIdNumber: DEMO_PERSON_IDS.adult,
    presentedMaterials: ['ID_CARD'],
    form: { applicantName: '张伟', applicantIdNumber: DEMO_PERSON_IDS.adult, contactPhone: '13800138000', purpose: `用途${key}` },
  };
}

export const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
export const loadAverage = () => loadavg().map((l) => l.toFixed(1)).join(' ');

export function post(agent, url, body, headers) {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body));
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': data.length, ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (e) {
          reject(e);
        }
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

/**
 * Run `make(i)` against url for `secs` seconds with `concurrency` callers (keep-alive, node:http: no
 * client-side framework cost); req/s and percentiles. `perCall` adds headers per call, `first` is the first i.
 */
export async function load(url, make, check, secs, { concurrency, headers = {}, perCall, first = 0 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const lat = [];
  let i = first;
  let failures = 0;
  let firstFailure;
  const t0 = process.hrtime.bigint();
  const end = Date.now() + secs * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < end) {
      const r = make(i++);
      const extra = perCall ? await perCall() : {};
      const s = process.hrtime.bigint();
      const body = await post(agent, url, { query: r.query, variables: r.variables }, { ...headers, ...r.headers, ...extra }).catch((e) => ({ errors: [{ message: e.message }] }));
      lat.push(Number(process.hrtime.bigint() - s) / 1e6);
      if (!check(body)) {
        failures++;
        firstFailure ??= JSON.stringify(body.errors ?? body).slice(0, 300);
      }
    }
  }));
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  agent.destroy();
  lat.sort((a, b) => a - b);
  return { n: lat.length, rps: lat.length / elapsed, p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99), max: lat.at(-1), failures, firstFailure, lat, elapsed };
}

/**
 * Window acceptances through the whole system (gateway → counter → NATS → household → reply) at a
 * fixed concurrency, either `requests` of them or for `seconds`; latency percentiles and the CPU ms
 * per acceptance of every process of the stack over the measured span (bench/lib/cpu.mjs).
 */
export async function measureAcceptance(stack, token, { requests = Infinity, seconds = Infinity, concurrency, keyPrefix, warmup = 10 }) {
  for (let i = 0; i < warmup; i++) await stack.gql(ACCEPT, { input: statusProofInput(`${keyPrefix}-w${i}`) }, token); // JIT, pools
  const lat = [];
  let next = 0;
  let failures = 0;
  let firstFailure;
  const cpuBefore = await cpuSnapshot(stack);
  const started = process.hrtime.bigint();
  const end = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (;;) {
      if (Date.now() >= end) return;
      const i = next++;
      if (i >= requests) return;
      const t0 = process.hrtime.bigint();
      const r = await stack.gql(ACCEPT, { input: statusProofInput(`${keyPrefix}-${i}`) }, token);
      lat.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (r.data?.acceptApplication?.__typename !== 'Application') {
        failures++;
        firstFailure ??= JSON.stringify(r.errors ?? r).slice(0, 300);
      }
    }
  }));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = cpuPerRequest(cpuBefore, await cpuSnapshot(stack), lat.length);
  lat.sort((a, b) => a - b);
  return { n: lat.length, rps: lat.length / elapsed, p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99), max: lat.at(-1), failures, firstFailure, elapsed, cpu };
}

/** Prints CPU ms per request by process and the stack's total (bench client excluded); returns the total. */
export function printCpu(cpu, indent = '    ') {
  let stackCpu = 0;
  for (const [name, per] of cpu) {
    if (!name.startsWith('bench')) stackCpu += per;
    console.log(`${indent}${name.padEnd(26)} ${per.toFixed(2).padStart(7)}`);
  }
  console.log(`${indent}${'stack total'.padEnd(26)} ${stackCpu.toFixed(2).padStart(7)}   (⇒ at most ${(2000 / stackCpu).toFixed(0)} req/s on 2 idle cores, bench client excluded)`);
  return stackCpu;
}

export const machine = () => `load average ${loadAverage()} on ${cpus().length} CPUs`;

/** CITIZEN_360_READ audit rows in household whose purpose matches (one per answered 360°). */
export async function countAudit(stack, purposeLike, { service = 'household', action = 'CITIZEN_360_READ' } = {}) {
  const c = new pg.Client({ connectionString: stack.databases.get(service).ownerUrl });
  await c.connect();
  try {
    const r = await c.query(`SELECT count(*)::int AS n FROM audit_log WHERE purpose LIKE $1 AND ($2::text IS NULL OR action = $2)`, [purposeLike, action]);
    return r.rows[0].n;
  } finally {
    await c.end();
  }
}
