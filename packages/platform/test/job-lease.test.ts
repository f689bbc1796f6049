import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@onewindow/testing';
import { buildDataSourceOptions, createLogger, JobLease } from '../src/index.js';

/** Two replicas of a service share one database; each has its own pool (its own DataSource). */
describe('scheduled jobs run once across replicas (JobLease)', () => {
  let db: TestDatabase;
  const replicas: DataSource[] = [];
  let a: JobLease;
  let b: JobLease;

  beforeAll(async () => {
    db = await createTestDatabase('joblease');
    for (let i = 0; i < 2; i++) {
      const ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: [], migrations: [], migrationsRun: true, logger: createLogger('job-lease-test', 'silent') }));
      await ds.initialize();
      replicas.push(ds);
    }
    a = new JobLease(replicas[0]!, 'replica-a');
    b = new JobLease(replicas[1]!, 'replica-b');
  });

  afterAll(async () => {
    await Promise.all(replicas.map((ds) => ds.destroy()));
    await db.drop();
  });

  it('never runs two passes of one job at once: the other replica skips while the first holds the lock', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const first = a.run('deadline-flags', async () => {
      started();
      await held;
      return 'a';
    });
    await running;
    await expect(b.run('deadline-flags', async () => 'b')).resolves.toEqual({ ran: false, reason: 'LOCKED' });
    // Another job is not affected by this one's lock.
    await expect(b.run('transfer-overdue', async () => 'b')).resolves.toEqual({ ran: true, result: 'b' });
    release();
    await expect(first).resolves.toEqual({ ran: true, result: 'a' });
    // The lock went with the pass: the other replica may run now.
    await expect(b.run('deadline-flags', async () => 'b')).resolves.toEqual({ ran: true, result: 'b' });
  });

  it('runs a scheduled pass once per slot whatever the number of replicas', async () => {
    const gap = 60_000;
    const results = await Promise.all([
      a.run('no-show', async () => 'a', { minGapMs: gap }),
      b.run('no-show', async () => 'b', { minGapMs: gap }),
    ]);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    // Until the gap has passed, neither replica runs it again.
    await expect(a.run('no-show', async () => 'a', { minGapMs: gap })).resolves.toEqual({ ran: false, reason: 'NOT_DUE' });
    await expect(b.run('no-show', async () => 'b', { minGapMs: gap })).resolves.toEqual({ ran: false, reason: 'NOT_DUE' });
    // The slot is over (the last start moved back as time would): exactly one replica takes the next.
    await replicas[0]!.query(`UPDATE job_lease SET last_run_at = now() - interval '61 seconds' WHERE name = 'no-show'`);
    const next = await Promise.all([
      b.run('no-show', async () => 'b', { minGapMs: gap }),
      a.run('no-show', async () => 'a', { minGapMs: gap }),
    ]);
    expect(next.filter((r) => r.ran)).toHaveLength(1);
    const [row] = (await replicas[0]!.query(`SELECT last_run_by FROM job_lease WHERE name = 'no-show'`)) as { last_run_by: string }[];
    expect(['replica-a', 'replica-b']).toContain(row!.last_run_by);
  });

  it('a boot-time pass (no slot) still runs when the job ran recently, and records its start', async () => {
    await expect(a.run('no-show', async () => 'boot')).resolves.toEqual({ ran: true, result: 'boot' });
    const [row] = (await replicas[0]!.query(`SELECT last_run_by FROM job_lease WHERE name = 'no-show'`)) as { last_run_by: string }[];
    expect(row!.last_run_by).toBe('replica-a');
  });

  it('releases the lock when the pass fails', async () => {
    await expect(a.run('disposal', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(b.run('disposal', async () => 'b')).resolves.toEqual({ ran: true, result: 'b' });
  });
});
