import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exit-entry documents register: passports and HK/Macau/Taiwan permits (出入境证件), the
 * endorsements (签注) on permits, and the record of endorsements written by self-service kiosks
 * (自助签注). At most one valid document of each kind per holder.
 */
export class CreateTravelDocuments1764100000720 implements MigrationInterface {
  name = 'CreateTravelDocuments1764100000720';

  async up(q: QueryRunner): Promise<void> {
    // Issued numbers: kind letter + 8 digits. Demo documents use 9xxxxxxx, above this range.
    await q.query(`CREATE SEQUENCE travel_document_number_seq START 10000001 MAXVALUE 89999999`);
    await q.query(`CREATE TABLE travel_document (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number varchar(12) NOT NULL UNIQUE,
      kind varchar(12) NOT NULL CHECK (kind IN ('PASSPORT','HKMO_PERMIT','TW_PERMIT')),
      holder_id_number varchar(18) NOT NULL,
      issued_on date NOT NULL,
      valid_until date NOT NULL,
      status varchar(10) NOT NULL DEFAULT 'VALID' CHECK (status IN ('VALID','EXPIRED','REPLACED','LOST','CANCELLED')),
      status_changed_on date NULL,
      status_reason text NULL,
      unit_code varchar(12) NOT NULL,
      application_number varchar(40) NULL UNIQUE,
      replaces_document_id uuid NULL REFERENCES travel_document(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_until > issued_on)
    )`);
    await q.query(`CREATE INDEX travel_document_holder_idx ON travel_document (holder_id_number)`);
    await q.query(`CREATE UNIQUE INDEX travel_document_one_valid_idx ON travel_document (holder_id_number, kind) WHERE status = 'VALID'`);
    await q.query(`CREATE TABLE endorsement (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL REFERENCES travel_document(id),
      holder_id_number varchar(18) NOT NULL,
      type varchar(16) NOT NULL CHECK (type IN ('GROUP_TOUR','INDIVIDUAL_TOUR','FAMILY_VISIT','BUSINESS','OTHER')),
      entries varchar(8) NOT NULL CHECK (entries IN ('SINGLE','DOUBLE','MULTIPLE')),
      destination text NULL,
      issued_on date NOT NULL,
      valid_until date NOT NULL,
      channel varchar(12) NOT NULL CHECK (channel IN ('COUNTER','SELF_SERVICE')),
      unit_code varchar(12) NOT NULL,
      application_number varchar(40) NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_until >= issued_on)
    )`);
    await q.query(`CREATE INDEX endorsement_document_idx ON endorsement (document_id)`);
    await q.query(`CREATE INDEX endorsement_holder_idx ON endorsement (holder_id_number)`);
    await q.query(`CREATE TABLE self_service_endorsement (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      endorsement_id uuid NOT NULL UNIQUE REFERENCES endorsement(id),
      machine_id text NULL,
      holder_id_number varchar(18) NOT NULL,
      unit_code varchar(12) NOT NULL,
      application_number varchar(40) NULL UNIQUE,
      performed_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX self_service_endorsement_holder_idx ON self_service_endorsement (holder_id_number)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE self_service_endorsement`);
    await q.query(`DROP TABLE endorsement`);
    await q.query(`DROP TABLE travel_document`);
    await q.query(`DROP SEQUENCE travel_document_number_seq`);
  }
}
