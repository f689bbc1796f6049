import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Phone codes and rate-limit counters for public, no-login operations (platform kit, every service). */
export class PublicAccessTables1764100000002 implements MigrationInterface {
  name = 'PublicAccessTables1764100000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE phone_code (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      purpose varchar(40) NOT NULL,
      phone_hash varchar(64) NOT NULL,
      code_hash varchar(64) NOT NULL,
      expires_at timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      used_at timestamptz NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX phone_code_live_idx ON phone_code (purpose, phone_hash, created_at DESC)`);
    await q.query(`CREATE TABLE rate_limit_hit (
      id bigserial PRIMARY KEY,
      bucket varchar(120) NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX rate_limit_hit_bucket_idx ON rate_limit_hit (bucket, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_hit`);
    await q.query(`DROP TABLE phone_code`);
  }
}
