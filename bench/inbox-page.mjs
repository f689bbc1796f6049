// The counter's inbox page at scale, side by side with the query it replaced (issue 14 goal 6, decision
// 0040): a throwaway database with the counter's inbox migrations, N inbox rows generated in SQL (a
// fifth in the clerk's unit 510107001, 80 % household, mostly closed cases, open ones around the
// business date, a ≈1 KB snapshot each), ANALYZE, then the first and a deeper page of the clerk's
// household inbox through InboxRepository.list (ranked branches, inbox_application_deadline_idx) and
// through the single ORDER BY over the whole jurisdiction it replaced — same rows checked, median of
// three sequential runs each. The database is dropped at the end.
//   npx turbo run build --filter=@onewindow/counter... && node bench/inbox-page.mjs [rows=5000000]
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@onewindow/platform';
import { createTestDatabase, sql } from '@onewindow/testing';
import { InboxApplicationEntity } from '../apps/counter/dist/inbox/inbox-application.entity.js';
import { InboxRepository } from '../apps/counter/dist/inbox/inbox.repository.js';
import { CreateCounterCasework1764100000200 } from '../apps/counter/dist/migrations/1764100000200-CreateCounterCasework.js';
import { InboxJurisdictionIndex1798300000000 } from '../apps/counter/dist/migrations/1798300000000-InboxJurisdictionIndex.js';
import { InboxDeadlineOrderIndex1798500000000 } from '../apps/counter/dist/migrations/1798500000000-InboxDeadlineOrderIndex.js';
import { machine } from './lib/workloads.mjs';

const rows = Number(process.argv[2] ?? 5_000_000);
const TODAY = '2026-02-10';
const UNIT = '510107001';
const db = await createTestDatabase('inbox_page');
const ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: [InboxApplicationEntity], migrations: [CreateCounterCasework1764100000200, InboxJurisdictionIndex1798300000000, InboxDeadlineOrderIndex1798500000000], migrationsRun: false, poolSize: 2 }));
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
try {
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  let t0 = process.hrtime.bigint();
  await sql(db.url, `INSERT INTO inbox_application (number, police_type, service, item_code, item_name, applicant_id_number, applicant_name, status, unit_code, deadline, deadline_state, version, snapshot, updated_at)
    SELECT 'HH' || lpad(g::text, 12, '0'),
      CASE WHEN g % 10 < 8 THEN 'HOUSEHOLD' ELSE 'EXIT_ENTRY' END, 'household', 'HH-X', '户籍证明',
      '510107199001' || lpad((g % 999999)::text, 6, '0'), '张三',
      CASE WHEN g % 20 < 18 THEN 'CLOSED' ELSE 'IN_REVIEW' END,
      (ARRAY['510107001','510107002','510107003','510104002','510104005'])[1 + g % 5],
      DATE '${TODAY}' + ((g::bigint * 7919) % 1500 - 1400)::int,
      CASE WHEN g % 20 < 18 THEN 'DONE' WHEN g % 20 = 18 THEN 'ON_TIME' WHEN g % 40 = 19 THEN 'DUE_SOON' ELSE 'PAUSED' END,
      1, jsonb_build_object('form', repeat('资料', 300)), now()
    FROM generate_series(1, ${rows}) g`);
  console.log(`${rows.toLocaleString('en')} inbox rows generated in ${(ms(t0) / 1000).toFixed(1)} s`);
  t0 = process.hrtime.bigint();
  await sql(db.url, 'VACUUM (ANALYZE) inbox_application');
  console.log(`VACUUM ANALYZE ${(ms(t0) / 1000).toFixed(1)} s; ${machine()}`);
  const repo = new InboxRepository(ds);
  const [{ n }] = await sql(db.url, `SELECT count(*)::int AS n FROM inbox_application WHERE unit_code LIKE '${UNIT}%' AND police_type = 'HOUSEHOLD'`);
  console.log(`the clerk's household inbox: ${n.toLocaleString('en')} rows`);
  const rank = `CASE CASE WHEN deadline_state IN ('DONE', 'PAUSED') THEN deadline_state WHEN deadline < CAST($2 AS date) THEN 'OVERDUE' ELSE deadline_state END
    WHEN 'OVERDUE' THEN 0 WHEN 'DUE_SOON' THEN 1 WHEN 'ON_TIME' THEN 2 WHEN 'PAUSED' THEN 3 ELSE 4 END`;
  // What getManyAndCount did before: the count, then the page sorted over the whole filter.
  const before = async (offset) => {
    await sql(db.url, `SELECT count(*)::int AS n FROM inbox_application WHERE unit_code LIKE $1 AND police_type = 'HOUSEHOLD'`, [`${UNIT}%`]);
    return sql(db.url, `SELECT * FROM inbox_application WHERE unit_code LIKE $1 AND police_type = 'HOUSEHOLD' ORDER BY ${rank}, deadline, number LIMIT 20 OFFSET ${offset}`, [`${UNIT}%`, TODAY]);
  };
  const after = (offset) => repo.list({ unitPrefix: UNIT }, { today: TODAY, policeType: 'HOUSEHOLD', limit: 20, offset });
  const median = (xs) => [...xs].sort((a, b) => a - b)[1];
  for (const offset of [0, 1000]) {
    const timesBefore = [];
    const timesAfter = [];
    let a;
    let b;
    for (let i = 0; i < 3; i++) {
      t0 = process.hrtime.bigint();
      b = await before(offset);
      timesBefore.push(ms(t0));
      t0 = process.hrtime.bigint();
      a = await after(offset);
      timesAfter.push(ms(t0));
    }
    const same = JSON.stringify(a[0].map((r) => r.number)) === JSON.stringify(b.map((r) => r.number));
    console.log(`page at offset ${offset} (20 rows): before ${median(timesBefore).toFixed(1)} ms (count + single ORDER BY), after ${median(timesAfter).toFixed(1)} ms (ranked branches + count ${a[1].toLocaleString('en')}) → ${(median(timesBefore) / median(timesAfter)).toFixed(0)}× faster; same rows: ${same ? 'yes' : 'NO'}`);
  }
} finally {
  await ds.destroy().catch(() => undefined);
  if (process.env.BENCH_KEEP) console.log(`kept: ${db.url}`);
  else await db.drop();
}
