import pg from 'pg';

/**
 * Who owns a service's database and who the service connects as (decision 0027). The owner runs
 * the migrations and owns every table; the application role may read and write rows but owns
 * nothing, so it cannot TRUNCATE, ALTER or disable a trigger — and on the audit tables it may
 * only SELECT and INSERT (and only SELECT on the chain head).
 */
export interface ServiceDatabaseSpec {
  database: string;
  ownerRole: string;
  appRole: string;
  /** Set (or reset) the roles' passwords; omit where the server trusts the network (tests). */
  ownerPassword?: string;
  appPassword?: string;
}

export interface ServiceDatabaseUrls {
  /** The admin (superuser) on the service's database: provisioning, tests' direct checks. */
  adminUrl: string;
  /** The owner role: migrations (the service's DATABASE_OWNER_URL). */
  ownerUrl: string;
  /** The application role: everything the running service does (its DATABASE_URL). */
  appUrl: string;
}

/** Tables whose rows are evidence: the application role may add rows, never change or remove them. */
export const APPEND_ONLY_TABLES = ['audit_log'] as const;
/**
 * Tables the application role may only read: the audit chain's head (written by the owner's
 * SECURITY DEFINER trigger) and TypeORM's migration history (written by the owner's migrations).
 */
export const READ_ONLY_TABLES = ['audit_chain_head', 'migrations'] as const;

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export class ProvisioningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProvisioningError';
  }
}

function identifier(kind: string, name: string): string {
  if (!IDENTIFIER.test(name)) throw new ProvisioningError(`${kind} "${name}" must be 1-63 characters of a-z, 0-9 and _ (not starting with a digit)`);
  return `"${name}"`;
}

/** The admin URL with another user, password and database. */
export function roleUrl(adminUrl: string, database: string, role?: string, password?: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  if (role !== undefined) {
    u.username = encodeURIComponent(role);
    u.password = password === undefined ? '' : encodeURIComponent(password);
  }
  return u.toString();
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function ensureRole(c: pg.Client, name: string, password: string | undefined): Promise<void> {
  const role = identifier('role', name);
  const exists = (await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name])).rowCount === 1;
  const pw = password === undefined ? '' : ` PASSWORD ${c.escapeLiteral(password)}`;
  // Always re-asserted: a role someone widened by hand is narrowed again.
  await c.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS${pw}`);
}

/**
 * Create (or bring up to date) one service's database with its owner and application roles.
 * Idempotent: run it on every deployment. Must run as a role that may create roles and databases
 * (the cluster's admin). Existing objects in `public` (e.g. from the time the service connected as
 * `postgres`) are handed to the owner; default privileges grant the application role its rights on
 * every table the owner's later migrations create.
 */
export async function provisionServiceDatabase(adminUrl: string, spec: ServiceDatabaseSpec): Promise<ServiceDatabaseUrls> {
  const db = identifier('database', spec.database);
  const owner = identifier('owner role', spec.ownerRole);
  const app = identifier('application role', spec.appRole);
  if (spec.ownerRole === spec.appRole) throw new ProvisioningError('the owner and the application role must be different roles');
  await withClient(adminUrl, async (c) => {
    await ensureRole(c, spec.ownerRole, spec.ownerPassword);
    await ensureRole(c, spec.appRole, spec.appPassword);
    const exists = (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [spec.database])).rowCount === 1;
    await c.query(exists ? `ALTER DATABASE ${db} OWNER TO ${owner}` : `CREATE DATABASE ${db} OWNER ${owner}`);
    await c.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
    // TEMPORARY: the counter's report rebuild works in a scratch table.
    await c.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${app}`);
  });
  await withClient(roleUrl(adminUrl, spec.database), async (c) => {
    await c.query(`ALTER SCHEMA public OWNER TO ${owner}`);
    await c.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await c.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
    await c.query(`DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND c.relowner <> '${spec.ownerRole}'::regrole LOOP
        EXECUTE format('ALTER %s public.%I OWNER TO %I', CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.relname, '${spec.ownerRole}');
      END LOOP;
      FOR r IN SELECT p.oid::regprocedure AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
               WHERE n.nspname = 'public' AND p.proowner <> '${spec.ownerRole}'::regrole LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.fn, '${spec.ownerRole}');
      END LOOP;
    END $$`);
    await c.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`);
    await c.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`);
    await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
    await c.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
    const present = async (t: string) => (await c.query(`SELECT to_regclass($1) AS t`, [`public.${t}`])).rows[0].t !== null;
    for (const t of APPEND_ONLY_TABLES) if (await present(t)) await c.query(`REVOKE UPDATE, DELETE, TRUNCATE ON public.${identifier('table', t)} FROM ${app}`);
    for (const t of READ_ONLY_TABLES) if (await present(t)) await c.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON public.${identifier('table', t)} FROM ${app}`);
  });
  return {
    adminUrl: roleUrl(adminUrl, spec.database),
    ownerUrl: roleUrl(adminUrl, spec.database, spec.ownerRole, spec.ownerPassword),
    appUrl: roleUrl(adminUrl, spec.database, spec.appRole, spec.appPassword),
  };
}

/** Drop a service database and its roles (throwaway test databases). */
export async function dropServiceDatabase(adminUrl: string, spec: Pick<ServiceDatabaseSpec, 'database' | 'ownerRole' | 'appRole'>): Promise<void> {
  const db = identifier('database', spec.database);
  const roles = [identifier('application role', spec.appRole), identifier('owner role', spec.ownerRole)];
  await withClient(adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    for (const r of roles) await c.query(`DROP ROLE IF EXISTS ${r}`);
  });
}
