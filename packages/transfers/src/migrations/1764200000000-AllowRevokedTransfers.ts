import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Transfers may be revoked (撤销) by their sender: REVOKED joins the allowed statuses. */
export class AllowRevokedTransfers1764200000000 implements MigrationInterface {
  name = 'AllowRevokedTransfers1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE transfer DROP CONSTRAINT transfer_status_check`);
    await q.query(`ALTER TABLE transfer ADD CONSTRAINT transfer_status_check CHECK (status IN ('REQUESTED', 'ACKNOWLEDGED', 'REFUSED', 'COMPLETED', 'REVOKED'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE transfer SET status = 'REFUSED', refusal_reason = coalesce(refusal_reason, '已撤销') WHERE status = 'REVOKED'`);
    await q.query(`ALTER TABLE transfer DROP CONSTRAINT transfer_status_check`);
    await q.query(`ALTER TABLE transfer ADD CONSTRAINT transfer_status_check CHECK (status IN ('REQUESTED', 'ACKNOWLEDGED', 'REFUSED', 'COMPLETED'))`);
  }
}
