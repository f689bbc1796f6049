import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ServiceName } from './enums.js';

/**
 * Cross-police-type transfers (跨警种移交). A transfer is requested by one service and worked by
 * another; both sides keep a row. Facts travel as JetStream events through each side's outbox:
 *
 *   sender stream:   <from>.v1.transfer.requested.<to>        TransferRequestedEvent
 *   receiver stream: <to>.v1.transfer.acknowledged.<from>      TransferAcknowledgedEvent (accepted or refused)
 *   receiver stream: <to>.v1.transfer.completed.<from>         TransferCompletedEvent (result)
 *
 * Receivers consume `*.v1.transfer.requested.<me>` from every other service's stream; senders
 * consume `<to>.v1.transfer.*.<me>`. Durable consumers + inbox → delivered once, in order per stream.
 */
/** COMPLAINT_CHECK: the complaints service asks a police type to verify and handle a complaint's facts (信访核查). */
export const TRANSFER_KINDS = ['CASE', 'TASK', 'DEATH_FOLLOW_UP', 'REVOCATION', 'COMPLAINT_CHECK'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

/** REVOKED: the sender revoked it (撤销) before anyone worked it — void, nothing more expected. */
export const TRANSFER_STATUSES = ['REQUESTED', 'ACKNOWLEDGED', 'REFUSED', 'COMPLETED', 'REVOKED'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

const SERVICES = Object.values(ServiceName) as string[];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const TransferSubjects = {
  requested: (from: ServiceName, to: ServiceName) => `${from}.v1.transfer.requested.${to}`,
  acknowledged: (to: ServiceName, from: ServiceName) => `${to}.v1.transfer.acknowledged.${from}`,
  completed: (to: ServiceName, from: ServiceName) => `${to}.v1.transfer.completed.${from}`,
  /** Either side's overdue flag (for supervisors, consumed by the counter); not matched by the filters below. */
  flagged: (service: ServiceName) => `${service}.v1.transfer.flagged`,
  /** Filter a receiver uses on a sender's stream. */
  inboundFilter: (from: ServiceName, me: ServiceName) => `${from}.v1.transfer.requested.${me}`,
  /**
   * Filter a sender uses on a receiver's stream (acknowledged + completed). The wildcard also
   * matches `requested` addressed to `me`, so packages/transfers uses this one filter per stream
   * for both directions (one durable, stream order kept).
   */
  outcomeFilter: (to: ServiceName, me: ServiceName) => `${to}.v1.transfer.*.${me}`,
} as const;

export class TransferAttachment {
  @IsString() @Length(1, 200) name!: string;
  /** Reference the receiver can resolve (document number, URL of the owning service, …). */
  @IsString() @Length(1, 500) ref!: string;
}

export class TransferActor {
  @IsString() sub!: string;
  @IsString() name!: string;
  @IsString() unitCode!: string;
}

export class TransferRequestedEvent {
  @IsUUID() transferId!: string;
  @IsIn(SERVICES) fromService!: ServiceName;
  @IsIn(SERVICES) toService!: ServiceName;
  @IsIn(TRANSFER_KINDS as unknown as string[]) kind!: TransferKind;
  /** The sender's case (application number) the transfer belongs to. */
  @IsString() @Length(1, 40) caseRef!: string;
  @IsOptional() @Matches(/^[0-9]{17}[0-9X]$/) subjectIdNumber?: string;
  @IsString() @Length(2, 1000) reason!: string;
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => TransferAttachment) attachments!: TransferAttachment[];
  @IsInt() @Min(1) @Max(60) requestedDeadlineDays!: number;
  @Matches(DATE) requestedDeadline!: string;
  @ValidateNested() @Type(() => TransferActor) requestedBy!: TransferActor;
  @IsString() requestedAt!: string;
  /** Kind-specific facts (e.g. the date of death for DEATH_FOLLOW_UP). */
  @IsOptional() details?: Record<string, unknown>;
}

export class TransferAcknowledgedEvent {
  @IsUUID() transferId!: string;
  @IsIn(SERVICES) fromService!: ServiceName;
  @IsIn(SERVICES) toService!: ServiceName;
  @IsIn(['ACKNOWLEDGED', 'REFUSED']) status!: 'ACKNOWLEDGED' | 'REFUSED';
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
  @ValidateNested() @Type(() => TransferActor) by!: TransferActor;
  @IsString() at!: string;
}

export class TransferCompletedEvent {
  @IsUUID() transferId!: string;
  @IsIn(SERVICES) fromService!: ServiceName;
  @IsIn(SERVICES) toService!: ServiceName;
  @IsString() @Length(1, 2000) result!: string;
  @IsOptional() details?: Record<string, unknown>;
  @ValidateNested() @Type(() => TransferActor) by!: TransferActor;
  @IsString() at!: string;
}

/** `<service>.v1.transfer.flagged` — one side found its open transfer past the requested deadline (超期). */
export class TransferFlaggedEvent {
  @IsUUID() transferId!: string;
  @IsIn(SERVICES) fromService!: ServiceName;
  @IsIn(SERVICES) toService!: ServiceName;
  /** Which side's row was flagged (the service that emitted the event). */
  @IsIn(['OUTBOUND', 'INBOUND']) direction!: 'OUTBOUND' | 'INBOUND';
  @IsIn(TRANSFER_STATUSES as unknown as string[]) status!: TransferStatus;
  @IsString() @Length(1, 40) caseRef!: string;
  @IsString() unitCode!: string;
  @Matches(DATE) requestedDeadline!: string;
  /** Business date on which the job found it overdue. */
  @Matches(DATE) flaggedOn!: string;
  @IsString() at!: string;
}

/** rpc.<service>.v1.transfer.request — a user (officer) opens a transfer from their service. */
export class RequestTransferCommand {
  @IsIn(SERVICES) toService!: ServiceName;
  @IsIn(['CASE', 'TASK']) kind!: 'CASE' | 'TASK';
  @IsString() @Length(1, 40) caseRef!: string;
  @IsString() @Length(2, 1000) reason!: string;
  @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => TransferAttachment) attachments!: TransferAttachment[];
  @IsInt() @Min(1) @Max(60) requestedDeadlineDays!: number;
}

/** rpc.<service>.v1.transfer.acknowledge / .complete — the receiver works an inbound transfer. */
export class AcknowledgeTransferCommand {
  @IsUUID() transferId!: string;
  @IsIn(['ACKNOWLEDGED', 'REFUSED']) status!: 'ACKNOWLEDGED' | 'REFUSED';
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class CompleteTransferCommand {
  @IsUUID() transferId!: string;
  @IsString() @Length(1, 2000) result!: string;
}

export const TransferRpcSubjects = {
  request: (service: ServiceName) => `rpc.${service}.v1.transfer.request`,
  acknowledge: (service: ServiceName) => `rpc.${service}.v1.transfer.acknowledge`,
  complete: (service: ServiceName) => `rpc.${service}.v1.transfer.complete`,
} as const;

/** Snapshot of one side's transfer row (reply of the RPCs and of queries). */
export interface TransferSnapshot {
  transferId: string;
  direction: 'OUTBOUND' | 'INBOUND';
  fromService: ServiceName;
  toService: ServiceName;
  kind: TransferKind;
  caseRef: string;
  subjectIdNumber?: string | null;
  reason: string;
  attachments: TransferAttachment[];
  requestedDeadline: string;
  status: TransferStatus;
  result?: string | null;
  refusalReason?: string | null;
  unitCode: string;
  overdue: boolean;
  timeline: { at: string; actorName: string; action: string; note?: string | null }[];
  updatedAt: string;
}

/** `<service>.v1.notification.requested` — any service asks the counter to text a citizen. */
export class NotificationRequestedEvent {
  @IsString() @Length(1, 100) notificationId!: string;
  @Matches(/^1[3-9]\d{9}$/) phone!: string;
  /** Template key known to the counter (e.g. LOST_ITEM_MATCHED, PLATES_READY). */
  @IsString() @Length(1, 64) template!: string;
  /** Template variables (no names, no full ID numbers). */
  @IsObject() params!: Record<string, string>;
  @IsOptional() @IsString() @MaxLength(40) reference?: string;
  /** Unit on whose behalf the SMS is sent (jurisdiction of the SMS record). */
  @IsOptional() @IsString() @MaxLength(12) unitCode?: string;
}
