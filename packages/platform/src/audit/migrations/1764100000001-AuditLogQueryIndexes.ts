import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the supervisors' audit trail query (审计查询) on every service's `audit_log`:
 * newest-first keyset paging by (at, id), scoped by the actor's unit prefix, and the filters
 * (officer, action, subject reference — matched across subject types, so not the existing
 * (subject_type, subject_ref, at) index).
 */
export class AuditLogQueryIndexes1764100000001 implements MigrationInterface {
  name = 'AuditLogQueryIndexes1764100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_log_unit_idx ON audit_log (actor_unit text_pattern_ops, at DESC)`);
    await q.query(`CREATE INDEX audit_log_username_idx ON audit_log (actor_username, at DESC)`);
    await q.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC)`);
    await q.query(`CREATE INDEX audit_log_ref_idx ON audit_log (subject_ref, at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_ref_idx`);
    await q.query(`DROP INDEX audit_log_action_idx`);
    await q.query(`DROP INDEX audit_log_username_idx`);
    await q.query(`DROP INDEX audit_log_unit_idx`);
    await q.query(`DROP INDEX audit_log_at_idx`);
  }
}
