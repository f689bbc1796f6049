import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables every service has: transactional outbox, consumer inbox, append-only audit log. */
export class PlatformTables1764100000000 implements MigrationInterface {
  name = 'PlatformTables1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE outbox (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigserial NOT NULL,
      subject text NOT NULL,
      payload jsonb NOT NULL,
      headers jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz NULL,
      attempts integer NOT NULL DEFAULT 0,
      last_error text NULL
    )`);
    await q.query(`CREATE INDEX outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL`);
    await q.query(`CREATE TABLE inbox (
      consumer text NOT NULL,
      message_id text NOT NULL,
      subject text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, message_id)
    )`);
    await q.query(`CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor_sub text NOT NULL,
      actor_username text NOT NULL,
      actor_unit text NOT NULL,
      action text NOT NULL,
      subject_type text NOT NULL,
      subject_ref text NOT NULL,
      purpose text NULL,
      outcome text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb
    )`);
    await q.query(`CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_ref, at)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_sub, at)`);
    // 等保 2.0: audit records are protected from change and deletion.
    await q.query(`CREATE FUNCTION audit_log_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_immutable()`);
    await q.query(`DROP TABLE inbox`);
    await q.query(`DROP TABLE outbox`);
  }
}
