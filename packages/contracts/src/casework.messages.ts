import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { PoliceType } from './enums.js';

/**
 * Casework contracts shared by every police type (one implementation: packages/casework).
 *
 * Lifecycle (受理 → 审核 → 审批 → 制证/待领取 → 领取 → 办结):
 *   ACCEPTED → IN_REVIEW → APPROVED | REJECTED; APPROVED → READY_FOR_PICKUP → DELIVERED → CLOSED;
 *   REJECTED → CLOSED; WITHDRAWN from any state before APPROVED;
 *   SUPPLEMENT_REQUESTED (补正, clock stopped) ⇄ IN_REVIEW.
 */
export const APPLICATION_STATUSES = [
  'ACCEPTED', 'IN_REVIEW', 'SUPPLEMENT_REQUESTED', 'APPROVED', 'REJECTED', 'READY_FOR_PICKUP', 'DELIVERED', 'CLOSED', 'WITHDRAWN',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_ACTIONS = [
  'START_REVIEW', // officer: 开始审核
  'REQUEST_SUPPLEMENT', // officer: 要求补正 (clock stops)
  'SUPPLEMENT_RECEIVED', // clerk/officer: 补正材料已收 (clock resumes, deadline moves)
  'SUPPLY_TOLERATED', // clerk: a 容缺 material was supplied
  'REQUEST_EXTENSION', // officer: 申请延期 (days + reason)
  'APPROVE_EXTENSION', // supervisor: 批准延期 (deadline moves by working days)
  'REJECT_EXTENSION', // supervisor
  'APPROVE', // officer of the owning police type
  'REJECT', // officer of the owning police type (reason required)
  'MARK_READY', // officer: 制证完成/待领取 (queues the pickup SMS)
  'DELIVER', // clerk: 领取/寄递/送达
  'CLOSE', // clerk/officer: 办结
  'WITHDRAW', // clerk on the citizen's request, before approval
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export const DELIVERY_METHODS = ['WINDOW', 'POST', 'HOME'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const DEADLINE_STATES = ['ON_TIME', 'DUE_SOON', 'OVERDUE', 'PAUSED', 'DONE'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

const ID_NUMBER = /^[0-9]{15}([0-9]{2}[0-9Xx])?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ToleratedMaterialInput {
  @IsString() @Length(1, 64) code!: string;
  /** Text of the written commitment (书面承诺). */
  @IsString() @Length(2, 500) commitment!: string;
  @Matches(DATE, { message: 'dueDate 格式应为 YYYY-MM-DD' }) dueDate!: string;
}

/** rpc.<service>.v1.application.accept */
export class AcceptApplicationCommand {
  @IsString() @Length(8, 100) idempotencyKey!: string;
  @IsString() @Length(2, 64) itemCode!: string;
  @Matches(ID_NUMBER, { message: '申请人身份证号码格式不正确' }) applicantIdNumber!: string;
  @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) presentedMaterials!: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ToleratedMaterialInput)
  toleratedMaterials?: ToleratedMaterialInput[];
  /** The item's form fields (validated against the catalog's formFields by the service). */
  @IsObject() form!: Record<string, unknown>;
  @IsOptional() @IsArray() @IsString({ each: true }) claimedWaivers?: string[];
  /** Number of the one-time notice this acceptance completes (一次告知、二次办结). */
  @IsOptional() @IsString() @MaxLength(40) fromNoticeNumber?: string;
}

export class MissingMaterial {
  code!: string;
  name!: string;
  note?: string;
}

export class TimelineEntry {
  at!: string; // ISO timestamp
  actorSub!: string;
  actorName!: string;
  actorRoles!: string[];
  action!: string; // ApplicationAction or 'ACCEPT' | 'FLAG_OVERDUE' …
  fromStatus!: string | null;
  toStatus!: string;
  reason?: string | null;
  details?: Record<string, unknown>;
}

export class ToleratedMaterialState {
  code!: string;
  name!: string;
  commitment!: string;
  dueDate!: string;
  suppliedAt?: string | null;
}

const LIMIT_UNITS = ['WORKING_DAYS', 'CALENDAR_DAYS'] as const;

/** A time limit as the catalog states it (法定时限 / 承诺时限). */
export class TimeLimitSnapshot {
  @IsInt() @Min(0) value!: number;
  @IsIn(LIMIT_UNITS as unknown as string[]) unit!: (typeof LIMIT_UNITS)[number];
}

/** Statuses that may end an item's clock (限时办结): the decision, or the document made / handed out. */
export const CLOCK_STOP_STATUSES = ['APPROVED', 'READY_FOR_PICKUP', 'DELIVERED'] as const;
export type ClockStopStatus = (typeof CLOCK_STOP_STATUSES)[number];

/** Full state of an application: the reply to commands and the payload of `<service>.v1.application.changed`. */
export class ApplicationSnapshot {
  @IsString() number!: string;
  @IsString() service!: string;
  @IsIn(Object.values(PoliceType)) policeType!: PoliceType;
  @IsString() itemCode!: string;
  @IsString() itemName!: string;
  @IsString() applicantIdNumber!: string;
  @IsString() applicantName!: string;
  @IsOptional() @IsString() applicantPhone?: string | null;
  @IsIn(APPLICATION_STATUSES as unknown as string[]) status!: ApplicationStatus;
  @IsString() unitCode!: string;
  @IsString() unitName!: string;
  /** 首问责任人: the accepting clerk. */
  @IsString() firstInquiryOwnerSub!: string;
  @IsString() firstInquiryOwnerName!: string;
  @IsString() acceptedAt!: string;
  @Matches(DATE) deadline!: string;
  @IsBoolean() deadlineProvisional!: boolean;
  @IsIn(DEADLINE_STATES as unknown as string[]) deadlineState!: DeadlineState;
  @IsOptional() @IsString() clockStoppedSince?: string | null;
  /** 承诺时限 the deadline was computed from (absent in snapshots written before it was stored). */
  @IsOptional() @ValidateNested() @Type(() => TimeLimitSnapshot) promisedTimeLimit?: TimeLimitSnapshot | null;
  /** 法定时限 and the deadline it gives (moved like the promised one by 补正 and 延期). */
  @IsOptional() @ValidateNested() @Type(() => TimeLimitSnapshot) statutoryTimeLimit?: TimeLimitSnapshot | null;
  @IsOptional() @Matches(DATE) statutoryDeadline?: string | null;
  @IsOptional() @IsBoolean() statutoryDeadlineProvisional?: boolean;
  /** The step that ends the clock for this item (default APPROVED). */
  @IsOptional() @IsIn(CLOCK_STOP_STATUSES as unknown as string[]) clockStopsAt?: ClockStopStatus;
  /** Working days added by approved extensions so far, and the item's cap. */
  @IsOptional() @IsInt() @Min(0) extendedWorkingDays?: number;
  @IsOptional() @IsInt() @Min(0) maxExtensionWorkingDays?: number;
  @IsInt() @Min(0) feeFen!: number;
  @IsOptional() @IsString() waiverCode?: string | null;
  @IsOptional() @IsIn(DELIVERY_METHODS as unknown as string[]) deliveryMethod?: DeliveryMethod | null;
  @IsOptional() @IsString() resultName?: string | null;
  @IsOptional() @IsString() pickupNotice?: string | null;
  @IsOptional() @IsString() rejectionReason?: string | null;
  @IsArray() presentedMaterials!: string[];
  @IsArray() toleratedMaterials!: ToleratedMaterialState[];
  @IsObject() form!: Record<string, unknown>;
  @IsOptional() @IsString() fromNoticeNumber?: string | null;
  @IsArray() timeline!: TimelineEntry[];
  @IsInt() @Min(1) version!: number;
  @IsString() updatedAt!: string;
}

/** Reply of `application.accept`: either accepted, or the exact missing materials for a one-time notice. */
export class AcceptApplicationReply {
  outcome!: 'ACCEPTED' | 'MISSING_MATERIALS';
  application?: ApplicationSnapshot;
  missing?: MissingMaterial[];
  /** Set when the idempotency key had already been used: the earlier result is returned. */
  replayed?: boolean;
  /** MISSING_MATERIALS: the online checks made (免提交), including those that put a material on the notice. */
  verifications?: OnlineVerificationResult[];
  /**
   * ACCEPTED for an item whose catalog says WARN: the applicant's other open applications for the
   * same item at acceptance (the clerk is told; nothing is refused).
   */
  openApplications?: OpenApplicationRef[];
}

/** An open application of the applicant, named in a duplicate warning or refusal (no personal data). */
export class OpenApplicationRef {
  number!: string;
  itemCode!: string;
  itemName!: string;
  status!: string;
  unitName!: string;
  acceptedAt!: string;
  deadline!: string;
}

/** A material checked online with another department at acceptance. */
export class OnlineVerificationResult {
  code!: string;
  source!: string;
  sourceLabel!: string;
  outcome!: 'FOUND' | 'NOT_FOUND' | 'SOURCE_UNAVAILABLE';
  checkedAt!: string;
  reference?: string;
  detail?: string;
}

/** rpc.<service>.v1.application.transition */
export class TransitionApplicationCommand {
  @IsString() @Length(4, 40) number!: string;
  @IsIn(APPLICATION_ACTIONS as unknown as string[]) action!: ApplicationAction;
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
  @IsOptional() @IsInt() @Min(1) @Max(60) extensionDays?: number;
  @IsOptional() @IsIn(DELIVERY_METHODS as unknown as string[]) deliveryMethod?: DeliveryMethod;
  @IsOptional() @IsString() @Length(1, 64) materialCode?: string;
  /** Optimistic concurrency: the version the caller saw. */
  @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
}

/** rpc.<service>.v1.application.get */
export class GetApplicationRequest {
  @IsString() @Length(4, 40) number!: string;
}

export class CatalogPublishedItem {
  @IsString() code!: string;
  @IsString() name!: string;
  @IsObject() item!: Record<string, unknown>; // full CatalogItem as in the YAML (validated by @onewindow/catalog on receipt)
}

/** `<service>.v1.catalog.published`: the whole catalog of one police type at one version. */
export class CatalogPublishedEvent {
  @IsString() service!: string;
  @IsIn(Object.values(PoliceType)) policeType!: PoliceType;
  @IsString() version!: string;
  @Matches(DATE) effectiveFrom!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => CatalogPublishedItem) items!: CatalogPublishedItem[];
}

/** `counter.v1.sms.requested` */
export class SmsRequestedEvent {
  @IsString() smsId!: string;
  @Matches(/^1[3-9]\d{9}$/) phone!: string;
  @IsString() @Length(1, 70) text!: string;
  @IsString() template!: string;
  @IsOptional() @IsString() applicationNumber?: string;
}
