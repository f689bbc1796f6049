#!/usr/bin/env node
// The stack on the embedded default database (no DATABASE_URL), as `npm start` runs it: starts
// scripts/start.mjs on a fresh DATA_DIR twice (first start: initdb + migrations; second start: what
// a second `npm start` with the build cached does after its cached turbo build), prints the time
// until the gateway answers, then the memory of every process of the stack — RSS and PSS (PSS
// shares shared memory fairly between the processes mapping it, so the PostgreSQL processes'
// shared_buffers is counted once) — and the totals. Ctrl-C (SIGINT) stops the stack each time and
// the bench checks that the embedded server stopped with it.
//
//   npx turbo run build --filter='!@onewindow/counter-ui' && node bench/embedded-memory.mjs
//
// On PostgreSQL instead (issue 14 goal: ≤ 1.2 GiB): BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres
// passes it to start.mjs as DATABASE_URL (one database onewindow_<service> per service is created on
// that server and left there); the server's own processes are then not counted.
//
// Settings (environment): BENCH_DATA_DIR (default a fresh temporary directory, removed at the end),
// GATEWAY_PORT (default 4000). Needs the ports of scripts/lib.mjs (4100–4105) free and NATS at
// 127.0.0.1:4222 (or NATS_URL), as `npm start` does.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { portOpen, SERVICES } from '../scripts/lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'onewindow-embedded-bench-'));
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);

for (const port of [...SERVICES.map((s) => s.port), gatewayPort]) {
  if (await portOpen(port)) {
    console.error(`✖ port ${port} is in use (another stack running?); stop it first`);
    process.exit(1);
  }
}

function procStatus(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    let pss = 0;
    try {
      pss = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch { /* kernel without smaps_rollup */ }
    return { pid, ppid: field('PPid'), rssKiB: field('VmRSS'), pssKiB: pss, cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim() };
  } catch {
    return undefined;
  }
}

function allProcs() {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map((d) => procStatus(Number(d))).filter(Boolean);
}

function postmasterPid() {
  const file = path.join(dataDir, 'postgres', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : undefined;
}

function label(p) {
  const m = /apps\/([\w-]+)\/dist\/main\.js/.exec(p.cmd);
  if (m) return m[1];
  if (p.cmd.includes('scripts/start.mjs')) return 'start script';
  if (p.cmd.includes('nats-server')) return 'nats-server';
  if (/postgres/.test(p.cmd)) return 'postgres';
  return p.cmd.slice(0, 40);
}

function measure(startPid) {
  const procs = allProcs();
  const byParent = new Map();
  for (const p of procs) byParent.set(p.ppid, [...(byParent.get(p.ppid) ?? []), p]);
  const tree = (pid) => [procs.find((p) => p.pid === pid), ...(byParent.get(pid) ?? []).flatMap((c) => tree(c.pid))].filter(Boolean);
  const pm = postmasterPid();
  const mine = [...tree(startPid), ...(pm ? tree(pm) : [])];
  const rows = new Map();
  for (const p of mine) {
    const name = label(p);
    const r = rows.get(name) ?? { name, procs: 0, rssKiB: 0, pssKiB: 0 };
    r.procs += 1;
    r.rssKiB += p.rssKiB;
    r.pssKiB += p.pssKiB;
    rows.set(name, r);
  }
  return [...rows.values()].sort((a, b) => b.pssKiB - a.pssKiB);
}

function readFileSyncSafe(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

const mib = (kib) => (kib / 1024).toFixed(0).padStart(6);

async function run(label_) {
  const t0 = Date.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '', GATEWAY_PORT: String(gatewayPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr.on('data', () => undefined);
  const ready = await new Promise((resolve) => {
    child.stdout.on('data', (d) => {
      out += d.toString();
      if (out.includes('system running')) resolve(true);
    });
    child.once('exit', () => resolve(false));
  });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (!ready) {
    console.error(`✖ ${label_}: the stack did not start:\n${out}`);
    process.exit(1);
  }
  console.log(`\n${label_}: gateway answering after ${seconds} s (node scripts/start.mjs, DATA_DIR=${dataDir}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs)`);
  // Let the services finish their first background work (relays, consumers) before reading memory.
  await fetch(`http://127.0.0.1:${gatewayPort}/health/live`).catch(() => undefined);
  const rows = measure(child.pid);
  console.log('process            count   RSS MiB   PSS MiB');
  for (const r of rows) console.log(`${r.name.padEnd(18)} ${String(r.procs).padStart(5)}   ${mib(r.rssKiB)}    ${mib(r.pssKiB)}`);
  const total = rows.reduce((a, r) => ({ rss: a.rss + r.rssKiB, pss: a.pss + r.pssKiB }), { rss: 0, pss: 0 });
  console.log(`${'total'.padEnd(18)} ${''.padStart(5)}   ${mib(total.rss)}    ${mib(total.pss)}   (goal ≤ ${process.env.BENCH_DATABASE_URL ? '1229 MiB on PostgreSQL, server not counted' : '2048 MiB on the embedded default'})`);
  const pm = postmasterPid();
  child.kill('SIGINT');
  await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  // pg_ctl stop returns once postmaster.pid is gone; the process itself exits a moment later.
  const running = () => pm !== undefined && /^State:\s+[^Z]/m.test(readFileSyncSafe(`/proc/${pm}/status`));
  const deadline = Date.now() + 15_000;
  while (running() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const stillRunning = running();
  console.log(stillRunning ? `✖ the embedded PostgreSQL server (pid ${pm}) still runs after Ctrl-C` : '✔ Ctrl-C stopped the services and the embedded PostgreSQL server');
  return { seconds: Number(seconds), total, stillRunning };
}

const first = await run('first start (initdb, migrations)');
const second = await run('second start (data kept)');
console.log(`\nsummary: first start ${first.seconds} s, second start ${second.seconds} s (goal ≤ 20 s); total RSS ${mib(second.total.rss).trim()} MiB, PSS ${mib(second.total.pss).trim()} MiB`);
if (!process.env.BENCH_DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
process.exit(first.stillRunning || second.stillRunning ? 1 : 0);
