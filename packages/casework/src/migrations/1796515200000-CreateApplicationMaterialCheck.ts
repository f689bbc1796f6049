import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Online checks of materials (免提交 / 网上核验) recorded per application: which department, what
 * it answered, when. Separate from the deadline columns other work adds to `application`.
 */
export class CreateApplicationMaterialCheck1796515200000 implements MigrationInterface {
  name = 'CreateApplicationMaterialCheck1796515200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE application_material_check (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_id uuid NOT NULL REFERENCES application(id),
      material_code text NOT NULL,
      source text NOT NULL,
      outcome varchar(20) NOT NULL CHECK (outcome IN ('FOUND','NOT_FOUND','SOURCE_UNAVAILABLE')),
      checked_at timestamptz NOT NULL,
      reference text NULL,
      detail text NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX application_material_check_application_idx ON application_material_check (application_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE application_material_check`);
  }
}
