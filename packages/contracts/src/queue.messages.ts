import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const QUEUE_TICKET_ACTIONS = ['TAKEN', 'CALLED', 'RECALLED', 'STARTED', 'TRANSFERRED', 'FINISHED', 'NO_SHOW'] as const;
export type QueueTicketAction = (typeof QUEUE_TICKET_ACTIONS)[number];

export const QUEUE_WINDOW_ACTIONS = ['CREATED', 'OPENED', 'PAUSED', 'CLOSED', 'SIGNED_IN', 'SIGNED_OUT', 'GROUPS_CHANGED'] as const;
export type QueueWindowAction = (typeof QUEUE_WINDOW_ACTIONS)[number];

/**
 * `counter.v1.queue.ticket.changed`: a queue ticket (排队号) was taken, called, recalled, started,
 * transferred, finished or marked no-show. No personal data (never the holder's phone): ids, the
 * station, the group, the window, the state and the ticket's timestamps.
 */
export class QueueTicketChangedEvent {
  @IsUUID() ticketId!: string;
  @IsString() @Length(1, 8) number!: string;
  @Matches(/^\d{4,12}$/) unitCode!: string;
  /** Business date (China) of the ticket, YYYY-MM-DD. */
  @Matches(DATE) businessDate!: string;
  @IsString() @Length(1, 20) groupCode!: string;
  @IsString() @Length(1, 20) originGroupCode!: string;
  @IsIn(QUEUE_TICKET_ACTIONS as unknown as string[]) action!: QueueTicketAction;
  @IsIn(['WAITING', 'CALLED', 'SERVING', 'FINISHED', 'NO_SHOW']) state!: string;
  @IsBoolean() priority!: boolean;
  @IsOptional() @IsString() priorityReason!: string | null;
  @IsIn(['KIOSK', 'CLERK', 'APPOINTMENT']) source!: string;
  @IsOptional() @IsUUID() appointmentId!: string | null;
  @IsOptional() @IsUUID() windowId!: string | null;
  @IsOptional() @IsInt() windowNumber!: number | null;
  @IsInt() @Min(0) recallCount!: number;
  @IsString() takenAt!: string;
  @IsOptional() @IsString() firstCalledAt!: string | null;
  @IsOptional() @IsString() calledAt!: string | null;
  @IsOptional() @IsString() startedAt!: string | null;
  @IsOptional() @IsString() finishedAt!: string | null;
  @IsOptional() @IsString() noShowAt!: string | null;
  @IsOptional() @IsString() transferredAt!: string | null;
  @IsInt() version!: number;
  @IsString() at!: string;
}

/**
 * `counter.v1.queue.window.changed`: a window (窗口) opened, paused (暂停服务), closed, changed the
 * groups it serves, or a clerk signed in or out. No personal data (the clerk's account id only).
 */
export class QueueWindowChangedEvent {
  @IsUUID() windowId!: string;
  @Matches(/^\d{4,12}$/) unitCode!: string;
  @IsInt() @Min(1) windowNumber!: number;
  @IsIn(QUEUE_WINDOW_ACTIONS as unknown as string[]) action!: QueueWindowAction;
  @IsIn(['OPEN', 'PAUSED', 'CLOSED']) state!: string;
  @IsOptional() @IsString() pauseReason!: string | null;
  @IsBoolean() servesAll!: boolean;
  @IsString({ each: true }) groupCodes!: string[];
  /** The signed-in clerk's account id (sub), or null. */
  @IsOptional() @IsString() clerkSub!: string | null;
  @IsInt() version!: number;
  @IsString() at!: string;
}
