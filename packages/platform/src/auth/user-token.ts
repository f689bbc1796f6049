import { PoliceType, policeUnitName, Role, type Identity } from '@onewindow/contracts';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { scryptSync, timingSafeEqual } from 'node:crypto';
import { DomainException } from '../errors/domain.exception.js';

export const DEMO_ISSUER = 'onewindow-demo-issuer';
export const USER_TOKEN_AUDIENCE = 'onewindow';

/** Claims a user token carries (OIDC standard claims plus ours). */
interface UserClaims extends JWTPayload {
  preferred_username?: string;
  name?: string;
  roles?: string[];
  police_type?: string;
  unit_code?: string;
  unit_name?: string;
}

/**
 * Unit codes a token may carry: city (4 digits), district (6), station (9), and the service points
 * below a station (street point 10, community point 12 — decision 0024). The code becomes a
 * jurisdiction prefix (LIKE 'code%'), so nothing else (no wildcard, no empty string) gets through.
 */
export const UNIT_CODE_PATTERN = /^(\d{4}|\d{6}|\d{9,12})$/;

/** Longest a user token may live, whatever its own `exp` says (a stolen token expires anyway). */
export const USER_TOKEN_MAX_AGE = '12h';

function toIdentity(p: UserClaims): Identity {
  const roles = (p.roles ?? []).filter((r): r is Role => (Object.values(Role) as string[]).includes(r));
  const policeType = p.police_type && (Object.values(PoliceType) as string[]).includes(p.police_type) ? (p.police_type as PoliceType) : undefined;
  if (!p.sub || !p.unit_code || roles.length === 0) throw DomainException.unauthenticated('令牌缺少用户、角色或辖区信息');
  if (!UNIT_CODE_PATTERN.test(p.unit_code)) throw DomainException.unauthenticated('令牌中的单位代码格式不正确');
  return {
    sub: p.sub,
    username: p.preferred_username ?? p.sub,
    displayName: p.name ?? p.preferred_username ?? p.sub,
    roles,
    policeType,
    unitCode: p.unit_code,
    unitName: p.unit_name ?? '',
  };
}

export type UserTokenVerifierConfig =
  | { kind: 'oidc'; issuer: string; jwksUrl: string; audience: string }
  | { kind: 'demo'; secret: string };

/** Verifies the caller's bearer token: an external OIDC issuer via JWKS, or the demo issuer. */
export class UserTokenVerifier {
  private readonly verifyFn: (token: string) => Promise<UserClaims>;

  constructor(cfg: UserTokenVerifierConfig) {
    if (cfg.kind === 'oidc') {
      const jwks = createRemoteJWKSet(new URL(cfg.jwksUrl));
      // `exp` and `iat` are required and the token may not be older than the maximum age.
      this.verifyFn = async (t) =>
        (await jwtVerify<UserClaims>(t, jwks, { issuer: cfg.issuer, audience: cfg.audience, requiredClaims: ['exp', 'iat'], maxTokenAge: USER_TOKEN_MAX_AGE })).payload;
    } else {
      const key = new TextEncoder().encode(cfg.secret);
      this.verifyFn = async (t) =>
        (await jwtVerify<UserClaims>(t, key, { issuer: DEMO_ISSUER, audience: USER_TOKEN_AUDIENCE, algorithms: ['HS256'], requiredClaims: ['exp', 'iat'], maxTokenAge: USER_TOKEN_MAX_AGE })).payload;
    }
  }

  async verify(token: string): Promise<Identity> {
    let claims: UserClaims;
    try {
      claims = await this.verifyFn(token);
    } catch {
      throw DomainException.unauthenticated('登录令牌无效或已过期，请重新登录');
    }
    return toIdentity(claims);
  }
}

export interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  policeType?: PoliceType;
  unitCode: string;
  unitName: string;
}

// Names from the one unit directory (contracts' POLICE_UNITS).
const unit = (unitCode: string) => ({ unitCode, unitName: policeUnitName(unitCode) });
const STATION = unit('510107001');
const OTHER_STATION = unit('510104002');

/** Seeded demo accounts (password `demo`), documented in the README. Demo mode only. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'demo-clerk', displayName: '王窗口', roles: [Role.CLERK], ...STATION },
  { username: 'demo-household', displayName: '李户政', roles: [Role.OFFICER], policeType: PoliceType.HOUSEHOLD, ...STATION },
  { username: 'demo-exit-entry', displayName: '张出入境', roles: [Role.OFFICER], policeType: PoliceType.EXIT_ENTRY, ...STATION },
  { username: 'demo-traffic', displayName: '赵交管', roles: [Role.OFFICER], policeType: PoliceType.TRAFFIC, ...STATION },
  { username: 'demo-public-security', displayName: '陈治安', roles: [Role.OFFICER], policeType: PoliceType.PUBLIC_SECURITY, ...STATION },
  { username: 'demo-complaints', displayName: '周信访', roles: [Role.OFFICER], policeType: PoliceType.COMPLAINTS, ...STATION },
  { username: 'demo-supervisor', displayName: '刘督察', roles: [Role.SUPERVISOR], ...unit('510107') },
  { username: 'demo-supervisor-city', displayName: '马督察', roles: [Role.SUPERVISOR], ...unit('5101') },
  { username: 'demo-analyst', displayName: '孙分析', roles: [Role.ANALYST], ...unit('5101') },
  { username: 'demo-clerk-jinjiang', displayName: '吴窗口', roles: [Role.CLERK], ...OTHER_STATION },
  // issue 11: a second window clerk of the same hall, and a community officer (社区民警) for home visits.
  { username: 'demo-clerk-2', displayName: '钱窗口', roles: [Role.CLERK], ...STATION },
  { username: 'demo-community', displayName: '黄社区', roles: [Role.OFFICER], policeType: PoliceType.HOUSEHOLD, ...STATION },
  // decision 0028: an exit-entry officer of another unit, for the "acting on another unit's case" tests.
  { username: 'demo-exit-entry-jinjiang', displayName: '冯出入境', roles: [Role.OFFICER], policeType: PoliceType.EXIT_ENTRY, ...OTHER_STATION },
  { username: 'demo-public-security-jinjiang', displayName: '蒋治安', roles: [Role.OFFICER], policeType: PoliceType.PUBLIC_SECURITY, ...OTHER_STATION },
  { username: 'demo-clerk-community', displayName: '郑社区窗口', roles: [Role.CLERK], unitCode: '510107001101', unitName: '洗面桥社区公安服务点' },
];

const SALT = 'onewindow-demo-salt';
/** Derived on the first login, not at import: every service imports this module, few log anyone in. */
let demoPasswordHash: Buffer | undefined;
const demoPasswordHashOnce = (): Buffer => (demoPasswordHash ??= scryptSync('demo', SALT, 32));

/** The built-in issuer behind the `login` mutation. Refuses to exist in production mode. */
export class DemoIssuer {
  private readonly key: Uint8Array;
  constructor(secret: string, mode: string, private readonly ttlSeconds = 8 * 3600) {
    if (mode === 'production') throw new Error('The demo issuer must not run in production mode');
    this.key = new TextEncoder().encode(secret);
  }

  async login(username: string, password: string): Promise<{ token: string; expiresAt: Date; account: DemoAccount }> {
    const account = DEMO_ACCOUNTS.find((a) => a.username === username);
    const ok = timingSafeEqual(scryptSync(password, SALT, 32), demoPasswordHashOnce());
    // Not UNAUTHENTICATED: that code means "your session ended" to the UI, not "wrong password".
    if (!account || !ok) throw new DomainException('INVALID_CREDENTIALS', '用户名或密码错误，请核对后重新输入（注意大小写）');
    const expiresAt = new Date(Date.now() + this.ttlSeconds * 1000);
    const token = await new SignJWT({
      preferred_username: account.username,
      name: account.displayName,
      roles: account.roles,
      police_type: account.policeType,
      unit_code: account.unitCode,
      unit_name: account.unitName,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(DEMO_ISSUER)
      .setAudience(USER_TOKEN_AUDIENCE)
      .setSubject(`demo:${account.username}`)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt, account };
  }
}
