import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox page reads each deadline rank in (deadline, number) order and stops after offset +
 * limit rows (inbox.repository.ts `list`); this index gives that order without sorting the unit's
 * rows. The filters (unit prefix, police type, status, deadline state) are checked on the way.
 */
export class InboxDeadlineOrderIndex1798500000000 implements MigrationInterface {
  name = 'InboxDeadlineOrderIndex1798500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX inbox_application_deadline_idx ON inbox_application (deadline, number)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX inbox_application_deadline_idx`);
  }
}
