import type { AppMode, Logger } from '@onewindow/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { DEMO_DOCUMENTS, DEMO_ENDORSEMENTS } from './demo-documents.js';

/** Serialises concurrent boots of several replicas on one database (arbitrary constant). */
const SEED_LOCK_KEY = 4102_0001;

/**
 * Inserts the fixed demo documents and endorsements; idempotent: rows that exist (by document
 * number, endorsement id) are left alone, so a document a demo user replaced or a death follow-up
 * cancelled stays as it is. Returns how many documents were new.
 */
export async function seedDemoDocuments(manager: EntityManager): Promise<number> {
  const inserted = (await manager.query(
    `INSERT INTO travel_document (number, kind, holder_id_number, issued_on, valid_until, status, status_changed_on, status_reason, unit_code)
     SELECT * FROM UNNEST($1::varchar[], $2::varchar[], $3::varchar[], $4::date[], $5::date[], $6::varchar[], $7::date[], $8::text[], $9::varchar[])
     ON CONFLICT (number) DO NOTHING
     RETURNING number`,
    [
      DEMO_DOCUMENTS.map((d) => d.number),
      DEMO_DOCUMENTS.map((d) => d.kind),
      DEMO_DOCUMENTS.map((d) => d.holderIdNumber),
      DEMO_DOCUMENTS.map((d) => d.issuedOn),
      DEMO_DOCUMENTS.map((d) => d.validUntil),
      DEMO_DOCUMENTS.map((d) => d.status),
      DEMO_DOCUMENTS.map((d) => d.statusChangedOn),
      DEMO_DOCUMENTS.map((d) => d.statusReason),
      DEMO_DOCUMENTS.map((d) => d.unitCode),
    ],
  )) as { number: string }[];
  await manager.query(
    `INSERT INTO endorsement (id, document_id, holder_id_number, type, entries, destination, issued_on, valid_until, channel, unit_code)
     SELECT e.id, d.id, d.holder_id_number, e.type, e.entries, e.destination, e.issued_on, e.valid_until, e.channel, d.unit_code
     FROM UNNEST($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::text[], $6::date[], $7::date[], $8::varchar[])
       AS e(id, document_number, type, entries, destination, issued_on, valid_until, channel)
     JOIN travel_document d ON d.number = e.document_number
     ON CONFLICT (id) DO NOTHING`,
    [
      DEMO_ENDORSEMENTS.map((e) => e.id),
      DEMO_ENDORSEMENTS.map((e) => e.documentNumber),
      DEMO_ENDORSEMENTS.map((e) => e.type),
      DEMO_ENDORSEMENTS.map((e) => e.entries),
      DEMO_ENDORSEMENTS.map((e) => e.destination),
      DEMO_ENDORSEMENTS.map((e) => e.issuedOn),
      DEMO_ENDORSEMENTS.map((e) => e.validUntil),
      DEMO_ENDORSEMENTS.map((e) => e.channel),
    ],
  );
  return inserted.length;
}

/** Boot-time demo data: the fixed documents in demo and test mode; nothing in production. */
export async function seedDemoData(dataSource: DataSource, mode: AppMode, logger: Logger): Promise<number> {
  if (mode === 'production') return 0;
  const documents = await dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    return seedDemoDocuments(manager);
  });
  if (documents) logger.info({ documents }, 'demo travel documents seeded');
  return documents;
}
