import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Transfers (跨警种移交): one row per side of a transfer, in every service that sends or receives them. */
export class CreateTransfers1764100000400 implements MigrationInterface {
  name = 'CreateTransfers1764100000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE transfer (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      transfer_id uuid NOT NULL,
      direction varchar(8) NOT NULL CHECK (direction IN ('OUTBOUND', 'INBOUND')),
      from_service varchar(32) NOT NULL,
      to_service varchar(32) NOT NULL,
      kind varchar(20) NOT NULL,
      case_ref varchar(40) NOT NULL,
      subject_id_number varchar(18) NULL,
      reason text NOT NULL,
      attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
      requested_deadline_days int NOT NULL,
      requested_deadline date NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      status varchar(12) NOT NULL CHECK (status IN ('REQUESTED', 'ACKNOWLEDGED', 'REFUSED', 'COMPLETED')),
      result text NULL,
      result_details jsonb NULL,
      refusal_reason text NULL,
      unit_code varchar(12) NOT NULL,
      requested_by jsonb NOT NULL,
      requested_at timestamptz NOT NULL,
      overdue boolean NOT NULL DEFAULT false,
      timeline jsonb NOT NULL DEFAULT '[]'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT transfer_side_uq UNIQUE (transfer_id, direction)
    )`);
    await q.query(`CREATE INDEX transfer_case_ref_idx ON transfer (case_ref)`);
    await q.query(`CREATE INDEX transfer_unit_code_idx ON transfer (unit_code)`);
    // The overdue job scans open, not yet flagged transfers by deadline.
    await q.query(`CREATE INDEX transfer_open_deadline_idx ON transfer (requested_deadline) WHERE status IN ('REQUESTED', 'ACKNOWLEDGED') AND NOT overdue`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE transfer`);
  }
}
