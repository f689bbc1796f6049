import { existsSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createLogger, startEmbeddedPostgres, type EmbeddedPostgres } from '../src/index.js';

/**
 * The embedded default database (what `npm start` gives a service without DATABASE_URL) is as
 * correct as PostgreSQL under concurrency (issue 13): many connections of one pool, extended-protocol
 * (prepared) queries and transactions at once.
 */
describe('embedded default database under concurrency', () => {
  const logger = createLogger('embedded-db-test', 'silent');
  let dataDir: string;
  let db: EmbeddedPostgres;
  let pool: pg.Pool;
  /** Errors of idle pooled connections (pg emits them on the pool; unhandled they would crash the run). */
  const idleErrors: string[] = [];
  const newPool = (url: string) => {
    const p = new pg.Pool({ connectionString: url, max: 20 });
    // A deliberate stop below (restart, kill -9) ends idle connections with 57P01 while they close.
    p.on('error', (err) => idleErrors.push(`${(err as { code?: string }).code ?? ''} ${err.message}`));
    return p;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'onewindow-embedded-'));
    db = await startEmbeddedPostgres(dataDir, 'household', logger);
    pool = newPool(db.url);
    await pool.query('CREATE TABLE person (id text PRIMARY KEY, name text NOT NULL)');
    await pool.query('CREATE TABLE read_audit (id bigserial PRIMARY KEY, person_id text NOT NULL, purpose text NOT NULL)');
    await pool.query('CREATE TABLE ledger (id text PRIMARY KEY, amount int NOT NULL)');
    await pool.query(`INSERT INTO person SELECT 'P' || g, '居民' || g FROM generate_series(1, 300) g`);
  }, 120_000);

  afterAll(async () => {
    await pool?.end();
    await db?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('answers 300 concurrent audited lookups over a pool of 20 without an error', async () => {
    const lookup = async (i: number) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        // Named and unnamed prepared statements, as TypeORM and pg send them (Parse/Bind/Execute).
        const person = await client.query({ name: 'person-by-id', text: 'SELECT id, name FROM person WHERE id = $1', values: [`P${i + 1}`] });
        await client.query('INSERT INTO read_audit (person_id, purpose) VALUES ($1, $2)', [`P${i + 1}`, `核查 ${i}`]);
        await client.query('COMMIT');
        return person.rows[0] as { name: string } | undefined;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    };
    const results = await Promise.allSettled(Array.from({ length: 300 }, (_, i) => lookup(i)));
    const errors = results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
    expect(errors).toEqual([]);
    expect(results.map((r) => (r as PromiseFulfilledResult<{ name: string } | undefined>).value?.name)).toEqual(Array.from({ length: 300 }, (_, i) => `居民${i + 1}`));
    const audited = await pool.query<{ n: string }>('SELECT count(*) AS n FROM read_audit');
    expect(Number(audited.rows[0]!.n)).toBe(300);
    expect(idleErrors).toEqual([]); // no connection lost while the server ran
  }, 60_000);

  it('keeps one transaction’s writes when a concurrent transaction rolls back', async () => {
    const a = await pool.connect();
    const b = await pool.connect();
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query('INSERT INTO ledger (id, amount) VALUES ($1, $2)', ['kept', 1]);
      await b.query('INSERT INTO ledger (id, amount) VALUES ($1, $2)', ['undone', 2]);
      // Isolation: neither sees the other's uncommitted row.
      expect((await b.query('SELECT id FROM ledger WHERE id = $1', ['kept'])).rowCount).toBe(0);
      await b.query('ROLLBACK');
      await a.query('INSERT INTO ledger (id, amount) VALUES ($1, $2)', ['kept-2', 3]);
      await a.query('COMMIT');
    } finally {
      a.release();
      b.release();
    }
    const rows = await pool.query<{ id: string }>('SELECT id FROM ledger ORDER BY id');
    expect(rows.rows.map((r) => r.id)).toEqual(['kept', 'kept-2']);
  }, 60_000);

  it('persists across a restart of the server under the same DATA_DIR', async () => {
    await pool.end();
    await db.stop();
    db = await startEmbeddedPostgres(dataDir, 'household', logger);
    pool = newPool(db.url);
    const rows = await pool.query<{ n: string }>('SELECT count(*) AS n FROM read_audit');
    expect(Number(rows.rows[0]!.n)).toBe(300);
  }, 120_000);

  it('starts again after the server was killed with -9 (stale postmaster.pid)', async () => {
    await pool.end();
    const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    await until(() => !alive(pid));
    expect(existsSync(pidFile)).toBe(true);
    db = await startEmbeddedPostgres(dataDir, 'household', logger);
    pool = newPool(db.url);
    const rows = await pool.query<{ n: string }>('SELECT count(*) AS n FROM read_audit');
    expect(Number(rows.rows[0]!.n)).toBe(300);
  }, 120_000);
});

/** Running (a killed process whose parent has not reaped it yet, a zombie, has no exe link). */
function alive(pid: number): boolean {
  try {
    readlinkSync(`/proc/${pid}/exe`);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
