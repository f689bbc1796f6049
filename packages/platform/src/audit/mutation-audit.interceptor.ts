import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { AUDIT_ACTIONS, type Identity } from '@onewindow/contracts';
import type { GraphQLResolveInfo } from 'graphql';
import type { Logger } from 'pino';
import { AsyncLocalStorage } from 'node:async_hooks';
import { catchError, from, map, mergeMap, Observable, throwError } from 'rxjs';
import { identityFromContext } from '../auth/decorators.js';
import { DomainException } from '../errors/domain.exception.js';
import type { AuditOutcome } from './audit-log.entity.js';
import type { AuditEntry, AuditService } from './audit.service.js';

/**
 * Set while a mutation runs; AuditService.record marks it so the generic entry is not doubled, and
 * AuditService.recordMutationSuccess writes the generic entry inside the resolver's own transaction.
 */
export interface MutationAuditScope {
  recorded: boolean;
  identity: Identity;
  field: string;
  ids: Record<string, unknown>;
}
export const mutationAuditScope = new AsyncLocalStorage<MutationAuditScope>();

/** The generic `MUTATION` entry of one mutation (what the interceptor writes, or the resolver in its transaction). */
export function mutationAuditEntry(field: string, ids: Record<string, unknown>, outcome: AuditOutcome, err?: unknown): AuditEntry {
  return {
    action: AUDIT_ACTIONS.MUTATION,
    subjectType: field,
    subjectRef: firstRef(ids) || '-',
    outcome,
    details: { field, args: ids, ...(err instanceof DomainException ? { code: err.code } : {}) },
  };
}

/** Mutations audited elsewhere: the demo login records SIGN_IN / SIGN_IN_FAILED itself. */
const SKIPPED = new Set(['login']);

/** Argument names that identify WHAT was changed; everything else (texts, codes, passwords) is left out. */
const IDENTIFYING = /^(id|ids|.*Id|.*Ids|.*No|.*Nos|number|numbers|.*Number|plate|.*Plate|unitCode|version|idempotencyKey|month|format|username|itemCode)$/;
const SECRET = /pass|secret|token|otp|signature|captcha|^pin$|^code$|verificationCode|smsCode/i;

/** The identifying arguments of a mutation, searched one level into input objects; never secrets. */
export function identifyingArgs(args: Record<string, unknown>, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args ?? {})) {
    if (SECRET.test(k)) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth < 1) {
      const inner = identifyingArgs(v as Record<string, unknown>, depth + 1);
      if (Object.keys(inner).length) out[k] = inner;
    } else if (IDENTIFYING.test(k) && (typeof v === 'string' || typeof v === 'number' || (Array.isArray(v) && v.every((x) => typeof x === 'string')))) {
      out[k] = Array.isArray(v) ? v.slice(0, 20) : v;
    }
  }
  return out;
}

export function outcomeOf(err: unknown): AuditOutcome {
  if (err instanceof DomainException && ['FORBIDDEN', 'OUT_OF_JURISDICTION', 'UNAUTHENTICATED', 'ROLE_NOT_ALLOWED', 'NOT_OWNING_OFFICER'].includes(err.code)) return 'DENIED';
  return 'FAILURE';
}

function firstRef(ids: Record<string, unknown>): string {
  for (const v of Object.values(ids)) {
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = firstRef(v as Record<string, unknown>);
      if (inner) return inner;
    }
  }
  return '';
}

/**
 * "Who changed" (谁改了什么): every GraphQL mutation of every service leaves one `MUTATION` entry —
 * field name, identifying arguments, outcome SUCCESS / DENIED / FAILURE — unless the resolver
 * already recorded its own audit entry while succeeding (no double write). Failures are always
 * recorded: a service's own entry inside a rolled-back transaction is gone with it. Requests the
 * guard refuses before the resolver runs are not seen here.
 */
@Injectable()
export class MutationAuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService, private readonly logger: Logger) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(ctx);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info?.parentType?.name !== 'Mutation' || SKIPPED.has(info.fieldName)) return next.handle();
    const identity = identityFromContext(ctx);
    if (!identity) return next.handle();
    const ids = identifyingArgs(gql.getArgs());
    const field = info.fieldName;
    const store: MutationAuditScope = { recorded: false, identity, field, ids };
    return new Observable((subscriber) =>
      mutationAuditScope.run(store, () =>
        next
          .handle()
          .pipe(
            mergeMap((v: unknown) => from(store.recorded ? Promise.resolve() : this.write(identity, field, ids, 'SUCCESS')).pipe(map(() => v))),
            catchError((err: unknown) => from(this.write(identity, field, ids, outcomeOf(err), err)).pipe(mergeMap(() => throwError(() => err)))),
          )
          .subscribe(subscriber),
      ),
    );
  }

  private async write(identity: Identity, field: string, ids: Record<string, unknown>, outcome: AuditOutcome, err?: unknown): Promise<void> {
    try {
      await this.audit.record(identity, mutationAuditEntry(field, ids, outcome, err));
    } catch (e) {
      this.logger.error({ err: e, field }, 'mutation audit entry not written');
    }
  }
}
