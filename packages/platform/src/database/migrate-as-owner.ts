import { DataSource, type DataSourceOptions, type Migration } from 'typeorm';

/**
 * The session advisory lock every replica of a service takes before it migrates its database
 * (advisory locks are per database, so one fixed key serves every service). Two replicas booting
 * together on a fresh database then migrate one after the other: the second finds nothing pending.
 */
export const MIGRATION_LOCK = 'onewindow:migrations';

/**
 * Run the pending migrations on a connection of their own, closed afterwards, under the migration
 * lock (decision 0033). With a DATABASE_OWNER_URL this is the owner role: the service itself then
 * connects as its non-superuser application role, which owns no table and so cannot alter one
 * (decision 0027). Returns the migrations this call ran (none when another replica was first).
 */
export async function runMigrationsAsOwner(options: DataSourceOptions, ownerUrl: string): Promise<Migration[]> {
  // Two connections: one holds the lock for the whole run, TypeORM migrates on the other.
  const owner = new DataSource({ ...options, url: ownerUrl, migrationsRun: false, extra: { max: 2 } } as DataSourceOptions);
  await owner.initialize();
  const lock = owner.createQueryRunner();
  try {
    await lock.connect();
    // Waits while another replica migrates; the lock goes with the session if that replica dies.
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    try {
      return await owner.runMigrations({ transaction: 'each' });
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]).catch(() => undefined);
    }
  } finally {
    await lock.release();
    await owner.destroy();
  }
}
