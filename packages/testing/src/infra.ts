import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { dropServiceDatabase, provisionServiceDatabase } from '@onewindow/database-roles';
import pg from 'pg';
import { randomBytes } from 'node:crypto';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';

export function randomName(prefix: string): string {
  return `${prefix}${randomBytes(5).toString('hex')}`;
}

export interface TestDatabase {
  name: string;
  /** The admin (superuser) on this database: tests' direct reads and writes, anything goes. */
  url: string;
  /** The owner role: migrations (a service's DATABASE_OWNER_URL). */
  ownerUrl: string;
  /** The non-superuser application role a service connects as (its DATABASE_URL). */
  appUrl: string;
  appRole: string;
  ownerRole: string;
  drop(): Promise<void>;
}

/**
 * A fresh database on the real PostgreSQL server with its own owner and application roles
 * (random names: roles are cluster-wide), provisioned as in production (decision 0027); the
 * database and both roles are dropped afterwards.
 */
export async function createTestDatabase(label = 'ow'): Promise<TestDatabase> {
  const name = randomName(`t_${label.replace(/[^a-z0-9]/g, '_')}_`);
  const spec = { database: name, ownerRole: `${name}_owner`, appRole: `${name}_app` };
  const urls = await provisionServiceDatabase(TEST_DATABASE_URL, spec);
  return {
    name,
    url: urls.adminUrl,
    ownerUrl: urls.ownerUrl,
    appUrl: urls.appUrl,
    appRole: spec.appRole,
    ownerRole: spec.ownerRole,
    drop: () => dropServiceDatabase(TEST_DATABASE_URL, spec),
  };
}

/** Delete every JetStream stream created under a test's NATS prefix. */
export async function deleteStreams(prefix: string, url = TEST_NATS_URL): Promise<void> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await jetstreamManager(nc);
    for await (const s of jsm.streams.list()) {
      if (s.config.name.startsWith(`${prefix}_`)) await jsm.streams.delete(s.config.name);
    }
  } finally {
    await nc.close();
  }
}

/** Run a query on a test database (assertions on what was — or was not — written). */
export async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** Poll `fn` until it returns something truthy (eventually-consistent projections, consumers catching up). */
export async function eventually<T>(fn: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}
