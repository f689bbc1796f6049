import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lost-and-found platform (失物招领平台): hand-ins (single items or sanitation department
 * batches), found items with their retention period, citizens' lost reports, claims, and an
 * append-only history of every state change. Needs the history trigger function of 1764100000800.
 */
export class CreateLostAndFound1764100000810 implements MigrationInterface {
  name = 'CreateLostAndFound1764100000810';

  async up(q: QueryRunner): Promise<void> {
    const categories = `('ID_DOCUMENT','WALLET','PHONE','KEYS','BAG','ELECTRONICS','CLOTHING','OTHER')`;
    await q.query(`CREATE SEQUENCE found_item_number_seq`);
    await q.query(`CREATE SEQUENCE found_item_batch_seq`);
    await q.query(`CREATE TABLE found_item_batch (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      reference varchar(64) NOT NULL UNIQUE,
      handed_in_by varchar(12) NOT NULL CHECK (handed_in_by IN ('CITIZEN','SANITATION','OTHER')),
      handed_in_by_name text NULL,
      storage_place text NOT NULL,
      item_count int NOT NULL CHECK (item_count > 0),
      unit_code varchar(12) NOT NULL,
      registered_by_sub text NOT NULL,
      registered_by_name text NOT NULL,
      registered_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE lost_report (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      category varchar(16) NOT NULL CHECK (category IN ${categories}),
      description text NOT NULL,
      lost_on date NULL,
      lost_place text NULL,
      reporter_name text NULL,
      reporter_id_number varchar(18) NULL,
      phone varchar(11) NOT NULL CHECK (phone ~ '^1[3-9][0-9]{9}$'),
      status varchar(8) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','MATCHED','CLOSED')),
      matched_found_item_id uuid NULL,
      unit_code varchar(12) NOT NULL,
      filed_by_sub text NOT NULL,
      filed_by_name text NOT NULL,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX lost_report_reporter_idx ON lost_report (reporter_id_number) WHERE reporter_id_number IS NOT NULL`);
    await q.query(`CREATE INDEX lost_report_open_idx ON lost_report (unit_code varchar_pattern_ops, category) WHERE status = 'OPEN'`);
    await q.query(`CREATE TABLE found_item (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number varchar(20) NOT NULL UNIQUE,
      batch_id uuid NOT NULL REFERENCES found_item_batch(id),
      batch_reference varchar(64) NOT NULL,
      category varchar(16) NOT NULL CHECK (category IN ${categories}),
      description text NOT NULL,
      found_on date NOT NULL,
      found_place text NOT NULL,
      handed_in_by varchar(12) NOT NULL CHECK (handed_in_by IN ('CITIZEN','SANITATION','OTHER')),
      storage_place text NOT NULL,
      storage_slot text NULL,
      status varchar(12) NOT NULL DEFAULT 'IN_STORAGE' CHECK (status IN ('IN_STORAGE','MATCHED','CLAIMED','DISPOSED')),
      notice_published_on date NOT NULL,
      retention_until date NOT NULL,
      retention_provisional boolean NOT NULL DEFAULT false,
      unit_code varchar(12) NOT NULL,
      matched_report_id uuid NULL REFERENCES lost_report(id),
      disposal_method varchar(24) NULL CHECK (disposal_method IN ('STATE_TREASURY','HANDLED_BY_LAW','RETURNED_TO_ISSUER')),
      disposed_on date NULL,
      registered_by_name text NOT NULL,
      version int NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (found_on <= notice_published_on),
      CHECK (retention_until > notice_published_on),
      CHECK (status <> 'MATCHED' OR matched_report_id IS NOT NULL),
      CHECK ((status = 'DISPOSED') = (disposal_method IS NOT NULL AND disposed_on IS NOT NULL))
    )`);
    await q.query(`COMMENT ON COLUMN found_item.retention_until IS '民法典第三百一十八条: last day to claim, one year after the public notice (next working day if a rest day)'`);
    await q.query(`ALTER TABLE lost_report ADD CONSTRAINT lost_report_found_item_fk FOREIGN KEY (matched_found_item_id) REFERENCES found_item(id)`);
    await q.query(`CREATE INDEX found_item_board_idx ON found_item (unit_code varchar_pattern_ops, found_on) WHERE status IN ('IN_STORAGE','MATCHED')`);
    await q.query(`CREATE INDEX found_item_retention_idx ON found_item (retention_until) WHERE status IN ('IN_STORAGE','MATCHED')`);
    await q.query(`CREATE INDEX found_item_batch_idx ON found_item (batch_id)`);
    await q.query(`CREATE TABLE found_item_claim (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      found_item_id uuid NOT NULL REFERENCES found_item(id),
      lost_report_id uuid NULL REFERENCES lost_report(id),
      claimant_id_number varchar(18) NOT NULL,
      claimant_name text NULL,
      claimant_phone varchar(11) NOT NULL,
      description_given text NOT NULL,
      identity_verified boolean NOT NULL,
      verification_method varchar(16) NOT NULL CHECK (verification_method IN ('ID_CARD','FACE','OTHER_DOCUMENT')),
      status varchar(10) NOT NULL CHECK (status IN ('RETURNED','REFUSED')),
      refusal_code text NULL,
      refusal_reason text NULL,
      verified_by_sub text NOT NULL,
      verified_by_name text NOT NULL,
      unit_code varchar(12) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'REFUSED') = (refusal_code IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX found_item_claim_item_idx ON found_item_claim (found_item_id)`);
    await q.query(`CREATE INDEX found_item_claim_claimant_idx ON found_item_claim (claimant_id_number)`);
    // An item is returned once.
    await q.query(`CREATE UNIQUE INDEX found_item_claim_one_return_idx ON found_item_claim (found_item_id) WHERE status = 'RETURNED'`);
    await q.query(`CREATE TABLE lost_found_event (
      id bigserial PRIMARY KEY,
      found_item_id uuid NULL REFERENCES found_item(id),
      lost_report_id uuid NULL REFERENCES lost_report(id),
      claim_id uuid NULL REFERENCES found_item_claim(id),
      at timestamptz NOT NULL,
      actor_sub text NOT NULL,
      actor_name text NOT NULL,
      actor_roles jsonb NOT NULL,
      action text NOT NULL,
      from_status text NULL,
      to_status text NULL,
      note text NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      CHECK (found_item_id IS NOT NULL OR lost_report_id IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX lost_found_event_item_idx ON lost_found_event (found_item_id, id)`);
    await q.query(`CREATE INDEX lost_found_event_report_idx ON lost_found_event (lost_report_id, id)`);
    await q.query(`CREATE TRIGGER lost_found_event_no_change BEFORE UPDATE OR DELETE ON lost_found_event
      FOR EACH ROW EXECUTE FUNCTION public_security_history_immutable()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lost_found_event`);
    await q.query(`DROP TABLE found_item_claim`);
    await q.query(`ALTER TABLE lost_report DROP CONSTRAINT lost_report_found_item_fk`);
    await q.query(`DROP TABLE found_item`);
    await q.query(`DROP TABLE lost_report`);
    await q.query(`DROP TABLE found_item_batch`);
    await q.query(`DROP SEQUENCE found_item_batch_seq`);
    await q.query(`DROP SEQUENCE found_item_number_seq`);
  }
}
