import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
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
/** What a refusal by role was: recorded in the audit log (等保: failures are logged too). */
export interface DeniedAccess {
  identity: Identity;
  transport: 'graphql' | 'rpc' | 'http';
  /** `Query.citizen`, `Citizen.householdSection`, the NATS subject… */
  operation: string;
  requiredRoles: Role[];
  /** The purpose the caller gave (a `purpose` argument), if any. */
  purpose: string | null;
}

@Injectable()
export class IdentityGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly signer: IdentitySigner,
    /** Called (and awaited; its failure is swallowed) before a refusal by role is thrown. */
    private readonly onDenied?: (denied: DeniedAccess) => Promise<void>,
  ) {}

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
    if (roles && !roles.some((r) => identity.roles.includes(r))) {
      await this.onDenied?.({ identity, transport: type, operation: operationOf(ctx), requiredRoles: roles, purpose: purposeOf(ctx) }).catch(() => undefined);
      throw DomainException.forbidden();
    }
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

function operationOf(ctx: ExecutionContext): string {
  const type = ctx.getType<'http' | 'rpc' | 'graphql'>();
  if (type === 'graphql') {
    const info = GqlExecutionContext.create(ctx).getInfo<{ parentType?: { name: string }; fieldName?: string }>();
    if (info?.fieldName) return `${info.parentType?.name ?? '?'}.${info.fieldName}`;
  }
  if (type === 'rpc') {
    const subject = ctx.switchToRpc().getContext<NatsContext>().getSubject?.();
    if (subject) return subject;
  }
  return `${ctx.getClass().name}.${ctx.getHandler().name}`;
}

function purposeOf(ctx: ExecutionContext): string | null {
  if (ctx.getType<'graphql'>() !== 'graphql') return null;
  const args = GqlExecutionContext.create(ctx).getArgs<Record<string, unknown>>();
  const p = args?.['purpose'];
  return typeof p === 'string' && p.trim() ? p.slice(0, 200) : null;
}
