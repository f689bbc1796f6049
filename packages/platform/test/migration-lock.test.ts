import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTestDatabase, sql, type TestDatabase } from '@onewindow/testing';
import { buildDataSourceOptions, createLogger, PLATFORM_MIGRATIONS, runMigrationsAsOwner } from '../src/index.js';

/** A slow migration that would fail if it ran twice (CREATE TABLE without IF NOT EXISTS): widens the race window. */
class SlowFeatureTable1764100000029 implements MigrationInterface {
  name = 'SlowFeatureTable1764100000029';
  async up(q: QueryRunner): Promise<void> {
    await q.query('SELECT pg_sleep(0.5)');
    await q.query('CREATE TABLE slow_feature (id int PRIMARY KEY)');
    await q.query('INSERT INTO slow_feature (id) VALUES (1)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE slow_feature');
  }
}

/** Two replicas booting together on a fresh database (decision 0033). */
describe('migrations are serialised by an advisory lock', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('migrationlock');
  });

  afterAll(async () => {
    await db.drop();
  });

  it('two runners started at once both succeed, and each migration runs once', async () => {
    const options = () => buildDataSourceOptions({
      url: db.appUrl, entities: [], migrations: [SlowFeatureTable1764100000029], migrationsRun: true, logger: createLogger('migration-lock-test', 'silent'),
    });
    const [a, b] = await Promise.all([runMigrationsAsOwner(options(), db.ownerUrl), runMigrationsAsOwner(options(), db.ownerUrl)]);
    const expected = [...PLATFORM_MIGRATIONS.map((m) => m.name), 'SlowFeatureTable1764100000029'].sort();
    // One replica ran everything, the other found nothing pending.
    expect([a.length, b.length].sort((x, y) => x - y)).toEqual([0, expected.length]);
    expect([...a, ...b].map((m) => m.name).sort()).toEqual(expected);
    const rows = await sql<{ name: string; n: string }>(db.url, 'SELECT name, count(*) AS n FROM migrations GROUP BY name ORDER BY name');
    expect(rows.map((r) => r.name).sort()).toEqual(expected);
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    expect(await sql(db.url, 'SELECT id FROM slow_feature')).toEqual([{ id: 1 }]);
    // The lock was released: nobody holds it any more.
    const held = await sql(db.url, `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
    expect(held).toEqual([]);
  });

  it('a third replica booting later runs nothing', async () => {
    const options = buildDataSourceOptions({ url: db.appUrl, entities: [], migrations: [SlowFeatureTable1764100000029], migrationsRun: true, logger: createLogger('migration-lock-test', 'silent') });
    await expect(runMigrationsAsOwner(options, db.ownerUrl)).resolves.toEqual([]);
  });
});
