import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 核查结论 on the complaint (finding, the responsible officer confirmed or corrected, the day the
 * acceptance was decided) and the point deductions (扣分) substantiated complaints lead to.
 */
export class AddFindingsAndDeductions1797200000000 implements MigrationInterface {
  name = 'AddFindingsAndDeductions1797200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE complaint
      ADD COLUMN finding varchar(24) NULL CHECK (finding IN ('SUBSTANTIATED','PARTLY_SUBSTANTIATED','NOT_SUBSTANTIATED','NOT_APPLICABLE')),
      ADD COLUMN responsible_officer_username text NULL,
      ADD COLUMN responsible_officer_name text NULL,
      ADD COLUMN decided_on date NULL`);
    // Acceptance decisions made before this column existed: the acceptance day, or the day of the NOT_ACCEPT step.
    await q.query(`UPDATE complaint SET decided_on = accepted_on WHERE accepted_on IS NOT NULL`);
    await q.query(`UPDATE complaint c SET decided_on = (e.at AT TIME ZONE 'Asia/Shanghai')::date
      FROM complaint_event e WHERE e.complaint_id = c.id AND e.action = 'NOT_ACCEPT' AND c.decided_on IS NULL`);
    await q.query(`CREATE INDEX complaint_received_idx ON complaint (received_on, unit_code)`);
    await q.query(`CREATE TABLE complaint_deduction (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      complaint_id uuid NOT NULL REFERENCES complaint(id),
      complaint_number varchar(24) NOT NULL,
      finding varchar(24) NOT NULL CHECK (finding IN ('SUBSTANTIATED','PARTLY_SUBSTANTIATED')),
      police_type varchar(20) NOT NULL,
      unit_code varchar(12) NOT NULL,
      officer_username text NOT NULL,
      officer_name text NULL,
      unit_points integer NOT NULL CHECK (unit_points >= 0),
      officer_points integer NOT NULL CHECK (officer_points >= 0),
      deducted_on date NOT NULL,
      year integer NOT NULL,
      deducted_by text NOT NULL,
      reversed_on date NULL,
      reversed_by text NULL,
      reversal_reason text NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((reversed_on IS NULL) = (reversal_reason IS NULL))
    )`);
    // One standing deduction per complaint: a re-examination that keeps the finding does not deduct twice.
    await q.query(`CREATE UNIQUE INDEX complaint_deduction_active_uq ON complaint_deduction (complaint_id) WHERE reversed_on IS NULL`);
    await q.query(`CREATE INDEX complaint_deduction_officer_idx ON complaint_deduction (year, officer_username)`);
    await q.query(`CREATE INDEX complaint_deduction_unit_idx ON complaint_deduction (unit_code, deducted_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaint_deduction`);
    await q.query(`DROP INDEX complaint_received_idx`);
    await q.query(`ALTER TABLE complaint DROP COLUMN finding, DROP COLUMN responsible_officer_username, DROP COLUMN responsible_officer_name, DROP COLUMN decided_on`);
  }
}
