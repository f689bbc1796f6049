// The inbox page (InboxRepository.list) against the real PostgreSQL: the ranked branches give
// exactly the order and total of the plain ORDER BY over the whole jurisdiction it replaced
// (overdue first, then due soon, on time, paused, done; by deadline and number), for filters and
// pages across the rank boundaries.
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@onewindow/platform';
import { createTestDatabase, sql, type TestDatabase } from '@onewindow/testing';
import { InboxApplicationEntity } from '../src/inbox/inbox-application.entity.js';
import { InboxRepository, type InboxFilter } from '../src/inbox/inbox.repository.js';
import { CreateCounterCasework1764100000200 } from '../src/migrations/1764100000200-CreateCounterCasework.js';
import { InboxJurisdictionIndex1798300000000 } from '../src/migrations/1798300000000-InboxJurisdictionIndex.js';
import { InboxDeadlineOrderIndex1798500000000 } from '../src/migrations/1798500000000-InboxDeadlineOrderIndex.js';

const TODAY = '2026-02-10';
const STATES = ['ON_TIME', 'DUE_SOON', 'OVERDUE', 'PAUSED', 'DONE']; // DEADLINE_STATES
const UNITS = ['510107001', '510107001', '5101070010', '510104002'];
const TYPES = ['HOUSEHOLD', 'HOUSEHOLD', 'TRAFFIC', 'EXIT_ENTRY'];
const STATUSES = ['ACCEPTED', 'IN_REVIEW', 'READY', 'DONE'];

let db: TestDatabase;
let ds: DataSource;
let repo: InboxRepository;

/** The order the page had before (one ORDER BY over every row of the filter): the reference. */
async function reference(unitPrefix: string, f: InboxFilter): Promise<{ numbers: string[]; total: number }> {
  const where = ['unit_code LIKE $1'];
  const params: unknown[] = [`${unitPrefix}%`, f.today];
  if (f.status) where.push(`status = $${params.push(f.status)}`);
  if (f.policeType) where.push(`police_type = $${params.push(f.policeType)}`);
  if (f.search) where.push(`(number = $${params.push(f.search)} OR applicant_id_number = $${params.length})`);
  const rank = `CASE CASE WHEN deadline_state IN ('DONE', 'PAUSED') THEN deadline_state WHEN deadline < CAST($2 AS date) THEN 'OVERDUE' ELSE deadline_state END
    WHEN 'OVERDUE' THEN 0 WHEN 'DUE_SOON' THEN 1 WHEN 'ON_TIME' THEN 2 WHEN 'PAUSED' THEN 3 ELSE 4 END`;
  const rows = await sql<{ number: string }>(db.url, `SELECT number FROM inbox_application WHERE ${where.join(' AND ')} AND $2::text IS NOT NULL ORDER BY ${rank}, deadline, number`, params);
  const numbers = rows.map((r) => r.number);
  return { numbers: numbers.slice(f.offset, f.offset + f.limit), total: numbers.length };
}

beforeAll(async () => {
  db = await createTestDatabase('inbox_order');
  ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: [InboxApplicationEntity], migrations: [CreateCounterCasework1764100000200, InboxJurisdictionIndex1798300000000, InboxDeadlineOrderIndex1798500000000], migrationsRun: false, poolSize: 2 }));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  repo = new InboxRepository(ds);
  // 400 rows: every state on both sides of today, shared deadlines (ties broken by number), four units.
  let seed = 7;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const values: string[] = [];
  for (let i = 0; i < 400; i++) {
    const deadline = new Date(Date.UTC(2026, 1, 10 + next(21) - 10)).toISOString().slice(0, 10);
    values.push(`('A${String(next(100000)).padStart(5, '0')}-${i}', '${TYPES[next(4)]}', 'household', 'HH-X', '事项', '51010719900101${String(1000 + next(8)).slice(-4)}', '张三', '${STATUSES[next(4)]}', '${UNITS[next(4)]}', '${deadline}', '${STATES[next(5)]}', 1, '{}', now())`);
  }
  await sql(db.url, `INSERT INTO inbox_application (number, police_type, service, item_code, item_name, applicant_id_number, applicant_name, status, unit_code, deadline, deadline_state, version, snapshot, updated_at) VALUES ${values.join(',')}`);
}, 60_000);

afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

const FILTERS: Omit<InboxFilter, 'limit' | 'offset'>[] = [
  { today: TODAY },
  { today: TODAY, policeType: 'HOUSEHOLD' },
  { today: TODAY, status: 'IN_REVIEW', policeType: 'HOUSEHOLD' },
  { today: TODAY, search: '510107199001011003' },
  { today: '2026-02-20' },
];
const PAGES = [
  { offset: 0, limit: 20 },
  { offset: 0, limit: 1 },
  { offset: 37, limit: 50 },
  { offset: 150, limit: 100 },
  { offset: 290, limit: 10 },
  { offset: 1000, limit: 20 },
];

describe('InboxRepository.list (ranked branches) = the single ORDER BY it replaced', () => {
  for (const unitPrefix of ['510107001', '5101']) {
    for (const filter of FILTERS) {
      it(`unit ${unitPrefix}, ${JSON.stringify(filter)}`, async () => {
        for (const page of PAGES) {
          const f = { ...filter, ...page };
          const [rows, total] = await repo.list({ unitPrefix }, f);
          const want = await reference(unitPrefix, f);
          expect({ page, total, numbers: rows.map((r) => r.number) }).toEqual({ page, total: want.total, numbers: want.numbers });
          expect(rows.every((r) => r instanceof InboxApplicationEntity && r.unitCode.startsWith(unitPrefix))).toBe(true);
        }
      });
    }
  }

  it('an index serves the ranked branches (no sort of the whole jurisdiction)', async () => {
    await sql(db.url, 'ANALYZE inbox_application');
    const plan = await ds.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      const rows: { 'QUERY PLAN': string }[] = await m.query(`EXPLAIN SELECT number FROM inbox_application a WHERE a.unit_code LIKE '5101%' AND a.deadline_state = 'PAUSED' ORDER BY a.deadline, a.number LIMIT 20`);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/inbox_application_state_deadline_idx/);
  });
});
