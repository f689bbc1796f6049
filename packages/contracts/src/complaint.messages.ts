import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';

/** Where a complaint came in (信访渠道). */
export const COMPLAINT_CHANNELS = ['WINDOW', 'ONLINE', 'HOTLINE_96166', 'HOTLINE_960111', 'HOTLINE_12345', 'LETTER', 'VISIT'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/** What the complaint is about (投诉类别). */
export const COMPLAINT_KINDS = ['ATTITUDE', 'DELAY', 'UNFAMILIAR', 'MISCONDUCT', 'CONSULTATION', 'SUGGESTION', 'PRAISE'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/**
 * RECEIVED → ACCEPTED | NOT_ACCEPTED; ACCEPTED → ANSWERED → CLOSED; ANSWERED → REOPENED (the
 * complainant disputes the answer) → ANSWERED; NOT_ACCEPTED → CLOSED.
 */
export const COMPLAINT_STATUSES = ['RECEIVED', 'ACCEPTED', 'NOT_ACCEPTED', 'ANSWERED', 'REOPENED', 'CLOSED'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Where a complaint stands against its current time limit; DONE once answered, not accepted or closed. */
export const COMPLAINT_DEADLINE_STATES = ['ON_TIME', 'DUE_SOON', 'OVERDUE', 'DONE'] as const;
export type ComplaintDeadlineState = (typeof COMPLAINT_DEADLINE_STATES)[number];

export const COMPLAINT_ACTIONS = ['INTAKE', 'REPEATED', 'ACCEPT', 'NOT_ACCEPT', 'ANSWER', 'REQUEST_EXTENSION', 'APPROVE_EXTENSION', 'REOPEN', 'CLOSE', 'DEADLINE_STATE', 'TRANSFER', 'TRANSFER_OUTCOME'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `complaints.v1.complaint.changed`: a complaint was received or changed. Carries no personal
 * data (no complainant, no content): consumers that need more ask the complaints service.
 */
export class ComplaintChangedEvent {
  @IsString() number!: string;
  @IsIn(COMPLAINT_ACTIONS as unknown as string[]) action!: ComplaintAction;
  @IsIn(COMPLAINT_STATUSES as unknown as string[]) status!: ComplaintStatus;
  @IsIn(COMPLAINT_CHANNELS as unknown as string[]) channel!: ComplaintChannel;
  @IsIn(COMPLAINT_KINDS as unknown as string[]) kind!: ComplaintKind;
  @IsString() policeType!: string;
  /** The responsible unit (被投诉单位). */
  @IsString() unitCode!: string;
  @IsOptional() @Matches(DATE) deadline!: string | null;
  @IsIn(COMPLAINT_DEADLINE_STATES as unknown as string[]) deadlineState!: ComplaintDeadlineState;
  @IsOptional() @IsString() repeatOf!: string | null;
  @IsOptional() @IsString() applicationNumber!: string | null;
  @IsBoolean() extended!: boolean;
  @IsString() at!: string;
}

/**
 * 核查结论 recorded when a complaint is answered or closed: 属实 / 部分属实 / 不属实 for complaints
 * about conduct or service, 不涉及 for consultations, suggestions and praise.
 */
export const COMPLAINT_FINDINGS = ['SUBSTANTIATED', 'PARTLY_SUBSTANTIATED', 'NOT_SUBSTANTIATED', 'NOT_APPLICABLE'] as const;
export type ComplaintFinding = (typeof COMPLAINT_FINDINGS)[number];

/** What a deduction did: created from a substantiated finding, or reversed (by a supervisor, or when a re-examination changes the finding). */
export const COMPLAINT_DEDUCTION_ACTIONS = ['DEDUCTED', 'REVERSED'] as const;
export type ComplaintDeductionAction = (typeof COMPLAINT_DEDUCTION_ACTIONS)[number];

/**
 * `complaints.v1.deduction.changed`: a point deduction (扣分) against a unit and its officer was
 * made or reversed. The officer's account name and the complaint number, no complainant data.
 */
export class ComplaintDeductionChangedEvent {
  @IsString() deductionId!: string;
  @IsIn(COMPLAINT_DEDUCTION_ACTIONS as unknown as string[]) action!: ComplaintDeductionAction;
  @IsString() complaintNumber!: string;
  @IsIn(COMPLAINT_FINDINGS as unknown as string[]) finding!: ComplaintFinding;
  @IsString() unitCode!: string;
  @IsString() officerUsername!: string;
  @IsInt() @Min(0) unitPoints!: number;
  @IsInt() @Min(0) officerPoints!: number;
  /** Calendar year the deduction counts in. */
  @IsInt() year!: number;
  /** Active deductions of the officer in that year after this change (2 → no awards, 3 → 提示单). */
  @IsInt() @Min(0) officerCountInYear!: number;
  @IsString() at!: string;
}

/** An application number as casework issues it: police-type prefix, date, six-digit serial (e.g. HH20260210000001). */
export const APPLICATION_NUMBER_PATTERN = /^(HH|EE|TR|PS|CP)\d{14}$/;
