// Gateways side by side in ONE run (issue 14 goal 1): our gateway (apps/gateway), a stock
// @apollo/gateway + @apollo/server, and Hive Gateway (@graphql-hive/gateway, devDependency of the
// root used only here), on the same committed supergraph (apps/gateway/supergraph.graphql, URLs
// rewritten to this stack's ports), the same subgraphs on PostgreSQL, the same queries. The peers
// get the same identity hook as ours (bench/lib/peer-identity.mjs: verify the bearer token once per
// request, one signed assertion per subgraph fetch, purpose header), so every gateway does equal work.
// Every request has distinct variables (its own purpose, person, offset, idempotency key), so no
// gateway can merge identical in-flight calls; each 360° is its own audited read (checked below).
// It also prints the CPU ms per request of each gateway process and of everything behind it (the six
// subgraphs, their PostgreSQL backends, nats-server) over the measured rounds: the gateways share the
// subgraphs, so on two cores req/s ratios are compressed by the common work; the gateway's own CPU per
// request is the figure a gateway change moves. BENCH_CPU_PROF=DIR: the three gateways write V8 CPU
// profiles into DIR (summarise with `node bench/cpu-profile-summary.mjs DIR/<file> 30 <lastSeconds>`).
//   npx turbo run build --filter='!@onewindow/counter-ui' && node bench/gateways.mjs [seconds=10] [concurrency=16] [workloads=citizen,catalog,inbox,accept] [gateways=ours,hive,stock]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, TestStack } from '@onewindow/testing';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { IDENTITY_HEADER, IdentitySigner, PURPOSE_HEADER, UserTokenVerifier } from '@onewindow/platform';
import { cpuPerRequest, cpuSnapshot } from './lib/cpu.mjs';
import { explainLookups } from './lib/explain.mjs';
import { ACCEPT, CITIZEN, CITIZEN_CORE, citizenOk, citizenRequest, clerkReady, countAudit, DEMO_UNIT_PERSONS, load as loadShared, pct, post, SECTIONS } from './lib/workloads.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seconds = Number(process.argv[2] ?? 10);
const concurrency = Number(process.argv[3] ?? 16);
const workloads = (process.argv[4] ?? 'citizen,catalog,inbox,accept').split(',');
const gatewayNames = (process.argv[5] ?? 'ours,hive,stock').split(',');

// ---- the workloads: the counter UI's operations (360° and acceptance shared with bench/scale.mjs via bench/lib/workloads.mjs) ----
const CATALOG = `query CatalogSearch($keyword: String, $policeType: PoliceType) { catalogItems(keyword: $keyword, policeType: $policeType) { code name aliases policeType category description fee { formatted } promisedTimeLimit { text } statutoryTimeLimit { text } channelNames } }`;
const INBOX = `query Inbox($status: ApplicationStatus, $policeType: PoliceType, $search: String, $limit: Int! = 50, $offset: Int! = 0) { inbox(status: $status, policeType: $policeType, search: $search, limit: $limit, offset: $offset) { total limit offset items { number policeType itemCode itemName applicantName applicantIdNumber status unitCode deadline deadlineState version updatedAt } } }`;

const persons = DEMO_UNIT_PERSONS; // demo-clerk's unit: the persons the clerk may read
const KEYWORDS = ['身份证', '户口', '护照', '驾驶证', '居住证', '迁移', '出生', '港澳', '台湾', '机动车', '补领', '换领', '证明', '签注', '罚款', '注销'];
const POLICE_TYPES = [null, 'HOUSEHOLD', 'EXIT_ENTRY', 'TRAFFIC', 'PUBLIC_SECURITY'];
const run = `${Date.now().toString(36)}`;
const form = { applicantName: '张伟', applicantIdNumber: DEMO_PERSON_IDS.adult, contactPhone: '13800138000', replaceReason: '丢失', pickupMethod: '窗口领取' };

/** Operation, variables and extra headers of request i of a workload on gateway g (all distinct). */
const REQUESTS = {
  citizen: (g, i) => citizenRequest(persons, `窗口核验 ${g} ${run}`)(i),
  catalog: (g, i) => ({ query: CATALOG, variables: { keyword: KEYWORDS[i % KEYWORDS.length], policeType: POLICE_TYPES[Math.floor(i / KEYWORDS.length) % POLICE_TYPES.length] } }),
  inbox: (g, i) => ({ query: INBOX, variables: { policeType: 'HOUSEHOLD', limit: 20, offset: i % 97 } }),
  accept: (g, i) => ({
    query: ACCEPT,
    variables: { input: { idempotencyKey: `gw-${g}-${run}-${i}`, itemCode: 'HH-ID-CARD-REPLACE', applicantIdNumber: DEMO_PERSON_IDS.adult, presentedMaterials: ['ID_PHOTO_RECEIPT', 'HOUSEHOLD_REGISTER', 'LOSS_STATEMENT'], form } },
  }),
};
const ok = {
  citizen: citizenOk,
  catalog: (b) => Array.isArray(b.data?.catalogItems) && !b.errors,
  inbox: (b) => typeof b.data?.inbox?.total === 'number' && !b.errors,
  accept: (b) => b.data?.acceptApplication?.__typename === 'Application',
};

// ---- load generator: fixed concurrency, keep-alive, node:http (bench/lib/workloads.mjs) ----
const load = (url, make, check, secs, headers = {}, perCall, first = 0) => loadShared(url, make, check, secs, { concurrency, headers, perCall, first });

/** Several rounds merged: each gateway's share of a workload is split into ROUNDS slices, the gateways' order rotating per round. */
function merge(parts) {
  const lat = parts.flatMap((p) => p.lat).sort((a, b) => a - b);
  const elapsed = parts.reduce((t, p) => t + p.elapsed, 0);
  return { n: lat.length, rps: lat.length / elapsed, p50: pct(lat, 50), p99: pct(lat, 99), failures: parts.reduce((t, p) => t + p.failures, 0), firstFailure: parts.find((p) => p.firstFailure)?.firstFailure };
}
const ROUNDS = 3;

function startProc(name, script, env) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [...profileArgs, path.join(ROOT, script)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (d) => {
      out += d.toString();
      if (/ready /.test(out)) resolve(proc);
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', (d) => (out += d.toString()));
    proc.on('exit', (code) => reject(new Error(`${name} exited ${code}: ${out.slice(-2000)}`)));
  });
}

// The gateway's per-user budgets would refuse a load test (the peers have none): lifted for the bench.
const profileDir = process.env.BENCH_CPU_PROF;
const profileArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
// BENCH_CPU_PROF_ALL=1 (with BENCH_CPU_PROF): the subgraphs write profiles too.
const stack = new TestStack({ nodeArgs: process.env.BENCH_CPU_PROF_ALL ? profileArgs : [], env: { CLOCK_FIXED_DATE: '2026-02-10', DEADLINE_JOB_INTERVAL_MS: '0', TRANSFER_JOB_INTERVAL_MS: '0', LOG_LEVEL: 'error', RATE_LIMIT_PER_IP: '1000000', RATE_LIMIT_PER_USER: '1000000', RATE_LIMIT_LOOKUPS_PER_USER: '1000000' }, sequential: true });
const peers = [];
console.log('booting the six subgraphs on PostgreSQL and our gateway …');
try {
  await stack.start();
  const clerk = await clerkReady(stack);
  const auth = { authorization: `Bearer ${clerk}` };
  // Seed: applications for the inbox pages and the 360°'s counter section.
  for (let i = 0; i < 40; i++) await stack.gql(ACCEPT, REQUESTS.accept('seed', i).variables, clerk);

  // The committed supergraph, routed to this stack's subgraphs.
  const dir = mkdtempSync(path.join(tmpdir(), 'gwbench-'));
  const { readSupergraphFile } = await import('../apps/gateway/dist/supergraph.js');
  const sdl = readSupergraphFile(path.join(ROOT, 'apps/gateway/supergraph.graphql')).replace(/@join__graph\(name: "([^"]+)", url: "[^"]+"\)/g, (_, name) => `@join__graph(name: "${name}", url: "http://127.0.0.1:${stack.ports.get(name)}/graphql")`);
  const supergraphFile = path.join(dir, 'supergraph.graphql');
  writeFileSync(supergraphFile, sdl);

  const urls = {};
  const gatewayPids = {};
  if (gatewayNames.includes('ours')) {
    urls.ours = await stack.startGateway({ SUPERGRAPH_SOURCE: 'file', SUPERGRAPH_FILE: supergraphFile }, 'gateway-file', profileArgs);
    gatewayPids.ours = stack.procs.get('gateway-file').proc.pid;
  }
  for (const [name, script] of [['hive', 'bench/lib/hive-gateway.mjs'], ['stock', 'bench/lib/stock-gateway.mjs']]) {
    if (!gatewayNames.includes(name)) continue;
    const port = await freePort();
    const proc = await startProc(name, script, { PORT: String(port), SUPERGRAPH_FILE: supergraphFile, NODE_ENV: 'production' });
    peers.push(proc);
    gatewayPids[name] = proc.pid;
    urls[name] = `http://127.0.0.1:${port}/graphql`;
  }

  // Direct subgraph calls of the 360° (what each subgraph does for one 360°), for the p99 bound.
  const signer = new IdentitySigner(process.env.INTERNAL_IDENTITY_SECRET ?? 'onewindow-demo-internal-identity-secret-change-me');
  const identity = await new UserTokenVerifier({ kind: 'demo', secret: process.env.DEMO_ISSUER_SECRET ?? 'onewindow-demo-issuer-secret-for-local-use-only' }).verify(clerk);
  const direct = {
    household: (i) => ({ query: `query($idNumber: String!, $purpose: String!) { citizen(idNumber: $idNumber, purpose: $purpose) { ${CITIZEN_CORE} } }`, variables: { idNumber: persons[i % persons.length], purpose: `直连 ${run} #${i}` } }),
    ...Object.fromEntries(Object.entries(SECTIONS).map(([sub, sel]) => [sub, (i) => ({ query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { ${sel} } } }`, variables: { r: [{ __typename: 'Citizen', idNumber: persons[i % persons.length] }] }, headers: { [PURPOSE_HEADER]: encodeURIComponent(`直连 ${run} #${i}`) } })])),
  };

  // Fairness: the same 360° through every gateway must give the same answer (a gateway that lost the
  // identity or purpose on a subgraph fetch would get empty sections and look fast).
  if (workloads.includes('citizen')) {
    const answers = {};
    for (const g of Object.keys(urls)) {
      const purpose = `一致性核对 ${g} ${run}`;
      answers[g] = await post(new http.Agent(), urls[g], { query: CITIZEN, variables: { idNumber: DEMO_PERSON_IDS.adult, purpose } }, { ...auth, [PURPOSE_HEADER]: encodeURIComponent(purpose) });
    }
    const [first, ...others] = Object.keys(answers);
    const norm = (a) => JSON.stringify(a).replace(/"updatedAt":"[^"]*"/g, '');
    for (const g of others) {
      const same = norm(answers[g]) === norm(answers[first]);
      console.log(`same 360° answer ${first} vs ${g}: ${same ? 'identical' : `DIFFERENT\n  ${first}: ${JSON.stringify(answers[first]).slice(0, 1500)}\n  ${g}: ${JSON.stringify(answers[g]).slice(0, 1500)}`}`);
    }
  }

  if (workloads.includes('citizen') && process.env.BENCH_STATEMENTS) await statementsPer360(urls, auth);

  const results = {};
  for (const w of workloads) {
    results[w] = {};
    const gws = Object.keys(urls);
    for (const g of gws) await load(urls[g], (i) => REQUESTS[w](`${g}-warm`, i), ok[w], Math.min(3, seconds), auth); // warm-up: JIT, plans, pools
    // The machine's load drifts: interleave the gateways in rounds, order rotating, so none is measured only in a busy spell.
    const parts = Object.fromEntries(gws.map((g) => [g, []]));
    const cpu = Object.fromEntries(gws.map((g) => [g, { gateway: 0, behind: 0, n: 0, by: new Map(), calls: new Map() }]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const g of [...gws.slice(round % gws.length), ...gws.slice(0, round % gws.length)]) {
        const before = await cpuSnapshot(stack, gatewayPids);
        const callsBefore = w === 'citizen' ? await subgraphCalls() : undefined;
        const part = await load(urls[g], (i) => REQUESTS[w](g, i), ok[w], seconds / ROUNDS, auth, undefined, round * 1_000_000);
        parts[g].push(part);
        for (const [name, ms] of cpuPerRequest(before, await cpuSnapshot(stack, gatewayPids), 1)) {
          if (name === g) cpu[g].gateway += ms;
          else if (!(name in gatewayPids) && name !== 'gateway' && name !== 'gateway-file' && !name.startsWith('bench')) {
            cpu[g].behind += ms;
            cpu[g].by.set(name, (cpu[g].by.get(name) ?? 0) + ms);
          }
        }
        cpu[g].n += part.n;
        if (callsBefore) {
          const after = await subgraphCalls();
          for (const [k, v] of after) cpu[g].calls.set(k, (cpu[g].calls.get(k) ?? 0) + v - (callsBefore.get(k) ?? 0));
        }
      }
    }
    for (const g of gws) {
      results[w][g] = merge(parts[g]);
      const r = results[w][g];
      r.cpuGateway = cpu[g].gateway / cpu[g].n;
      r.cpuBehind = cpu[g].behind / cpu[g].n;
      console.log(`${w.padEnd(8)} ${g.padEnd(6)} ${r.rps.toFixed(1).padStart(7)} req/s  p50 ${r.p50.toFixed(1).padStart(7)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  CPU ms/request: gateway ${r.cpuGateway.toFixed(2)}, subgraphs+PostgreSQL+NATS ${r.cpuBehind.toFixed(2)}  (${r.n} requests, ${r.failures} failed${r.firstFailure ? `: ${r.firstFailure}` : ''})`);
      if (cpu[g].calls.size) console.log(`         subgraph GraphQL requests per 360° via ${g}: ${[...cpu[g].calls].filter(([, c]) => c > 0).map(([k, c]) => `${k} ${(c / cpu[g].n).toFixed(2)}`).join(', ')}`);
      console.log(`         behind ${g}: ${[...cpu[g].by].filter(([, ms]) => ms / cpu[g].n >= 0.05).sort((a, b) => b[1] - a[1]).map(([name, ms]) => `${name} ${(ms / cpu[g].n).toFixed(2)}`).join(', ')}`);
    }
    if (w === 'citizen') {
      const d = {};
      for (const [sub, make] of Object.entries(direct)) {
        const url = `http://127.0.0.1:${stack.ports.get(sub)}/graphql`;
        d[sub] = await loadSigned(url, make, sub, signer, identity, Math.max(2, Math.floor(seconds / 2)));
      }
      const slowest = Object.entries(d).sort((a, b) => b[1].p99 - a[1].p99)[0];
      results.direct = d;
      console.log(`direct   ${Object.entries(d).map(([s, r]) => `${s} p99 ${r.p99.toFixed(1)} ms (${r.rps.toFixed(0)}/s${r.failures ? `, ${r.failures} failed: ${r.firstFailure}` : ''})`).join('; ')}`);
      console.log(`         slowest direct subgraph of the 360°: ${slowest[0]} p99 ${slowest[1].p99.toFixed(1)} ms`);
      results.slowest = slowest;
    }
  }

  console.log(`\nload average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs`);
  console.log(`ratios (same run, same subgraphs; ${seconds} s per gateway and workload in ${ROUNDS} interleaved rounds, concurrency ${concurrency}):`);
  for (const w of workloads) {
    const r = results[w];
    const parts = [];
    if (r.ours && r.hive) parts.push(`ours/Hive ${(r.ours.rps / r.hive.rps).toFixed(2)}× req/s, p99 ${(r.ours.p99 / r.hive.p99).toFixed(2)}×, gateway CPU/request ${(r.ours.cpuGateway / r.hive.cpuGateway).toFixed(2)}×`);
    if (r.ours && r.stock) parts.push(`ours/stock ${(r.ours.rps / r.stock.rps).toFixed(2)}× req/s, p99 ${(r.ours.p99 / r.stock.p99).toFixed(2)}×, gateway CPU/request ${(r.ours.cpuGateway / r.stock.cpuGateway).toFixed(2)}×`);
    if (w === 'citizen' && r.ours && results.slowest) parts.push(`ours p99 / slowest direct p99 ${(r.ours.p99 / results.slowest[1].p99).toFixed(2)}×`);
    console.log(`  ${w.padEnd(8)} ${parts.join('; ')}`);
  }
  if (workloads.includes('citizen')) {
    for (const g of Object.keys(urls)) {
      const r = results.citizen[g];
      const answered = r.n - r.failures;
      const rows = await countAudit(stack, `窗口核验 ${g} ${run} #%`);
      console.log(`  audit  ${g.padEnd(6)} ${rows} CITIZEN_360_READ rows for ${r.n} measured 360° requests (${answered} answered): ${rows >= answered && rows <= r.n ? 'audit rows = requests (each reached household and was audited there)' : 'MISMATCH'}`);
      // Each other subgraph audits its section of the 360° (an entity reference read with the forwarded purpose).
      const sections = [];
      for (const sub of Object.keys(SECTIONS)) sections.push(`${sub} ${await countAudit(stack, `窗口核验 ${g} ${run} #%`, { service: sub, action: null })}`);
      console.log(`         section audit rows with these purposes: ${sections.join(', ')}`);
    }
  }
  await explainLookups(stack);
  // Any failed request: what the services logged (the INTERNAL answers carry an error number).
  if (Object.values(results).some((r) => r && Object.values(r).some((x) => x?.failures))) {
    for (const [name, p] of stack.procs) {
      const errors = p.output.join('').split('\n').filter((l) => /"level":(50|60)|error/i.test(l)).slice(-3);
      if (errors.length) console.log(`  ${name} logged:\n${errors.map((l) => `    ${l.slice(0, 600)}`).join('\n')}`);
    }
  }
} finally {
  for (const p of peers) p.kill('SIGTERM');
  await stack.stop();
}

/**
 * BENCH_STATEMENTS=1: SQL statements per 360° per subgraph database for each gateway, from the local
 * PostgreSQL's statement log (PG_LOG_FILE, Debian's default path): a figure independent of the load.
 * Prints the most frequent statements of each database whose count differs between the gateways.
 */
async function statementsPer360(urls, auth) {
  const logFile = process.env.PG_LOG_FILE ?? '/var/log/postgresql/postgresql-15-main.log';
  const names = new Map([...stack.databases].map(([service, d]) => [d.name, service]));
  const admin = async (q, params) => {
    const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
    await c.connect();
    try {
      return await c.query(q, params);
    } finally {
      await c.end();
    }
  };
  const n = 5;
  const per = {};
  try {
    for (const db of names.keys()) await admin(`ALTER DATABASE ${db} SET log_statement = 'all'`);
    await admin('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ANY($1)', [[...names.keys()]]);
    const ask = (g, i) => post(new http.Agent(), urls[g], { query: CITIZEN, variables: REQUESTS.citizen(`${g}-stmt`, i).variables }, { ...auth, ...REQUESTS.citizen(`${g}-stmt`, i).headers });
    for (const g of Object.keys(urls)) for (let i = 0; i < 3; i++) await ask(g, 100 + i); // pools reconnect
    await new Promise((r) => setTimeout(r, 1500));
    for (const g of Object.keys(urls)) {
      const from = statSync(logFile).size;
      for (let i = 0; i < n; i++) await ask(g, i);
      await new Promise((r) => setTimeout(r, 300));
      per[g] = new Map();
      for (const line of readFileSync(logFile, 'utf8').slice(from).split('\n')) {
        const m = /@(t_\w+) LOG: {2}(?:statement|execute [^:]*): (.*)$/.exec(line);
        if (!m || !names.has(m[1])) continue;
        const service = names.get(m[1]);
        const byText = per[g].get(service) ?? new Map();
        const text = m[2].replace(/'[^']*'/g, "'…'").replace(/\$\d+/g, '$n').slice(0, 110);
        byText.set(text, (byText.get(text) ?? 0) + 1);
        per[g].set(service, byText);
      }
    }
  } finally {
    for (const db of names.keys()) await admin(`ALTER DATABASE ${db} RESET log_statement`).catch(() => undefined);
  }
  const total = (m) => [...(m?.values() ?? [])].reduce((a, b) => a + b, 0) / n;
  console.log(`SQL statements per 360° (${n} sequential requests per gateway, timers' statements included):`);
  for (const service of new Set(names.values())) {
    const counts = Object.keys(urls).map((g) => `${g} ${total(per[g].get(service)).toFixed(1)}`);
    console.log(`  ${service.padEnd(16)} ${counts.join('  ')}`);
  }
  for (const service of new Set(names.values())) {
    const totals = Object.keys(urls).map((g) => total(per[g].get(service)));
    if (Math.max(...totals) - Math.min(...totals) < 0.5) continue;
    for (const g of Object.keys(urls)) {
      const top = [...(per[g].get(service) ?? new Map())].sort((a, b) => b[1] - a[1]).slice(0, 10);
      console.log(`  ${service} via ${g}:\n${top.map(([t, c]) => `    ${(c / n).toFixed(1)}  ${t}`).join('\n')}`);
    }
  }
}

/** GraphQL requests each subgraph has answered so far, by subgraph and operation (their own /metrics). */
async function subgraphCalls() {
  const calls = new Map();
  for (const sub of ['household', ...Object.keys(SECTIONS)]) {
    const text = await fetch(`http://127.0.0.1:${stack.ports.get(sub)}/metrics`).then((r) => r.text(), () => '');
    for (const m of text.matchAll(/^onewindow_graphql_requests_total\{([^}]*)\} (\d+)/gm)) {
      const op = /operation="([^"]*)"/.exec(m[1])?.[1] ?? '?';
      const key = `${sub}:${op}`;
      calls.set(key, (calls.get(key) ?? 0) + Number(m[2]));
    }
  }
  return calls;
}

/** Like load(), for a subgraph called directly: a fresh signed assertion per call (it refuses a replay). */
async function loadSigned(url, make, audience, signer, identity, secs) {
  return load(url, (i) => make(i), (b) => !!b.data && !b.errors, secs, {}, async () => ({ [IDENTITY_HEADER]: await signer.sign(identity, { audience }) }));
}
