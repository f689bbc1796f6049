import { maskerFor } from '@onewindow/platform';
import type { QueueTicketChangedEvent, QueueTicketAction, QueueWindowAction, QueueWindowChangedEvent } from '@onewindow/contracts';
import type { QueuePriorityReasonEntity, QueueServiceGroupEntity, QueueTicketEntity, QueueWindowEntity } from './queue.entities.js';
import { QueueTicketSourceEnum, QueueTicketStateEnum, QueueWindowStateEnum, type QueueTicket, type QueueWindow } from './queue.model.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
/** Phones on tickets are shown masked to everybody (list policy); nobody needs them in full at the hall. */
const listMasker = maskerFor(false, { list: true });

export interface TicketLookups {
  groups: ReadonlyMap<string, QueueServiceGroupEntity>;
  reasons: ReadonlyMap<string, QueuePriorityReasonEntity>;
  windowNumbers: ReadonlyMap<string, number>;
}

export function toTicket(t: QueueTicketEntity, l: TicketLookups): QueueTicket {
  return {
    id: t.id, number: t.number, unitCode: t.unitCode, businessDate: t.businessDate, groupCode: t.groupCode, groupName: l.groups.get(t.groupCode)?.name ?? t.groupCode,
    originGroupCode: t.originGroupCode, state: t.state as QueueTicketStateEnum, priority: t.priority, priorityReason: t.priorityReason ?? undefined,
    priorityLabel: t.priorityReason ? (l.reasons.get(t.priorityReason)?.label ?? t.priorityReason) : undefined, source: t.source as QueueTicketSourceEnum,
    itemCode: t.itemCode ?? undefined, notifyPhone: listMasker.phone(t.notifyPhone) ?? undefined, windowNumber: t.windowNumber ?? undefined,
    targetWindowNumber: t.targetWindowId ? l.windowNumbers.get(t.targetWindowId) : undefined, recallCount: t.recallCount, transferCount: t.transferCount,
    takenAt: t.takenAt, firstCalledAt: t.firstCalledAt ?? undefined, calledAt: t.calledAt ?? undefined, startedAt: t.startedAt ?? undefined,
    finishedAt: t.finishedAt ?? undefined, noShowAt: t.noShowAt ?? undefined, transferredAt: t.transferredAt ?? undefined,
  };
}

export function toWindow(w: QueueWindowEntity, viewerSub: string | undefined, current: QueueTicketEntity | undefined, l: TicketLookups): QueueWindow {
  return {
    id: w.id, unitCode: w.unitCode, number: w.number, servesAll: w.servesAll, groupCodes: w.groupCodes, state: w.state as QueueWindowStateEnum,
    pauseReason: w.pauseReason ?? undefined, clerkName: w.clerkName ?? undefined, mine: Boolean(viewerSub && w.clerkSub === viewerSub),
    currentTicket: current ? toTicket(current, l) : undefined, consecutivePriority: w.consecutivePriority, stateChangedAt: w.stateChangedAt,
  };
}

/** The event of a ticket step: ids, station, group, window, state and timestamps — never the phone. */
export function ticketEvent(t: QueueTicketEntity, action: QueueTicketAction, at: Date): QueueTicketChangedEvent {
  return {
    ticketId: t.id, number: t.number, unitCode: t.unitCode, businessDate: t.businessDate, groupCode: t.groupCode, originGroupCode: t.originGroupCode, action,
    state: t.state, priority: t.priority, priorityReason: t.priorityReason, source: t.source, appointmentId: t.appointmentId, windowId: t.windowId,
    windowNumber: t.windowNumber, recallCount: t.recallCount, takenAt: t.takenAt.toISOString(), firstCalledAt: iso(t.firstCalledAt), calledAt: iso(t.calledAt),
    startedAt: iso(t.startedAt), finishedAt: iso(t.finishedAt), noShowAt: iso(t.noShowAt), transferredAt: iso(t.transferredAt), version: t.version, at: at.toISOString(),
  };
}

export function windowEvent(w: QueueWindowEntity, action: QueueWindowAction, at: Date): QueueWindowChangedEvent {
  return {
    windowId: w.id, unitCode: w.unitCode, windowNumber: w.number, action, state: w.state, pauseReason: w.pauseReason, servesAll: w.servesAll,
    groupCodes: w.groupCodes, clerkSub: w.clerkSub, version: w.version, at: at.toISOString(),
  };
}
