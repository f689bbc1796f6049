import type { WorkingCalendar } from '@onewindow/calendar';
import {
  POLICE_TYPE_LABELS, Role, SERVICE_OF_POLICE_TYPE, type Identity, type PoliceType, type ServiceName, type TransferStatus,
} from '@onewindow/contracts';
import { TransferErrorCode, TransferException } from './transfer.exception.js';

/** Statuses after which nothing more is expected from the receiver. */
export const FINAL_TRANSFER_STATUSES: readonly TransferStatus[] = ['COMPLETED', 'REFUSED', 'REVOKED'];

export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  REQUESTED: '待签收',
  ACKNOWLEDGED: '已签收',
  REFUSED: '已退回',
  COMPLETED: '已反馈',
  REVOKED: '已撤销',
};

export function policeTypeOfService(service: ServiceName | string): PoliceType | undefined {
  return (Object.keys(SERVICE_OF_POLICE_TYPE) as PoliceType[]).find((p) => SERVICE_OF_POLICE_TYPE[p] === service);
}

/** 警种 label of a service, e.g. 交管 for traffic; the service name for non-police services. */
export function policeTypeLabel(service: ServiceName | string): string {
  const p = policeTypeOfService(service);
  return p ? POLICE_TYPE_LABELS[p] : service;
}

/**
 * The requested deadline: `days` working days after the business date (the starting day is not
 * counted, 行政许可法), on the State Council calendar. `provisional` when it crosses into a year
 * whose holidays are not published yet.
 */
export function requestedDeadlineOf(calendar: WorkingCalendar, today: string, days: number): { date: string; provisional: boolean } {
  const r = calendar.addWorkingDays(today, days);
  return { date: r.date, provisional: r.provisional };
}

/** Overdue (超期): still open on a business date after the requested deadline. */
export function isOverdue(t: { status: TransferStatus; requestedDeadline: string }, today: string): boolean {
  return !FINAL_TRANSFER_STATUSES.includes(t.status) && today > t.requestedDeadline;
}

/** A transfer may target another police-type service, never the sender itself nor the counter. */
export function assertTransferTarget(from: ServiceName, to: ServiceName): void {
  if (to === from) throw new TransferException(TransferErrorCode.INVALID_TRANSFER_TARGET, '不能移交给本警种');
  if (!policeTypeOfService(to)) throw new TransferException(TransferErrorCode.INVALID_TRANSFER_TARGET, `${to} 不是可接收移交的警种`);
}

/** The sender's side: a window clerk (全科受理), or a back-office officer of the sending police type. */
export function assertMayRequest(actor: Identity, sender: ServiceName): void {
  const type = policeTypeOfService(sender);
  const ok = actor.roles.includes(Role.CLERK) || (actor.roles.includes(Role.OFFICER) && !!type && actor.policeType === type);
  if (!ok) throw new TransferException(TransferErrorCode.NOT_SENDING_STAFF, `仅窗口民警或${policeTypeLabel(sender)}民警可以发起移交`);
}

/** The receiver's side: an officer of the receiving police type, or a supervisor (督察). */
export function assertMayWork(actor: Identity, receiver: ServiceName): void {
  const type = policeTypeOfService(receiver);
  const ok = actor.roles.includes(Role.SUPERVISOR) || (actor.roles.includes(Role.OFFICER) && !!type && actor.policeType === type);
  if (!ok) throw new TransferException(TransferErrorCode.NOT_RECEIVING_OFFICER, `仅${policeTypeLabel(receiver)}民警或督察可以签收、反馈此移交`);
}

/** Sign for (签收) or refuse (退回, reason required) a transfer that is still waiting. */
export function planAcknowledge(current: TransferStatus, status: 'ACKNOWLEDGED' | 'REFUSED', reason: string | undefined): TransferStatus {
  if (current !== 'REQUESTED') {
    throw new TransferException(TransferErrorCode.INVALID_TRANSFER_STATE, `移交当前状态为“${TRANSFER_STATUS_LABELS[current]}”，不能${status === 'REFUSED' ? '退回' : '签收'}`, { status: current });
  }
  if (status === 'REFUSED' && !reason?.trim()) throw new TransferException(TransferErrorCode.REFUSAL_REASON_REQUIRED, '退回移交须填写理由');
  return status;
}

/** Report the result (反馈办理结果) of a transfer that was signed for. */
export function planComplete(current: TransferStatus): TransferStatus {
  if (current !== 'ACKNOWLEDGED') {
    throw new TransferException(TransferErrorCode.INVALID_TRANSFER_STATE, `移交当前状态为“${TRANSFER_STATUS_LABELS[current]}”，签收后才能反馈办理结果`, { status: current });
  }
  return 'COMPLETED';
}

/**
 * Outcome events arrive in order per receiver stream; this keeps a stray older one from moving a
 * sender's row backwards. A row the sender revoked while it looked open still takes a result the
 * receiver had already reported (it was worked; the revocation then undoes it).
 */
export function outcomeApplies(current: TransferStatus, next: TransferStatus): boolean {
  const rank: Record<TransferStatus, number> = { REQUESTED: 0, ACKNOWLEDGED: 1, REFUSED: 2, REVOKED: 2, COMPLETED: 3 };
  return rank[next] > rank[current];
}

/** Revoking an open transfer voids it (已撤销); a refused or completed one keeps its status. */
export function planRevoke(current: TransferStatus): TransferStatus {
  return current === 'REQUESTED' || current === 'ACKNOWLEDGED' ? 'REVOKED' : current;
}
