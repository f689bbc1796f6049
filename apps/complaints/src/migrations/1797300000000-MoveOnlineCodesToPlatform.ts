import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The online form's SMS codes and rate-limit counters moved to the platform kit's `phone_code` and
 * `rate_limit_hit` (decision 0020): the complaints-only tables go. Codes live 10 minutes and
 * counters a day, so nothing worth keeping is dropped; `down` recreates them empty.
 */
export class MoveOnlineCodesToPlatform1797300000000 implements MigrationInterface {
  name = 'MoveOnlineCodesToPlatform1797300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaint_rate_limit_hit`);
    await q.query(`DROP TABLE complaint_verification_code`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE complaint_verification_code (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      phone varchar(11) NOT NULL,
      code_hash varchar(64) NOT NULL,
      expires_at timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      used_at timestamptz NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX complaint_verification_code_phone_idx ON complaint_verification_code (phone, created_at)`);
    await q.query(`CREATE TABLE complaint_rate_limit_hit (
      id bigserial PRIMARY KEY,
      bucket varchar(80) NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX complaint_rate_limit_hit_bucket_idx ON complaint_rate_limit_hit (bucket, at)`);
  }
}
