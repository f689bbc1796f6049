import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { BaseServiceConfig } from '@onewindow/platform';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Counter (综合窗口) service settings. */
export class CounterConfig extends BaseServiceConfig {
  override PORT = 4100;

  /** Run the SMS sender consumer in this instance (ops may run the counter without it). */
  @IsIn(['true', 'false'])
  SMS_SENDER_ENABLED = 'true';

  /** Which SmsProvider delivers messages. Only the recording provider exists so far. */
  @IsIn(['recording'])
  SMS_PROVIDER = 'recording';

  /** SMS signature (签名) without brackets: 3–8 characters naming the organisation. */
  @Matches(/^[\u4e00-\u9fa5A-Za-z0-9]{3,8}$/u, { message: 'SMS_SIGNATURE must be 3-8 characters (e.g. 成都市公安局)' })
  SMS_SIGNATURE = '成都市公安局';

  /** Attempts per SMS before it is marked FAILED for good. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  SMS_MAX_ATTEMPTS = 5;
}
