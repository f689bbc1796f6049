import { DataSource, type DataSourceOptions } from 'typeorm';

/**
 * Run the pending migrations as the database's owner role (DATABASE_OWNER_URL), on a connection
 * of its own that is closed afterwards: the service itself then connects as its non-superuser
 * application role, which owns no table and so cannot alter one (decision 0027).
 */
export async function runMigrationsAsOwner(options: DataSourceOptions, ownerUrl: string): Promise<void> {
  const owner = new DataSource({ ...options, url: ownerUrl, migrationsRun: false, extra: { max: 1 } } as DataSourceOptions);
  await owner.initialize();
  try {
    await owner.runMigrations({ transaction: 'each' });
  } finally {
    await owner.destroy();
  }
}
