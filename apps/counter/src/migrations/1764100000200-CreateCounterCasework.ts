import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counter casework: catalog index, acceptance requests, one-time notices, inbox projection, SMS. */
export class CreateCounterCasework1764100000200 implements MigrationInterface {
  name = 'CreateCounterCasework1764100000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE catalog_item (
      code text PRIMARY KEY,
      police_type varchar(20) NOT NULL,
      service varchar(32) NOT NULL,
      version text NOT NULL,
      effective_from date NOT NULL,
      position integer NOT NULL,
      name text NOT NULL,
      aliases text[] NOT NULL DEFAULT '{}',
      search text NOT NULL,
      item jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX catalog_item_service_idx ON catalog_item (service, position)`);

    await q.query(`CREATE TABLE accept_request (
      idempotency_key text PRIMARY KEY,
      actor_sub text NOT NULL,
      item_code text NOT NULL,
      service varchar(32) NOT NULL,
      outcome varchar(20) NOT NULL CHECK (outcome IN ('ACCEPTED', 'MISSING_MATERIALS')),
      application_number text NULL,
      notice_number text NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((outcome = 'ACCEPTED' AND application_number IS NOT NULL) OR (outcome = 'MISSING_MATERIALS' AND notice_number IS NOT NULL))
    )`);

    await q.query(`CREATE TABLE one_time_notice_sequence (
      unit_code varchar(12) NOT NULL,
      day date NOT NULL,
      last_value integer NOT NULL,
      PRIMARY KEY (unit_code, day)
    )`);
    await q.query(`CREATE TABLE one_time_notice (
      number text PRIMARY KEY,
      police_type varchar(20) NOT NULL,
      service varchar(32) NOT NULL,
      item_code text NOT NULL,
      item_name text NOT NULL,
      applicant_id_number varchar(18) NOT NULL,
      applicant_name text NULL,
      missing_materials jsonb NOT NULL,
      presented_materials jsonb NOT NULL,
      six_notices jsonb NOT NULL,
      clerk_sub text NOT NULL,
      clerk_username text NOT NULL,
      clerk_name text NOT NULL,
      unit_code varchar(12) NOT NULL,
      unit_name text NOT NULL,
      issued_at timestamptz NOT NULL DEFAULT now(),
      status varchar(10) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED')),
      resolved_application_number text NULL,
      resolved_at timestamptz NULL
    )`);
    await q.query(`CREATE INDEX one_time_notice_unit_idx ON one_time_notice (unit_code, issued_at)`);
    await q.query(`CREATE INDEX one_time_notice_applicant_idx ON one_time_notice (applicant_id_number)`);

    await q.query(`CREATE TABLE inbox_application (
      number text PRIMARY KEY,
      police_type varchar(20) NOT NULL,
      service varchar(32) NOT NULL,
      item_code text NOT NULL,
      item_name text NOT NULL,
      applicant_id_number varchar(18) NOT NULL,
      applicant_name text NOT NULL,
      status varchar(24) NOT NULL,
      unit_code varchar(12) NOT NULL,
      deadline date NOT NULL,
      deadline_state varchar(12) NOT NULL,
      version integer NOT NULL,
      snapshot jsonb NOT NULL,
      updated_at timestamptz NOT NULL,
      projected_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX inbox_application_unit_idx ON inbox_application (unit_code, deadline)`);
    await q.query(`CREATE INDEX inbox_application_applicant_idx ON inbox_application (applicant_id_number)`);

    await q.query(`CREATE TABLE sms_message (
      id uuid PRIMARY KEY,
      phone varchar(11) NOT NULL,
      text text NOT NULL,
      template varchar(40) NOT NULL,
      application_number text NULL,
      trigger_status varchar(24) NULL,
      unit_code varchar(12) NOT NULL,
      status varchar(8) NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'SENT', 'FAILED')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text NULL,
      provider_message_id text NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz NULL,
      CONSTRAINT sms_message_application_status_uq UNIQUE (application_number, trigger_status)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sms_message`);
    await q.query(`DROP TABLE inbox_application`);
    await q.query(`DROP TABLE one_time_notice`);
    await q.query(`DROP TABLE one_time_notice_sequence`);
    await q.query(`DROP TABLE accept_request`);
    await q.query(`DROP TABLE catalog_item`);
  }
}
