import { BaseServiceConfig } from '@onewindow/platform';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

export class ComplaintsConfig extends BaseServiceConfig {
  override PORT = 4105;

  /** Points deducted from the responsible unit for a substantiated (属实/部分属实) complaint (seed 004: 对责任单位予以扣分). */
  @Transform(toInt)
  @IsInt({ message: 'DEDUCTION_UNIT_POINTS must be an integer' })
  @Min(0, { message: 'DEDUCTION_UNIT_POINTS must be 0 or more' })
  @Max(100, { message: 'DEDUCTION_UNIT_POINTS must be at most 100' })
  DEDUCTION_UNIT_POINTS = 2;

  /** Points deducted from the responsible officer for a substantiated complaint (对责任民警予以扣分). */
  @Transform(toInt)
  @IsInt({ message: 'DEDUCTION_OFFICER_POINTS must be an integer' })
  @Min(0, { message: 'DEDUCTION_OFFICER_POINTS must be 0 or more' })
  @Max(100, { message: 'DEDUCTION_OFFICER_POINTS must be at most 100' })
  DEDUCTION_OFFICER_POINTS = 2;

  // ---- 好差评 (evaluations) -----------------------------------------------------------------------

  /**
   * Shared secret of the SMS provider's inbound-reply callback (HMAC-SHA256, sensitive). Unset: the
   * endpoint refuses every reply; production refuses to boot without it.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'SMS_INBOUND_SECRET must be at least 32 characters' })
  SMS_INBOUND_SECRET?: string = undefined;

  /** How far the provider's timestamp may be from now (seconds) before a reply is refused as a replay. */
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(3600)
  SMS_INBOUND_MAX_SKEW_SECONDS = 300;

  /** Working days to rectify or explain a bad review (回访核实); 15 is common, seed 004 uses 3. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  EVALUATION_RECTIFY_WORKING_DAYS = 15;

  /** Per-city overrides of EVALUATION_RECTIFY_WORKING_DAYS: `city:days` pairs, e.g. `3702:3,5101:10`. */
  @Matches(/^(\d{4}:\d{1,2}(,\d{4}:\d{1,2})*)?$/, { message: 'EVALUATION_RECTIFY_WORKING_DAYS_BY_CITY must look like 3702:3,5101:10' })
  EVALUATION_RECTIFY_WORKING_DAYS_BY_CITY = '';

  /** Officers below this monthly satisfaction rate (percent): 取消年度评优资格 (seed 004: 90). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100)
  EVALUATION_NO_AWARDS_BELOW = 90;

  /** Officers below this monthly satisfaction rate (percent): 全局通报 (seed 004: 70). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100)
  EVALUATION_BUREAU_NOTICE_BELOW = 70;

  /** Minimum satisfaction rate for 5, 4, 3, 2 and 1 stars (星级窗口 / 星级民警). */
  @Matches(/^\d{1,3}(\.\d)?(,\d{1,3}(\.\d)?){4}$/, { message: 'EVALUATION_STAR_THRESHOLDS must be five percentages, e.g. 99,97,95,92,90' })
  EVALUATION_STAR_THRESHOLDS = '99,97,95,92,90';

  /** Fewer evaluations in a month than this: no stars. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EVALUATION_STAR_MIN_COUNT = 5;

  /** How long a paired rating screen's device token lives (hours). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 7)
  RATING_DEVICE_TTL_HOURS = 12;

  /** Working days of the per-city rectification period for one unit code. */
  rectifyWorkingDaysFor(unitCode: string): number {
    for (const pair of this.EVALUATION_RECTIFY_WORKING_DAYS_BY_CITY.split(',').filter(Boolean)) {
      const [city, days] = pair.split(':');
      if (unitCode.startsWith(city!)) return Number(days);
    }
    return this.EVALUATION_RECTIFY_WORKING_DAYS;
  }

  override consistencyProblems(): string[] {
    const problems = super.consistencyProblems();
    if (this.EVALUATION_BUREAU_NOTICE_BELOW > this.EVALUATION_NO_AWARDS_BELOW) problems.push('EVALUATION_BUREAU_NOTICE_BELOW must not exceed EVALUATION_NO_AWARDS_BELOW');
    const stars = this.EVALUATION_STAR_THRESHOLDS.split(',').map(Number);
    if (stars.some((v, i) => v > 100 || (i > 0 && v > stars[i - 1]!))) problems.push('EVALUATION_STAR_THRESHOLDS must be descending percentages');
    return problems;
  }

  override productionProblems(): string[] {
    const problems = super.productionProblems();
    if (!this.SMS_INBOUND_SECRET) problems.push('SMS_INBOUND_SECRET is required in production (inbound evaluation replies)');
    return problems;
  }
  /** Online form (网上投诉): SMS codes per mobile number per hour. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000) ONLINE_CODES_PER_PHONE_PER_HOUR = 5;
  /** Online form: SMS codes per client address per hour (the address the gateway signs). */
  @Transform(toInt) @IsInt() @Min(1) @Max(100000) ONLINE_CODES_PER_IP_PER_HOUR = 20;
  /** Online form: complaints submitted per client address per day. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100000) ONLINE_SUBMISSIONS_PER_IP_PER_DAY = 10;
  /** How long an SMS code is valid, and how many wrong tries it survives. */
  @Transform(toInt) @IsInt() @Min(60) @Max(3600) ONLINE_CODE_TTL_SECONDS = 600;
  @Transform(toInt) @IsInt() @Min(1) @Max(20) ONLINE_CODE_MAX_ATTEMPTS = 5;

  /**
   * Shared secret of the 12345 hotline's HTTP push (HMAC-SHA256 over timestamp + body; sensitive).
   * Unset: the push endpoint refuses every request (docs/integrations/12345-work-orders.md).
   */
  @IsOptional() @IsString() @MinLength(32, { message: 'WORK_ORDER_12345_SECRET must be at least 32 characters' })
  WORK_ORDER_12345_SECRET?: string = undefined;
  /** Accepted clock difference of a push's timestamp (replay window), seconds. */
  @Transform(toInt) @IsInt() @Min(30) @Max(3600) WORK_ORDER_12345_MAX_SKEW_SECONDS = 300;
}

/** The deduction points in force (from ComplaintsConfig; tests pass their own). */
export interface DeductionPoints {
  unitPoints: number;
  officerPoints: number;
}
export const DEDUCTION_POINTS = Symbol('DEDUCTION_POINTS');
