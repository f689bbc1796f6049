import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';

export const PUBLIC_KEY = 'onewindow:public';
export const ROLES_KEY = 'onewindow:roles';

/** Field usable by anonymous callers (still requires a gateway-signed assertion). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/** Any of these roles may call. ADMIN is not implied: grant it explicitly where it makes sense. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const IDENTITY_KEY = 'onewindowIdentity';

export function identityFromContext(ctx: ExecutionContext): Identity | undefined {
  const type = ctx.getType<'http' | 'rpc' | 'graphql'>();
  if (type === 'graphql') {
    const gql = GqlExecutionContext.create(ctx).getContext<{ req?: Record<string, unknown> }>();
    return gql.req?.[IDENTITY_KEY] as Identity | undefined;
  }
  if (type === 'rpc') {
    const rpcCtx = ctx.switchToRpc().getContext<Record<string, unknown>>();
    return rpcCtx[IDENTITY_KEY] as Identity | undefined;
  }
  return ctx.switchToHttp().getRequest<Record<string, unknown>>()[IDENTITY_KEY] as Identity | undefined;
}

/** The verified identity of the caller, in resolvers and NATS handlers alike. */
export const CurrentIdentity = createParamDecorator((_: unknown, ctx: ExecutionContext): Identity => {
  const identity = identityFromContext(ctx);
  if (!identity) throw new Error('CurrentIdentity used on a route without the identity guard');
  return identity;
});

export const CLIENT_IP_KEY = 'onewindowClientIp';

/**
 * The caller's network address as the gateway signed it with the identity (GraphQL only);
 * undefined when the request carried none. Use it for rate limits, never for authorisation.
 */
export const ClientIp = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  if (ctx.getType<'graphql'>() !== 'graphql') return undefined;
  const gql = GqlExecutionContext.create(ctx).getContext<{ req?: Record<string, unknown> }>();
  const ip = gql.req?.[CLIENT_IP_KEY];
  return typeof ip === 'string' ? ip : undefined;
});
