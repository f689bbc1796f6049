import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { createTestDatabase, TestStack } from '@onewindow/testing';

/**
 * Issue 13's repro on the embedded default (no DATABASE_URL, as `npm start` without one): counter
 * and household are real processes on the embedded PostgreSQL server under a temporary DATA_DIR;
 * one request with 300 aliased registerCheck lookups answers every one, each audited.
 */
describe('embedded default database: 300 audited lookups through the gateway', () => {
  const stack = new TestStack({ services: ['counter', 'household'], env: { SUPERGRAPH_SOURCE: 'file' } });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'onewindow-embedded-gw-'));
  let clerk: string;

  beforeAll(async () => {
    // TestStack wants a database per service; these stay unused (dropped at stop).
    for (const s of ['household', 'counter'] as const) stack.databases.set(s, await createTestDatabase(s));
    // household starts the embedded server under DATA_DIR, counter attaches to it.
    await stack.startService('household', { DATABASE_URL: '', DATABASE_OWNER_URL: '', DATA_DIR: dataDir });
    await stack.startService('counter', { DATABASE_URL: '', DATABASE_OWNER_URL: '', DATA_DIR: dataDir });
    // The database is under test here, not the gateway's query limits (which refuse 300 aliases).
    await stack.startGateway({ MAX_QUERY_ALIASES: '300', MAX_QUERY_TOKENS: '10000' });
    clerk = await stack.login('demo-clerk');
  }, 240_000);

  afterAll(async () => {
    await stack.stopService('gateway');
    await stack.stopService('counter');
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('answers 300 aliased registerCheck lookups in one request without an error, each audited', async () => {
    const id = DEMO_PERSON_IDS.adult;
    const query = `{ ${Array.from({ length: 300 }, (_, i) => `c${i}: registerCheck(idNumber: "${id}") { found }`).join(' ')} }`;
    const r = await stack.gql<Record<string, { found: boolean }>>(query, {}, clerk);
    expect(r.errors).toBeUndefined();
    expect(Object.values(r.data!).filter((v) => v.found)).toHaveLength(300);

    const port = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3]);
    const password = readFileSync(path.join(dataDir, 'postgres.password'), 'utf8').trim();
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'onewindow_household' });
    await client.connect();
    try {
      const audited = await client.query<{ n: string }>("SELECT count(*) AS n FROM audit_log WHERE action = 'PERSON_LOOKUP'");
      expect(Number(audited.rows[0]!.n)).toBe(300);
    } finally {
      await client.end();
    }
  }, 120_000);
});
