import { randomUUID } from 'node:crypto';
import { generatePopulation, type HouseholdRecord } from '@onewindow/population';
import type { EntityManager } from 'typeorm';

export interface PopulationLoadOptions {
  persons: number;
  seed: number;
  /** Police-station codes the households are spread over. */
  unitCodes: string[];
  /** Reference date for ages (default: the generator's, 2025-01-01). */
  asOf?: string;
  /** Persons per INSERT statement. */
  chunkSize?: number;
  onProgress?: (persons: number) => void;
}

export interface PopulationLoadResult {
  persons: number;
  households: number;
}

export const DEFAULT_CHUNK_SIZE = 5_000;

/**
 * Households and their members in one statement: the household rows are inserted in a
 * data-modifying CTE, the persons in the main INSERT (the foreign key is checked at the end of the
 * statement). Columns travel as arrays and are expanded with UNNEST, so one statement carries a
 * whole chunk with a fixed number of parameters. A person whose ID number is already on the
 * register (e.g. a fixed demo person) is skipped.
 */
const INSERT_CHUNK = `
WITH h AS (
  INSERT INTO household (id, household_number, address, head_id_number, unit_code)
  SELECT * FROM UNNEST($1::uuid[], $2::varchar[], $3::text[], $4::varchar[], $5::varchar[])
)
INSERT INTO person (id_number, name, sex, ethnicity, birth_date, address, phone, household_id, relation_to_head, unit_code)
SELECT * FROM UNNEST($6::varchar[], $7::text[], $8::varchar[], $9::text[], $10::date[], $11::text[], $12::text[], $13::uuid[], $14::text[], $15::varchar[])
ON CONFLICT (id_number) DO NOTHING`;

class Chunk {
  readonly h: string[][] = [[], [], [], [], []];
  readonly p: string[][] = [[], [], [], [], [], [], [], [], [], []];
  persons = 0;
  households = 0;

  add(hh: HouseholdRecord): void {
    const id = randomUUID();
    const [hId, hNumber, hAddress, hHead, hUnit] = this.h as [string[], string[], string[], string[], string[]];
    hId.push(id);
    hNumber.push(hh.householdNumber);
    hAddress.push(hh.address);
    hHead.push(hh.headIdNumber);
    hUnit.push(hh.unitCode);
    const [idNumber, name, sex, ethnicity, birthDate, address, phone, householdId, relation, unit] = this.p as [
      string[], string[], string[], string[], string[], string[], string[], string[], string[], string[],
    ];
    for (const m of hh.members) {
      idNumber.push(m.idNumber);
      name.push(m.name);
      sex.push(m.sex);
      ethnicity.push(m.ethnicity);
      birthDate.push(m.birthDate);
      address.push(m.address);
      phone.push(m.phone);
      householdId.push(id);
      relation.push(m.relationToHead);
      unit.push(hh.unitCode);
    }
    this.persons += hh.members.length;
    this.households++;
  }

  insert(manager: EntityManager): Promise<unknown> {
    return manager.query(INSERT_CHUNK, [...this.h, ...this.p]);
  }
}

/** Lets the driver send a query that was just issued before the next chunk is generated. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Loads a synthetic population (@onewindow/population) in chunks. While the database inserts one
 * chunk the next one is generated, so generation and insertion overlap. Use it inside a
 * transaction (`dataSource.transaction(m => loadPopulation(m, …))`) so a failed load leaves nothing.
 */
export async function loadPopulation(manager: EntityManager, opts: PopulationLoadOptions): Promise<PopulationLoadResult> {
  const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  const result: PopulationLoadResult = { persons: 0, households: 0 };
  let inFlight: Promise<void> = Promise.resolve();
  let failure: unknown;
  let chunk = new Chunk();
  const settle = async () => {
    await inFlight;
    if (failure !== undefined) throw failure;
  };
  const flush = async () => {
    await settle();
    const sent = chunk;
    // The rejection is caught at once (no unhandled rejection while the next chunk is generated)
    // and rethrown by the next settle().
    inFlight = sent.insert(manager).then(
      () => {
        result.persons += sent.persons;
        result.households += sent.households;
        opts.onProgress?.(result.persons);
      },
      (err: unknown) => {
        failure = err;
      },
    );
    chunk = new Chunk();
    await yieldToEventLoop();
  };
  for (const household of generatePopulation({ seed: opts.seed, persons: opts.persons, unitCodes: opts.unitCodes, asOf: opts.asOf })) {
    chunk.add(household);
    if (chunk.persons >= chunkSize) await flush();
  }
  if (chunk.persons > 0) await flush();
  await settle();
  return result;
}
