import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each periodic job last started, shared by every replica of a service: a replica runs a
 * scheduled pass only when it claims the slot (see job-lease.ts).
 */
export class JobLeases1764100000010 implements MigrationInterface {
  name = 'JobLeases1764100000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE job_lease (
      name text PRIMARY KEY,
      last_run_at timestamptz NOT NULL,
      last_run_by text NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_lease`);
  }
}
