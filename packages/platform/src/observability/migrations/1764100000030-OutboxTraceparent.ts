import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The W3C traceparent of the transaction that wrote an outbox row (decision 0032), so the relay's
 * publish and the consumer that applies the event continue that request's trace. Null when
 * tracing is off. Holds only trace and span ids, no personal data.
 */
export class OutboxTraceparent1764100000030 implements MigrationInterface {
  name = 'OutboxTraceparent1764100000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN trace_parent text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN trace_parent`);
  }
}
