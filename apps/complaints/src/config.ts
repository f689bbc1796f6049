import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import { BaseServiceConfig } from '@onewindow/platform';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

export class ComplaintsConfig extends BaseServiceConfig {
  override PORT = 4105;

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
