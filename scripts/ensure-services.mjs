#!/usr/bin/env node
// Before the tests: make sure the real PostgreSQL and NATS (JetStream) the integration tests use
// are answering. If not, try the Debian packages' own start commands; otherwise explain and stop.
import { existsSync, readdirSync } from 'node:fs';
import { portOpen, run, waitFor, which } from './lib.mjs';

const pgUrl = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const natsUrl = new URL((process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222').replace(/^nats:/, 'http:'));

async function ensure(name, host, port, start) {
  if (await portOpen(Number(port), host)) return;
  console.log(`• ${name} not answering at ${host}:${port}; trying to start it`);
  start();
  try {
    await waitFor(() => portOpen(Number(port), host), 30000, name);
    console.log(`✔ ${name} started`);
  } catch {
    console.error(`✖ ${name} is required at ${host}:${port} for the integration tests. Start it (see README "Running the tests") or set ${name === 'PostgreSQL' ? 'TEST_DATABASE_URL' : 'TEST_NATS_URL'}.`);
    process.exit(1);
  }
}

await ensure('PostgreSQL', pgUrl.hostname, pgUrl.port || 5432, () => {
  if (which('pg_ctlcluster') && existsSync('/etc/postgresql')) {
    for (const v of readdirSync('/etc/postgresql')) run('pg_ctlcluster', ['--skip-systemctl-redirect', v, 'main', 'start']);
  }
});
await ensure('NATS', natsUrl.hostname, natsUrl.port || 4222, () => {
  const bin = which('nats-server');
  if (bin && which('start-stop-daemon')) {
    run('start-stop-daemon', ['--start', '--oknodo', '--background', '--exec', bin, '--', '-a', '127.0.0.1', '-p', String(natsUrl.port || 4222), '-js', '-sd', '/var/lib/nats-server']);
  } else if (bin) {
    run('sh', ['-c', `${bin} -a 127.0.0.1 -p ${natsUrl.port || 4222} -js -sd /tmp/onewindow-nats >/tmp/onewindow-nats.log 2>&1 &`]);
  }
});
