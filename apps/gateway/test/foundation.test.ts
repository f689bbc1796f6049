import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, type IntrospectionQuery } from 'graphql';
import { jwtVerify } from 'jose';
import { IdentitySigner } from '@onewindow/platform';
import { TestStack } from '@onewindow/testing';
import { GatewayConfig } from '../src/config.js';
import { composeSupergraph, fetchSubgraphSdl, readSupergraphFile } from '../src/supergraph.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Foundation: the six subgraphs and the gateway as real processes on real PostgreSQL and NATS.
 */
describe('foundation: composed system', () => {
  const stack = new TestStack();
  let clerk: string;
  let supervisor: string;

  beforeAll(async () => {
    await stack.start();
    [clerk, supervisor] = await Promise.all([stack.login('demo-clerk'), stack.login('demo-supervisor')]);
  }, 180_000);

  afterAll(() => stack.stop(), 60_000);

  it('composes all six subgraphs and one query reaches every service', async () => {
    const r = await stack.gql<{ systemStatus: Record<string, { name: string; version: string; database: boolean; nats: boolean }> }>(
      `{ systemStatus {
          counter { name version database nats } household { name version database nats }
          exitEntry { name version database nats } traffic { name version database nats }
          publicSecurity { name version database nats } complaints { name version database nats } } }`,
      {},
      supervisor,
    );
    expect(r.errors).toBeUndefined();
    const status = r.data!.systemStatus;
    expect(Object.values(status).map((s) => s.name).sort()).toEqual(['complaints', 'counter', 'exit-entry', 'household', 'public-security', 'traffic']);
    for (const s of Object.values(status)) {
      expect(s).toMatchObject({ database: true, nats: true, version: '0.1.0' });
    }
    // Operations figures are for supervisors and admins: a clerk and an anonymous caller are refused.
    for (const token of [clerk, undefined]) {
      const refused = await stack.gql('{ systemStatus { counter { name parkedMessages deadLetters } } }', {}, token);
      expect(refused.data?.systemStatus ?? null).toBeNull();
      expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(refused.errors?.[0]?.extensions?.code);
    }
  });

  it('the committed supergraph is what the subgraphs compose to; a gateway serving it from the file answers', async () => {
    const defaults = new GatewayConfig();
    const signer = new IdentitySigner(defaults.INTERNAL_IDENTITY_SECRET);
    const subgraphs = await Promise.all(
      defaults.subgraphs().map(async ({ name, url }) => ({ name, url, sdl: await fetchSubgraphSdl(`http://127.0.0.1:${stack.ports.get(name as never)}/graphql`, signer, name) })),
    );
    // On failure: run `npm run supergraph -w @onewindow/gateway` and commit apps/gateway/supergraph.graphql.
    expect(composeSupergraph(subgraphs).trim()).toBe(readSupergraphFile(defaults.SUPERGRAPH_FILE).trim());

    // Production's source: the reviewed file, routed by subgraph name to this stack's ports.
    const url = await stack.startGateway({ SUPERGRAPH_SOURCE: 'file' }, 'gateway-file');
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${supervisor}` },
        body: JSON.stringify({ query: '{ systemStatus { counter { name } complaints { name } } me { username } }' }),
      });
      const body = (await res.json()) as { data?: unknown; errors?: unknown };
      expect(body).toEqual({ data: { systemStatus: { counter: { name: 'counter' }, complaints: { name: 'complaints' } }, me: { username: 'demo-supervisor' } } });
    } finally {
      await stack.stopService('gateway-file');
    }
  });

  it('the committed supergraph schema (the UI generates its typed operations from it) is current', async () => {
    const r = await stack.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, clerk);
    expect(r.errors).toBeUndefined();
    const live = printSchema(lexicographicSortSchema(buildClientSchema(r.data!)));
    const committed = readFileSync(path.join(ROOT, 'apps/counter-ui/schema.graphql'), 'utf8').replace(/^#.*\n/gm, '').trim();
    // On failure: run `npm run schema -w @onewindow/counter-ui` and commit apps/counter-ui/schema.graphql.
    expect(live.trim()).toBe(committed);
  });

  it('logs in the demo accounts and returns their identity', async () => {
    const r = await stack.gql<{ login: { token: string; user: { roles: string[]; policeType: string | null; unitCode: string } } }>(
      'mutation { login(username: "demo-household", password: "demo") { token user { roles policeType unitCode } } }',
    );
    expect(r.data?.login.user).toEqual({ roles: ['OFFICER'], policeType: 'HOUSEHOLD', unitCode: '510107001' });
    const bad = await stack.gql('mutation { login(username: "demo-clerk", password: "wrong") { token } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_CREDENTIALS');
    const me = await stack.gql<{ me: { username: string } }>('{ me { username } }', {}, clerk);
    expect(me.data?.me.username).toBe('demo-clerk');
  });

  it('refuses unauthenticated calls and forged tokens', async () => {
    const anon = await stack.gql('{ me { username } }');
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await stack.gql('{ me { username } }', {}, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    expect(forged.status).toBe(401);
  });

  it('a subgraph refuses a request without a valid signed identity, even when called directly', async () => {
    const url = `http://127.0.0.1:${stack.ports.get('household')}/graphql`;
    const post = (headers: Record<string, string>) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
    const none = await post({});
    expect(none.status).toBe(401);
    // A plain identity header (what a naive gateway would forward) is not trusted.
    const plain = await post({ 'x-onewindow-identity': JSON.stringify({ sub: 'x', roles: ['ADMIN'] }) });
    expect(plain.status).toBe(401);
    const body = (await plain.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('NATS request/reply between counter and household, with validated payloads', async () => {
    const ok = await stack.gql<{ registerCheck: { found: boolean } }>('{ registerCheck(idNumber: "11010519491231002X") { found } }', {}, clerk);
    expect(ok.errors).toBeUndefined();
    expect(ok.data?.registerCheck.found).toBe(false);
    // The household handler validates the payload on receipt: a checksum-invalid number gets a typed error reply.
    const bad = await stack.gql('{ registerCheck(idNumber: "110105194912310021") { found } }', {}, clerk);
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_ID_NUMBER');
    expect(bad.errors?.[0]?.message).toMatch(/身份证号码无效/);
    // The service is still alive afterwards.
    const again = await stack.gql('{ registerCheck(idNumber: "440524188001010014") { found } }', {}, clerk);
    expect(again.errors).toBeUndefined();
  });

  it('what graphql-js says in English reaches the caller in Chinese with a typed code', async () => {
    const chinese = (m: string | undefined) => {
      expect(m).toMatch(/[\u4e00-\u9fff]/);
      expect(m).not.toMatch(/[A-Za-z]{2,}(?:[,.;:]?\s+[A-Za-z]{2,}){2,}/);
    };
    // (The depth limit's QUERY_TOO_DEEP is covered by src/graphql-errors.spec.ts: no type here nests 12 deep.)
    const unknown = await stack.gql('{ noSuchField }', {}, clerk);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    chinese(unknown.errors?.[0]?.message);
    const coercion = await stack.gql('query($id: String!) { registerCheck(idNumber: $id) { found } }', { id: 42 }, clerk);
    expect(coercion.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    chinese(coercion.errors?.[0]?.message);
    // A class-validator constraint inside a subgraph: Chinese, with the field's label.
    const tooShort = await stack.gql('{ registerCheck(idNumber: "123") { found } }', {}, clerk);
    expect(tooShort.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    chinese(tooShort.errors?.[0]?.message);
  });
});

describe('foundation: production mode and bad config', () => {
  it('a malformed NATS_URL stops a service with a one-line explanation', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'apps/household/dist/main.js')], {
      env: { ...process.env, NATS_URL: 'not a url', APP_MODE: 'test' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\[household\] invalid configuration: NATS_URL must look like nats:\/\/host:port/);
  });

  it('production mode refuses demo secrets and the demo issuer', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'apps/gateway/dist/main.js')], {
      env: { ...process.env, APP_MODE: 'production', AUTH_MODE: 'demo' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/AUTH_MODE must be oidc in production/);
  });

  it('production mode refuses an SMS provider that sends nothing; an incomplete SMS platform setting is refused in any mode', () => {
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [path.join(ROOT, 'apps/counter/dist/main.js')], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });
    const production = run({ APP_MODE: 'production', INTERNAL_IDENTITY_SECRET: 'a-real-production-secret-of-sufficient-length-123', DATABASE_URL: 'postgres://127.0.0.1:1/x' });
    expect(production.status).toBe(1);
    expect(production.stderr).toMatch(/SMS_PROVIDER=recording sends nothing/);
    const incomplete = run({ APP_MODE: 'test', SMS_PROVIDER: 'http' });
    expect(incomplete.status).toBe(1);
    expect(incomplete.stderr.trim().split('\n')).toEqual(['[counter] invalid configuration: SMS_PROVIDER=http needs SMS_HTTP_URL and SMS_API_KEY']);
  });

  it('in production mode the counter subgraph has no login mutation', async () => {
    const stack = new TestStack({
      services: ['counter'],
      gateway: false,
      env: {
        APP_MODE: 'production', INTERNAL_IDENTITY_SECRET: 'a-real-production-secret-of-sufficient-length-123',
        SMS_PROVIDER: 'http', SMS_HTTP_URL: 'http://127.0.0.1:9/sms', SMS_API_KEY: 'test-key',
      },
    });
    await stack.start();
    try {
      const { IdentitySigner } = await import('@onewindow/platform');
      const signer = new IdentitySigner('a-real-production-secret-of-sufficient-length-123');
      const token = await signer.sign({ sub: 'service:test', username: 'test', displayName: 'test', roles: [], unitCode: '', unitName: '' }, { audience: 'counter' });
      const res = await fetch(`http://127.0.0.1:${stack.ports.get('counter')}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-onewindow-identity': token },
        body: JSON.stringify({ query: '{ _service { sdl } }' }),
      });
      const body = (await res.json()) as { data: { _service: { sdl: string } } };
      expect(body.data._service.sdl).toContain('systemStatus');
      expect(body.data._service.sdl).not.toMatch(/\blogin\(/);
    } finally {
      await stack.stop();
    }
  }, 120_000);

  it('demo tokens are signed by the demo issuer', async () => {
    // Guard against an accidental switch to unsigned tokens.
    const { DemoIssuer } = await import('@onewindow/platform');
    const issuer = new DemoIssuer('x'.repeat(40), 'demo');
    const { token } = await issuer.login('demo-clerk', 'demo');
    await expect(jwtVerify(token, new TextEncoder().encode('y'.repeat(40)))).rejects.toThrow();
    expect(() => new DemoIssuer('x'.repeat(40), 'production')).toThrow(/production/);
  });
});
