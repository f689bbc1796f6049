import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@onewindow/testing';
import { buildDataSourceOptions, createLogger } from '../src/index.js';

const ID = '510107198804129130';

describe('a failing write on real PostgreSQL logs no parameters and no personal data', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const lines: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('log_redaction');
    const logger = createLogger('log-redaction-test', 'info', { write: (s: string) => void lines.push(s) });
    ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: [], migrations: [], migrationsRun: true, logger }));
    await ds.initialize();
    await ds.query(`CREATE TABLE person (id_number varchar(18) PRIMARY KEY, name text NOT NULL)`);
  }, 60_000);

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  }, 60_000);

  it('a duplicate insert and an insert into a missing column: logged as failures, without the values', async () => {
    await ds.query(`INSERT INTO person (id_number, name) VALUES ($1, $2)`, [ID, '张三']);
    await expect(ds.query(`INSERT INTO person (id_number, name) VALUES ($1, $2)`, [ID, '张三'])).rejects.toThrow();
    await expect(ds.query(`INSERT INTO person (id_number, nickname) VALUES ($1, $2)`, ['11010519491231002X', '李四'])).rejects.toThrow();
    const failures = lines.filter((l) => l.includes('query failed'));
    expect(failures).toHaveLength(2);
    const all = lines.join('\n');
    for (const secret of [ID, '11010519491231002X', '张三', '李四']) expect(all).not.toContain(secret);
    expect(all).not.toMatch(/PARAMETERS/i);
    expect(failures[0]).toContain('INSERT INTO person');
  });
});
