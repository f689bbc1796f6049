import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tamper-evident audit (decision 0027): every `audit_log` row carries the hash of the row before
 * it (`prev_hash`) and its own (`hash` = SHA-256 over a canonical serialisation of its fields and
 * `prev_hash`). A BEFORE INSERT trigger computes both in the database while holding the lock on
 * the single `audit_chain_head` row until the inserting transaction ends, so concurrent inserts
 * queue up and never fork the chain; the trigger also assigns the id under that lock, so id order
 * is chain order. Existing rows are chained in id order. TRUNCATE is refused like UPDATE and DELETE.
 * The trigger function is SECURITY DEFINER (runs as the owner): the application role needs no
 * write rights on the chain head, and the migration takes UPDATE/DELETE/TRUNCATE on audit_log away from
 * every role but the owner (default privileges would otherwise have granted them).
 */
export class AuditLogHashChain1764100000003 implements MigrationInterface {
  name = 'AuditLogHashChain1764100000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION audit_log_row_hash(
        prev_hash text, id bigint, at timestamptz, actor_sub text, actor_username text, actor_unit text,
        action text, subject_type text, subject_ref text, purpose text, outcome text, details jsonb)
      RETURNS text LANGUAGE sql STABLE AS $$
        SELECT encode(sha256(convert_to(jsonb_build_array(
          prev_hash, id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          actor_sub, actor_username, actor_unit, action, subject_type, subject_ref, purpose, outcome, details
        )::text, 'UTF8')), 'hex')
      $$`);
    await q.query(`ALTER TABLE audit_log ADD COLUMN prev_hash text NULL, ADD COLUMN hash text NULL`);
    await q.query(`CREATE TABLE audit_chain_head (
      id smallint PRIMARY KEY CHECK (id = 1),
      last_id bigint NULL,
      last_hash text NOT NULL
    )`);
    await q.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`);
    await q.query(`DO $$
      DECLARE r audit_log; prev text := repeat('0', 64); h text; last bigint;
      BEGIN
        FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
          h := audit_log_row_hash(prev, r.id, r.at, r.actor_sub, r.actor_username, r.actor_unit, r.action,
                                  r.subject_type, r.subject_ref, r.purpose, r.outcome, r.details);
          UPDATE audit_log SET prev_hash = prev, hash = h WHERE id = r.id;
          prev := h;
          last := r.id;
        END LOOP;
        INSERT INTO audit_chain_head (id, last_id, last_hash) VALUES (1, last, prev);
      END $$`);
    await q.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL`);
    // The id comes from the trigger, under the chain lock (a supplied id is ignored).
    await q.query(`ALTER TABLE audit_log ALTER COLUMN id DROP DEFAULT`);
    await q.query(`CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = public, pg_temp AS $$
      DECLARE prev text;
      BEGIN
        -- Held until this transaction ends: the next insert reads this row's hash, never an older one.
        SELECT last_hash INTO STRICT prev FROM audit_chain_head WHERE id = 1 FOR UPDATE;
        NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
        NEW.prev_hash := prev;
        NEW.hash := audit_log_row_hash(prev, NEW.id, NEW.at, NEW.actor_sub, NEW.actor_username, NEW.actor_unit,
                                       NEW.action, NEW.subject_type, NEW.subject_ref, NEW.purpose, NEW.outcome, NEW.details);
        UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.hash WHERE id = 1;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable()`);
    await q.query(`CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head FOR EACH STATEMENT EXECUTE FUNCTION audit_log_immutable()`);
    // Only the owner (and the owner's trigger function) changes audit rows or the chain head.
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC`);
    await q.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_head FROM PUBLIC`);
    // TypeORM's migration history too: whoever could delete from it would make the owner re-run migrations.
    const history = q.connection.options.migrationsTableName ?? 'migrations';
    if (!/^[a-z_][a-z0-9_]*$/.test(history)) throw new Error(`unexpected migrations table name ${history}`);
    await q.query(`DO $$ DECLARE g text; BEGIN
      FOR g IN SELECT DISTINCT pg_get_userbyid(a.grantee) FROM pg_class c, aclexplode(c.relacl) a
               WHERE c.oid IN ('audit_log'::regclass, 'audit_chain_head'::regclass) AND a.grantee <> 0 AND a.grantee <> c.relowner LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM %I', g);
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_head FROM %I', g);
      END LOOP;
      IF to_regclass('${history}') IS NOT NULL THEN
        FOR g IN SELECT DISTINCT pg_get_userbyid(a.grantee) FROM pg_class c, aclexplode(c.relacl) a
                 WHERE c.oid = to_regclass('${history}') AND a.grantee <> 0 AND a.grantee <> c.relowner LOOP
          EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %I FROM %I', '${history}', g);
        END LOOP;
      END IF;
    END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_chain_head_no_truncate ON audit_chain_head`);
    await q.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await q.query(`DROP TRIGGER audit_log_chain ON audit_log`);
    await q.query(`DROP FUNCTION audit_log_chain()`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN id SET DEFAULT nextval('audit_log_id_seq'::regclass)`);
    await q.query(`DROP TABLE audit_chain_head`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN hash, DROP COLUMN prev_hash`);
    await q.query(`DROP FUNCTION audit_log_row_hash(text, bigint, timestamptz, text, text, text, text, text, text, text, text, jsonb)`);
  }
}
