import { Args, ArgsType, Directive, Field, Mutation, Resolver } from '@nestjs/graphql';
import { AUDIT_ACTIONS, type Identity } from '@onewindow/contracts';
import { AuditService, ClientIp, CurrentIdentity, DomainException, Public } from '@onewindow/platform';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

@ArgsType()
export class GatewaySignInArgs {
  @Field({ description: 'SUCCESS：令牌首次被接受；FAILURE：令牌被拒绝' })
  @IsIn(['SUCCESS', 'FAILURE'])
  outcome: 'SUCCESS' | 'FAILURE';

  /** Why the gateway refused the token (its error message, never the token). */
  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;

  /** The user name the refused token claimed (unverified: recorded as a claim). */
  @Field({ nullable: true })
  @IsOptional()
  @Matches(/^[\w.@-]{1,64}$/)
  claimedUsername?: string;
}

/**
 * 登录留痕 for the bureau's OIDC sign-ins: the gateway verifies OIDC tokens itself and has no
 * database, so it reports the first use of each token and every refused token here (the demo
 * `login` records its own). The field is `@inaccessible`: it is not in the gateway's API schema, so
 * no client can reach it; only a request signed by the gateway (audience counter) can.
 */
@Resolver()
export class GatewaySignInResolver {
  constructor(private readonly audit: AuditService) {}

  @Public()
  @Directive('@inaccessible')
  @Mutation(() => Boolean, { description: '（内部）网关记录统一认证登录与失败登录' })
  async recordGatewaySignIn(@Args() args: GatewaySignInArgs, @CurrentIdentity() identity: Identity, @ClientIp() clientIp?: string): Promise<boolean> {
    if (args.outcome === 'SUCCESS') {
      if (identity.sub === 'anonymous') throw DomainException.unauthenticated();
      await this.audit.record(identity, {
        action: AUDIT_ACTIONS.SIGN_IN, subjectType: 'ACCOUNT', subjectRef: identity.username, details: { clientIp: clientIp ?? null, via: 'oidc' },
      });
      return true;
    }
    const claimed = args.claimedUsername ?? 'unknown';
    const actor: Identity = { sub: 'anonymous', username: claimed, displayName: claimed, roles: [], unitCode: '', unitName: '' };
    await this.audit.record(actor, {
      action: AUDIT_ACTIONS.SIGN_IN_FAILED, subjectType: 'ACCOUNT', subjectRef: claimed, outcome: 'FAILURE',
      details: { clientIp: clientIp ?? null, via: 'oidc', reason: args.reason ?? null },
    });
    return true;
  }
}
