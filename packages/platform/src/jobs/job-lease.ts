import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';

/** Who this replica is in `job_lease.last_run_by` (host and process). */
export const REPLICA_ID = `${hostname()}:${process.pid}`;

/**
 * Scheduled jobs run once across replicas of a service (two counters behind a load balancer must
 * not both flag the same overdue transfer):
 * - a pass runs under a session advisory lock named after the job, so two passes never overlap (a
 *   replica that finds the lock taken skips its pass; the lock goes with the connection if the
 *   process dies);
 * - a scheduled pass first claims its slot in `job_lease`: it runs only when the job's last start,
 *   by any replica, is at least `minGapMs` ago. Replicas' timers are not aligned, so the job runs
 *   about once per interval whatever the number of replicas.
 * A boot-time pass does not claim a slot (a restarted replica catches up at once); the lock still
 * keeps it from overlapping a pass of another replica, and the jobs are idempotent.
 */
export class JobLease {
  constructor(private readonly dataSource: DataSource, private readonly replica = REPLICA_ID) {}

  /**
   * Run `fn` as this job's pass when the lock is free (and, with `minGapMs`, the slot is claimed).
   * Returns `{ ran: false, reason }` when another replica holds it.
   */
  async run<T>(name: string, fn: () => Promise<T>, opts: { minGapMs?: number } = {}): Promise<{ ran: true; result: T } | { ran: false; reason: 'LOCKED' | 'NOT_DUE' }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [`job:${name}`])) as { locked: boolean }[];
      if (!locked) return { ran: false, reason: 'LOCKED' };
      try {
        if (!(await this.claim(runner, name, opts.minGapMs))) return { ran: false, reason: 'NOT_DUE' };
        return { ran: true, result: await fn() };
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`job:${name}`]);
      }
    } finally {
      await runner.release();
    }
  }

  /** Record this start; with a gap, only when the last start (by any replica) is at least that old. */
  private async claim(runner: { query: (sql: string, params: unknown[]) => Promise<unknown> }, name: string, minGapMs: number | undefined): Promise<boolean> {
    const rows = (await runner.query(
      `INSERT INTO job_lease (name, last_run_at, last_run_by) VALUES ($1, now(), $2)
       ON CONFLICT (name) DO UPDATE SET last_run_at = now(), last_run_by = $2
       WHERE $3::bigint IS NULL OR job_lease.last_run_at <= now() - make_interval(secs => $3::bigint / 1000.0)
       RETURNING name`,
      [name, this.replica, minGapMs ?? null],
    )) as unknown[];
    return rows.length === 1;
  }
}
