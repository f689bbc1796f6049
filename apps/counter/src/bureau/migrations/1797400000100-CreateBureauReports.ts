import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counter: closed month versions of a district (report_close) and, in bureau mode, every version received from the districts (bureau_report). */
export class CreateBureauReports1797400000100 implements MigrationInterface {
  name = 'CreateBureauReports1797400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE report_close (
      id uuid PRIMARY KEY,
      district_code varchar(6) NOT NULL,
      month varchar(7) NOT NULL,
      version int NOT NULL CHECK (version >= 1),
      report jsonb NOT NULL,
      content_hash varchar(64) NOT NULL,
      row_count int NOT NULL,
      closed_at timestamptz NOT NULL,
      closed_by text NOT NULL,
      push_status varchar(12) NOT NULL CHECK (push_status IN ('PENDING', 'DELIVERED', 'REFUSED')),
      push_attempts int NOT NULL DEFAULT 0,
      last_push_at timestamptz NULL,
      push_error text NULL,
      bureau_received_at timestamptz NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX report_close_version_uq ON report_close (district_code, month, version)`);
    await q.query(`CREATE TABLE bureau_report (
      id uuid PRIMARY KEY,
      district_code varchar(6) NOT NULL,
      month varchar(7) NOT NULL,
      version int NOT NULL CHECK (version >= 1),
      report jsonb NOT NULL,
      content_hash varchar(64) NOT NULL,
      row_count int NOT NULL,
      closed_at timestamptz NOT NULL,
      closed_by text NOT NULL,
      key_id text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX bureau_report_version_uq ON bureau_report (district_code, month, version)`);
    await q.query(`CREATE INDEX bureau_report_month_idx ON bureau_report (month)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bureau_report`);
    await q.query(`DROP TABLE report_close`);
  }
}
