import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live consumer path's preamble in one round trip (decision 0039): take the ordering key's
 * advisory lock, look for a parked message of the key, and claim the inbox row. Written in PL/pgSQL
 * rather than as one CTE because a VOLATILE function's statements each take a fresh snapshot: the
 * parked check must see what committed while this transaction waited for the lock, which a
 * single statement's snapshot (taken before the wait) would not.
 * Returns WAITING (a parked message holds the key; no inbox row), FRESH (inbox row written: apply)
 * or DUPLICATE (already applied: a no-op).
 */
export class ConsumerBegin1798400000000 implements MigrationInterface {
  name = 'ConsumerBegin1798400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION consumer_begin(p_lock text, p_consumer text, p_key text, p_message_id text, p_subject text)
      RETURNS text LANGUAGE plpgsql VOLATILE SET search_path = public, pg_temp AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext(p_lock));
        IF EXISTS (SELECT 1 FROM consumer_parked WHERE consumer = p_consumer AND ordering_key = p_key AND state <> 'DISCARDED') THEN
          RETURN 'WAITING';
        END IF;
        INSERT INTO inbox (consumer, message_id, subject) VALUES (p_consumer, p_message_id, p_subject) ON CONFLICT DO NOTHING;
        IF FOUND THEN RETURN 'FRESH'; END IF;
        RETURN 'DUPLICATE';
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION consumer_begin(text, text, text, text, text)`);
  }
}
