import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Identity, Role } from '@onewindow/contracts';
import { createTestDatabase, sql, TEST_DATABASE_URL, type TestDatabase } from '@onewindow/testing';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AuditService, buildDataSourceOptions, provisionServiceDatabase, runMigrationsAsOwner, verifyAuditChain } from '../src/index.js';

/**
 * Issue 12, decision 0027: the audit log is hash-chained in the database, the verifier names the
 * first broken link, concurrent inserts keep one chain, and the service's own database role (not
 * a superuser, not the owner) can add audit rows but never change, remove or unprotect them.
 */
const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/audit/verify-audit-chain.cli.js');
const clerk: Identity = { sub: 'demo:demo-clerk', username: 'demo-clerk', displayName: '窗口民警', roles: [Role.CLERK], unitCode: '510104', unitName: '锦江分局' };

/** The error a statement fails with as the application role (undefined when it succeeds). */
async function refusal(url: string, text: string): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await c.end();
  }
}

describe('tamper-evident audit log and the service database role', () => {
  let db: TestDatabase;
  let app: DataSource;
  let audit: AuditService;
  const record = (n: number) => audit.record(clerk, { action: 'CITIZEN_READ', subjectType: 'PERSON', subjectRef: `ref-${n}`, purpose: '窗口核验', details: { n, note: '审计' } });

  beforeAll(async () => {
    db = await createTestDatabase('audit_chain');
    const options = buildDataSourceOptions({ url: db.appUrl, entities: [], migrations: [], migrationsRun: true, poolSize: 10 });
    await runMigrationsAsOwner(options, db.ownerUrl);
    app = new DataSource({ ...options, migrationsRun: false });
    await app.initialize();
    audit = new AuditService(app);
  }, 60_000);

  afterAll(async () => {
    await app?.destroy();
    await db?.drop();
  }, 60_000);

  it('the service connects as its own role: no superuser, owns no table', async () => {
    const [me] = await app.query(`SELECT current_user AS role, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
      (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned`);
    expect(me).toEqual({ role: db.appRole, superuser: false, owned: 0 });
    expect(await sql(db.url, `SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log'`)).toEqual([{ tableowner: db.ownerRole }]);
  });

  it('200 concurrent inserts keep one unbroken chain, in id order', async () => {
    await Promise.all(Array.from({ length: 200 }, (_, i) => record(i)));
    expect(await verifyAuditChain(app)).toEqual({ rows: 200 });
    const links = await sql<{ linked: number }>(db.url, `SELECT count(*)::int AS linked FROM audit_log a JOIN audit_log b ON b.prev_hash = a.hash`);
    expect(links).toEqual([{ linked: 199 }]);
  }, 60_000);

  it('as the application role: insert works; TRUNCATE, DELETE, UPDATE and DISABLE TRIGGER are refused', async () => {
    expect(await refusal(db.appUrl, `INSERT INTO audit_log (actor_sub, actor_username, actor_unit, action, subject_type, subject_ref, outcome)
      VALUES ('s', 'u', '510104', 'TEST', 'PERSON', 'p', 'SUCCESS')`)).toBeUndefined();
    expect(await refusal(db.appUrl, 'TRUNCATE audit_log')).toMatch(/permission denied/);
    expect(await refusal(db.appUrl, 'DELETE FROM audit_log')).toMatch(/permission denied/);
    expect(await refusal(db.appUrl, `UPDATE audit_log SET purpose = 'x'`)).toMatch(/permission denied/);
    expect(await refusal(db.appUrl, 'ALTER TABLE audit_log DISABLE TRIGGER ALL')).toMatch(/must be owner/);
    expect(await refusal(db.appUrl, `UPDATE audit_chain_head SET last_hash = 'x'`)).toMatch(/permission denied/);
    expect(await refusal(db.appUrl, 'DROP TABLE audit_log')).toMatch(/must be owner/);
    expect(await refusal(db.appUrl, 'DELETE FROM migrations')).toMatch(/permission denied/);
    // Even the owner cannot change or empty the log without first disabling its triggers.
    expect(await refusal(db.ownerUrl, 'TRUNCATE audit_log')).toMatch(/append-only/);
    expect(await refusal(db.ownerUrl, `DELETE FROM audit_log`)).toMatch(/append-only/);
    // The application's ordinary tables stay fully writable.
    expect(await refusal(db.appUrl, `DELETE FROM inbox`)).toBeUndefined();
    expect(await verifyAuditChain(app)).toEqual({ rows: 201 });
  });

  it('a row changed behind the triggers is reported by its id, by the function and by the operator command', async () => {
    const [victim] = await sql<{ id: string; purpose: string }>(db.url, `SELECT id::text, purpose FROM audit_log ORDER BY audit_log.id OFFSET 57 LIMIT 1`);
    const tamper = (purpose: string) => sql(db.url, `BEGIN; ALTER TABLE audit_log DISABLE TRIGGER USER;
      UPDATE audit_log SET purpose = '${purpose}' WHERE id = ${victim!.id}; ALTER TABLE audit_log ENABLE TRIGGER USER; COMMIT`);
    await tamper('随便看看');
    expect(await verifyAuditChain(db.ownerUrl)).toEqual({ rows: 201, firstBrokenId: victim!.id, reason: 'ROW_HASH_MISMATCH' });
    const cli = spawnSync(process.execPath, [CLI, db.ownerUrl], { encoding: 'utf8' });
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain(`first broken link at id ${victim!.id}`);
    expect(cli.stdout).not.toContain('@'); // the URL's credentials stay out of the output
    await tamper(victim!.purpose);
    expect(await verifyAuditChain(db.ownerUrl)).toEqual({ rows: 201 });
    expect(spawnSync(process.execPath, [CLI, db.ownerUrl], { encoding: 'utf8' }).status).toBe(0);
  });

  it('a row removed from the middle breaks the next link; rows removed from the end break the head', async () => {
    const ids = (await sql<{ id: string }>(db.url, `SELECT id::text FROM audit_log ORDER BY audit_log.id`)).map((r) => r.id);
    const remove = (id: string) => sql(db.url, `BEGIN; ALTER TABLE audit_log DISABLE TRIGGER USER; DELETE FROM audit_log WHERE id = ${id};
      ALTER TABLE audit_log ENABLE TRIGGER USER; COMMIT`);
    await remove(ids.at(-1)!);
    expect(await verifyAuditChain(db.ownerUrl)).toEqual({ rows: 200, firstBrokenId: ids.at(-1), reason: 'CHAIN_HEAD_MISMATCH' });
    await remove(ids[100]!);
    expect(await verifyAuditChain(db.ownerUrl)).toEqual({ rows: 199, firstBrokenId: ids[101], reason: 'PREVIOUS_HASH_MISMATCH' });
  });
});

describe('the chain migration on a log that already has rows; provisioning an existing database', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('audit_upgrade');
  }, 60_000);
  afterAll(() => db?.drop(), 60_000);

  it('chains the rows written before it in id order; provisioning again hands superuser-made tables to the owner', async () => {
    // As before decision 0027: the superuser migrates and writes.
    const legacy = new DataSource(buildDataSourceOptions({ url: db.url, entities: [], migrations: [], migrationsRun: true, poolSize: 2 }));
    await legacy.initialize();
    try {
      await legacy.undoLastMigration(); // the chain migration
      for (let i = 0; i < 5; i++) {
        await legacy.query(`INSERT INTO audit_log (actor_sub, actor_username, actor_unit, action, subject_type, subject_ref, outcome, details)
          VALUES ('s', 'u', '510104', 'OLD', 'PERSON', $1, 'SUCCESS', $2)`, [`p${i}`, JSON.stringify({ i })]);
      }
      await legacy.runMigrations();
    } finally {
      await legacy.destroy();
    }
    expect(await verifyAuditChain(db.url)).toEqual({ rows: 5 });
    await provisionServiceDatabase(TEST_DATABASE_URL, { database: db.name, ownerRole: db.ownerRole, appRole: db.appRole });
    expect(await sql(db.url, `SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`)).toEqual([{ tableowner: db.ownerRole }]);
    expect(await refusal(db.appUrl, 'DELETE FROM audit_log')).toMatch(/permission denied/);
    expect(await refusal(db.appUrl, `INSERT INTO audit_log (actor_sub, actor_username, actor_unit, action, subject_type, subject_ref, outcome)
      VALUES ('s', 'u', '510104', 'NEW', 'PERSON', 'p', 'SUCCESS')`)).toBeUndefined();
    expect(await verifyAuditChain(db.appUrl)).toEqual({ rows: 6 });
  }, 60_000);

  it('after an archive removed the oldest rows, the rest verifies from the archived last hash', async () => {
    const old = await sql<{ id: string; hash: string }>(db.url, `SELECT id::text AS id, hash FROM audit_log ORDER BY audit_log.id LIMIT 3`);
    await sql(db.url, `BEGIN; ALTER TABLE audit_log DISABLE TRIGGER USER; DELETE FROM audit_log WHERE id <= ${old[2]!.id};
      ALTER TABLE audit_log ENABLE TRIGGER USER; COMMIT`);
    const [first] = await sql<{ id: string }>(db.url, `SELECT min(id)::text AS id FROM audit_log`);
    expect(await verifyAuditChain(db.url)).toEqual({ rows: 3, firstBrokenId: first!.id, reason: 'PREVIOUS_HASH_MISMATCH' });
    expect(await verifyAuditChain(db.url, { anchorHash: old[2]!.hash })).toEqual({ rows: 3 });
    expect(await verifyAuditChain(db.url, { anchorHash: old[1]!.hash })).toMatchObject({ firstBrokenId: first!.id });
    const cli = spawnSync(process.execPath, [CLI, `--anchor=${old[2]!.hash}`, db.url], { encoding: 'utf8' });
    expect({ status: cli.status, out: cli.stdout }).toEqual({ status: 0, out: expect.stringContaining('3 rows, chain intact') });
  });
});
