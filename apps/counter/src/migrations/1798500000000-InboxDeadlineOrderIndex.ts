import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox page reads each stored deadline state in (deadline, number) order and stops after
 * offset + limit rows (inbox.repository.ts `list`); this index gives that order per state without
 * sorting the unit's rows. The other filters (unit prefix, police type, status) are INCLUDEd, so
 * they are checked in the index without visiting the table (an index-only scan). Tried first: an
 * index on (deadline, number) — a branch whose state is rare walked the whole index and the table
 * looking for its rows, 70 s on 5 M rows; (deadline_state, deadline, number) without the INCLUDE —
 * a state the unit lacks still read the table for each of the city's rows in it, 2–4.5 s.
 */
export class InboxDeadlineOrderIndex1798500000000 implements MigrationInterface {
  name = 'InboxDeadlineOrderIndex1798500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX inbox_application_state_deadline_idx ON inbox_application (deadline_state, deadline, number) INCLUDE (unit_code, police_type, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX inbox_application_state_deadline_idx`);
  }
}
