import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type ConnectionOptions, type MsgHdrs, type NatsConnection } from '@nats-io/transport-node';
import { BUS_ADMIN_USER, BUS_PARTICIPANTS, busInboxPrefix, deadLetterStreamOf, EVENT_STREAM_DUPLICATE_WINDOW_NS, natsServerConfig, ServiceName, streamOf } from '@onewindow/contracts';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect as tcpConnect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, randomName, type TestDatabase } from './infra.js';
import { reconcile, type ReconcileReport } from './reconcile.js';

export const ALL_SERVICES = ['counter', 'household', 'exit-entry', 'traffic', 'public-security', 'complaints'] as const;
export type ServiceKey = (typeof ALL_SERVICES)[number];

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitHttp(url: string, timeoutMs: number, proc: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`process exited (${proc.exitCode}) before ${url} was ready:\n${output()}`);
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${url}:\n${output()}`);
}

/** The nats-server binary: NATS_SERVER_BIN, else on PATH, else Debian's /usr/sbin one. */
function natsServerBin(): string {
  if (process.env.NATS_SERVER_BIN) return process.env.NATS_SERVER_BIN;
  return existsSync('/usr/sbin/nats-server') && !process.env.PATH?.split(':').some((d) => existsSync(path.join(d, 'nats-server'))) ? '/usr/sbin/nats-server' : 'nats-server';
}

/** What a test needs to open its own NatsService (structurally the platform's NatsSettings). */
export interface StackNatsSettings {
  url: string;
  prefix: string;
  name: string;
  user: string;
  password: string;
}

interface RunningProc {
  proc: ChildProcess;
  port: number;
  output: string[];
}

export interface StackOptions {
  services?: readonly ServiceKey[];
  env?: Record<string, string>;
  gateway?: boolean;
  /** Boot the services one after another instead of all at once (kinder to a loaded 2-core machine). */
  sequential?: boolean;
  /**
   * A NATS cluster of this many nodes on loopback (e.g. 3) instead of one server: every stream is
   * created with this many replicas and the services get every node's URL (`killNatsNode(i)`).
   */
  natsCluster?: number;
  /**
   * Services whose database connections go through a TCP proxy in the test process, so a test can
   * take their PostgreSQL away and give it back (`cutDatabase`, `restoreDatabase`).
   */
  dbProxy?: readonly ServiceKey[];
  /** Start the nats-server (node 0) with its HTTP monitoring endpoint (`natsMonitorUrl`: /connz, /subsz…). */
  natsMonitoring?: boolean;
  /** Extra Node flags for every service and gateway process (e.g. `--cpu-prof`, which NODE_OPTIONS refuses). */
  nodeArgs?: readonly string[];
}

/** One node of the stack's NATS (a single server is node 0). */
export interface NatsNode {
  /** `server_name` in the cluster (n0, n1, …). */
  name: string;
  port: number;
  clusterPort: number;
  conf: string;
  /** HTTP monitoring port (`natsMonitoring`, node 0 only), 0 when off. */
  monitorPort: number;
}

/** A TCP proxy between one service and its database (see StackOptions.dbProxy). */
class DatabaseProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;
  cut = false;

  constructor(private readonly upstreamHost: string, private readonly upstreamPort: number) {}

  async listen(): Promise<void> {
    const server = createServer((client) => {
      if (this.cut) return void client.destroy();
      const upstream = tcpConnect(this.upstreamPort, this.upstreamHost);
      for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
        this.sockets.add(a);
        a.on('error', () => b.destroy());
        a.on('close', () => {
          this.sockets.delete(a);
          b.destroy();
        });
      }
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const a = server.address();
    this.port = typeof a === 'object' && a ? a.port : this.port;
    this.server = server;
  }

  /** As if PostgreSQL stopped: open connections dropped, new ones refused (nothing listens). */
  async cutOff(): Promise<void> {
    this.cut = true;
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    if (server) await new Promise((r) => server.close(r));
  }

  async restore(): Promise<void> {
    this.cut = false;
    if (!this.server) await this.listen();
  }

  async close(): Promise<void> {
    await this.cutOff();
  }

  /** The same database URL, through the proxy. */
  url(direct: string): string {
    const u = new URL(direct);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }
}

/** How long a booting service may take to report ready: generous, since a crash ends the wait at once. */
const SERVICE_READY_MS = 180_000;
const NATS_PROC = 'nats-server';

/**
 * A real system for integration tests: each service is its own Node process (as in production),
 * on its own fresh PostgreSQL database, sharing a random NATS prefix; then the gateway.
 *
 * NATS is the stack's own nats-server (free port, JetStream in a temp dir), configured from the bus
 * declaration (packages/contracts/src/bus-permissions.ts) with a random password per user, so every
 * test runs under the permissions production has (decision 0026). The test process itself is the
 * `admin` user (`natsSettings()` / `natsConnect()`).
 */
export class TestStack {
  readonly prefix = randomName('t');
  readonly databases = new Map<ServiceKey, TestDatabase>();
  readonly procs = new Map<string, RunningProc>();
  readonly ports = new Map<ServiceKey, number>();
  /** Ports of further replicas started with `startService(name, env, instance)`. */
  readonly instancePorts = new Map<string, number>();
  gatewayUrl = '';
  /** The stack's nats-server (nats://127.0.0.1:<port>), set by start(). */
  natsUrl = '';
  /** With `natsMonitoring`: the server's monitoring endpoint (http://127.0.0.1:<port>). */
  natsMonitorUrl = '';
  /** One random password per bus user, written into the stack's nats-server config. */
  readonly natsPasswords: Readonly<Record<string, string>> = Object.fromEntries(BUS_PARTICIPANTS.map((p) => [p.user, randomBytes(18).toString('hex')]));
  private natsDir?: string;
  /** The stack's NATS nodes (one unless `natsCluster`). */
  readonly natsNodes: NatsNode[] = [];
  private readonly dbProxies = new Map<ServiceKey, DatabaseProxy>();

  constructor(readonly options: StackOptions = {}) {}

  get services(): readonly ServiceKey[] {
    return this.options.services ?? ALL_SERVICES;
  }

  env(extra: Record<string, string> = {}): Record<string, string> {
    // A shared 2-core CI machine runs two suites' stacks at once: replies may be slow, not absent.
    return {
      ...(process.env as Record<string, string>), APP_MODE: 'test', NATS_URL: this.natsUrl, NATS_PREFIX: this.prefix, LOG_LEVEL: 'warn', RPC_TIMEOUT_MS: '15000',
      ...this.options.env, ...extra,
    };
  }

  async start(): Promise<this> {
    await Promise.all([this.startNats(), ...this.services.map(async (s) => this.databases.set(s, await createTestDatabase(s.replace('-', ''))))]);
    for (const s of this.options.dbProxy ?? []) {
      const db = this.databases.get(s);
      if (!db) throw new Error(`dbProxy: ${s} is not in the stack`);
      const u = new URL(db.appUrl);
      const proxy = new DatabaseProxy(u.hostname, Number(u.port || 5432));
      await proxy.listen();
      this.dbProxies.set(s, proxy);
    }
    if (this.options.sequential) for (const s of this.services) await this.startService(s);
    else await Promise.all(this.services.map((s) => this.startService(s)));
    if (this.options.gateway !== false) await this.startGateway();
    return this;
  }

  /**
   * Start a service (again), or with `instance` a further replica of it (e.g. `household#2`) on its
   * own port, sharing the service's database, NATS user and queue groups; returns its port. The
   * first instance (instance = name) is the one the gateway calls.
   */
  async startService(name: ServiceKey, extraEnv: Record<string, string> = {}, instance: string = name): Promise<number> {
    const port = instance === name ? (this.ports.get(name) ?? (await freePort())) : (this.instancePorts.get(instance) ?? (await freePort()));
    if (instance === name) this.ports.set(name, port);
    else this.instancePorts.set(instance, port);
    const db = this.databases.get(name);
    if (!db) throw new Error(`no database for ${name}`);
    const proxy = this.dbProxies.get(name);
    const dbUrls = proxy ? { DATABASE_URL: proxy.url(db.appUrl), DATABASE_OWNER_URL: proxy.url(db.ownerUrl) } : { DATABASE_URL: db.appUrl, DATABASE_OWNER_URL: db.ownerUrl };
    const p = this.spawn(instance, `apps/${name}/dist/main.js`, { PORT: String(port), NATS_PASSWORD: this.natsPasswords[name] ?? '', ...dbUrls, ...extraEnv });
    await waitHttp(`http://127.0.0.1:${port}/health/ready`, SERVICE_READY_MS, p.proc, () => p.output.join(''));
    return port;
  }

  /**
   * Start the gateway (`this.gatewayUrl`), or with `name` a further one next to it (e.g. another
   * supergraph source) whose URL is returned and which `stopService(name)` stops.
   */
  async startGateway(extraEnv: Record<string, string> = {}, name = 'gateway', nodeArgs?: readonly string[]): Promise<string> {
    const port = await freePort();
    const urls: Record<string, string> = {};
    for (const s of ALL_SERVICES) {
      const key = `${s.toUpperCase().replace(/-/g, '_')}_URL`;
      urls[key] = `http://127.0.0.1:${this.ports.get(s) ?? 9}/graphql`;
    }
    const p = this.spawn(name, 'apps/gateway/dist/main.js', { PORT: String(port), ...urls, ...extraEnv }, nodeArgs);
    await waitHttp(`http://127.0.0.1:${port}/health/live`, SERVICE_READY_MS, p.proc, () => p.output.join(''));
    const url = `http://127.0.0.1:${port}/graphql`;
    if (name === 'gateway') this.gatewayUrl = url;
    return url;
  }

  private spawn(name: string, script: string, env: Record<string, string>, nodeArgs = this.options.nodeArgs ?? []): RunningProc {
    const proc = spawn(process.execPath, [...nodeArgs, path.join(ROOT, script)], { cwd: ROOT, env: this.env(env), stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const keep = (d: Buffer) => {
      output.push(d.toString());
      if (output.length > 200) output.shift();
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    const running = { proc, port: 0, output };
    this.procs.set(name, running);
    return running;
  }

  /** Stop one service (SIGTERM, as an operator would) and wait for it to exit. */
  async stopService(name: string): Promise<void> {
    const p = this.procs.get(name);
    if (!p || p.proc.exitCode !== null) return;
    const exited = new Promise((r) => p.proc.once('exit', r));
    p.proc.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 10_000)))]);
    clearTimeout(timer);
    if (p.proc.exitCode === null) p.proc.kill('SIGKILL');
    this.procs.delete(name);
  }

  /** Kill one process without warning (default SIGKILL, as a crash or `kill -9` would) and wait for it to be gone. */
  async killService(name: string, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const p = this.procs.get(name);
    if (!p) return;
    if (p.proc.exitCode === null && p.proc.signalCode === null) {
      const exited = new Promise((r) => p.proc.once('exit', r));
      p.proc.kill(signal);
      await exited;
    }
    this.procs.delete(name);
  }

  logs(name: string): string {
    return this.procs.get(name)?.output.join('') ?? '';
  }

  async stop(): Promise<void> {
    await Promise.all([...this.procs.keys()].filter((n) => !n.startsWith(NATS_PROC)).map((n) => this.stopService(n)));
    await Promise.all([...this.dbProxies.values()].map((p) => p.close()));
    await Promise.all([...this.databases.values()].map((d) => d.drop().catch(() => undefined)));
    // The stack's own nats-server(s) go with their streams (they live in its temp dir).
    await Promise.all([...this.procs.keys()].filter((n) => n.startsWith(NATS_PROC)).map((n) => this.stopService(n)));
    if (this.natsDir) await rm(this.natsDir, { recursive: true, force: true });
  }

  /**
   * Start the stack's nats-server (or `natsCluster` nodes of a cluster) with the generated
   * authorization, then create every service's event and dead-letter stream as admin (a consumer
   * may not create another service's stream, so a service that boots before the producer of a
   * stream it reads still finds it). In a cluster the streams are R<n>; consumers follow their
   * stream's replicas.
   */
  private async startNats(): Promise<void> {
    this.natsDir = await mkdtemp(path.join(tmpdir(), 'ow-nats-'));
    const size = this.options.natsCluster ?? 1;
    const ports = await Promise.all(Array.from({ length: size * 2 }, () => freePort()));
    for (let i = 0; i < size; i++) {
      const node: NatsNode = { name: `n${i}`, port: ports[2 * i]!, clusterPort: ports[2 * i + 1]!, conf: path.join(this.natsDir, `nats-${i}.conf`), monitorPort: i === 0 && this.options.natsMonitoring ? await freePort() : 0 };
      if (node.monitorPort) this.natsMonitorUrl = `http://127.0.0.1:${node.monitorPort}`;
      this.natsNodes.push(node);
    }
    for (const [i, node] of this.natsNodes.entries()) {
      let conf = natsServerConfig({ prefix: this.prefix, passwords: this.natsPasswords, host: '127.0.0.1', port: node.port, storeDir: path.join(this.natsDir, `js-${i}`) });
      if (size > 1) {
        const routes = this.natsNodes.filter((n) => n !== node).map((n) => `    "nats-route://127.0.0.1:${n.clusterPort}"`);
        conf += ['', `server_name: ${node.name}`, 'cluster {', '  name: ow', `  listen: "127.0.0.1:${node.clusterPort}"`, '  routes: [', ...routes, '  ]', '}', ''].join('\n');
      }
      await writeFile(node.conf, conf);
    }
    await Promise.all(this.natsNodes.map((_, i) => this.startNatsNode(i)));
    this.natsUrl = this.natsNodes.map((n) => `nats://127.0.0.1:${n.port}`).join(',');
    const nc = await this.natsConnect();
    try {
      // A fresh cluster answers "JetStream not ready / no leader" (or nothing) until its meta leader is elected.
      const jsm = await jetstreamManager(nc, { checkAPI: false });
      for (const service of Object.values(ServiceName)) {
        for (const def of [streamOf(service), deadLetterStreamOf(service)]) {
          const config = { name: `${this.prefix}_${def.name}`, subjects: def.subjects.map((x) => `${this.prefix}.${x}`), duplicate_window: EVENT_STREAM_DUPLICATE_WINDOW_NS, num_replicas: size };
          const deadline = Date.now() + 60_000;
          for (;;) {
            try {
              await jsm.streams.add(config);
              break;
            } catch (err) {
              if (Date.now() > deadline) throw err;
              await new Promise((r) => setTimeout(r, 500));
            }
          }
        }
      }
    } finally {
      await nc.close();
    }
  }

  private natsProcName(i: number): string {
    return i === 0 ? NATS_PROC : `${NATS_PROC}-${i}`;
  }

  /** Start NATS node `i` (again, on the same ports and store: a node coming back) and wait until it serves. */
  async startNatsNode(i: number): Promise<void> {
    const node = this.natsNodes[i];
    if (!node) throw new Error(`no NATS node ${i}`);
    const proc = spawn(natsServerBin(), ['-c', node.conf, ...(node.monitorPort ? ['-m', String(node.monitorPort)] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    this.procs.set(this.natsProcName(i), { proc, port: node.port, output });
    await new Promise<void>((resolve, reject) => {
      const onData = (d: Buffer) => {
        output.push(d.toString());
        if (output.length > 200) output.shift();
        if (output.join('').includes('Server is ready')) resolve();
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', onData);
      proc.once('error', reject);
      proc.once('exit', (code) => reject(new Error(`nats-server ${node.name} exited (${code}):\n${output.join('')}`)));
    });
  }

  /** Kill NATS node `i` without warning (kill -9) and wait until it is gone. */
  async killNatsNode(i: number): Promise<void> {
    await this.killService(this.natsProcName(i));
  }

  /** The index of the NATS node that leads a stream (its name without the stack prefix, e.g. EVT_HOUSEHOLD). */
  async streamLeader(stream: string): Promise<number> {
    const nc = await this.natsConnect();
    try {
      const info = await (await jetstreamManager(nc)).streams.info(`${this.prefix}_${stream}`);
      const leader = info.cluster?.leader;
      const i = this.natsNodes.findIndex((n) => n.name === leader);
      if (i < 0) throw new Error(`stream ${stream} has no leader (${leader ?? 'none'})`);
      return i;
    } finally {
      await nc.close();
    }
  }

  /** Take a service's PostgreSQL away (needs `dbProxy`): open connections drop, new ones are refused. */
  async cutDatabase(name: ServiceKey): Promise<void> {
    const proxy = this.dbProxies.get(name);
    if (!proxy) throw new Error(`no database proxy for ${name} (StackOptions.dbProxy)`);
    await proxy.cutOff();
  }

  /** Give a service its PostgreSQL back after `cutDatabase`. */
  async restoreDatabase(name: ServiceKey): Promise<void> {
    const proxy = this.dbProxies.get(name);
    if (!proxy) throw new Error(`no database proxy for ${name} (StackOptions.dbProxy)`);
    await proxy.restore();
  }

  /** Connection options of one bus user on the stack's server (default: the admin the test process is). */
  natsOptions(user = BUS_ADMIN_USER): ConnectionOptions {
    const pass = this.natsPasswords[user];
    if (!pass) throw new Error(`no bus user ${user}`);
    return { servers: this.natsUrl.split(','), user, pass, inboxPrefix: busInboxPrefix(user, this.prefix), name: `test-${user}` };
  }

  /** A NATS connection as one bus user (default admin); the caller closes it. */
  natsConnect(user = BUS_ADMIN_USER): Promise<NatsConnection> {
    return connect(this.natsOptions(user));
  }

  /** Settings for `new NatsService(...)` in a test, as one bus user (default admin). */
  natsSettings(name: string, user = BUS_ADMIN_USER): StackNatsSettings {
    return { url: this.natsUrl, prefix: this.prefix, name, user, password: this.natsPasswords[user] ?? '' };
  }

  /** POST a GraphQL operation to the gateway. */
  async gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[]; status: number }> {
    const res = await fetch(this.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    return { ...body, status: res.status };
  }

  /**
   * Publish a message by hand into the stack's JetStream (subject without the stack's prefix), as
   * a broken or hostile producer would: tests of what consumers do with it.
   */
  async publishRaw(subject: string, payload: unknown, headers?: MsgHdrs): Promise<void> {
    const nc = await this.natsConnect();
    try {
      await jetstream(nc).publish(`${this.prefix}.${subject}`, JSON.stringify(payload), { msgID: randomName('raw'), headers });
    } finally {
      await nc.close();
    }
  }

  /** Reconcile the owners' tables with the counter's projections (applications, transfers, SMS) on this stack. */
  async reconcile(): Promise<ReconcileReport> {
    const url = (s: ServiceKey) => this.databases.get(s)?.url;
    const counter = url('counter');
    if (!counter) throw new Error('reconcile needs the counter');
    return reconcile({ counter, household: url('household'), 'exit-entry': url('exit-entry'), traffic: url('traffic'), 'public-security': url('public-security') });
  }

  async login(username: string, password = 'demo'): Promise<string> {
    const r = await this.gql<{ login: { token: string } }>('mutation($u:String!,$p:String!){ login(username:$u, password:$p){ token } }', { u: username, p: password });
    if (!r.data) throw new Error(`login failed: ${JSON.stringify(r.errors)}`);
    return r.data.login.token;
  }
}
