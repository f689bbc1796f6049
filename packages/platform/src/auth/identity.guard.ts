import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NatsContext } from '@nestjs/microservices';
import { Role, type Identity } from '@onewindow/contracts';
import { DomainException } from '../errors/domain.exception.js';
import { IDENTITY_KEY, PUBLIC_KEY, ROLES_KEY, identityFromContext } from './decorators.js';
import { IDENTITY_HEADER, IdentitySigner } from './identity-token.js';

/**
 * Global guard for every transport. GraphQL requests already had their signed identity verified in
 * the GraphQL context (see subgraph.module.ts); NATS requests are verified here from the message
 * headers. Then: @Public allows anonymous callers, @Roles demands one of the roles, anything else
 * demands an authenticated user.
 */
@Injectable()
export class IdentityGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly signer: IdentitySigner) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const type = ctx.getType<'http' | 'rpc' | 'graphql'>();
    if (type === 'http' && isPublic) return true; // health probes
    if (type === 'rpc') await this.verifyRpc(ctx);
    const identity = identityFromContext(ctx);
    if (!identity) throw DomainException.unauthenticated();
    if (isPublic) return true;
    if (identity.sub === 'anonymous') throw DomainException.unauthenticated();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.some((r) => identity.roles.includes(r))) throw DomainException.forbidden();
    return true;
  }

  private async verifyRpc(ctx: ExecutionContext): Promise<void> {
    const rpcCtx = ctx.switchToRpc().getContext<NatsContext & Record<string, unknown>>();
    if (rpcCtx[IDENTITY_KEY]) return;
    const headers = rpcCtx.getHeaders?.();
    const token = headers?.get(IDENTITY_HEADER);
    rpcCtx[IDENTITY_KEY] = (await this.signer.verify(token)) satisfies Identity;
  }
}
