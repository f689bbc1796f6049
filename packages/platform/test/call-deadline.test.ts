import { DataSource } from 'typeorm';
import { createTestDatabase, sql, type TestDatabase } from '@onewindow/testing';
import { buildDataSourceOptions, createLogger, DomainException, OutboxService, runWithDeadline } from '../src/index.js';

/** The commit check on a real PostgreSQL transaction (decision 0033). */
describe('no commit after the caller has given up', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('deadline');
    ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: [], migrations: [], migrationsRun: true, poolSize: 3, logger: createLogger('deadline-test', 'silent') }));
    await ds.initialize();
    await ds.query('CREATE TABLE effect (id text PRIMARY KEY)');
  });

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const write = (id: string) => ds.transaction(async (m) => {
    await m.query('INSERT INTO effect (id) VALUES ($1)', [id]);
  });

  it('a transaction inside a handler whose deadline has passed is rolled back with a typed error', async () => {
    const err = await runWithDeadline(Date.now() + 150, async () => {
      await ds.transaction(async (m) => {
        await m.query('INSERT INTO effect (id) VALUES ($1)', ['late']);
        await m.query('SELECT pg_sleep(0.3)'); // the work outlasts the caller's patience
      });
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainException);
    expect((err as DomainException).code).toBe('SERVICE_UNAVAILABLE');
    expect((err as DomainException).details).toEqual({ outcome: 'NOT_DONE', reason: 'DEADLINE_EXCEEDED' });
    expect(await sql(db.url, `SELECT id FROM effect WHERE id = 'late'`)).toEqual([]);
  });

  it('in time, or outside any handler, it commits', async () => {
    await runWithDeadline(Date.now() + 30_000, () => write('in-time'));
    await write('no-deadline');
    expect((await sql<{ id: string }>(db.url, 'SELECT id FROM effect ORDER BY id')).map((r) => r.id)).toEqual(['in-time', 'no-deadline']);
  });

  it('work a handler only sets off (the relay pass after a commit) runs without its deadline', async () => {
    const outbox = new OutboxService();
    // As right after an enqueue: only then does a commit wake the relay (decision 0038).
    (outbox as unknown as { lastEnqueuedAt: number }).lastEnqueuedAt = Date.now();
    let background: Promise<void> | undefined;
    outbox.onCommitted(() => {
      background = new Promise<void>((r) => setTimeout(r, 100)).then(() => write('relayed'));
    });
    await runWithDeadline(Date.now() + 60, async () => {
      outbox.notifyCommitted();
    });
    await background;
    expect(await sql(db.url, `SELECT id FROM effect WHERE id = 'relayed'`)).toEqual([{ id: 'relayed' }]);
  });
});
