import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public-security permit register (许可证登记簿): special-industry licences, civil explosives
 * permits, security guard and security company licences, with an append-only status history.
 */
export class CreatePermitRegister1764100000800 implements MigrationInterface {
  name = 'CreatePermitRegister1764100000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE permit_number_seq`);
    await q.query(`CREATE TABLE permit (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number varchar(32) NOT NULL UNIQUE,
      kind varchar(24) NOT NULL CHECK (kind IN ('HOTEL','SEAL_CARVING','EXPLOSIVES_PURCHASE','EXPLOSIVES_TRANSPORT','BLASTING_UNIT','SECURITY_GUARD','SECURITY_COMPANY')),
      holder_kind varchar(8) NOT NULL CHECK (holder_kind IN ('PERSON','COMPANY')),
      holder_id_number varchar(18) NULL,
      holder_credit_code varchar(18) NULL,
      holder_name text NOT NULL,
      legal_rep_id_number varchar(18) NULL,
      address text NULL,
      issued_on date NOT NULL,
      valid_until date NULL,
      status varchar(16) NOT NULL DEFAULT 'VALID' CHECK (status IN ('VALID','SUSPENDED','CANCELLED','UNDER_REVIEW')),
      status_reason text NULL,
      unit_code varchar(12) NOT NULL,
      application_number varchar(40) NULL UNIQUE,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_until IS NULL OR valid_until > issued_on),
      CHECK ((holder_kind = 'PERSON' AND holder_id_number IS NOT NULL AND holder_credit_code IS NULL)
          OR (holder_kind = 'COMPANY' AND holder_id_number IS NULL))
    )`);
    await q.query(`COMMENT ON COLUMN permit.valid_until IS 'NULL = no fixed term (长期)'`);
    await q.query(`COMMENT ON COLUMN permit.holder_credit_code IS '统一社会信用代码 (GB 32100); NULL for a security company licensed before registration'`);
    await q.query(`CREATE INDEX permit_holder_id_idx ON permit (holder_id_number) WHERE holder_id_number IS NOT NULL`);
    await q.query(`CREATE INDEX permit_legal_rep_idx ON permit (legal_rep_id_number) WHERE legal_rep_id_number IS NOT NULL`);
    await q.query(`CREATE INDEX permit_credit_code_idx ON permit (holder_credit_code) WHERE holder_credit_code IS NOT NULL`);
    await q.query(`CREATE INDEX permit_unit_prefix_idx ON permit (unit_code varchar_pattern_ops, issued_on)`);
    // 一人一证: at most one valid security guard certificate per person.
    await q.query(`CREATE UNIQUE INDEX permit_one_valid_guard_idx ON permit (holder_id_number) WHERE kind = 'SECURITY_GUARD' AND status = 'VALID'`);
    await q.query(`CREATE TABLE permit_event (
      id bigserial PRIMARY KEY,
      permit_id uuid NOT NULL REFERENCES permit(id),
      at timestamptz NOT NULL,
      actor_sub text NOT NULL,
      actor_name text NOT NULL,
      action text NOT NULL,
      from_status varchar(16) NULL,
      to_status varchar(16) NOT NULL,
      reason text NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb
    )`);
    await q.query(`CREATE INDEX permit_event_permit_idx ON permit_event (permit_id, id)`);
    await q.query(`CREATE FUNCTION public_security_history_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`);
    await q.query(`CREATE TRIGGER permit_event_no_change BEFORE UPDATE OR DELETE ON permit_event
      FOR EACH ROW EXECUTE FUNCTION public_security_history_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE permit_event`);
    await q.query(`DROP FUNCTION public_security_history_immutable()`);
    await q.query(`DROP TABLE permit`);
    await q.query(`DROP SEQUENCE permit_number_seq`);
  }
}
