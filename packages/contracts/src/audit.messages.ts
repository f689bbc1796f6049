import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

/**
 * rpc.<service>.v1.audit.query (RpcSubjects.auditQuery) — one service's page of its own `audit_log` for the supervisors'
 * audit trail (审计查询). Every service answers it through the platform kit; roles and
 * jurisdiction are applied inside the answering service. Newest first, keyset by (at, id).
 */
/** Largest page one service returns to one request (the counter asks for page size + 1). */
export const AUDIT_QUERY_MAX_LIMIT = 501;

/** Position after the last entry a caller has seen from one service: (at, id) of that entry. */
export class AuditQueryPosition {
  @IsISO8601({ strict: true })
  at!: string;

  @IsString()
  @Matches(/^[0-9]{1,19}$/)
  id!: string;
}

export class AuditQueryFilter {
  /** Subject reference (an ID number, plate, record number …), exact. */
  @IsOptional() @IsString() @Length(1, 64)
  personRef?: string;

  /** Actor's username, exact. */
  @IsOptional() @IsString() @Length(1, 64)
  officer?: string;

  /** Actor's unit-code prefix. */
  @IsOptional() @IsString() @Matches(/^[0-9]{2,12}$/)
  unitCode?: string;

  @IsOptional() @IsString() @Matches(/^[A-Z0-9_:.-]{1,64}$/)
  action?: string;

  /** Inclusive lower bound (ISO instant). */
  @IsISO8601({ strict: true })
  from!: string;

  /** Exclusive upper bound (ISO instant). */
  @IsISO8601({ strict: true })
  to!: string;
}

export class AuditQueryRequest {
  @ValidateNested() @Type(() => AuditQueryFilter)
  filter!: AuditQueryFilter;

  @IsOptional() @ValidateNested() @Type(() => AuditQueryPosition)
  after?: AuditQueryPosition;

  @IsInt() @Min(1) @Max(AUDIT_QUERY_MAX_LIMIT)
  limit!: number;
}

export const AUDIT_OUTCOMES = ['SUCCESS', 'DENIED', 'FAILURE'] as const;

/** One `audit_log` row as it travels: subject references in full (the counter masks them for display). */
export interface AuditQueryEntry {
  id: string;
  at: string;
  actorSub: string;
  actorUsername: string;
  actorUnit: string;
  action: string;
  subjectType: string;
  subjectRef: string;
  purpose: string | null;
  outcome: (typeof AUDIT_OUTCOMES)[number];
  details: Record<string, unknown>;
}

export interface AuditQueryReply {
  entries: AuditQueryEntry[];
  /** True when the service holds more matching entries after the last one returned. */
  hasMore: boolean;
}

export const AUDIT_ACTIONS = {
  /** Demo issuer sign-in (counter). */
  SIGN_IN: 'SIGN_IN',
  SIGN_IN_FAILED: 'SIGN_IN_FAILED',
  /** First sight of an OIDC token at the counter's `me` (the identity provider keeps the sign-in itself). */
  SESSION_SEEN: 'SESSION_SEEN',
  /** Any GraphQL mutation (platform interceptor): details.field, identifying arguments. */
  MUTATION: 'MUTATION',
  AUDIT_TRAIL_QUERY: 'AUDIT_TRAIL_QUERY',
  AUDIT_TRAIL_EXPORT: 'AUDIT_TRAIL_EXPORT',
} as const;
