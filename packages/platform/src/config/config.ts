import 'reflect-metadata';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

export type AppMode = 'production' | 'demo' | 'test';

/** Raised when configuration is invalid; `bootstrapService` prints the one-line message and exits. */
export class ConfigError extends Error {
  constructor(readonly service: string, readonly problems: string[]) {
    super(`[${service}] invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Settings every service shares. Each service extends it with its own. */
export class BaseServiceConfig {
  /** production: external OIDC only, no demo login, no introspection. demo: embedded defaults. */
  @IsIn(['production', 'demo', 'test'])
  APP_MODE: AppMode = 'demo';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 0;

  /** Interface to listen on: loopback for a workstation, 0.0.0.0 in containers. */
  @IsString()
  HOST = '127.0.0.1';

  @Matches(/^(nats|tls|ws|wss):\/\/[^\s/:]+(:\d{1,5})?(,(nats|tls|ws|wss):\/\/[^\s/:]+(:\d{1,5})?)*$/, {
    message: 'NATS_URL must look like nats://host:port (comma-separated for a cluster)',
  })
  NATS_URL = 'nats://127.0.0.1:4222';

  /** Namespace for every subject and stream; empty in production, random in tests. */
  @Matches(/^([a-z0-9_-]{1,32})?$/, { message: 'NATS_PREFIX must be 1-32 chars of a-z0-9_-' })
  NATS_PREFIX = '';

  /**
   * This service's NATS user (decision 0026; default: the service name, as in the generated
   * nats-server config). Permissions come from packages/contracts/src/bus-permissions.ts.
   */
  @IsOptional()
  @Matches(/^[a-z0-9_-]{1,64}$/, { message: 'NATS_USER must be 1-64 chars of a-z0-9_-' })
  NATS_USER?: string = undefined;

  /** This service's NATS password (sensitive); required in production. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'NATS_PASSWORD must be at least 16 characters' })
  NATS_PASSWORD?: string = undefined;

  /** PEM file of the CA that signed the NATS server's certificate (tls:// or any URL: TLS is then required). */
  @IsOptional()
  @IsString()
  NATS_TLS_CA?: string = undefined;

  /** Client certificate and key (PEM files) when the NATS server verifies clients (mutual TLS). */
  @IsOptional()
  @IsString()
  NATS_TLS_CERT?: string = undefined;

  @IsOptional()
  @IsString()
  NATS_TLS_KEY?: string = undefined;

  /** postgres://… ; unset in demo mode → a database on the embedded PostgreSQL server under DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string = undefined;

  /**
   * postgres://… of the database's owner role: migrations run as it, while DATABASE_URL is the
   * service's non-superuser application role (decision 0027). Unset: DATABASE_URL does both.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_OWNER_URL must be a postgres:// URL' })
  DATABASE_OWNER_URL?: string = undefined;

  /**
   * TLS to PostgreSQL: `disable` (default), `require` (encrypted, server not verified) or
   * `verify-full` (encrypted, certificate checked against DATABASE_SSL_CA or the system CAs, host name checked).
   */
  @IsIn(['disable', 'require', 'verify-full'])
  DATABASE_SSL_MODE: 'disable' | 'require' | 'verify-full' = 'disable';

  /** PEM file of the CA that signed the PostgreSQL server's certificate (with DATABASE_SSL_MODE=verify-full). */
  @IsOptional()
  @IsString()
  DATABASE_SSL_CA?: string = undefined;

  @IsString()
  DATA_DIR = '.data';

  /** HMAC secret for the identity assertion the gateway signs for subgraphs (sensitive). */
  @IsString()
  @MinLength(32, { message: 'INTERNAL_IDENTITY_SECRET must be at least 32 characters' })
  INTERNAL_IDENTITY_SECRET = 'onewindow-demo-internal-identity-secret-change-me';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** HMAC secret of the built-in demo issuer (demo mode only; sensitive). */
  @IsString()
  @MinLength(32, { message: 'DEMO_ISSUER_SECRET must be at least 32 characters' })
  DEMO_ISSUER_SECRET = 'onewindow-demo-issuer-secret-for-local-use-only';

  /** Pin the business date (demo/test only) to replay scenarios, e.g. across a holiday. */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'CLOCK_FIXED_DATE must be YYYY-MM-DD' })
  CLOCK_FIXED_DATE?: string = undefined;

  /** How long a NATS request waits for the other service's reply before SERVICE_UNAVAILABLE. */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(120_000)
  RPC_TIMEOUT_MS = 5000;

  /**
   * APP_MODE=test only: RPC subjects this service starts handling late, e.g.
   * `rpc.household.v1.person.lookup=6000` (tests of nested-call deadlines; decision 0033).
   */
  @IsOptional()
  @Matches(/^[a-z0-9._-]+=\d{1,6}(,[a-z0-9._-]+=\d{1,6})*$/, { message: 'TEST_RPC_DELAYS must look like rpc.<service>.v1.<aggregate>.<verb>=<ms>[,…]' })
  TEST_RPC_DELAYS?: string = undefined;

  /**
   * JSON file of working-calendar years that replace the library's (format in
   * packages/calendar/README.md); unset = the built-in statutory calendar. Loaded once at boot.
   */
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'CALENDAR_OVERRIDES_FILE must name a file' })
  CALENDAR_OVERRIDES_FILE?: string = undefined;

  /** How often police-type services recompute deadline states (限时办结); 0 = once at boot only. */
  @Transform(toInt)
  @IsInt({ message: 'DEADLINE_JOB_INTERVAL_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'DEADLINE_JOB_INTERVAL_MS must be 0 (boot only) or more' })
  @Max(86_400_000, { message: 'DEADLINE_JOB_INTERVAL_MS must be at most 86400000 (one day)' })
  DEADLINE_JOB_INTERVAL_MS = 600_000;

  /** How often transfers past their requested deadline are flagged; 0 = once at boot only. */
  @Transform(toInt)
  @IsInt({ message: 'TRANSFER_JOB_INTERVAL_MS must be a whole number of milliseconds' })
  @Min(0, { message: 'TRANSFER_JOB_INTERVAL_MS must be 0 (boot only) or more' })
  @Max(86_400_000, { message: 'TRANSFER_JOB_INTERVAL_MS must be at most 86400000 (one day)' })
  TRANSFER_JOB_INTERVAL_MS = 600_000;

  /** Run pending migrations on boot (default on; operators may run them separately). */
  @IsIn(['true', 'false'])
  MIGRATIONS_RUN = 'true';

  /**
   * Bearer token a Prometheus scraper sends to `GET /metrics` (sensitive). Unset: /metrics answers
   * anyone who reaches the port in demo/test, and is off (404) in production (decision 0032).
   */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string = undefined;

  /**
   * OTLP/HTTP collector for traces, e.g. http://otel-collector:4318 (`/v1/traces` is appended);
   * the standard OTEL_EXPORTER_OTLP_ENDPOINT is read too. Unset: tracing off (decision 0032).
   */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'ONEWINDOW_OTLP_ENDPOINT must be an http(s):// URL' })
  ONEWINDOW_OTLP_ENDPOINT?: string = undefined;

  /** Settings that are each valid but do not fit together (checked in every mode). */
  consistencyProblems(): string[] {
    const problems: string[] = [];
    if (this.DATABASE_OWNER_URL && !this.DATABASE_URL) problems.push('DATABASE_OWNER_URL needs DATABASE_URL (the application role the service connects as)');
    if (!!this.NATS_TLS_CERT !== !!this.NATS_TLS_KEY) problems.push('NATS_TLS_CERT and NATS_TLS_KEY must be set together');
    if (this.NATS_USER && !this.NATS_PASSWORD) problems.push('NATS_USER needs NATS_PASSWORD');
    if (this.DATABASE_SSL_CA && this.DATABASE_SSL_MODE !== 'verify-full') problems.push('DATABASE_SSL_CA is used only with DATABASE_SSL_MODE=verify-full');
    return problems;
  }

  /** Settings that are fine for a demo but unacceptable in production. */
  productionProblems(): string[] {
    const problems: string[] = [];
    if (this.INTERNAL_IDENTITY_SECRET.startsWith(DEMO_SECRET_PREFIX)) {
      problems.push('INTERNAL_IDENTITY_SECRET must be set to a real secret in production');
    }
    if (!this.DATABASE_URL) problems.push('DATABASE_URL is required in production (no embedded database)');
    if (this.CLOCK_FIXED_DATE) problems.push('CLOCK_FIXED_DATE is not allowed in production');
    if (this.TEST_RPC_DELAYS) problems.push('TEST_RPC_DELAYS is not allowed in production');
    // decision 0026: nobody reaches the bus without its own credentials
    if (!this.NATS_PASSWORD) problems.push('NATS_PASSWORD (this service\'s NATS credentials) is required in production');
    return problems;
  }
}

export const SENSITIVE_KEYS = new Set([
  'INTERNAL_IDENTITY_SECRET', 'DATABASE_URL', 'DATABASE_OWNER_URL', 'NATS_PASSWORD', 'SMS_API_KEY', 'DEMO_ISSUER_SECRET', 'SMS_INBOUND_SECRET',
  // complaints: the 12345 hotline's push
  'WORK_ORDER_12345_SECRET',
  // household: tokens of the departments' online verification endpoints
  'VERIFY_MARRIAGE_TOKEN', 'VERIFY_BIRTH_CERT_TOKEN', 'VERIFY_HOUSING_TOKEN', 'VERIFY_SOCIAL_SECURITY_TOKEN',
  // counter: a district's signing key for the push to the city bureau (issue 10)
  'BUREAU_SIGNING_KEY',
  // decision 0032: the Prometheus scraper's token
  'METRICS_TOKEN',
]);

const DEMO_SECRET_PREFIX = 'onewindow-demo-';

/**
 * Load and validate config from the environment (plus overrides, used by tests that run several
 * services in one process). Throws ConfigError with every problem on one line.
 */
export function loadConfig<T extends BaseServiceConfig>(
  service: string,
  cls: new () => T,
  env: Record<string, string | undefined> = process.env,
  overrides: Record<string, string | undefined> = {},
): T {
  const merged: Record<string, unknown> = {};
  const defaults = new cls() as unknown as Record<string, unknown>;
  // Only declared keys are read (optional ones are declared `= undefined` so they are enumerable).
  for (const key of Object.keys(defaults).filter((k) => typeof defaults[k] !== 'function')) {
    const v = overrides[key] ?? env[key];
    if (v !== undefined && v !== '') merged[key] = v;
  }
  const instance = plainToInstance(cls, merged, { exposeDefaultValues: true });
  const errors = validateSync(instance as object, { whitelist: false });
  const problems = errors.flatMap((e) => problemsOf(e.property, e.constraints));
  if (!problems.length) problems.push(...instance.consistencyProblems());
  if (instance.APP_MODE === 'production') problems.push(...instance.productionProblems());
  if (problems.length) throw new ConfigError(service, problems);
  return instance;
}

/**
 * A setting that is not a whole number (a typo such as "10min" read as NaN) is reported as that,
 * not also as every range check NaN fails.
 */
function problemsOf(property: string, constraints: Record<string, string> | undefined): string[] {
  if (!constraints) return [`${property} is invalid`];
  return constraints['isInt'] ? [constraints['isInt']] : Object.values(constraints);
}

/** Config for logging at boot with secrets hidden. */
export function redactConfig(cfg: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(cfg).map(([k, v]) => [k, SENSITIVE_KEYS.has(k) && v ? '***' : v]),
  );
}
