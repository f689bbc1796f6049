import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Supervision (督察): checklist templates, inspections, findings, the inspector roster, random draws. */
export class CreateSupervision1797500000000 implements MigrationInterface {
  name = 'CreateSupervision1797500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE supervision_template (
      code varchar(40) NOT NULL,
      version int NOT NULL,
      name text NOT NULL,
      cadence varchar(12) NOT NULL,
      items jsonb NOT NULL,
      published_by text NOT NULL,
      published_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (code, version)
    )`);
    await q.query(`CREATE TABLE supervision_inspection (
      id uuid PRIMARY KEY,
      template_code varchar(40) NOT NULL,
      template_version int NOT NULL,
      template_name text NOT NULL,
      unit_code varchar(12) NOT NULL,
      inspected_on date NOT NULL,
      inspector_sub text NOT NULL,
      inspector_name text NOT NULL,
      inspector_unit varchar(12) NOT NULL,
      results jsonb NOT NULL,
      note text NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (template_code, template_version) REFERENCES supervision_template (code, version)
    )`);
    await q.query(`CREATE INDEX supervision_inspection_unit_idx ON supervision_inspection (unit_code, inspected_on)`);
    await q.query(`CREATE TABLE supervision_finding (
      id uuid PRIMARY KEY,
      inspection_id uuid NOT NULL REFERENCES supervision_inspection (id),
      unit_code varchar(12) NOT NULL,
      item_code varchar(40) NOT NULL,
      item_text text NOT NULL,
      description text NOT NULL,
      officer_account varchar(64) NOT NULL,
      officer_name text NOT NULL,
      deadline_days int NOT NULL,
      deadline date NOT NULL,
      deadline_provisional boolean NOT NULL DEFAULT false,
      status varchar(12) NOT NULL,
      rectification text NULL,
      overdue boolean NOT NULL DEFAULT false,
      history jsonb NOT NULL DEFAULT '[]'::jsonb,
      version int NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX supervision_finding_unit_idx ON supervision_finding (unit_code, status)`);
    await q.query(`CREATE TABLE supervision_inspector (
      account varchar(64) PRIMARY KEY,
      name text NOT NULL,
      unit_code varchar(12) NOT NULL,
      active boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE supervision_draw (
      id uuid PRIMARY KEY,
      unit_prefix varchar(12) NOT NULL,
      month varchar(7) NOT NULL,
      seed varchar(64) NOT NULL,
      case_count int NOT NULL,
      inspector_count int NOT NULL,
      case_pool_size int NOT NULL,
      inspector_pool_size int NOT NULL,
      drawn_by_name text NOT NULL,
      drawn_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz NULL
    )`);
    await q.query(`CREATE TABLE supervision_draw_case (
      id serial PRIMARY KEY,
      draw_id uuid NOT NULL REFERENCES supervision_draw (id),
      position int NOT NULL,
      case_number text NOT NULL,
      unit_code varchar(12) NOT NULL,
      police_type varchar(20) NOT NULL,
      item_code text NOT NULL,
      item_name text NOT NULL,
      inspector_account varchar(64) NOT NULL,
      inspector_name text NOT NULL,
      result varchar(12) NOT NULL DEFAULT 'PENDING',
      note text NULL,
      UNIQUE (draw_id, case_number)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE supervision_draw_case`);
    await q.query(`DROP TABLE supervision_draw`);
    await q.query(`DROP TABLE supervision_inspector`);
    await q.query(`DROP TABLE supervision_finding`);
    await q.query(`DROP TABLE supervision_inspection`);
    await q.query(`DROP TABLE supervision_template`);
  }
}
