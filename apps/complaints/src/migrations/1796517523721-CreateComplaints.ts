import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The complaint register (信访投诉), its timeline and the serial its numbers are issued from. */
export class CreateComplaints1796517523721 implements MigrationInterface {
  name = 'CreateComplaints1796517523721';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE complaint_number_seq`);
    await q.query(`CREATE TABLE complaint (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number varchar(24) NOT NULL UNIQUE,
      channel varchar(20) NOT NULL CHECK (channel IN ('WINDOW','ONLINE','HOTLINE_96166','HOTLINE_960111','HOTLINE_12345','LETTER','VISIT')),
      complainant_name text NOT NULL,
      complainant_id_number varchar(18) NULL,
      complainant_phone varchar(20) NOT NULL,
      content text NOT NULL,
      police_type varchar(20) NOT NULL,
      unit_code varchar(12) NOT NULL,
      officer_username text NULL,
      officer_name text NULL,
      kind varchar(20) NOT NULL CHECK (kind IN ('ATTITUDE','DELAY','UNFAMILIAR','MISCONDUCT','CONSULTATION','SUGGESTION','PRAISE')),
      application_number varchar(20) NULL,
      status varchar(20) NOT NULL CHECK (status IN ('RECEIVED','ACCEPTED','NOT_ACCEPTED','ANSWERED','REOPENED','CLOSED')),
      repeat_of varchar(24) NULL REFERENCES complaint(number),
      received_on date NOT NULL,
      received_unit_code varchar(12) NOT NULL,
      received_by text NOT NULL,
      acceptance_deadline date NOT NULL,
      accepted_on date NULL,
      answer_deadline date NULL,
      deadline date NULL,
      deadline_state varchar(10) NOT NULL CHECK (deadline_state IN ('ON_TIME','DUE_SOON','OVERDUE','DONE')),
      not_accepted_reason text NULL,
      extension_reason text NULL,
      extension_pending boolean NOT NULL DEFAULT false,
      extended boolean NOT NULL DEFAULT false,
      answer_text text NULL,
      answer_channel varchar(10) NULL,
      answered_on date NULL,
      closed_on date NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'NOT_ACCEPTED' OR not_accepted_reason IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX complaint_unit_deadline_idx ON complaint (unit_code, deadline)`);
    await q.query(`CREATE INDEX complaint_phone_idx ON complaint (complainant_phone, received_on)`);
    await q.query(`CREATE INDEX complaint_id_number_idx ON complaint (complainant_id_number, received_on) WHERE complainant_id_number IS NOT NULL`);
    await q.query(`CREATE TABLE complaint_event (
      id bigserial PRIMARY KEY,
      complaint_id uuid NOT NULL REFERENCES complaint(id) ON DELETE CASCADE,
      action varchar(20) NOT NULL,
      from_status varchar(20) NULL,
      to_status varchar(20) NOT NULL,
      actor_sub text NOT NULL,
      actor_name text NOT NULL,
      note text NULL,
      details jsonb NOT NULL DEFAULT '{}',
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX complaint_event_complaint_idx ON complaint_event (complaint_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaint_event`);
    await q.query(`DROP TABLE complaint`);
    await q.query(`DROP SEQUENCE complaint_number_seq`);
  }
}
