import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCasework1764100000200 implements MigrationInterface {
  name = 'CreateCasework1764100000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE application_number_seq`);
    await q.query(`CREATE TABLE application (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number varchar(32) NOT NULL UNIQUE,
      idempotency_key text NOT NULL UNIQUE,
      item_code text NOT NULL,
      item_name text NOT NULL,
      police_type text NOT NULL,
      service text NOT NULL,
      applicant_id_number varchar(18) NOT NULL,
      applicant_name text NOT NULL,
      applicant_phone text NULL,
      status text NOT NULL,
      unit_code varchar(12) NOT NULL,
      unit_name text NOT NULL,
      first_inquiry_owner_sub text NOT NULL,
      first_inquiry_owner_name text NOT NULL,
      accepted_at timestamptz NOT NULL,
      deadline date NOT NULL,
      deadline_provisional boolean NOT NULL DEFAULT false,
      deadline_state text NOT NULL,
      clock_stopped_since date NULL,
      pending_extension_days int NULL,
      pending_extension_reason text NULL,
      fee_fen int NOT NULL,
      waiver_code text NULL,
      delivery_method text NULL,
      result_name text NULL,
      pickup_notice text NULL,
      rejection_reason text NULL,
      presented_materials jsonb NOT NULL,
      tolerated_materials jsonb NOT NULL,
      form jsonb NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      from_notice_number text NULL,
      version int NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX application_applicant_idx ON application (applicant_id_number)`);
    await q.query(`CREATE INDEX application_status_idx ON application (status)`);
    await q.query(`CREATE INDEX application_unit_idx ON application (unit_code)`);
    await q.query(`CREATE TABLE application_event (
      id bigserial PRIMARY KEY,
      application_id uuid NOT NULL REFERENCES application(id),
      at timestamptz NOT NULL,
      actor_sub text NOT NULL,
      actor_name text NOT NULL,
      actor_roles jsonb NOT NULL,
      action text NOT NULL,
      from_status text NULL,
      to_status text NOT NULL,
      reason text NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb
    )`);
    await q.query(`CREATE INDEX application_event_app_idx ON application_event (application_id, id)`);
    await q.query(`CREATE TABLE catalog_publication (
      id bigserial PRIMARY KEY,
      version text NOT NULL,
      content_hash text NOT NULL,
      published_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE catalog_publication`);
    await q.query(`DROP TABLE application_event`);
    await q.query(`DROP TABLE application`);
    await q.query(`DROP SEQUENCE application_number_seq`);
  }
}
