import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counter: projection of every cross-police-type transfer (跨警种移交) for the window and supervisors. */
export class CreateTransferView1764100000450 implements MigrationInterface {
  name = 'CreateTransferView1764100000450';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE transfer_view (
      transfer_id uuid PRIMARY KEY,
      from_service varchar(32) NOT NULL,
      to_service varchar(32) NOT NULL,
      kind varchar(20) NULL,
      case_ref varchar(40) NULL,
      subject_id_number varchar(18) NULL,
      reason text NULL,
      attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
      requested_deadline date NULL,
      status varchar(12) NOT NULL,
      result text NULL,
      refusal_reason text NULL,
      unit_code varchar(12) NULL,
      handled_unit_code varchar(12) NULL,
      requested_by_name text NULL,
      requested_at timestamptz NULL,
      overdue boolean NOT NULL DEFAULT false,
      timeline jsonb NOT NULL DEFAULT '[]'::jsonb,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX transfer_view_unit_idx ON transfer_view (unit_code)`);
    await q.query(`CREATE INDEX transfer_view_case_idx ON transfer_view (case_ref)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE transfer_view`);
  }
}
