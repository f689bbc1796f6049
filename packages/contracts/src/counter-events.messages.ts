import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { PoliceType } from './enums.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `counter.v1.notice.issued`: a one-time notice (一次性告知书) was issued at the window. No personal
 * data: the notice number, the issuing unit, police type and item, and the business date.
 */
export class NoticeIssuedEvent {
  @IsString() @Length(1, 60) noticeNumber!: string;
  @Matches(/^\d{4,12}$/) unitCode!: string;
  @IsIn(Object.values(PoliceType)) policeType!: PoliceType;
  @IsString() @Length(1, 64) itemCode!: string;
  @IsString() @Length(1, 200) itemName!: string;
  /** Business date in China, YYYY-MM-DD. */
  @Matches(DATE) issuedOn!: string;
  @IsString() at!: string;
}

export const SMS_OUTCOMES = ['SENT', 'FAILED'] as const;
export type SmsOutcome = (typeof SMS_OUTCOMES)[number];

/**
 * `counter.v1.sms.delivered`: an SMS reached its final outcome — SENT, or FAILED for good (after the
 * last attempt or a permanent error). No phone number, no text: the SMS id, the template, the unit
 * when known, the police type of the application it is about when known, and the business date.
 */
export class SmsDeliveredEvent {
  @IsString() @Length(1, 100) smsId!: string;
  @IsIn(SMS_OUTCOMES as unknown as string[]) outcome!: SmsOutcome;
  @IsOptional() @Matches(/^\d{4,12}$/) unitCode!: string | null;
  @IsOptional() @IsIn(Object.values(PoliceType)) policeType!: PoliceType | null;
  @IsString() @Length(1, 64) template!: string;
  /** Business date in China, YYYY-MM-DD. */
  @Matches(DATE) deliveredOn!: string;
  @IsString() at!: string;
}
