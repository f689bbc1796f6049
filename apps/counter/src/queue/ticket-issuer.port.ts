import type { EntityManager } from 'typeorm';

/** What the appointments module (check-in) asks of the queue: a ticket, in the caller's transaction. */
export interface IssueTicketCommand {
  /** The station (hall) the ticket is for. */
  unitCode: string;
  /** The catalog item the citizen came for; the queue maps it to its service group. */
  itemCode: string;
  /** Green channel / appointment priority (预约优先). */
  priority: boolean;
  /** Why it is a priority ticket, e.g. `APPOINTMENT`, `ELDERLY_70`. */
  priorityReason?: string;
  source: 'KIOSK' | 'CLERK' | 'APPOINTMENT';
  /** The booking checked in, when source = APPOINTMENT. */
  appointmentId?: string;
  /** Mobile for the "前面还有 N 人" SMS, when the holder asked for one. */
  notifyPhone?: string;
}

export interface IssuedTicket {
  id: string;
  /** The called number, e.g. `A001`. */
  number: string;
  serviceGroupCode: string;
  /** Tickets waiting ahead of this one in its group when taken. */
  ahead: number;
}

/** Port implemented by the queue (QueueModule exports it); appointments depend on this, not on queue internals. */
export abstract class TicketIssuer {
  abstract issue(manager: EntityManager, command: IssueTicketCommand): Promise<IssuedTicket>;
}

/** Until the queue lands: refuses (never silently drops a check-in). */
export class UnavailableTicketIssuer extends TicketIssuer {
  issue(): Promise<IssuedTicket> {
    return Promise.reject(new Error('the queue (排队叫号) is not available'));
  }
}
