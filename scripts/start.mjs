#!/usr/bin/env node
// `npm start`: runs the whole system — NATS (if needed), the six services and the gateway — on
// embedded defaults. Logs go to .data/logs/<service>.log. Ctrl-C stops everything cleanly.
import { createHmac, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { portOpen, SERVICES, waitFor, which } from './lib.mjs';

/** Seconds since this script started, printed with each step so a slow start shows where it waited. */
const startedAt = performance.now();
const since = () => `[${((performance.now() - startedAt) / 1000).toFixed(1)} s]`;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, '.data'));
const logDir = path.join(dataDir, 'logs');
mkdirSync(logDir, { recursive: true });
/** Run after every child has exited (the embedded database server stops last). */
const afterChildren = [];
let stopping = false;
// Every process runs supervised: one that crashes is restarted with backoff and the console says
// so; the others go on serving (packages/launcher).
const { Supervisor } = await import('@onewindow/launcher');
const supervisor = new Supervisor({ log: (line) => console.error(line) });

// Memory (issue 14: the stack in 1.2 GiB): V8's young generation capped at 3 × 4 MiB instead of
// up to 3 × 16 MiB, and glibc's malloc kept to 2 arenas instead of one per thread — together
// ≈ 185 MiB less RSS for the seven Node processes (docs/performance.md). NODE_SERVICE_FLAGS and
// MALLOC_ARENA_MAX in the environment override them.
const NODE_FLAGS = (process.env.NODE_SERVICE_FLAGS ?? '--max-semi-space-size=4').split(/\s+/).filter(Boolean);

function launch(name, cmd, args, env = {}, readyUrl) {
  const log = createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' });
  return supervisor.start({
    name, command: cmd, args: cmd === process.execPath ? [...NODE_FLAGS, ...args] : args, cwd: root,
    env: { MALLOC_ARENA_MAX: '2', ...process.env, ...env },
    onOutput: (stream, d) => {
      log.write(d);
      if (stream === 'stderr') process.stderr.write(`[${name}] ${d}`);
    },
    readyCheck: readyUrl ? async () => fetch(readyUrl).then((r) => r.ok, () => false) : undefined,
  });
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\n正在停止所有服务 … stopping');
  await supervisor.stopAll();
  for (const step of afterChildren) await step().catch((err) => console.error(`✖ ${err.message}`));
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

/** NATS passwords of the nats-server this script started (none when it uses a running server). */
const natsPasswords = {};
const natsCredentials = (service) => (natsPasswords[service] ? { NATS_PASSWORD: natsPasswords[service] } : {});

async function ensureNats() {
  if (process.env.NATS_URL) return process.env.NATS_URL;
  const url = 'nats://127.0.0.1:4222';
  if (await portOpen(4222)) {
    console.log(`• NATS: using the server already listening at ${url}`);
    return url;
  }
  const bin = which('nats-server');
  if (!bin) {
    console.error('✖ No NATS server at 127.0.0.1:4222 and no `nats-server` on PATH.\n  Install it (Debian/Ubuntu: `sudo apt-get install nats-server`; others: https://docs.nats.io/running-a-nats-service/introduction/installation)\n  or set NATS_URL to an existing server with JetStream enabled.');
    process.exit(1);
  }
  const sd = path.join(dataDir, 'nats');
  mkdirSync(sd, { recursive: true });
  // The bus authorization generated from packages/contracts/src/bus-permissions.ts (decision 0026),
  // with fresh random demo passwords handed to the services below.
  const { BUS_PARTICIPANTS, natsServerConfig } = await import('@onewindow/contracts');
  for (const p of BUS_PARTICIPANTS) natsPasswords[p.user] = randomBytes(18).toString('hex');
  const conf = path.join(sd, 'nats.conf');
  writeFileSync(conf, natsServerConfig({ host: '127.0.0.1', port: 4222, storeDir: sd, passwords: natsPasswords, header: 'Written by npm start (demo); regenerated with new passwords on every start.' }), { mode: 0o600 });
  launch('nats', bin, ['-c', conf]);
  await waitFor(() => portOpen(4222), 15000, 'nats-server');
  console.log(`• NATS: started nats-server with JetStream and per-service credentials (data in ${sd})`);
  return url;
}

/**
 * One database `onewindow_<service>` per service: on the PostgreSQL server of DATABASE_URL, or —
 * without it — on ONE embedded PostgreSQL server under DATA_DIR/postgres (decision 0030), started
 * here and stopped after the services on Ctrl-C. A server left running by a killed `npm start` is
 * adopted; a stale postmaster.pid is removed. Each database gets an owner role (migrations) and an
 * application role (everything else; it cannot change or delete audit rows), decision 0027; their
 * passwords are derived from a secret kept in DATA_DIR.
 */
async function databaseUrls() {
  const base = process.env.DATABASE_URL;
  let adminUrl = base;
  const dbName = (s) => `onewindow_${s.replace(/-/g, '_')}`;
  if (!base) {
    const { startEmbeddedServer } = await import('@onewindow/platform/embedded-postgres');
    const logger = { info() {}, warn(_obj, msg) { console.log(`• Database: ${msg}`); } };
    const server = await startEmbeddedServer(dataDir, logger, { adopt: true }).catch((err) => {
      console.error(`✖ The embedded PostgreSQL server did not start: ${err.message}\n  Or set DATABASE_URL to a PostgreSQL server (one database per service is created on it).`);
      process.exit(1);
    });
    afterChildren.push(() => server.stop());
    adminUrl = server.adminUrl;
    console.log(`• Database: embedded PostgreSQL at 127.0.0.1:${server.port}, one database per service (data in ${path.join(dataDir, 'postgres')})`);
  } else {
    console.log('• PostgreSQL: one database per service on DATABASE_URL');
  }
  const { provisionServiceDatabase } = await import('@onewindow/database-roles');
  const secretFile = path.join(dataDir, 'db-roles.secret');
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  const secret = readFileSync(secretFile, 'utf8').trim();
  const password = (role) => createHmac('sha256', secret).update(role).digest('base64url');
  const urls = {};
  for (const s of SERVICES) {
    const database = dbName(s.name);
    const ownerRole = `${database}_owner`;
    const appRole = `${database}_app`;
    const r = await provisionServiceDatabase(adminUrl, { database, ownerRole, appRole, ownerPassword: password(ownerRole), appPassword: password(appRole) });
    urls[s.name] = { app: r.appUrl, owner: r.ownerUrl };
  }
  console.log(`• Database roles: each service connects as its own non-superuser role; migrations run as the owner ${since()}`);
  return urls;
}

const natsUrl = await ensureNats();
const dbUrls = await databaseUrls();
console.log(`${since()} starting ${SERVICES.length} services in parallel …`);
for (const s of SERVICES) {
  launch(s.name, process.execPath, [`apps/${s.name}/dist/main.js`], {
    NATS_URL: natsUrl,
    ...natsCredentials(s.name),
    PORT: String(s.port),
    DATA_DIR: dataDir,
    DATABASE_URL: dbUrls[s.name].app,
    DATABASE_OWNER_URL: dbUrls[s.name].owner,
  }, `http://127.0.0.1:${s.port}/health/ready`);
}
// The gateway boots alongside the services: it reads the committed supergraph and calls no subgraph
// before the first request (with SUPERGRAPH_SOURCE=introspect it waits for them itself), so its
// ≈ 5 s of module loading and query-planner setup overlap theirs instead of following them.
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);
const uiDir = path.join(root, 'apps/counter-ui/dist');
const hasUi = existsSync(path.join(uiDir, 'index.html'));
launch('gateway', process.execPath, ['apps/gateway/dist/main.js'], { PORT: String(gatewayPort), NATS_URL: natsUrl, UI_DIR: hasUi ? uiDir : '' }, `http://127.0.0.1:${gatewayPort}/health/live`);
for (const s of SERVICES) {
  await waitFor(async () => (await fetch(`http://127.0.0.1:${s.port}/health/ready`).then((r) => r.ok, () => false)), 180000, `${s.name} readiness`);
  console.log(`✔ ${s.name} ready on http://127.0.0.1:${s.port}/graphql ${since()}`);
}
await waitFor(async () => (await fetch(`http://127.0.0.1:${gatewayPort}/health/live`).then((r) => r.ok, () => false)), 120000, 'gateway');
console.log(`\n✔ 一窗通办 system running ${since()}. GraphQL gateway: http://127.0.0.1:${gatewayPort}/graphql`);
if (hasUi) console.log(`  综合窗口 UI (counter UI): http://127.0.0.1:${gatewayPort}/`);
console.log('  Demo accounts (password "demo"): demo-clerk, demo-household, demo-supervisor — see README.md');
console.log(`  Logs: ${logDir}   Stop: Ctrl-C`);
