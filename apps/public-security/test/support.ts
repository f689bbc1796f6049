import { Role, type Identity } from '@onewindow/contracts';
import { IDENTITY_HEADER, IdentitySigner } from '@onewindow/platform';
import type { TestStack } from '@onewindow/testing';

/** The demo deployment's internal secret (test mode uses the default). */
export const SECRET = 'onewindow-demo-internal-identity-secret-change-me';
export const signer = new IdentitySigner(SECRET);

const station = { unitCode: '510107001', unitName: '成都市公安局武侯区分局浆洗街派出所' };
export const clerk: Identity = { sub: 'u-clerk', username: 'demo-clerk', displayName: '王窗口', roles: [Role.CLERK], ...station };
export const psOfficer: Identity = { sub: 'u-ps', username: 'demo-public-security', displayName: '陈治安', roles: [Role.OFFICER], policeType: 'PUBLIC_SECURITY' as Identity['policeType'], ...station };
export const trafficOfficer: Identity = { ...psOfficer, sub: 'u-tr', username: 'demo-traffic', displayName: '赵交管', policeType: 'TRAFFIC' as Identity['policeType'] };
export const supervisor: Identity = { sub: 'u-sup', username: 'demo-supervisor', displayName: '刘督察', roles: [Role.SUPERVISOR], unitCode: '510107', unitName: '成都市公安局武侯区分局' };
export const otherDistrictSupervisor: Identity = { ...supervisor, sub: 'u-sup-jj', unitCode: '510104', unitName: '成都市公安局锦江区分局' };
export const analyst: Identity = { sub: 'u-an', username: 'demo-analyst', displayName: '孙分析', roles: [Role.ANALYST], unitCode: '5101', unitName: '成都市公安局' };

export interface GqlResult<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; details?: unknown } }[];
}

/** POST to the public-security subgraph directly, with a signed identity (as the gateway would). */
export async function subgraph<T>(stack: TestStack, query: string, variables: Record<string, unknown>, who: Identity): Promise<GqlResult<T>> {
  const res = await fetch(`http://127.0.0.1:${stack.ports.get('public-security')}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: await signer.sign(who, { audience: 'public-security' }) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlResult<T>;
}

export const codeOf = (r: GqlResult<unknown>) => r.errors?.[0]?.extensions?.code;

export async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    value = await read();
  }
  return value;
}
