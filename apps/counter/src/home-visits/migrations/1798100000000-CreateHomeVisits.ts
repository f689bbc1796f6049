import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 上门服务 (出诊式): home visits and the community-officer roster. */
export class CreateHomeVisits1798100000000 implements MigrationInterface {
  name = 'CreateHomeVisits1798100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE home_visit (
      id uuid PRIMARY KEY,
      number varchar(20) NOT NULL UNIQUE,
      unit_code varchar(12) NOT NULL,
      unit_type varchar(8) NOT NULL,
      police_type varchar(20) NOT NULL,
      item_code text NOT NULL,
      item_name text NOT NULL,
      citizen_name text NOT NULL,
      citizen_id_number varchar(18) NOT NULL,
      phone varchar(20) NOT NULL,
      address text NOT NULL,
      reason varchar(12) NOT NULL,
      reason_note text NULL,
      requested_on date NOT NULL,
      requested_by_account varchar(64) NOT NULL,
      requested_by_name text NOT NULL,
      due_days int NOT NULL,
      deadline date NOT NULL,
      deadline_provisional boolean NOT NULL DEFAULT false,
      status varchar(12) NOT NULL,
      officer_account varchar(64) NULL,
      officer_name text NULL,
      scheduled_at timestamptz NULL,
      application_number text NULL,
      outcome_note text NULL,
      closed_on date NULL,
      overdue boolean NOT NULL DEFAULT false,
      history jsonb NOT NULL DEFAULT '[]'::jsonb,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX home_visit_unit_idx ON home_visit (unit_code, status)`);
    await q.query(`CREATE INDEX home_visit_officer_idx ON home_visit (officer_account, status)`);
    await q.query(`CREATE TABLE home_visit_officer (
      account varchar(64) PRIMARY KEY,
      name text NOT NULL,
      unit_code varchar(12) NOT NULL,
      area text NOT NULL DEFAULT '',
      active boolean NOT NULL DEFAULT true
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE home_visit_officer`);
    await q.query(`DROP TABLE home_visit`);
  }
}
