import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Identity } from '@onewindow/contracts';
import { CurrentIdentity, DemoIssuer, DomainException, Public, SERVICE_CONFIG, type BaseServiceConfig } from '@onewindow/platform';
import { LoginArgs } from './login.input.js';
import { CurrentUser, LoginResult } from './login.model.js';

/** `login` exists only in demo/test mode: production uses the external OIDC issuer. */
@Resolver()
export class DemoLoginResolver {
  private readonly issuer: DemoIssuer;
  constructor(@Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig) {
    this.issuer = new DemoIssuer(config.DEMO_ISSUER_SECRET, config.APP_MODE);
  }

  @Public()
  @Mutation(() => LoginResult, { description: '演示账号登录（仅演示模式）' })
  async login(@Args() args: LoginArgs): Promise<LoginResult> {
    if (this.config.APP_MODE === 'production') throw DomainException.forbidden('生产模式不提供内置登录');
    const { token, expiresAt, account } = await this.issuer.login(args.username, args.password);
    return { token, expiresAt, user: { ...account } };
  }
}

@Resolver()
export class MeResolver {
  @Query(() => CurrentUser, { description: '当前登录用户' })
  me(@CurrentIdentity() identity: Identity): CurrentUser {
    return { username: identity.username, displayName: identity.displayName, roles: identity.roles, policeType: identity.policeType, unitCode: identity.unitCode, unitName: identity.unitName };
  }
}
