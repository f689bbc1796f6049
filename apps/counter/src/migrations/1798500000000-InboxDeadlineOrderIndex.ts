import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox page reads each stored deadline state in (deadline, number) order and stops after
 * offset + limit rows (inbox.repository.ts `list`); this index gives that order per state without
 * sorting the unit's rows. The other filters (unit prefix, police type, status) are checked on the
 * way. (An index on (deadline, number) alone was tried: a branch whose state is rare walked the
 * whole index looking for its rows — 70 s on 5 M rows.)
 */
export class InboxDeadlineOrderIndex1798500000000 implements MigrationInterface {
  name = 'InboxDeadlineOrderIndex1798500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX inbox_application_state_deadline_idx ON inbox_application (deadline_state, deadline, number)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX inbox_application_state_deadline_idx`);
  }
}
