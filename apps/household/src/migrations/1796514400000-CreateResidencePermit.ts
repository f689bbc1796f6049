import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The residence permit register (居住证): cards issued, replaced, and their yearly endorsements (签注). */
export class CreateResidencePermit1796514400000 implements MigrationInterface {
  name = 'CreateResidencePermit1796514400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE residence_permit (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      permit_number varchar(24) NOT NULL UNIQUE,
      holder_id_number varchar(18) NOT NULL,
      holder_name text NOT NULL,
      holder_phone text NULL,
      address text NOT NULL,
      issuing_unit_code varchar(12) NOT NULL,
      issuing_unit_name text NOT NULL,
      issued_on date NOT NULL,
      valid_until date NOT NULL,
      status varchar(10) NOT NULL DEFAULT 'VALID' CHECK (status IN ('VALID','REPLACED','LOST')),
      application_number varchar(40) NOT NULL UNIQUE,
      replaces_permit_number varchar(24) NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_until > issued_on)
    )`);
    await q.query(`CREATE INDEX residence_permit_holder_idx ON residence_permit (holder_id_number)`);
    await q.query(`CREATE INDEX residence_permit_unit_idx ON residence_permit (issuing_unit_code varchar_pattern_ops)`);
    // One card in use per holder: a replacement closes the old card in the same transaction.
    await q.query(`CREATE UNIQUE INDEX residence_permit_one_valid_idx ON residence_permit (holder_id_number) WHERE status = 'VALID'`);
    await q.query(`CREATE TABLE residence_permit_endorsement (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      permit_id uuid NOT NULL REFERENCES residence_permit(id),
      endorsed_on date NOT NULL,
      previous_valid_until date NOT NULL,
      valid_until date NOT NULL,
      application_number varchar(40) NOT NULL UNIQUE,
      unit_code varchar(12) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_until > previous_valid_until OR valid_until > endorsed_on)
    )`);
    await q.query(`CREATE INDEX residence_permit_endorsement_permit_idx ON residence_permit_endorsement (permit_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE residence_permit_endorsement`);
    await q.query(`DROP TABLE residence_permit`);
  }
}
