// Loads N synthetic persons (default 1,000,000) into a throwaway database on the local PostgreSQL
// through the household service's own migrations and bulk loader, prints the rate, drops the database.
//   npx turbo run build --filter=@onewindow/household... && node bench/population-load.mjs [persons] [chunkSize]
// Server: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@onewindow/platform';
import { HOUSEHOLD_ENTITIES, HOUSEHOLD_MIGRATIONS } from '../apps/household/dist/household.schema.js';
import { DEFAULT_CHUNK_SIZE, loadPopulation } from '../apps/household/dist/seed/population-loader.js';

const persons = Number(process.argv[2] ?? 1_000_000);
const chunkSize = Number(process.argv[3] ?? DEFAULT_CHUNK_SIZE);
const unitCodes = ['510107001', '510104002'];
const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `bench_population_${randomBytes(4).toString('hex')}`;

async function admin(sql) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

const seconds = (from) => Number(process.hrtime.bigint() - from) / 1e9;
const fmt = (n) => Math.round(n).toLocaleString('en');

await admin(`CREATE DATABASE ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const ds = new DataSource(buildDataSourceOptions({ url: url.toString(), entities: HOUSEHOLD_ENTITIES, migrations: HOUSEHOLD_MIGRATIONS, migrationsRun: false, poolSize: 2 }));
try {
  await ds.initialize();
  let t = process.hrtime.bigint();
  await ds.runMigrations({ transaction: 'each' });
  const migrationSeconds = seconds(t);

  t = process.hrtime.bigint();
  const loaded = await ds.transaction((manager) => loadPopulation(manager, { persons, seed: 1, unitCodes, chunkSize }));
  const loadSeconds = seconds(t);

  const [{ count }] = await ds.query('SELECT count(*)::int AS count FROM person');
  const [{ size }] = await ds.query('SELECT pg_size_pretty(pg_database_size(current_database())) AS size');
  if (count !== loaded.persons) throw new Error(`expected ${loaded.persons} persons in the table, found ${count}`);
  console.log(
    `${fmt(loaded.persons)} persons in ${fmt(loaded.households)} households: ${loadSeconds.toFixed(2)} s, ` +
      `${fmt(loaded.persons / loadSeconds)} persons/s (chunk ${fmt(chunkSize)}); migrations ${migrationSeconds.toFixed(2)} s; database ${size}`,
  );
} finally {
  if (ds.isInitialized) await ds.destroy();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
