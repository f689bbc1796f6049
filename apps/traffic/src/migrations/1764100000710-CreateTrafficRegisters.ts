import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The traffic registers: driving licences (number = holder's ID number), vehicles (one row per
 * ownership period; plate and VIN unique among current rows), violations, and the serial plates
 * are issued from.
 */
export class CreateTrafficRegisters1764100000710 implements MigrationInterface {
  name = 'CreateTrafficRegisters1764100000710';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE driving_licence (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number varchar(18) NOT NULL,
      holder_name text NOT NULL,
      licence_class varchar(20) NOT NULL,
      first_issued_on date NOT NULL,
      issued_on date NOT NULL,
      valid_until date NULL,
      points int NOT NULL DEFAULT 0 CHECK (points >= 0),
      status varchar(10) NOT NULL CHECK (status IN ('VALID','CANCELLED','REVOKED','EXPIRED')),
      status_reason text NULL,
      contact_phone varchar(20) NULL,
      unit_code varchar(12) NOT NULL,
      last_application_number varchar(40) NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (issued_on >= first_issued_on),
      CHECK (valid_until IS NULL OR valid_until > issued_on)
    )`);
    await q.query(`COMMENT ON COLUMN driving_licence.valid_until IS 'NULL = long-term (长期)'`);
    await q.query(`CREATE INDEX driving_licence_number_idx ON driving_licence (number)`);
    await q.query(`CREATE UNIQUE INDEX driving_licence_one_current_idx ON driving_licence (number) WHERE status IN ('VALID','EXPIRED')`);

    await q.query(`CREATE TABLE vehicle (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plate_number varchar(10) NOT NULL,
      vin varchar(17) NOT NULL CHECK (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
      owner_id_number varchar(18) NOT NULL,
      owner_name text NOT NULL,
      vehicle_type text NOT NULL,
      registered_on date NOT NULL,
      status varchar(24) NOT NULL CHECK (status IN ('NORMAL','TRANSFERRED','DEREGISTERED','FLAGGED_OWNER_DECEASED')),
      status_changed_on date NULL,
      unit_code varchar(12) NOT NULL,
      application_number varchar(40) NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX vehicle_owner_idx ON vehicle (owner_id_number)`);
    await q.query(`CREATE INDEX vehicle_plate_idx ON vehicle (plate_number)`);
    await q.query(`CREATE UNIQUE INDEX vehicle_current_plate_idx ON vehicle (plate_number) WHERE status IN ('NORMAL','FLAGGED_OWNER_DECEASED')`);
    await q.query(`CREATE UNIQUE INDEX vehicle_current_vin_idx ON vehicle (vin) WHERE status IN ('NORMAL','FLAGGED_OWNER_DECEASED')`);
    // Plate numbers issued at registration are drawn from this serial (see vehicle/plate-number.ts).
    await q.query(`CREATE SEQUENCE plate_serial START WITH 1 MINVALUE 1 MAXVALUE 239999 NO CYCLE`);

    await q.query(`CREATE TABLE violation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      plate_number varchar(10) NULL,
      licence_number varchar(18) NULL,
      occurred_at timestamptz NOT NULL,
      place text NOT NULL,
      code varchar(10) NOT NULL,
      description text NOT NULL,
      fine_fen int NOT NULL CHECK (fine_fen >= 0),
      points int NOT NULL CHECK (points BETWEEN 0 AND 12),
      status varchar(10) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','DECIDED','PAID')),
      decision_number varchar(40) NULL UNIQUE,
      decided_at timestamptz NULL,
      payment_reference varchar(64) NULL UNIQUE,
      paid_at timestamptz NULL,
      handled_by text NULL,
      unit_code varchar(12) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (plate_number IS NOT NULL OR licence_number IS NOT NULL),
      CHECK (status = 'OPEN' OR decision_number IS NOT NULL),
      CHECK (status <> 'PAID' OR payment_reference IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX violation_plate_idx ON violation (plate_number) WHERE plate_number IS NOT NULL`);
    await q.query(`CREATE INDEX violation_licence_idx ON violation (licence_number) WHERE licence_number IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE violation`);
    await q.query(`DROP SEQUENCE plate_serial`);
    await q.query(`DROP TABLE vehicle`);
    await q.query(`DROP TABLE driving_licence`);
  }
}
