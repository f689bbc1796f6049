#!/usr/bin/env node
// Creates every service's event stream (EVT_<SERVICE>) and dead-letter stream (DLQ_<SERVICE>) with
// N replicas, or raises an existing one to N (decision 0035). The services create missing streams
// with the server's default of one replica and never change an existing one; on a NATS cluster run
// this as the operators' user once after each install or upgrade (the Helm chart's hook Job does).
//   node scripts/nats-streams.mjs --replicas 3
// Environment: NATS_URL (comma-separated for a cluster), NATS_USER + NATS_PASSWORD (admin),
// NATS_PREFIX (empty in production), NATS_TLS_CA (PEM file, for tls://). Retries for up to
// --wait seconds (default 300) while the cluster elects its JetStream leader.
import { parseArgs } from 'node:util';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { deadLetterStreamOf, EVENT_STREAM_DUPLICATE_WINDOW_NS, ServiceName, streamOf } from '@onewindow/contracts';

const { values } = parseArgs({ options: { replicas: { type: 'string', default: '3' }, wait: { type: 'string', default: '300' } } });
const replicas = Number(values.replicas);
const waitMs = Number(values.wait) * 1000;
if (!Number.isInteger(replicas) || replicas < 1 || replicas > 5) throw new Error('--replicas must be 1-5');
if (!Number.isFinite(waitMs) || waitMs < 0) throw new Error('--wait must be a number of seconds');
const prefix = process.env.NATS_PREFIX ?? '';
const named = (name) => (prefix ? `${prefix}_${name}` : name);
const subject = (s) => (prefix ? `${prefix}.${s}` : s);

const deadline = Date.now() + waitMs;
async function retrying(what, fn) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`${what}: ${err.message}`);
      if (attempt === 1 || attempt % 10 === 0) console.log(`… ${what}: ${err.message} (retrying)`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

const nc = await retrying('connect', () => connect({
  servers: (process.env.NATS_URL ?? 'nats://127.0.0.1:4222').split(','),
  ...(process.env.NATS_USER ? { user: process.env.NATS_USER, pass: process.env.NATS_PASSWORD } : {}),
  ...(process.env.NATS_TLS_CA ? { tls: { caFile: process.env.NATS_TLS_CA } } : {}),
  name: 'onewindow-nats-streams',
}));
let code = 0;
try {
  const jsm = await retrying('JetStream', () => jetstreamManager(nc));
  for (const service of Object.values(ServiceName)) {
    for (const def of [streamOf(service), deadLetterStreamOf(service)]) {
      const name = named(def.name);
      const line = await retrying(name, async () => {
        const info = await jsm.streams.info(name).catch((err) => (/not found/i.test(String(err.message)) ? undefined : Promise.reject(err)));
        if (!info) {
          await jsm.streams.add({ name, subjects: def.subjects.map(subject), duplicate_window: EVENT_STREAM_DUPLICATE_WINDOW_NS, num_replicas: replicas });
          return `${name}: created with ${replicas} replica(s)`;
        }
        if (info.config.num_replicas >= replicas) return `${name}: ${info.config.num_replicas} replica(s), unchanged`;
        await jsm.streams.update(name, { ...info.config, num_replicas: replicas });
        return `${name}: ${info.config.num_replicas} → ${replicas} replica(s)`;
      });
      console.log(line);
    }
  }
} catch (err) {
  console.error(`✖ ${err.message}`);
  code = 1;
} finally {
  await nc.close();
}
process.exit(code);
