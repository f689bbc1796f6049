import { Role, type Identity } from '@onewindow/contracts';
import { hasRole, jurisdictionOf } from '../auth/roles.js';
import { DomainException } from '../errors/domain.exception.js';

/** Longest date range one audit trail query may span (a year and a day: one annual review). */
export const AUDIT_MAX_RANGE_DAYS = 366;

/** Digits of a city-level unit code; supervisors at this level also see entries without a unit. */
const CITY_CODE_LENGTH = 4;

/** Supervisors (督察) and admins read the audit trail; nobody else. */
export function assertAuditReader(actor: Identity): void {
  if (!hasRole(actor, Role.SUPERVISOR, Role.ADMIN)) throw DomainException.forbidden('仅督察或管理员可以查询审计记录');
}

/** from < to, at most AUDIT_MAX_RANGE_DAYS apart; typed errors otherwise. */
export function assertAuditRange(from: Date, to: Date): void {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from.getTime() >= to.getTime()) {
    throw new DomainException('AUDIT_RANGE_INVALID', '查询时间范围不正确：开始时间须早于结束时间');
  }
  if (to.getTime() - from.getTime() > AUDIT_MAX_RANGE_DAYS * 86_400_000) {
    throw new DomainException('AUDIT_RANGE_TOO_LONG', `查询时间范围不能超过 ${AUDIT_MAX_RANGE_DAYS} 天，请缩小范围`);
  }
}

/**
 * Which entries one reader sees: those whose ACTOR's unit lies within the reader's unit prefix (a
 * district supervisor audits the officers of their district, whoever's data they read). Entries
 * without a unit (scheduled jobs, sign-in attempts with an unknown username) belong to the city:
 * only city-level readers see them. A unit filter must lie within the reader's jurisdiction.
 */
export interface AuditScope {
  unitPrefix: string;
  includeUnitless: boolean;
}

export function auditScopeOf(actor: Identity, unitFilter?: string | null): AuditScope {
  const { unitPrefix } = jurisdictionOf(actor);
  if (unitFilter && !unitFilter.startsWith(unitPrefix)) throw DomainException.outOfJurisdiction('所选单位不在您的督察辖区内');
  return { unitPrefix: unitFilter || unitPrefix, includeUnitless: !unitFilter && unitPrefix.length <= CITY_CODE_LENGTH };
}
