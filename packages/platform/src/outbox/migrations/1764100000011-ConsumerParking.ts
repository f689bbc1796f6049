import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages a consumer could not apply yet (停放) and those it gave up on (死信), in the consumer's
 * own database so parking commits with the inbox: a failing message is retried with backoff, and
 * later messages of the same ordering key wait behind it (event-consumer.ts). The outbox gains a
 * not-before time so one failing row is retried with backoff while other aggregates proceed.
 */
export class ConsumerParking1764100000011 implements MigrationInterface {
  name = 'ConsumerParking1764100000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE consumer_parked (
      id bigserial PRIMARY KEY,
      consumer text NOT NULL,
      ordering_key text NOT NULL,
      message_id text NOT NULL,
      subject text NOT NULL,
      stream_seq bigint NOT NULL,
      payload jsonb NOT NULL,
      state text NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'DEAD', 'DISCARDED')),
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      parked_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      discard_reason text,
      discarded_by text,
      UNIQUE (consumer, message_id)
    )`);
    await q.query(`CREATE INDEX consumer_parked_key_idx ON consumer_parked (consumer, ordering_key, id) WHERE state <> 'DISCARDED'`);
    await q.query(`CREATE INDEX consumer_parked_due_idx ON consumer_parked (next_attempt_at) WHERE state = 'PENDING'`);
    await q.query(`ALTER TABLE outbox ADD COLUMN next_attempt_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN next_attempt_at`);
    await q.query(`DROP TABLE consumer_parked`);
  }
}
