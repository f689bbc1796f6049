import { plusDays, WorkingCalendar } from '@onewindow/calendar';
import type { AppMode, Logger } from '@onewindow/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { retentionUntil } from '../lost-found/retention.js';
import { DEMO_PERMITS, DEMO_SANITATION_BATCH, DEMO_UNIT } from './demo-data.js';

/** Serialises concurrent boots of several replicas on one database (arbitrary constant). */
const SEED_LOCK_KEY = 4104_0001;
const SEEDER = { sub: 'system:demo-seed', name: '系统（演示数据）' };

export interface DemoSeedResult {
  permits: number;
  foundItems: number;
}

/** The fixed demo permits; returns how many were new. */
export async function seedDemoPermits(manager: EntityManager): Promise<number> {
  let added = 0;
  for (const p of DEMO_PERMITS) {
    const rows = (await manager.query(
      `INSERT INTO permit (number, kind, holder_kind, holder_id_number, holder_credit_code, holder_name, legal_rep_id_number, address, issued_on, valid_until, status, unit_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'VALID', $11)
       ON CONFLICT (number) DO NOTHING RETURNING id`,
      [p.number, p.kind, p.holderKind, p.holderIdNumber, p.holderCreditCode, p.holderName, p.legalRepIdNumber, p.address, p.issuedOn, p.validUntil, DEMO_UNIT.code],
    )) as { id: string }[];
    if (!rows.length) continue;
    added++;
    await manager.query(
      `INSERT INTO permit_event (permit_id, at, actor_sub, actor_name, action, from_status, to_status, reason) VALUES ($1, now(), $2, $3, 'IMPORT', NULL, 'VALID', '系统建成前核发，导入登记簿')`,
      [rows[0]!.id, SEEDER.sub, SEEDER.name],
    );
  }
  return added;
}

/** Demo mode: a sanitation batch found over the last days, announced today. Returns the items added. */
export async function seedDemoSanitationBatch(manager: EntityManager, today: string, calendar: WorkingCalendar): Promise<number> {
  const b = DEMO_SANITATION_BATCH;
  const [batch] = (await manager.query(
    `INSERT INTO found_item_batch (reference, handed_in_by, handed_in_by_name, storage_place, item_count, unit_code, registered_by_sub, registered_by_name)
     VALUES ($1, 'SANITATION', $2, $3, $4, $5, $6, $7) ON CONFLICT (reference) DO NOTHING RETURNING id`,
    [b.reference, b.handedInByName, b.storagePlace, b.items.length, DEMO_UNIT.code, SEEDER.sub, SEEDER.name],
  )) as { id: string }[];
  if (!batch) return 0;
  const retention = retentionUntil(today, calendar);
  for (const [index, item] of b.items.entries()) {
    const [row] = (await manager.query(
      `INSERT INTO found_item (number, batch_id, batch_reference, category, description, found_on, found_place, handed_in_by, storage_place, storage_slot,
         status, notice_published_on, retention_until, retention_provisional, unit_code, registered_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'SANITATION', $8, $9, 'IN_STORAGE', $10, $11, $12, $13, $14) RETURNING id`,
      [
        `SW${today.replace(/-/g, '')}90000${index + 1}`, batch.id, b.reference, item.category, item.description, plusDays(today, -item.daysAgo), item.foundPlace,
        b.storagePlace, item.slot, today, retention.retentionUntil, retention.provisional, DEMO_UNIT.code, SEEDER.name,
      ],
    )) as { id: string }[];
    await manager.query(
      `INSERT INTO lost_found_event (found_item_id, at, actor_sub, actor_name, actor_roles, action, from_status, to_status, details)
       VALUES ($1, now(), $2, $3, '["SYSTEM"]'::jsonb, 'REGISTER', NULL, 'IN_STORAGE', $4::jsonb)`,
      [row!.id, SEEDER.sub, SEEDER.name, JSON.stringify({ batchReference: b.reference, handedInBy: 'SANITATION' })],
    );
  }
  return b.items.length;
}

/** Boot-time demo data: demo and test get the permits; demo also the sanitation batch; production nothing. */
export async function seedDemoData(dataSource: DataSource, opts: { mode: AppMode; today: string; calendar: WorkingCalendar }, logger: Logger): Promise<DemoSeedResult> {
  const result: DemoSeedResult = { permits: 0, foundItems: 0 };
  if (opts.mode === 'production') return result;
  await dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    result.permits = await seedDemoPermits(manager);
    if (opts.mode === 'demo') result.foundItems = await seedDemoSanitationBatch(manager, opts.today, opts.calendar);
  });
  if (result.permits || result.foundItems) logger.info(result, 'demo data seeded');
  return result;
}
