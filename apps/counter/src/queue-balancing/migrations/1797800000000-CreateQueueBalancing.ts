import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 忙闲调配: per-station thresholds and the balancing proposals with their decisions. */
export class CreateQueueBalancing1797800000000 implements MigrationInterface {
  name = 'CreateQueueBalancing1797800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE queue_balancing_setting (
      unit_code varchar(12) PRIMARY KEY,
      min_waiting int NOT NULL CHECK (min_waiting BETWEEN 1 AND 500),
      max_wait_minutes int NOT NULL CHECK (max_wait_minutes BETWEEN 1 AND 480),
      short_queue int NOT NULL CHECK (short_queue BETWEEN 0 AND 50),
      target_per_window int NOT NULL CHECK (target_per_window BETWEEN 1 AND 100),
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE queue_rebalance_proposal (
      id uuid PRIMARY KEY,
      unit_code varchar(12) NOT NULL,
      group_code varchar(20) NOT NULL,
      status varchar(10) NOT NULL CHECK (status IN ('OPEN', 'ACCEPTED', 'DECLINED', 'EXPIRED')),
      waiting int NOT NULL,
      oldest_wait_minutes int NOT NULL,
      serving_windows int NOT NULL,
      windows jsonb NOT NULL,
      reason text NOT NULL,
      trigger varchar(10) NOT NULL,
      proposed_at timestamptz NOT NULL,
      decided_at timestamptz NULL,
      decided_by_sub text NULL,
      decided_by_name text NULL,
      decision_reason text NULL,
      applied_window_ids uuid[] NOT NULL DEFAULT '{}',
      situation_ended_at timestamptz NULL,
      version int NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX queue_rebalance_proposal_unit_idx ON queue_rebalance_proposal (unit_code, proposed_at)`);
    // Once per situation: one proposal per station and group while its situation lasts.
    await q.query(`CREATE UNIQUE INDEX queue_rebalance_proposal_situation_key ON queue_rebalance_proposal (unit_code, group_code) WHERE situation_ended_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE queue_rebalance_proposal`);
    await q.query(`DROP TABLE queue_balancing_setting`);
  }
}
