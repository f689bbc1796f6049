import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AUDIT_ACTIONS, type Identity } from '@onewindow/contracts';
import { AuditService, ClientIp, CurrentIdentity, DEMO_ACCOUNTS, DemoIssuer, DomainException, Public, SERVICE_CONFIG, type BaseServiceConfig } from '@onewindow/platform';
import { LoginArgs } from './login.input.js';
import { CurrentUser, LoginResult } from './login.model.js';

/** `login` exists only in demo/test mode: production uses the external OIDC issuer. */
@Resolver()
export class DemoLoginResolver {
  private readonly issuer: DemoIssuer;
  constructor(@Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig, private readonly audit: AuditService) {
    this.issuer = new DemoIssuer(config.DEMO_ISSUER_SECRET, config.APP_MODE);
  }

  @Public()
  @Mutation(() => LoginResult, { description: '演示账号登录（仅演示模式）' })
  async login(@Args() args: LoginArgs, @ClientIp() clientIp?: string): Promise<LoginResult> {
    if (this.config.APP_MODE === 'production') throw DomainException.forbidden('生产模式不提供内置登录');
    let result: Awaited<ReturnType<DemoIssuer['login']>>;
    try {
      result = await this.issuer.login(args.username, args.password);
    } catch (err) {
      await this.recordFailure(args.username, clientIp, err);
      throw err;
    }
    const { token, expiresAt, account } = result;
    // 登录留痕: who signed in, from where. Never the password or the token.
    const identity: Identity = { sub: `demo:${account.username}`, username: account.username, displayName: account.displayName, roles: account.roles, policeType: account.policeType, unitCode: account.unitCode, unitName: account.unitName };
    await this.audit.record(identity, { action: AUDIT_ACTIONS.SIGN_IN, subjectType: 'ACCOUNT', subjectRef: account.username, details: { clientIp: clientIp ?? null } });
    return { token, expiresAt, user: { ...account } };
  }

  /**
   * A failed sign-in is recorded under the username tried (already checked against the username
   * pattern) and, when that account exists, its unit — so the district supervisor of the account
   * sees attempts on it; unknown usernames belong to the city. Never the password.
   */
  private async recordFailure(username: string, clientIp: string | undefined, err: unknown): Promise<void> {
    const known = DEMO_ACCOUNTS.find((a) => a.username === username);
    const actor: Identity = { sub: 'anonymous', username, displayName: username, roles: [], unitCode: known?.unitCode ?? '', unitName: known?.unitName ?? '' };
    await this.audit.record(actor, {
      action: AUDIT_ACTIONS.SIGN_IN_FAILED,
      subjectType: 'ACCOUNT',
      subjectRef: username,
      outcome: 'FAILURE',
      details: { clientIp: clientIp ?? null, knownAccount: Boolean(known), code: err instanceof DomainException ? err.code : 'INTERNAL' },
    });
  }
}

@Resolver()
export class MeResolver {
  @Query(() => CurrentUser, { description: '当前登录用户' })
  me(@CurrentIdentity() identity: Identity): CurrentUser {
    return { username: identity.username, displayName: identity.displayName, roles: identity.roles, policeType: identity.policeType, unitCode: identity.unitCode, unitName: identity.unitName };
  }
}
