import { DEMO_PERSON_IDS } from '@onewindow/population';
import { verifyAuditChain } from '@onewindow/platform';
import { sql, TestStack } from '@onewindow/testing';

/**
 * Issue 10, 审计查询 through the gateway on one real stack: reads in several services (a citizen
 * 360° lookup in household, a travel-document check in exit-entry), a refused change in
 * complaints, sign-ins and failed sign-ins at the counter — then the supervisors' query finds them
 * across services with each filter, pages across services, keeps districts apart, refuses a
 * clerk, records itself, and names a service that does not answer.
 */
type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];

interface Entry { service: string; at: string; actor: string; actorUnit: string; action: string; subjectType: string; subjectRef: string; purpose: string | null; outcome: string; details: string }
interface Page { entries: Entry[]; pageInfo: { endCursor: string | null; hasNextPage: boolean }; unansweredServices: string[] }

const TRAIL = `query($filter: AuditTrailFilter!, $first: Int, $after: String, $unmasked: Boolean) {
  auditTrail(filter: $filter, first: $first, after: $after, unmasked: $unmasked) {
    entries { service at actor actorUnit action subjectType subjectRef purpose outcome details }
    pageInfo { endCursor hasNextPage } unansweredServices } }`;

const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

describe('the supervisors audit trail across the six services', () => {
  const stack = new TestStack();
  let clerk: string;
  let clerkJinjiang: string;
  let complaintsOfficer: string;
  let district: string;
  let city: string;
  const person = DEMO_PERSON_IDS.adult;
  const range = { from: day(-1), to: day(1) };

  const trail = async (token: string, filter: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    stack.gql<{ auditTrail: Page }>(TRAIL, { filter: { ...range, ...filter }, ...extra }, token);
  const entries = async (token: string, filter: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const r = await trail(token, filter, { first: 200, ...extra });
    expect(r.errors).toBeUndefined();
    return r.data!.auditTrail.entries;
  };

  beforeAll(async () => {
    await stack.start();
    [clerk, clerkJinjiang, complaintsOfficer, district, city] = await Promise.all(
      ['demo-clerk', 'demo-clerk-jinjiang', 'demo-complaints', 'demo-supervisor', 'demo-supervisor-city'].map((u) => stack.login(u)),
    );
    // Failed sign-ins: a known account (its district sees it) and an unknown username (the city's).
    expect(code(await stack.gql('mutation { login(username: "demo-clerk", password: "wrong-password") { token } }'))).toBe('INVALID_CREDENTIALS');
    expect(code(await stack.gql('mutation { login(username: "nobody-here", password: "guess") { token } }'))).toBe('INVALID_CREDENTIALS');
    const citizen = `query($id: String!) { citizen(idNumber: $id, purpose: "窗口核验") { name } }`;
    expect((await stack.gql(citizen, { id: person }, clerk)).errors).toBeUndefined();
    expect((await stack.gql(citizen, { id: person }, clerkJinjiang)).errors).toBeUndefined();
    const doc = await stack.gql('query { travelDocument(number: "E00000001", purpose: "核验来人所持证件") { number } }', {}, clerk);
    expect(doc.errors).toBeDefined();
    const accept = await stack.gql('mutation { acceptComplaint(input: { number: "XF20990101000001", accept: true }) { decidedOn } }', {}, complaintsOfficer);
    expect(accept.errors).toBeDefined();
  }, 240_000);
  afterAll(() => stack.stop(), 60_000);

  it('finds one officer reads, changes and sign-ins across services, newest first, subjects masked', async () => {
    const mine = await entries(city, { officer: 'demo-clerk' });
    const services = new Set(mine.map((e) => e.service));
    expect([...services]).toEqual(expect.arrayContaining(['counter', 'household', 'exit-entry']));
    expect(mine.map((e) => e.at)).toEqual([...mine.map((e) => e.at)].sort().reverse());
    const read = mine.find((e) => e.action === 'CITIZEN_360_READ')!;
    expect(read).toMatchObject({ service: 'household', actorUnit: '510107001', purpose: '窗口核验', outcome: 'SUCCESS' });
    expect(read.subjectRef).toContain('*');
    expect(read.subjectRef).not.toBe(person);
    expect(mine.find((e) => e.action === 'TRAVEL_DOCUMENT_READ')).toMatchObject({ service: 'exit-entry', subjectRef: 'E00000001', outcome: 'FAILURE' });
    expect(mine.find((e) => e.action === 'SIGN_IN')).toMatchObject({ service: 'counter', subjectRef: 'demo-clerk' });
    const failed = mine.find((e) => e.action === 'SIGN_IN_FAILED')!;
    expect(failed).toMatchObject({ service: 'counter', outcome: 'FAILURE', actorUnit: '510107001' });
    expect(failed.details).not.toContain('wrong-password');

    const change = await entries(city, { officer: 'demo-complaints', action: 'MUTATION' });
    expect(change).toHaveLength(1);
    expect(change[0]).toMatchObject({ service: 'complaints', subjectType: 'acceptComplaint', subjectRef: 'XF20990101000001', outcome: 'FAILURE' });
  });

  it('filters by person (in full for a supervisor who asks), unit and action', async () => {
    const byPerson = await entries(city, { personRef: person }, { unmasked: true });
    expect(byPerson.filter((e) => e.action === 'CITIZEN_360_READ').map((e) => e.actor).sort()).toEqual(['demo-clerk', 'demo-clerk-jinjiang']);
    expect(byPerson.every((e) => e.subjectRef === person)).toBe(true);
    const jinjiang = await entries(city, { unitCode: '510104' });
    expect(jinjiang.length).toBeGreaterThan(0);
    expect(jinjiang.every((e) => e.actorUnit.startsWith('510104'))).toBe(true);
    const failures = await entries(city, { action: 'SIGN_IN_FAILED' });
    expect(failures.map((e) => e.subjectRef).sort()).toEqual(['demo-clerk', 'nobody-here']);
  });

  it('pages across services: one entry a page gives the same entries, each once', async () => {
    const all = await entries(city, { officer: 'demo-clerk', from: range.from });
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < all.length + 2; i++) {
      const r: Gql & { data?: { auditTrail: Page } } = await trail(city, { officer: 'demo-clerk' }, { first: 1, after });
      expect(r.errors).toBeUndefined();
      const page: Page = r.data!.auditTrail;
      seen.push(...page.entries.map((e) => `${e.service}|${e.at}|${e.action}`));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((e) => `${e.service}|${e.at}|${e.action}`));
  });

  it('keeps a district supervisor to their district; refuses clerks, foreign units and bad ranges with typed errors', async () => {
    const byPerson = await entries(district, { personRef: person });
    expect(byPerson.filter((e) => e.action === 'CITIZEN_360_READ').map((e) => e.actor)).toEqual(['demo-clerk']);
    expect((await entries(district, { action: 'SIGN_IN_FAILED' })).map((e) => e.subjectRef)).toEqual(['demo-clerk']);
    expect(code(await trail(district, { unitCode: '510104' }))).toBe('OUT_OF_JURISDICTION');
    expect(code(await trail(clerk, {}))).toBe('FORBIDDEN');
    expect(code(await trail(city, { from: day(1), to: day(-1) }))).toBe('AUDIT_RANGE_INVALID');
    expect(code(await trail(city, { from: day(-400), to: day(0) }))).toBe('AUDIT_RANGE_TOO_LONG');
  });

  it('records the query and the export themselves; the export is a real XLSX / a CSV with BOM', async () => {
    const csv = await stack.gql<{ auditTrailExport: { fileName: string; contentBase64: string; rowCount: number } }>(
      'query($f: AuditTrailFilter!) { auditTrailExport(filter: $f, format: CSV) { fileName contentBase64 rowCount } }', { f: { ...range, officer: 'demo-clerk' } }, city);
    expect(csv.errors).toBeUndefined();
    const text = Buffer.from(csv.data!.auditTrailExport.contentBase64, 'base64');
    expect([...text.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.toString('utf8')).toContain('时间,服务,操作人');
    expect(text.toString('utf8')).not.toContain(person);
    const xlsx = await stack.gql<{ auditTrailExport: { contentBase64: string; rowCount: number } }>(
      'query($f: AuditTrailFilter!) { auditTrailExport(filter: $f, format: XLSX) { contentBase64 rowCount } }', { f: { ...range, officer: 'demo-clerk' } }, city);
    expect(Buffer.from(xlsx.data!.auditTrailExport.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.data!.auditTrailExport.rowCount).toBe(csv.data!.auditTrailExport.rowCount);

    const own = await entries(city, { officer: 'demo-supervisor-city', personRef: person });
    expect(own.map((e) => e.action)).toEqual(expect.arrayContaining(['AUDIT_TRAIL_QUERY']));
    const exports = await entries(city, { officer: 'demo-supervisor-city', action: 'AUDIT_TRAIL_EXPORT' });
    expect(exports).toHaveLength(2);
    expect(JSON.parse(exports[0]!.details)).toMatchObject({ rows: csv.data!.auditTrailExport.rowCount });
  });

  // Issue 12, decision 0027: the services run as their own database roles, and what they wrote is chained.
  it('every service connects as its own non-superuser role, and its audit chain is whole', async () => {
    for (const [service, db] of stack.databases) {
      const sessions = await sql<{ usename: string; rolsuper: boolean }>(db.url, `SELECT DISTINCT a.usename, r.rolsuper FROM pg_stat_activity a
        JOIN pg_roles r ON r.rolname = a.usename WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()`);
      expect({ service, sessions }).toEqual({ service, sessions: [{ usename: db.appRole, rolsuper: false }] });
      const chain = await verifyAuditChain(db.url);
      expect({ service, broken: chain.firstBrokenId }).toEqual({ service, broken: undefined });
    }
    expect((await verifyAuditChain(stack.databases.get('counter')!.url)).rows).toBeGreaterThan(0);
  });

  it('a failed sign-in reads the same for an unknown user and a wrong password; both are audited with the client address, never the password', async () => {
    const wrong = await stack.gql('mutation { login(username: "demo-household", password: "not-the-password") { token } }');
    const unknown = await stack.gql('mutation { login(username: "no-such-officer", password: "not-the-password") { token } }');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(code(wrong)).toBe(code(unknown));
    const rows = await sql<{ actor_username: string; outcome: string; client_ip: string | null }>(stack.databases.get('counter')!.url,
      `SELECT actor_username, outcome, details->>'clientIp' AS client_ip FROM audit_log
       WHERE action = 'SIGN_IN_FAILED' AND actor_username IN ('demo-household', 'no-such-officer') ORDER BY id`);
    expect(rows).toEqual([
      { actor_username: 'demo-household', outcome: 'FAILURE', client_ip: expect.stringMatching(/127\.0\.0\.1/) },
      { actor_username: 'no-such-officer', outcome: 'FAILURE', client_ip: expect.stringMatching(/127\.0\.0\.1/) },
    ]);
    expect(await sql(stack.databases.get('counter')!.url, `SELECT id FROM audit_log WHERE row_to_json(audit_log)::text LIKE '%not-the-password%'`)).toEqual([]);
  });

  it('names a service that does not answer instead of leaving it out silently', async () => {
    await stack.stopService('exit-entry');
    try {
      const r = await trail(city, { officer: 'demo-clerk' }, { first: 200 });
      expect(r.errors).toBeUndefined();
      expect(r.data!.auditTrail.unansweredServices).toEqual(['exit-entry']);
      expect(r.data!.auditTrail.entries.some((e) => e.service === 'household')).toBe(true);
    } finally {
      await stack.startService('exit-entry');
    }
  }, 120_000);
});
