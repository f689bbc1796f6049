import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 首问责任: first-inquiry records. */
export class CreateFirstInquiry1798100000001 implements MigrationInterface {
  name = 'CreateFirstInquiry1798100000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE first_inquiry (
      number varchar(20) PRIMARY KEY,
      unit_code varchar(12) NOT NULL,
      officer_account varchar(64) NOT NULL,
      officer_name text NOT NULL,
      person_name text NOT NULL,
      contact varchar(20) NOT NULL,
      inquired_at timestamptz NOT NULL,
      matter text NOT NULL,
      answer text NULL,
      directed_unit text NULL,
      directed_contact text NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (answer IS NOT NULL OR (directed_unit IS NOT NULL AND directed_contact IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX first_inquiry_unit_idx ON first_inquiry (unit_code, inquired_at)`);
    await q.query(`CREATE INDEX first_inquiry_officer_idx ON first_inquiry (officer_account, inquired_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE first_inquiry`);
  }
}
