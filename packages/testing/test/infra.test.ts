import { createServer } from 'node:net';
import { createTestDatabase, eventually, freePort, sql, TEST_DATABASE_URL } from '../src/index.js';

// The kit every integration test stands on: a fresh database that really is fresh and really goes
// away, a port nobody holds, and polling that gives up.
describe('test kit', () => {
  it('creates a throwaway database named after its label and drops it', async () => {
    const db = await createTestDatabase('exit-entry');
    try {
      expect(db.name).toMatch(/^t_exit_entry_[0-9a-f]{10}$/);
      expect(await sql(db.url, 'SELECT current_database() AS name')).toEqual([{ name: db.name }]);
      expect(await sql(db.url, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).toEqual([{ n: 0 }]);
    } finally {
      await db.drop();
    }
    expect(await sql(TEST_DATABASE_URL, 'SELECT datname FROM pg_database WHERE datname = $1', [db.name])).toEqual([]);
    expect(await sql(TEST_DATABASE_URL, 'SELECT rolname FROM pg_roles WHERE rolname IN ($1, $2)', [db.appRole, db.ownerRole])).toEqual([]);
  });

  it('gives each database its own owner and a non-superuser application role', async () => {
    const db = await createTestDatabase('roles');
    try {
      expect(await sql(db.appUrl, 'SELECT current_user AS role, current_database() AS name')).toEqual([{ role: db.appRole, name: db.name }]);
      expect(await sql(db.ownerUrl, 'SELECT current_user AS role')).toEqual([{ role: db.ownerRole }]);
      expect(await sql(TEST_DATABASE_URL, 'SELECT rolname, rolsuper, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname IN ($1, $2) ORDER BY rolname', [db.appRole, db.ownerRole]))
        .toEqual([db.appRole, db.ownerRole].sort().map((rolname) => ({ rolname, rolsuper: false, rolcreatedb: false, rolcreaterole: false })));
    } finally {
      await db.drop();
    }
  });

  it('finds a free port that can be listened on', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
    await new Promise((resolve) => server.close(resolve));
  });

  it('polls until a condition holds, and gives up after its time', async () => {
    let calls = 0;
    await expect(eventually(async () => ++calls >= 2 && 'done')).resolves.toBe('done');
    await expect(eventually(async () => false, 300)).rejects.toThrow('condition not met in time');
  });
});
