import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@onewindow/testing';
import { buildDataSourceOptions, DomainException, PhoneCodeService, RateLimiter } from '../src/index.js';

const PHONE = '13912345678';
const SECRET = 'public-access-test-secret-of-32-chars!!';

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
    return undefined;
  } catch (e) {
    return e instanceof DomainException ? e.code : String(e);
  }
};

describe('public-access kit: one-time SMS codes and rate limits on real PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let codes: PhoneCodeService;
  const limiter = new RateLimiter();

  beforeAll(async () => {
    db = await createTestDatabase('public_access');
    ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: [], migrations: [], migrationsRun: true }));
    await ds.initialize();
    codes = new PhoneCodeService(ds, SECRET);
  }, 60_000);

  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  }, 60_000);

  const issue = (purpose = 'BOOKING') => ds.transaction((m) => codes.issue(m, { purpose, phone: PHONE, ttlSeconds: 600 }));
  const consume = (code: string, purpose = 'BOOKING', maxAttempts = 3) => ds.transaction((m) => codes.consume(m, { purpose, phone: PHONE, code, maxAttempts }));

  it('stores only hashes; a code is good once, for its purpose and number only; a new code retires the old one', async () => {
    const first = await issue();
    expect(first).toMatch(/^\d{6}$/);
    const stored = (await ds.query(`SELECT phone_hash, code_hash FROM phone_code`)) as { phone_hash: string; code_hash: string }[];
    expect(JSON.stringify(stored)).not.toContain(PHONE);
    expect(JSON.stringify(stored)).not.toContain(first);

    const second = await issue();
    expect(await codeOf(consume(first))).toBe('VERIFICATION_CODE_INVALID'); // retired by the second
    expect(await codeOf(consume(second, 'PROGRESS'))).toBe('VERIFICATION_CODE_INVALID'); // another purpose
    expect(await codeOf(consume(second))).toBeUndefined();
    expect(await codeOf(consume(second))).toBe('VERIFICATION_CODE_INVALID'); // single use
  });

  it('every try counts even when the caller rolls back; after the limit even the right code is refused', async () => {
    const code = await issue();
    const wrong = code === '000000' ? '000001' : '000000';
    expect(await codeOf(consume(wrong))).toBe('VERIFICATION_CODE_INVALID');
    expect(await codeOf(consume(wrong))).toBe('VERIFICATION_CODE_INVALID');
    expect(await codeOf(consume(wrong))).toBe('VERIFICATION_CODE_INVALID');
    expect(await codeOf(consume(code))).toBe('VERIFICATION_CODE_INVALID');
  });

  it('the caller\'s failure after a good code leaves the code unspent (spent only with the change)', async () => {
    const code = await issue();
    await expect(ds.transaction(async (m) => {
      await codes.consume(m, { purpose: 'BOOKING', phone: PHONE, code, maxAttempts: 5 });
      throw new Error('the booking failed');
    })).rejects.toThrow('the booking failed');
    expect(await codeOf(consume(code, 'BOOKING', 5))).toBeUndefined();
  });

  it('two requests racing with one code: exactly one wins', async () => {
    const code = await issue();
    const results = await Promise.all([consume(code, 'BOOKING', 5), consume(code, 'BOOKING', 5)].map(codeOf));
    expect(results.sort()).toEqual(['VERIFICATION_CODE_INVALID', undefined].sort());
  });

  it('rate limits count per bucket across concurrent requests and refuse without writing', async () => {
    const take = () => ds.transaction((m) => limiter.take(m, { bucket: 'progress:ip:10.0.0.1', limit: 3, windowSeconds: 60, message: '查询过于频繁' }));
    const results = await Promise.all([take(), take(), take(), take(), take()].map(codeOf));
    expect(results.filter((r) => r === undefined)).toHaveLength(3);
    expect(results.filter((r) => r === 'RATE_LIMITED')).toHaveLength(2);
    expect(await ds.query(`SELECT count(*)::int AS n FROM rate_limit_hit WHERE bucket = 'progress:ip:10.0.0.1'`)).toEqual([{ n: 3 }]);
    expect(await codeOf(ds.transaction((m) => limiter.take(m, { bucket: 'progress:ip:10.0.0.2', limit: 3, windowSeconds: 60, message: 'x' })))).toBeUndefined();
  });
});
