import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PoliceType } from './enums.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 上门服务 states: 待派单 → 已派单 → 已预约 → 已上门办理 / 无法上门. */
export const HOME_VISIT_STATUSES = ['REQUESTED', 'ASSIGNED', 'SCHEDULED', 'DONE', 'NOT_POSSIBLE'] as const;
export type HomeVisitStatus = (typeof HOME_VISIT_STATUSES)[number];

/** Why the citizen cannot come: 长期卧床 / 行动不便老年人 / 残疾人 / 其他. */
export const HOME_VISIT_REASONS = ['BEDRIDDEN', 'ELDERLY', 'DISABLED', 'OTHER'] as const;
export type HomeVisitReason = (typeof HOME_VISIT_REASONS)[number];

/**
 * `counter.v1.home-visit.changed`: a home visit was requested, assigned, scheduled, done, found not
 * possible, or flagged overdue. No personal data: ids, the station, the item, the state, the
 * deadline and the overdue flag, the linked application's number once done.
 */
export class HomeVisitChangedEvent {
  @IsUUID() visitId!: string;
  @IsString() @Length(1, 40) visitNumber!: string;
  @Matches(/^\d{9}$/) unitCode!: string;
  @IsIn(Object.values(PoliceType)) policeType!: PoliceType;
  @IsString() @Length(1, 64) itemCode!: string;
  @IsString() @Length(1, 200) itemName!: string;
  @IsIn(HOME_VISIT_STATUSES as unknown as string[]) status!: HomeVisitStatus;
  @IsIn(HOME_VISIT_REASONS as unknown as string[]) reason!: HomeVisitReason;
  /** The due date, YYYY-MM-DD (5 working days urban, 10 rural, from the request day). */
  @Matches(DATE) deadline!: string;
  @IsBoolean() overdue!: boolean;
  /** Business date in China of the outcome (DONE / NOT_POSSIBLE), else null. */
  @IsOptional() @Matches(DATE) closedOn!: string | null;
  @IsOptional() @IsString() @Length(1, 60) applicationNumber!: string | null;
  @IsInt() version!: number;
  @IsString() at!: string;
}

/**
 * `counter.v1.first-inquiry.recorded`: the first officer approached recorded an inquiry that did
 * not become an application (首问登记). No personal data: its number, the unit, whether it was
 * answered or directed elsewhere, and when.
 */
export class FirstInquiryRecordedEvent {
  @Matches(/^SW-\d{8}-\d{4}$/) number!: string;
  @Matches(/^\d{4,12}$/) unitCode!: string;
  @IsIn(['ANSWERED', 'DIRECTED']) outcome!: 'ANSWERED' | 'DIRECTED';
  @Matches(DATE) inquiredOn!: string;
  @IsString() at!: string;
}

/** The first-inquiry record number a complaint may cite: SW-yyyymmdd-nnnn. */
export const FIRST_INQUIRY_NUMBER_PATTERN = /^SW-\d{8}-\d{4}$/;
