#!/usr/bin/env node
// `npm start`: runs the whole system — NATS (if needed), the six services and the gateway — on
// embedded defaults. Logs go to .data/logs/<service>.log. Ctrl-C stops everything cleanly.
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { portOpen, SERVICES, spawn, waitFor, which } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(root, '.data'));
const logDir = path.join(dataDir, 'logs');
mkdirSync(logDir, { recursive: true });
const children = [];
let stopping = false;

function launch(name, cmd, args, env = {}) {
  const log = createWriteStream(path.join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.on('data', (d) => { log.write(d); process.stderr.write(`[${name}] ${d}`); });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`✖ ${name} exited (${signal ?? code}); see ${path.join(logDir, `${name}.log`)}`);
      void shutdown(1);
    }
  });
  children.push({ name, child });
  return child;
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\n正在停止所有服务 … stopping');
  for (const { child } of [...children].reverse()) child.kill('SIGTERM');
  await Promise.all(children.map(({ child }) => new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)))));
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

/** With DATABASE_URL (a PostgreSQL server URL), each service gets its own database `onewindow_<service>`. */
async function databaseUrls() {
  const base = process.env.DATABASE_URL;
  if (!base) return {};
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  const urls = {};
  for (const s of SERVICES) {
    const db = `onewindow_${s.name.replace(/-/g, '_')}`;
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${db}`);
    const u = new URL(base);
    u.pathname = `/${db}`;
    urls[s.name] = u.toString();
  }
  await client.end();
  return urls;
}

const natsUrl = await ensureNats();
const dbUrls = await databaseUrls();
console.log(dbUrls.counter ? '• PostgreSQL: one database per service on DATABASE_URL' : `• Database: embedded PGlite per service under ${dataDir}`);
for (const s of SERVICES) {
  launch(s.name, process.execPath, [`apps/${s.name}/dist/main.js`], {
    NATS_URL: natsUrl,
    ...natsCredentials(s.name),
    PORT: String(s.port),
    DATA_DIR: dataDir,
    DATABASE_URL: dbUrls[s.name] ?? '',
  });
}
for (const s of SERVICES) {
  await waitFor(async () => (await fetch(`http://127.0.0.1:${s.port}/health/ready`).then((r) => r.ok, () => false)), 180000, `${s.name} readiness`);
  console.log(`✔ ${s.name} ready on http://127.0.0.1:${s.port}/graphql`);
}
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);
const uiDir = path.join(root, 'apps/counter-ui/dist');
const hasUi = existsSync(path.join(uiDir, 'index.html'));
launch('gateway', process.execPath, ['apps/gateway/dist/main.js'], { PORT: String(gatewayPort), NATS_URL: natsUrl, UI_DIR: hasUi ? uiDir : '' });
await waitFor(() => portOpen(gatewayPort), 120000, 'gateway');
await waitFor(async () => (await fetch(`http://127.0.0.1:${gatewayPort}/health/live`).then((r) => r.ok, () => false)), 60000, 'gateway');
console.log(`\n✔ 一窗通办 system running. GraphQL gateway: http://127.0.0.1:${gatewayPort}/graphql`);
if (hasUi) console.log(`  综合窗口 UI (counter UI): http://127.0.0.1:${gatewayPort}/`);
console.log('  Demo accounts (password "demo"): demo-clerk, demo-household, demo-supervisor — see README.md');
console.log(`  Logs: ${logDir}   Stop: Ctrl-C`);
