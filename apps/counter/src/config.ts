import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { BaseServiceConfig } from '@onewindow/platform';
import { bureauConfigProblems, bureauProductionProblems } from './bureau/bureau.config.js';

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

  // ── issue 10: month close and push to the city bureau (月报报送), decision 0017 ──
  /** `true`: this deployment is the city bureau's (市局): it receives districts' pushes at POST /bureau/reports and serves the city-wide view. */
  @IsIn(['true', 'false']) BUREAU_MODE = 'false';
  /** Bureau side: the districts' Ed25519 public keys, JSON `{"510104":{"keyId":"…","publicKey":"<base64 SPKI or PEM>"}}`. Demo/test default: the repository's demo keys. */
  @IsOptional() @IsString() BUREAU_DISTRICT_KEYS?: string = undefined;
  /** Bureau side: how far a push's timestamp may be from the bureau's clock (replay window). */
  @Transform(toInt) @IsInt() @Min(30) @Max(3600) BUREAU_PUSH_MAX_SKEW_SECONDS = 300;
  /** District side: the bureau's base URL (the push goes to `<BUREAU_URL>/bureau/reports`). Unset: closed months wait, unpushed, until it is set. */
  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }) BUREAU_URL?: string = undefined;
  /** District side: this deployment's district (6-digit unit code) — the only district it closes months for. */
  @IsOptional() @Matches(/^\d{6}$/, { message: 'BUREAU_DISTRICT_CODE must be a 6-digit district unit code' }) BUREAU_DISTRICT_CODE?: string = undefined;
  /** District side: the id of the signing key, as registered at the bureau. */
  @IsOptional() @IsString() BUREAU_KEY_ID?: string = undefined;
  /** District side: the district's Ed25519 private key (base64 PKCS#8 DER or PEM; sensitive). Demo/test default: the demo key of BUREAU_DISTRICT_CODE. */
  @IsOptional() @IsString() BUREAU_SIGNING_KEY?: string = undefined;
  @Transform(toInt) @IsInt() @Min(500) @Max(120_000) BUREAU_PUSH_TIMEOUT_MS = 15_000;

  /** issue 11 忙闲调配: how often the halls are checked for a group waiting while windows idle; 0 = at boot only (supervisors can still check on demand). */
  @Transform(toInt) @IsInt() @Min(0) @Max(3_600_000) QUEUE_BALANCING_INTERVAL_MS = 60_000;
  // ── issue 11: 自助查询 (decision 0024) ──
  /** Public address of the counter UI; the acceptance receipt's QR code points at `<PUBLIC_BASE_URL>/progress?number=…`. */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }) PUBLIC_BASE_URL = 'http://localhost:5173';

  override consistencyProblems(): string[] {
    const problems = super.consistencyProblems();
    if (this.SMS_PROVIDER === 'http' && (!this.SMS_HTTP_URL || !this.SMS_API_KEY)) problems.push('SMS_PROVIDER=http needs SMS_HTTP_URL and SMS_API_KEY');
    problems.push(...bureauConfigProblems(this));
    return problems;
  }

  override productionProblems(): string[] {
    const problems = super.productionProblems();
    problems.push(...bureauProductionProblems(this));
    if (this.SMS_PROVIDER === 'recording' && this.SMS_SENDER_ENABLED === 'true') problems.push('SMS_PROVIDER=recording sends nothing: set SMS_PROVIDER=http with SMS_HTTP_URL and SMS_API_KEY in production (or SMS_SENDER_ENABLED=false)');
    return problems;
  }
}
