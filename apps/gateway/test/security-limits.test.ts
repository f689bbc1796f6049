import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { fileURLToPath } from 'node:url';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { DEMO_HOUSEHOLDS, DEMO_PERSON_IDS, DEMO_PERSONS } from '@onewindow/population';
import { eventually, sql, TestStack } from '@onewindow/testing';

/**
 * Issue 12, "Query and request limits" and "Logs and errors", on one real stack: the gateway's
 * query limits refuse an ID-number probe before any subgraph is called while the UI's real
 * queries pass; per-user, per-address and person-lookup budgets refuse a burst with RATE_LIMITED
 * and reset; a failing write in a service process leaves no personal data or token in its log.
 */
type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];

/** The counter UI's own operation text (apps/counter-ui/src/graphql), with every fragment it may use. */
function uiOperation(name: string): string {
  const dir = fileURLToPath(new URL('../../counter-ui/src/graphql/', import.meta.url));
  const sources = readdirSync(dir).filter((f) => f.endsWith('.ts')).flatMap((f) => [...readFileSync(dir + f, 'utf8').matchAll(/graphql\(`([\s\S]*?)`\)/g)].map((m) => m[1]!));
  const definitions = sources.flatMap((s) => parse(s).definitions);
  const op = definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!op) throw new Error(`no UI operation ${name}`);
  const fragments = new Map(definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  // Only the fragments the operation reaches (an unused fragment is a validation error).
  const used = new Set<string>();
  const collect = (text: string) => {
    for (const [, spread] of text.matchAll(/\.\.\.(\w+)/g)) {
      if (spread === 'on' || used.has(spread!) || !fragments.has(spread!)) continue;
      used.add(spread!);
      collect(sourceOf(fragments.get(spread!)!));
    }
  };
  const sourceOf = (node: OperationDefinitionNode | FragmentDefinitionNode) => node.loc!.source.body.slice(node.loc!.start, node.loc!.end);
  collect(sourceOf(op));
  return [sourceOf(op), ...[...used].map((f) => sourceOf(fragments.get(f)!))].join('\n');
}

describe('gateway query and request limits; no personal data in service logs', () => {
  const stack = new TestStack();
  let clerk: string;
  let household: string;
  let supervisor: string;
  let limited = '';
  let oidc = '';
  let jwks: Server | undefined;
  let signingKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  const ISSUER = 'https://idp.example.gov.cn/realms/police';

  const auditRows = async () => {
    let n = 0;
    for (const db of stack.databases.values()) n += Number((await sql<{ n: string }>(db.url, 'SELECT count(*) AS n FROM audit_log'))[0]!.n);
    return n;
  };

  /** A request to the rate-limited gateway, from `ip` (it trusts 127.0.0.1 as its proxy). */
  const ask = async (query: string, ip: string, token?: string) => {
    const res = await fetch(limited, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    const body = (await res.json()) as Omit<Gql, 'status'>;
    return { ...body, status: res.status, retryAfter: res.headers.get('retry-after') };
  };

  beforeAll(async () => {
    await stack.start();
    [clerk, household, supervisor] = await Promise.all(['demo-clerk', 'demo-household', 'demo-supervisor'].map((u) => stack.login(u)));
    // A second gateway with small budgets and a 10-second window; the stack's own gateway has none (APP_MODE=test).
    limited = await stack.startGateway(
      { RATE_LIMIT_WINDOW_SECONDS: '10', RATE_LIMIT_PER_IP: '8', RATE_LIMIT_PER_USER: '5', RATE_LIMIT_LOOKUPS_PER_USER: '2', TRUSTED_PROXIES: '127.0.0.1' },
      'gateway-limited',
    );
    // A third gateway trusting a test OIDC issuer whose JWKS this test serves.
    const pair = await generateKeyPair('RS256');
    signingKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((r) => jwks!.listen(0, '127.0.0.1', r));
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`;
    oidc = await stack.startGateway({ AUTH_MODE: 'oidc', OIDC_ISSUER: ISSUER, OIDC_JWKS_URL: jwksUrl, OIDC_AUDIENCE: 'onewindow' }, 'gateway-oidc');
  }, 300_000);
  afterAll(async () => {
    await stack.stop();
    await new Promise((r) => (jwks ? jwks.close(r) : r(undefined)));
  }, 60_000);

  describe('query limits', () => {
    it('refuses 300 aliased register checks, and 40, before any subgraph is called', async () => {
      const before = await auditRows();
      const probe = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `c${i}: registerCheck(idNumber: "${DEMO_PERSON_IDS.adult}") { found }`).join(' ')} }`;
      // 300 is already too long a document (refused before it is parsed) …
      const r300 = await stack.gql(probe(300), {}, clerk);
      expect([r300.status, r300.data, r300.errors?.length, code(r300)]).toEqual([400, undefined, 1, 'QUERY_TOO_LARGE']);
      // … 40 is short enough but has too many aliases.
      const r40 = await stack.gql(probe(40), {}, clerk);
      expect([r40.status, r40.data, r40.errors?.length, code(r40)]).toEqual([400, undefined, 1, 'QUERY_TOO_MANY_ALIASES']);
      expect(r40.errors![0]!.message).toMatch(/^一次请求中的查询项过多（别名超过 15 个）/);
      expect(await auditRows()).toBe(before);
      // 15 are let through.
      const r15 = await stack.gql<Record<string, { found: boolean }>>(probe(15), {}, clerk);
      expect(r15.errors).toBeUndefined();
      expect(Object.keys(r15.data!)).toHaveLength(15);
    });

    it('refuses too many directives, too many tokens and a page too large with their typed codes', async () => {
      const directives = await stack.gql(`{ me { username ${'@include(if: true) '.repeat(25)} } }`, {}, clerk);
      expect(code(directives)).toBe('QUERY_TOO_MANY_DIRECTIVES');
      const tokens = await stack.gql(`{ me { ${'username '.repeat(4000)} } }`, {}, clerk);
      expect([tokens.status, code(tokens)]).toEqual([400, 'QUERY_TOO_LARGE']);
      // 12 person pages of 200 (each within what the resolver accepts): the cost multiplies by the page size.
      const pages = await stack.gql(
        `{ ${Array.from({ length: 12 }, (_, i) => `p${i}: persons(limit: 200, offset: ${i * 200}) { total items { maskedIdNumber name sex birthDate householdNumber status } }`).join(' ')} }`,
        {},
        supervisor,
      );
      expect(code(pages)).toBe('QUERY_TOO_COMPLEX');
    });

    it('lets the UI citizen 360° and the UI biggest list query through', async () => {
      const citizen = await stack.gql<{ citizen: { name: string } }>(uiOperation('Citizen'), { idNumber: DEMO_PERSON_IDS.adult, purpose: '窗口核验' }, clerk);
      expect(citizen.errors).toBeUndefined();
      expect(citizen.data!.citizen.name).toBeTruthy();
      // The largest by cost (query-limits.spec.ts): found items at the largest page a resolver accepts.
      const found = await stack.gql(uiOperation('SearchFoundItems'), { limit: 200, offset: 0 }, supervisor);
      expect((found.errors ?? []).map((e) => e.extensions?.['code']).filter((c) => String(c).startsWith('QUERY_'))).toEqual([]);
    });
  });

  describe('rate limits', () => {
    it('refuses a user burst past the budget with RATE_LIMITED (429, Retry-After); another user is not affected; the budget resets', async () => {
      const burst = await Promise.all(Array.from({ length: 7 }, () => ask('{ me { username } }', '10.0.0.1', clerk)));
      expect(burst.filter((r) => r.status === 200 && !r.errors)).toHaveLength(5);
      const refused = burst.filter((r) => r.status === 429);
      expect(refused).toHaveLength(2);
      expect(refused[0]!.errors![0]!.extensions?.['code']).toBe('RATE_LIMITED');
      expect(refused[0]!.errors![0]!.message).toMatch(/^操作过于频繁，请 \d+ 秒后再试/);
      expect(Number(refused[0]!.retryAfter)).toBeGreaterThanOrEqual(1);
      // Another user has a budget of their own.
      const other = await ask('{ me { username } }', '10.0.0.5', household);
      expect(other.data).toEqual({ me: { username: 'demo-household' } });
      // The window passes: the clerk is let through again.
      await eventually(async () => (await ask('{ me { username } }', '10.0.0.1', clerk)).status === 200, 30_000);
    }, 60_000);

    it('person lookups have a tighter budget: the third lookup is refused while other requests still pass', async () => {
      const two = await ask(`{ a: registerCheck(idNumber: "${DEMO_PERSON_IDS.adult}") { found } b: registerCheck(idNumber: "${DEMO_PERSON_IDS.minor}") { found } }`, '10.0.0.2', supervisor);
      expect(two.errors).toBeUndefined();
      const third = await ask(`{ registerCheck(idNumber: "${DEMO_PERSON_IDS.adult}") { found } }`, '10.0.0.2', supervisor);
      expect([third.status, third.errors?.[0]?.extensions?.['code']]).toEqual([429, 'RATE_LIMITED']);
      expect(third.errors![0]!.message).toMatch(/^人员信息查询过于频繁/);
      expect((await ask('{ me { username } }', '10.0.0.2', supervisor)).data).toEqual({ me: { username: 'demo-supervisor' } });
    });

    it('counts anonymous callers per address: one address is refused, another is not', async () => {
      const publicQuery = '{ policeUnits { code } }';
      const burst = await Promise.all(Array.from({ length: 9 }, () => ask(publicQuery, '10.0.0.3')));
      expect(burst.filter((r) => r.status === 200)).toHaveLength(8);
      expect(burst.filter((r) => r.status === 429 && r.errors?.[0]?.extensions?.['code'] === 'RATE_LIMITED')).toHaveLength(1);
      expect((await ask(publicQuery, '10.0.0.4')).status).toBe(200);
    });
  });

  describe('OIDC sign-in at the gateway', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const token = (o: { aud?: string; iss?: string; exp?: number | null; iat?: number } = {}) => {
      let jwt = new SignJWT({ preferred_username: 'clerk01', name: '王窗口', roles: ['CLERK'], unit_code: '510107001', unit_name: '浆洗街派出所' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(o.iss ?? ISSUER)
        .setAudience(o.aud ?? 'onewindow')
        .setSubject('f3b2c1')
        .setIssuedAt(o.iat ?? now());
      if (o.exp !== null) jwt = jwt.setExpirationTime(o.exp ?? now() + 3600);
      return jwt.sign(signingKey);
    };
    const me = async (bearer: string) => {
      const res = await fetch(oidc, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query: '{ me { username } }' }) });
      const body = (await res.json()) as Omit<Gql, 'status'>;
      return { status: res.status, data: body.data, code: body.errors?.[0]?.extensions?.['code'], message: body.errors?.[0]?.message };
    };

    const counterAudit = (action: string) =>
      sql<{ actor_username: string; outcome: string; details: Record<string, unknown> }>(stack.databases.get('counter')!.url,
        `SELECT actor_username, outcome, details FROM audit_log WHERE action = $1 AND details->>'via' = 'oidc' ORDER BY id`, [action]);

    it('accepts a token of the issuer for this audience; its first use is recorded as a sign-in, once', async () => {
      const bearer = await token();
      expect(await me(bearer)).toMatchObject({ status: 200, data: { me: { username: 'clerk01' } } });
      expect(await me(bearer)).toMatchObject({ status: 200 });
      const rows = await eventually(async () => {
        const r = await counterAudit('SIGN_IN');
        return r.length ? r : null;
      });
      expect(rows).toEqual([expect.objectContaining({ actor_username: 'clerk01', outcome: 'SUCCESS' })]);
    });

    it('refuses the wrong audience, another issuer, an expired token, a token without exp, one older than the maximum age, a demo token', async () => {
      const refused = { status: 401, data: undefined, code: 'UNAUTHENTICATED', message: '登录令牌无效或已过期，请重新登录' };
      expect(await me(await token({ aud: 'another-app' }))).toEqual(refused);
      expect(await me(await token({ iss: 'https://idp.example.com/realms/other' }))).toEqual(refused);
      expect(await me(await token({ iat: now() - 7200, exp: now() - 60 }))).toEqual(refused);
      expect(await me(await token({ exp: null }))).toEqual(refused);
      expect(await me(await token({ iat: now() - 13 * 3600 }))).toEqual(refused);
      expect(await me(clerk)).toEqual(refused);
      // Each refused token is a failed sign-in in the counter's audit log, under the name it claimed.
      const failed = await eventually(async () => {
        const r = await counterAudit('SIGN_IN_FAILED');
        return r.length >= 6 ? r : null;
      });
      expect(failed.filter((r) => r.actor_username === 'clerk01')).toHaveLength(5);
      expect(failed.every((r) => r.outcome === 'FAILURE' && typeof r.details['reason'] === 'string')).toBe(true);
    });
  });

  describe('logs', () => {
    it('a failing audit write in the services leaves no ID number, phone, name, address or token in their logs', async () => {
      const person = DEMO_PERSONS.find((p) => p.idNumber === DEMO_PERSON_IDS.adult)!;
      const address = DEMO_HOUSEHOLDS.find((h) => h.householdNumber === person.householdNumber)!.address;
      // Every audit insert now fails (a constraint no new row satisfies), as a full disk or a lost role would.
      for (const db of stack.databases.values()) await sql(db.url, 'ALTER TABLE audit_log ADD CONSTRAINT audit_write_fails CHECK (false) NOT VALID');
      try {
        const r = await stack.gql(uiOperation('Citizen'), { idNumber: person.idNumber, purpose: '窗口核验' }, clerk);
        expect(r.errors).toBeDefined();
        await eventually(async () => /audit_write_fails|query failed/.test(stack.logs('household')));
      } finally {
        for (const db of stack.databases.values()) await sql(db.url, 'ALTER TABLE audit_log DROP CONSTRAINT audit_write_fails');
      }
      const logs = [...stack.procs.keys()].map((name) => stack.logs(name)).join('\n');
      expect(logs).toMatch(/audit_write_fails/); // the failure itself is logged …
      for (const secret of [person.idNumber, person.idNumber.slice(0, 17), person.phone!, person.name, address, clerk, clerk.split('.')[2]!]) {
        expect({ secret, found: logs.includes(secret) }).toEqual({ secret, found: false }); // … its values are not
      }
      expect(logs).not.toMatch(/PARAMETERS|eyJ[\w-]{10,}\./);
    });
  });
});
