import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { BaseServiceConfig } from '@onewindow/platform';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Counter (综合窗口) service settings. */
export class CounterConfig extends BaseServiceConfig {
  override PORT = 4100;

  /** Run the SMS sender consumer in this instance (ops may run the counter without it). */
  @IsIn(['true', 'false'])
  SMS_SENDER_ENABLED = 'true';

  /** Which SmsProvider delivers messages: `recording` (demo/test: logs only) or `http` (the SMS platform). */
  @IsIn(['recording', 'http'])
  SMS_PROVIDER: 'recording' | 'http' = 'recording';

  /** SMS_PROVIDER=http: the platform's send endpoint and its API key. */
  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }) SMS_HTTP_URL?: string = undefined;
  @IsOptional() @IsString() SMS_API_KEY?: string = undefined;
  @Transform(toInt) @IsInt() @Min(500) @Max(60_000) SMS_HTTP_TIMEOUT_MS = 10_000;

  /** SMS signature (签名) without brackets: 3–8 characters naming the organisation. */
  @Matches(/^[\u4e00-\u9fa5A-Za-z0-9]{3,8}$/u, { message: 'SMS_SIGNATURE must be 3-8 characters (e.g. 成都市公安局)' })
  SMS_SIGNATURE = '成都市公安局';

  /** Attempts per SMS before it is marked FAILED for good. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  SMS_MAX_ATTEMPTS = 5;

  override consistencyProblems(): string[] {
    const problems = super.consistencyProblems();
    if (this.SMS_PROVIDER === 'http' && (!this.SMS_HTTP_URL || !this.SMS_API_KEY)) problems.push('SMS_PROVIDER=http needs SMS_HTTP_URL and SMS_API_KEY');
    return problems;
  }

  override productionProblems(): string[] {
    const problems = super.productionProblems();
    if (this.SMS_PROVIDER === 'recording' && this.SMS_SENDER_ENABLED === 'true') problems.push('SMS_PROVIDER=recording sends nothing: set SMS_PROVIDER=http with SMS_HTTP_URL and SMS_API_KEY in production (or SMS_SENDER_ENABLED=false)');
    return problems;
  }
}
