import type { AppMode, Logger } from '@onewindow/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { DEMO_HOUSEHOLDS, DEMO_ID_CARDS, DEMO_PERSONS } from '@onewindow/population';
import { loadPopulation } from './population-loader.js';

/** Serialises concurrent boots of several replicas on one database (arbitrary constant). */
const SEED_LOCK_KEY = 4101_0001;

export interface DemoSeedOptions {
  mode: AppMode;
  /** Synthetic persons to load when the register is empty (demo mode only); 0 skips. */
  population: number;
  seed: number;
  unitCodes: string[];
}

export interface DemoSeedResult {
  fixedPersons: number;
  syntheticPersons: number;
  syntheticHouseholds: number;
}

/**
 * Inserts the fixed demo persons (demo/test), their households and ID cards; idempotent: rows that
 * exist are left alone. Returns how many persons were new.
 */
export async function seedFixedDemoPersons(manager: EntityManager): Promise<number> {
  for (const h of DEMO_HOUSEHOLDS) {
    await manager.query(
      `INSERT INTO household (household_number, address, head_id_number, unit_code) VALUES ($1, $2, $3, $4)
       ON CONFLICT (household_number) DO NOTHING`,
      [h.householdNumber, h.address, h.headIdNumber, h.unitCode],
    );
  }
  const inserted = (await manager.query(
    `INSERT INTO person (id_number, name, sex, ethnicity, birth_date, address, phone, household_id, relation_to_head, status, deceased_on, unit_code)
     SELECT p.id_number, p.name, p.sex, p.ethnicity, p.birth_date, h.address, p.phone, h.id, p.relation_to_head, p.status, p.deceased_on, p.unit_code
     FROM UNNEST($1::varchar[], $2::text[], $3::varchar[], $4::text[], $5::date[], $6::text[], $7::varchar[], $8::text[], $9::varchar[], $10::date[], $11::varchar[])
       AS p(id_number, name, sex, ethnicity, birth_date, phone, household_number, relation_to_head, status, deceased_on, unit_code)
     JOIN household h ON h.household_number = p.household_number
     ON CONFLICT (id_number) DO NOTHING
     RETURNING id_number`,
    [
      DEMO_PERSONS.map((p) => p.idNumber),
      DEMO_PERSONS.map((p) => p.name),
      DEMO_PERSONS.map((p) => p.sex),
      DEMO_PERSONS.map((p) => p.ethnicity),
      DEMO_PERSONS.map((p) => p.birthDate),
      DEMO_PERSONS.map((p) => p.phone),
      DEMO_PERSONS.map((p) => p.householdNumber),
      DEMO_PERSONS.map((p) => p.relationToHead),
      DEMO_PERSONS.map((p) => p.status),
      DEMO_PERSONS.map((p) => p.deceasedOn),
      DEMO_PERSONS.map((p) => p.unitCode),
    ],
  )) as { id_number: string }[];
  const newIds = new Set(inserted.map((r) => r.id_number));
  // Cards only for persons created now, so a card a demo user replaced is not re-added on reboot.
  const cards = DEMO_ID_CARDS.filter((c) => newIds.has(c.idNumber));
  if (cards.length) {
    await manager.query(
      `INSERT INTO id_card (id_number, kind, issued_on, valid_until, status)
       SELECT id_number, 'RESIDENT', issued_on, valid_until, 'VALID' FROM UNNEST($1::varchar[], $2::date[], $3::date[]) AS c(id_number, issued_on, valid_until)`,
      [cards.map((c) => c.idNumber), cards.map((c) => c.issuedOn), cards.map((c) => c.validUntil)],
    );
  }
  return newIds.size;
}

/**
 * Boot-time demo data. demo: fixed persons, plus a synthetic population when the register was
 * empty; test: fixed persons only; production: nothing.
 */
export async function seedDemoData(dataSource: DataSource, opts: DemoSeedOptions, logger: Logger): Promise<DemoSeedResult> {
  const result: DemoSeedResult = { fixedPersons: 0, syntheticPersons: 0, syntheticHouseholds: 0 };
  if (opts.mode === 'production') return result;
  const started = Date.now();
  await dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
    const [row] = (await manager.query('SELECT EXISTS (SELECT 1 FROM person) AS populated')) as { populated: boolean }[];
    result.fixedPersons = await seedFixedDemoPersons(manager);
    if (opts.mode === 'demo' && !row?.populated && opts.population > 0) {
      const loaded = await loadPopulation(manager, { persons: opts.population, seed: opts.seed, unitCodes: opts.unitCodes });
      result.syntheticPersons = loaded.persons;
      result.syntheticHouseholds = loaded.households;
    }
  });
  if (result.fixedPersons || result.syntheticPersons) {
    logger.info({ ...result, ms: Date.now() - started }, 'demo population seeded');
  }
  return result;
}
