import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePopulationRegister1764100000100 implements MigrationInterface {
  name = 'CreatePopulationRegister1764100000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE household (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      household_number varchar(20) NOT NULL UNIQUE,
      kind varchar(12) NOT NULL DEFAULT 'FAMILY',
      address text NOT NULL,
      head_id_number varchar(18) NOT NULL,
      unit_code varchar(12) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX household_unit_idx ON household (unit_code)`);
    await q.query(`CREATE TABLE person (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      id_number varchar(18) NOT NULL UNIQUE,
      name text NOT NULL,
      sex varchar(6) NOT NULL CHECK (sex IN ('MALE','FEMALE')),
      ethnicity text NOT NULL,
      birth_date date NOT NULL,
      address text NOT NULL,
      phone text NULL,
      household_id uuid NULL REFERENCES household(id),
      relation_to_head text NULL,
      status varchar(12) NOT NULL DEFAULT 'NORMAL' CHECK (status IN ('NORMAL','MOVED_OUT','DECEASED')),
      deceased_on date NULL,
      unit_code varchar(12) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX person_unit_idx ON person (unit_code)`);
    await q.query(`CREATE INDEX person_household_idx ON person (household_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE person`);
    await q.query(`DROP TABLE household`);
  }
}
