import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox page filters by jurisdiction prefix (`unit_code LIKE '5101%'`), police type and often
 * status (decision 0037). The existing (unit_code, deadline) index cannot serve a LIKE prefix under
 * the database's collation; varchar_pattern_ops can, and the other two filters ride along.
 */
export class InboxJurisdictionIndex1798300000000 implements MigrationInterface {
  name = 'InboxJurisdictionIndex1798300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX inbox_application_scope_idx ON inbox_application (unit_code varchar_pattern_ops, police_type, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX inbox_application_scope_idx`);
  }
}
