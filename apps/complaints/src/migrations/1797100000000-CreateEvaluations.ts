import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 好差评: rating screens paired to windows, visits presented, evaluations, SMS invitations and replies, 回访核实 tasks. */
export class CreateEvaluations1797100000000 implements MigrationInterface {
  name = 'CreateEvaluations1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE rating_pairing (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code_hash varchar(64) NOT NULL UNIQUE,
      unit_code varchar(12) NOT NULL,
      unit_name text NOT NULL,
      window_no varchar(8) NOT NULL,
      created_by text NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz NULL
    )`);
    await q.query(`CREATE TABLE rating_device (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      token_hash varchar(64) NOT NULL UNIQUE,
      unit_code varchar(12) NOT NULL,
      unit_name text NOT NULL,
      window_no varchar(8) NOT NULL,
      paired_by text NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX rating_device_window_idx ON rating_device (unit_code, window_no)`);
    await q.query(`CREATE TABLE window_visit (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_code varchar(12) NOT NULL,
      window_no varchar(8) NOT NULL,
      application_number varchar(20) NOT NULL,
      police_type varchar(20) NOT NULL,
      clerk_username text NOT NULL,
      clerk_name text NOT NULL,
      summary jsonb NOT NULL,
      applicant_id_number varchar(18) NOT NULL,
      applicant_phone varchar(20) NULL,
      status varchar(12) NOT NULL CHECK (status IN ('PRESENTED','RATED','SUPERSEDED')),
      presented_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX window_visit_window_idx ON window_visit (unit_code, window_no, status, presented_at)`);
    await q.query(`CREATE TABLE evaluation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_number varchar(20) NOT NULL UNIQUE,
      channel varchar(8) NOT NULL CHECK (channel IN ('WINDOW','SMS')),
      level varchar(20) NOT NULL CHECK (level IN ('VERY_SATISFIED','SATISFIED','BASIC','DISSATISFIED','VERY_DISSATISFIED')),
      reasons jsonb NOT NULL DEFAULT '[]',
      comment text NULL,
      police_type varchar(20) NOT NULL,
      unit_code varchar(12) NOT NULL,
      window_no varchar(8) NULL,
      officer_username text NULL,
      officer_name text NULL,
      applicant_id_number varchar(18) NULL,
      applicant_phone varchar(20) NULL,
      visit_id uuid NULL REFERENCES window_visit(id),
      evaluated_on date NOT NULL,
      evaluated_at timestamptz NOT NULL,
      voided boolean NOT NULL DEFAULT false,
      void_reason text NULL,
      voided_by text NULL,
      CHECK (NOT voided OR void_reason IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX evaluation_month_idx ON evaluation (evaluated_on, unit_code)`);
    await q.query(`CREATE INDEX evaluation_applicant_idx ON evaluation (applicant_id_number) WHERE applicant_id_number IS NOT NULL`);
    await q.query(`CREATE TABLE sms_evaluation_invitation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      application_number varchar(20) NOT NULL UNIQUE,
      phone varchar(20) NOT NULL,
      police_type varchar(20) NOT NULL,
      unit_code varchar(12) NOT NULL,
      officer_username text NULL,
      officer_name text NULL,
      applicant_id_number varchar(18) NULL,
      invited_at timestamptz NOT NULL,
      answered_at timestamptz NULL
    )`);
    await q.query(`CREATE INDEX sms_invitation_phone_idx ON sms_evaluation_invitation (phone, invited_at) WHERE answered_at IS NULL`);
    await q.query(`CREATE TABLE inbound_sms (
      message_id varchar(100) PRIMARY KEY,
      evaluation_id uuid NOT NULL REFERENCES evaluation(id),
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE callback_task (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      evaluation_id uuid NOT NULL UNIQUE REFERENCES evaluation(id),
      unit_code varchar(12) NOT NULL,
      officer_username text NULL,
      status varchar(12) NOT NULL CHECK (status IN ('OPEN','CALLED_BACK','RECTIFIED','EXPLAINED','VOIDED')),
      opened_on date NOT NULL,
      callback_due date NOT NULL,
      resolve_due date NOT NULL,
      deadline_state varchar(10) NOT NULL CHECK (deadline_state IN ('ON_TIME','DUE_SOON','OVERDUE','DONE')),
      callback_note text NULL,
      called_back_on date NULL,
      called_back_by text NULL,
      resolution_note text NULL,
      resolved_on date NULL,
      resolved_by text NULL,
      evaluator_notified boolean NOT NULL DEFAULT false
    )`);
    await q.query(`CREATE INDEX callback_task_unit_idx ON callback_task (unit_code, status, resolve_due)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE callback_task`);
    await q.query(`DROP TABLE inbound_sms`);
    await q.query(`DROP TABLE sms_evaluation_invitation`);
    await q.query(`DROP TABLE evaluation`);
    await q.query(`DROP TABLE window_visit`);
    await q.query(`DROP TABLE rating_device`);
    await q.query(`DROP TABLE rating_pairing`);
  }
}
