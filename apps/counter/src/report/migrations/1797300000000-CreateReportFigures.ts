import type { MigrationInterface, QueryRunner } from 'typeorm';
import { aggregateTableDdl, AGGREGATE_TABLE } from '../report-columns.js';

/**
 * Counter: the monthly figures (月报, decision 0016) — the wide aggregate table the report reads,
 * and the per-fact state that makes every event move the figures exactly once.
 */
export class CreateReportFigures1797300000000 implements MigrationInterface {
  name = 'CreateReportFigures1797300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(aggregateTableDdl(AGGREGATE_TABLE));
    // Drill-down by unit prefix (unit_code LIKE '510107%') within a month range.
    await q.query(`CREATE INDEX report_figures_unit_idx ON ${AGGREGATE_TABLE} (unit_code varchar_pattern_ops, month)`);
    // The month-end backlog sums every earlier month's change: only rows that change it.
    await q.query(`CREATE INDEX report_figures_backlog_idx ON ${AGGREGATE_TABLE} (unit_code varchar_pattern_ops, month) WHERE overdue_backlog_delta <> 0`);
    // One row per fact (an application, a transfer, an evaluation, a complaint, a notice, an SMS):
    // what was folded so far (`state`, no personal data) and the cells it contributes (`contribution`).
    await q.query(`CREATE TABLE report_fact (
      kind varchar(16) NOT NULL,
      fact_key varchar(80) NOT NULL,
      version integer NOT NULL DEFAULT 0,
      state jsonb NOT NULL,
      contribution jsonb NOT NULL DEFAULT '[]'::jsonb,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (kind, fact_key)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE report_fact`);
    await q.query(`DROP TABLE ${AGGREGATE_TABLE}`);
  }
}
