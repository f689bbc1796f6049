import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issued ID cards (居民身份证 and 临时居民身份证): lets the rules check "first card" waivers and
 * record the card produced by an application. At most one valid resident card per person.
 */
export class CreateIdCard1764100000300 implements MigrationInterface {
  name = 'CreateIdCard1764100000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE id_card (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      id_number varchar(18) NOT NULL,
      kind varchar(10) NOT NULL CHECK (kind IN ('RESIDENT','TEMPORARY')),
      issued_on date NOT NULL,
      valid_until date NULL,
      status varchar(10) NOT NULL DEFAULT 'VALID' CHECK (status IN ('VALID','REPLACED','LOST','CANCELLED')),
      application_number varchar(40) NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_until IS NULL OR valid_until > issued_on)
    )`);
    await q.query(`COMMENT ON COLUMN id_card.valid_until IS 'NULL = long-term (长期)'`);
    await q.query(`CREATE INDEX id_card_id_number_idx ON id_card (id_number)`);
    await q.query(`CREATE UNIQUE INDEX id_card_one_valid_resident_idx ON id_card (id_number) WHERE kind = 'RESIDENT' AND status = 'VALID'`);
    // Jurisdiction-scoped register lists filter on a unit-code prefix (LIKE '510107%').
    await q.query(`CREATE INDEX person_unit_prefix_idx ON person (unit_code varchar_pattern_ops, id_number)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX person_unit_prefix_idx`);
    await q.query(`DROP TABLE id_card`);
  }
}
