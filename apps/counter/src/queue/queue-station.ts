import { findPoliceUnit, Role, withinJurisdiction, type Identity } from '@onewindow/contracts';
import { hasRole, jurisdictionOf } from '@onewindow/platform';
import { QueueErrorCode, QueueException } from './queue.exception.js';

/** A station (派出所, 9-digit unit) known to the deployment. */
export function assertStation(unitCode: string): string {
  const unit = findPoliceUnit(unitCode);
  if (!unit || unit.code.length !== 9) throw new QueueException(QueueErrorCode.STATION_UNKNOWN, '没有这个办事大厅（须为派出所）', { unitCode });
  return unit.code;
}

/**
 * May this caller manage the hall of `unitCode`? Clerks and officers: their own station only;
 * supervisors: stations within their jurisdiction.
 */
export function assertHallAccess(actor: Identity, unitCode: string): void {
  if (hasRole(actor, Role.SUPERVISOR, Role.ADMIN) && withinJurisdiction(jurisdictionOf(actor).unitPrefix, unitCode)) return;
  if (actor.unitCode === unitCode) return;
  throw new QueueException(QueueErrorCode.WINDOW_OTHER_STATION, '只能管理本单位办事大厅的窗口和排队号', { unitCode });
}

/** The station whose hall the caller works in when they name none. */
export function defaultStation(actor: Identity, unitCode?: string): string {
  return assertStation(unitCode ?? actor.unitCode);
}
