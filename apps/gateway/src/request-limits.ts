import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorCode, Identity } from '@onewindow/contracts';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { PERSON_LOOKUP_FIELDS } from './query-limits.js';

/** Budgets per window (GatewayConfig RATE_LIMIT_*). 0 turns a budget off. */
export interface RequestBudgets {
  windowSeconds: number;
  /** GraphQL requests per client address (signed in or not). */
  perIp: number;
  /** GraphQL requests per signed-in user. */
  perUser: number;
  /** Person lookups by ID number (query-limits PERSON_LOOKUP_FIELDS) per signed-in user. */
  lookupsPerUser: number;
}

/** The typed refusal: HTTP 429, Retry-After in seconds, Chinese message. */
export function rateLimited(retryAfterSeconds: number, lookups: boolean): GraphQLError {
  const what = lookups ? '人员信息查询过于频繁' : '操作过于频繁';
  return new GraphQLError(`${what}，请 ${retryAfterSeconds} 秒后再试；如确有大量业务需要，请联系运维人员调整限额。`, {
    extensions: {
      code: 'RATE_LIMITED' satisfies ErrorCode,
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

/** How many person lookups the operation makes (each alias of `registerCheck` counts once). */
export function countPersonLookups(document: DocumentNode, operationName?: string | null): number {
  let lookups = 0;
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return 0;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const seen = new Set<string>();
  const walk = (node: Parameters<typeof visit>[0]) =>
    visit(node, {
      Field(field) {
        if (PERSON_LOOKUP_FIELDS.has(field.name.value)) lookups++;
      },
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          seen.add(fragment.name.value);
          walk(fragment);
        }
      },
    });
  walk(operation);
  return lookups;
}

/**
 * Per-IP and per-user request budgets and a tighter per-user budget for person lookups, counted
 * in this gateway process's memory (rate-limiter-flexible, fixed windows). Several gateway
 * replicas each count on their own: give them a shared store (rate-limiter-flexible's Redis or
 * Postgres limiter) or divide the budgets by the replica count (docs/decisions/0029).
 */
export class RequestLimiter {
  private readonly ip?: RateLimiterMemory;
  private readonly user?: RateLimiterMemory;
  private readonly lookups?: RateLimiterMemory;

  constructor(budgets: RequestBudgets) {
    const make = (points: number, keyPrefix: string) => (points > 0 ? new RateLimiterMemory({ points, duration: budgets.windowSeconds, keyPrefix }) : undefined);
    this.ip = make(budgets.perIp, 'ip');
    this.user = make(budgets.perUser, 'user');
    this.lookups = make(budgets.lookupsPerUser, 'lookup');
  }

  /** One request from this address; throws RATE_LIMITED past the budget. */
  async takeIp(clientIp: string | undefined): Promise<void> {
    await this.take(this.ip, `ip:${clientIp ?? 'unknown'}`, 1, false);
  }

  /** One request of a signed-in user; anonymous callers are counted by address only. */
  async takeUser(identity: Identity): Promise<void> {
    if (identity.sub === 'anonymous') return;
    await this.take(this.user, `user:${identity.sub}`, 1, false);
  }

  /** `count` person lookups of a signed-in user (anonymous callers cannot look people up). */
  async takeLookups(identity: Identity | undefined, count: number): Promise<void> {
    if (count === 0) return;
    await this.take(this.lookups, `lookup:${identity?.sub ?? 'anonymous'}`, count, true);
  }

  private async take(limiter: RateLimiterMemory | undefined, key: string, points: number, lookups: boolean): Promise<void> {
    if (!limiter) return;
    try {
      await limiter.consume(key, points);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw rateLimited(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)), lookups);
      throw rejection;
    }
  }
}

/** countPersonLookups once per parsed document and operation (Apollo reuses the DocumentNode of a known source). */
const lookupCounts = new WeakMap<DocumentNode, Map<string, number>>();
function cachedLookups(document: DocumentNode, operationName?: string | null): number {
  let byOperation = lookupCounts.get(document);
  if (!byOperation) lookupCounts.set(document, (byOperation = new Map()));
  const key = operationName ?? '';
  let n = byOperation.get(key);
  if (n === undefined) byOperation.set(key, (n = countPersonLookups(document, operationName)));
  return n;
}

/** Person lookups are counted once the operation is known, still before any subgraph is called. */
export function lookupBudgetPlugin(limiter: RequestLimiter): ApolloServerPlugin<{ identity?: Identity }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
          await limiter.takeLookups(contextValue.identity, cachedLookups(document, request.operationName));
        },
      };
    },
  };
}
