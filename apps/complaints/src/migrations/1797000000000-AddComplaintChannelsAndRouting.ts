import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Intake channels and routing (issue 9): the channel's own reference (hotline call, letter,
 * 12345 work order — unique for 12345 so a re-sent work order is not taken twice), the handling
 * unit chosen by the routing rules and the rule that chose it; SMS verification codes and rate
 * limit hits of the public online form; the routing rules, versioned (old versions are kept).
 */
export class AddComplaintChannelsAndRouting1797000000000 implements MigrationInterface {
  name = 'AddComplaintChannelsAndRouting1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE complaint ADD COLUMN channel_reference varchar(40) NULL`);
    await q.query(`ALTER TABLE complaint ADD COLUMN handling_unit_code varchar(12) NULL`);
    await q.query(`ALTER TABLE complaint ADD COLUMN routing_version integer NULL`);
    await q.query(`ALTER TABLE complaint ADD COLUMN routing_rule text NULL`);
    await q.query(`UPDATE complaint SET handling_unit_code = unit_code`);
    await q.query(`ALTER TABLE complaint ALTER COLUMN handling_unit_code SET NOT NULL`);
    await q.query(`CREATE INDEX complaint_handling_unit_idx ON complaint (handling_unit_code, deadline)`);
    await q.query(`CREATE UNIQUE INDEX complaint_12345_work_order_uq ON complaint (channel_reference) WHERE channel = 'HOTLINE_12345'`);

    await q.query(`CREATE TABLE complaint_verification_code (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      phone varchar(11) NOT NULL,
      code_hash varchar(64) NOT NULL,
      expires_at timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      used_at timestamptz NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX complaint_verification_code_phone_idx ON complaint_verification_code (phone, created_at)`);
    await q.query(`CREATE TABLE complaint_rate_limit_hit (
      id bigserial PRIMARY KEY,
      bucket varchar(80) NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX complaint_rate_limit_hit_bucket_idx ON complaint_rate_limit_hit (bucket, at)`);

    await q.query(`CREATE TABLE complaint_routing_version (
      version integer PRIMARY KEY,
      note text NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE complaint_routing_rule (
      version integer NOT NULL REFERENCES complaint_routing_version(version),
      position integer NOT NULL,
      label text NOT NULL,
      kind varchar(20) NULL,
      police_type varchar(20) NULL,
      unit_prefix varchar(12) NULL,
      target varchar(12) NOT NULL CHECK (target IN ('RESPONSIBLE','DISTRICT','CITY','UNIT')),
      target_unit_code varchar(12) NULL,
      PRIMARY KEY (version, position),
      CHECK ((target = 'UNIT') = (target_unit_code IS NOT NULL))
    )`);
    // Version 1: the defaults of docs/decisions/0013-complaint-channels-and-routing.md.
    await q.query(`INSERT INTO complaint_routing_version (version, note, created_by) VALUES (1, '初始分派规则', 'system')`);
    await q.query(`INSERT INTO complaint_routing_rule (version, position, label, kind, police_type, unit_prefix, target, target_unit_code) VALUES
      (1, 1, '违纪投诉由市局督察支队承办', 'MISCONDUCT', NULL, NULL, 'CITY', NULL),
      (1, 2, '户政拖延投诉由分局信访室承办', 'DELAY', 'HOUSEHOLD', NULL, 'DISTRICT', NULL),
      (1, 3, '户政业务不熟投诉由分局信访室承办', 'UNFAMILIAR', 'HOUSEHOLD', NULL, 'DISTRICT', NULL),
      (1, 4, '其他投诉由被投诉单位承办', NULL, NULL, NULL, 'RESPONSIBLE', NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaint_routing_rule`);
    await q.query(`DROP TABLE complaint_routing_version`);
    await q.query(`DROP TABLE complaint_rate_limit_hit`);
    await q.query(`DROP TABLE complaint_verification_code`);
    await q.query(`DROP INDEX complaint_12345_work_order_uq`);
    await q.query(`DROP INDEX complaint_handling_unit_idx`);
    await q.query(`ALTER TABLE complaint DROP COLUMN routing_rule, DROP COLUMN routing_version, DROP COLUMN handling_unit_code, DROP COLUMN channel_reference`);
  }
}
