import { ANONYMOUS, Role, type Identity } from '@onewindow/contracts';
import { loadConfig } from '@onewindow/platform';
import { parse, type GraphQLError } from 'graphql';
import { GatewayConfig } from './config.js';
import { countPersonLookups, RequestLimiter } from './request-limits.js';

const clerk: Identity = { sub: 'demo:demo-clerk', username: 'demo-clerk', displayName: '王窗口', roles: [Role.CLERK], unitCode: '510107001', unitName: '浆洗街派出所' };
const refusal = async (p: Promise<unknown>) => p.then(() => undefined, (e: GraphQLError) => e);

describe('gateway request budgets', () => {
  it('counts every person lookup of the operation, aliases and fragments included, once per fragment', () => {
    const doc = parse(`
      query Probe { a: registerCheck(idNumber: "1") { found } b: registerCheck(idNumber: "2") { found } ...More ...More }
      query Other { me { username } }
      fragment More on Query { citizen(idNumber: "3", purpose: "x") { name } person(idNumber: "4") { name } }`);
    expect(countPersonLookups(doc, 'Probe')).toBe(4);
    expect(countPersonLookups(doc, 'Other')).toBe(0);
  });

  it('refuses past the budget with RATE_LIMITED, 429 and Retry-After; counts users apart and never anonymous callers per user', async () => {
    const limiter = new RequestLimiter({ windowSeconds: 60, perIp: 0, perUser: 2, lookupsPerUser: 3 });
    await limiter.takeUser(clerk);
    await limiter.takeUser(clerk);
    const err = (await refusal(limiter.takeUser(clerk)))!;
    expect(err.extensions['code']).toBe('RATE_LIMITED');
    expect(err.message).toMatch(/^操作过于频繁，请 \d+ 秒后再试/);
    const http = err.extensions['http'] as { status: number; headers: Map<string, string> };
    expect(http.status).toBe(429);
    expect(Number(http.headers.get('retry-after'))).toBeGreaterThan(0);
    await limiter.takeUser({ ...clerk, sub: 'demo:demo-clerk-2' });
    for (let i = 0; i < 5; i++) await limiter.takeUser(ANONYMOUS);
    await limiter.takeIp('10.0.0.1'); // perIp 0: off
    await limiter.takeLookups(clerk, 3);
    expect((await refusal(limiter.takeLookups(clerk, 1)))?.message).toMatch(/^人员信息查询过于频繁/);
  });

  it('budgets are on by default, off in test mode unless set, and may not be off in production', () => {
    expect(loadConfig('gateway', GatewayConfig, { APP_MODE: 'demo' }).requestBudgets()).toEqual({ windowSeconds: 60, perIp: 1200, perUser: 600, lookupsPerUser: 60 });
    expect(loadConfig('gateway', GatewayConfig, { APP_MODE: 'test', RATE_LIMIT_PER_USER: '5' }).requestBudgets()).toEqual({ windowSeconds: 60, perIp: 0, perUser: 5, lookupsPerUser: 0 });
    expect(() => loadConfig('gateway', GatewayConfig, { APP_MODE: 'demo', RATE_LIMIT_PER_USER: '-1' })).toThrow(/RATE_LIMIT_PER_USER/);
    expect(new GatewayConfig().productionProblems()).not.toContainEqual(expect.stringMatching(/RATE_LIMIT/));
    expect(Object.assign(new GatewayConfig(), { RATE_LIMIT_LOOKUPS_PER_USER: 0 }).productionProblems()).toContainEqual(expect.stringMatching(/RATE_LIMIT_LOOKUPS_PER_USER/));
  });
});
