import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statutory limit (法定时限) beside the promised one, the step that ends the clock (限时办结 runs to
 * issuance for documents), the extension cap, and the clock's start date (to recompute provisional
 * deadlines). Existing cases keep the old behaviour (the clock ends at APPROVED) and get their
 * clock start and promised limit back-filled; their statutory limit stays unknown (null).
 */
export class AddCaseworkTimeLimits1764950000200 implements MigrationInterface {
  name = 'AddCaseworkTimeLimits1764950000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application
      ADD COLUMN clock_started_on date NULL,
      ADD COLUMN promised_time_limit jsonb NULL,
      ADD COLUMN statutory_time_limit jsonb NULL,
      ADD COLUMN statutory_deadline date NULL,
      ADD COLUMN statutory_deadline_provisional boolean NOT NULL DEFAULT false,
      ADD COLUMN clock_stops_at text NOT NULL DEFAULT 'APPROVED',
      ADD COLUMN extended_working_days int NOT NULL DEFAULT 0,
      ADD COLUMN max_extension_working_days int NULL`);
    await q.query(`ALTER TABLE application ADD CONSTRAINT application_clock_stops_at_chk CHECK (clock_stops_at IN ('APPROVED','READY_FOR_PICKUP','DELIVERED'))`);
    // Existing cases: the clock started on the acceptance date (China time), with the promised
    // limit the ACCEPT entry recorded, so their provisional deadlines can be recomputed too.
    await q.query(`UPDATE application SET clock_started_on = (accepted_at AT TIME ZONE 'Asia/Shanghai')::date`);
    await q.query(`UPDATE application a
      SET promised_time_limit = jsonb_build_object('value', (e.details->'timeLimit'->>'value')::int, 'unit', e.details->'timeLimit'->>'unit')
      FROM application_event e
      WHERE e.application_id = a.id AND e.action = 'ACCEPT' AND jsonb_typeof(e.details->'timeLimit') = 'object'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application DROP CONSTRAINT application_clock_stops_at_chk`);
    await q.query(`ALTER TABLE application
      DROP COLUMN max_extension_working_days,
      DROP COLUMN extended_working_days,
      DROP COLUMN clock_stops_at,
      DROP COLUMN statutory_deadline_provisional,
      DROP COLUMN statutory_deadline,
      DROP COLUMN statutory_time_limit,
      DROP COLUMN promised_time_limit,
      DROP COLUMN clock_started_on`);
  }
}
