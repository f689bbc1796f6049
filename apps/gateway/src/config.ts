import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { fileURLToPath } from 'node:url';
import { BaseServiceConfig } from '@onewindow/platform';
import type { QueryLimits } from './query-limits.js';
import type { RequestBudgets } from './request-limits.js';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const URL_OPTS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** Gateway settings: where the subgraphs are, how callers are authenticated, query limits. */
export class GatewayConfig extends BaseServiceConfig {
  override PORT = 4000;

  @IsUrl(URL_OPTS) COUNTER_URL = 'http://127.0.0.1:4100/graphql';
  @IsUrl(URL_OPTS) HOUSEHOLD_URL = 'http://127.0.0.1:4101/graphql';
  @IsUrl(URL_OPTS) EXIT_ENTRY_URL = 'http://127.0.0.1:4102/graphql';
  @IsUrl(URL_OPTS) TRAFFIC_URL = 'http://127.0.0.1:4103/graphql';
  @IsUrl(URL_OPTS) PUBLIC_SECURITY_URL = 'http://127.0.0.1:4104/graphql';
  @IsUrl(URL_OPTS) COMPLAINTS_URL = 'http://127.0.0.1:4105/graphql';

  /** demo: tokens from the built-in issuer (counter's `login`); oidc: external issuer via JWKS. */
  @IsIn(['demo', 'oidc'])
  AUTH_MODE: 'demo' | 'oidc' = 'demo';

  @IsOptional() @IsUrl(URL_OPTS) OIDC_ISSUER?: string = undefined;
  @IsOptional() @IsUrl(URL_OPTS) OIDC_JWKS_URL?: string = undefined;
  OIDC_AUDIENCE = 'onewindow';
  /** The counter UI's public client at the issuer (authorization code + PKCE, no secret). */
  @IsOptional() @IsString() @MaxLength(200) OIDC_CLIENT_ID?: string = undefined;
  @IsString() @MaxLength(500) OIDC_SCOPE = 'openid profile';
  /** RFC 8707 resource the UI asks its access token for, when the issuer needs one to set the audience. */
  @IsOptional() @IsString() @MaxLength(500) OIDC_RESOURCE?: string = undefined;

  /** Query limits (graphql-armor + graphql-query-complexity; docs/decisions/0029). */
  @Transform(toInt) @IsInt() @Min(2) @Max(50) MAX_QUERY_DEPTH = 12;
  /** Cost: 1 per field (10 per person lookup), multiplied by the page size (`first`/`limit`). */
  @Transform(toInt) @IsInt() @Min(10) @Max(1_000_000) MAX_QUERY_COMPLEXITY = 20_000;
  @Transform(toInt) @IsInt() @Min(1) @Max(1000) MAX_QUERY_ALIASES = 15;
  @Transform(toInt) @IsInt() @Min(1) @Max(1000) MAX_QUERY_DIRECTIVES = 20;
  @Transform(toInt) @IsInt() @Min(100) @Max(100_000) MAX_QUERY_TOKENS = 3000;

  /**
   * Request budgets per RATE_LIMIT_WINDOW_SECONDS, counted in this process (one gateway replica;
   * see docs/decisions/0029 for several). 0 turns a budget off. Unset: the default shown, except
   * in APP_MODE=test, where integration suites drive bursts of legitimate traffic from one
   * address and a budget is on only when the test sets it.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600) RATE_LIMIT_WINDOW_SECONDS = 60;
  /** GraphQL requests per client address (client-ip.ts) per window (default 1200). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(1_000_000) RATE_LIMIT_PER_IP?: number = undefined;
  /** GraphQL requests per signed-in user per window (default 600). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(1_000_000) RATE_LIMIT_PER_USER?: number = undefined;
  /** Person lookups by ID number (registerCheck, citizen, person …) per signed-in user per window (default 60). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(1_000_000) RATE_LIMIT_LOOKUPS_PER_USER?: number = undefined;

  /**
   * Where the supergraph comes from. `file`: the committed, reviewed SDL (SUPERGRAPH_FILE) — the
   * gateway starts even if a subgraph is down, and a subgraph cannot change the public schema by
   * redeploying alone. `introspect`: composed at runtime from the running subgraphs and polled
   * (development). Unset: `file` in production, `introspect` otherwise.
   */
  @IsOptional() @IsIn(['file', 'introspect'])
  SUPERGRAPH_SOURCE?: 'file' | 'introspect' = undefined;

  /** The committed supergraph (apps/gateway/supergraph.graphql). */
  SUPERGRAPH_FILE = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

  /**
   * Reverse proxies in front of the gateway whose X-Forwarded-For is believed (comma-separated
   * addresses). Empty: the connection's peer is the client address subgraphs rate-limit on.
   */
  @Matches(/^[0-9a-fA-F.:,\s]*$/, { message: 'TRUSTED_PROXIES must be comma-separated IP addresses' })
  TRUSTED_PROXIES = '';

  /** Directory of a built web UI to serve at `/` (optional). */
  @IsOptional() UI_DIR?: string = undefined;

  override productionProblems(): string[] {
    const problems: string[] = [];
    if (this.INTERNAL_IDENTITY_SECRET.startsWith('onewindow-demo-')) problems.push('INTERNAL_IDENTITY_SECRET must be set to a real secret in production');
    if (this.AUTH_MODE !== 'oidc') problems.push('AUTH_MODE must be oidc in production (the demo issuer is refused)');
    if (!this.OIDC_ISSUER || !this.OIDC_JWKS_URL) problems.push('OIDC_ISSUER and OIDC_JWKS_URL are required in production');
    if (this.UI_DIR && !this.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID (the counter UI\'s public client at the issuer) is required when the gateway serves the UI in production');
    const budgets = this.requestBudgets();
    if (budgets.perIp === 0 || budgets.perUser === 0 || budgets.lookupsPerUser === 0) problems.push('RATE_LIMIT_PER_IP, RATE_LIMIT_PER_USER and RATE_LIMIT_LOOKUPS_PER_USER must not be 0 (off) in production');
    return problems;
  }

  /** The query limits query-limits.ts enforces. */
  queryLimits(): QueryLimits {
    return { maxDepth: this.MAX_QUERY_DEPTH, maxAliases: this.MAX_QUERY_ALIASES, maxDirectives: this.MAX_QUERY_DIRECTIVES, maxTokens: this.MAX_QUERY_TOKENS, maxCost: this.MAX_QUERY_COMPLEXITY };
  }

  /** The request budgets request-limits.ts enforces. */
  requestBudgets(): RequestBudgets {
    const or = (value: number | undefined, fallback: number) => value ?? (this.APP_MODE === 'test' ? 0 : fallback);
    return {
      windowSeconds: this.RATE_LIMIT_WINDOW_SECONDS,
      perIp: or(this.RATE_LIMIT_PER_IP, 1200),
      perUser: or(this.RATE_LIMIT_PER_USER, 600),
      lookupsPerUser: or(this.RATE_LIMIT_LOOKUPS_PER_USER, 60),
    };
  }

  supergraphSource(): 'file' | 'introspect' {
    return this.SUPERGRAPH_SOURCE ?? (this.APP_MODE === 'production' ? 'file' : 'introspect');
  }

  /** The configured URL of a subgraph by its name in the supergraph. */
  /** What the UI needs to sign users in (served at GET /auth/config; nothing secret in it). */
  uiAuth(): { mode: 'demo' } | { mode: 'oidc'; issuer: string; clientId: string; scope: string; resource?: string } | { mode: 'oidc-unconfigured' } {
    if (this.AUTH_MODE === 'demo') return { mode: 'demo' };
    if (!this.OIDC_ISSUER || !this.OIDC_CLIENT_ID) return { mode: 'oidc-unconfigured' };
    return { mode: 'oidc', issuer: this.OIDC_ISSUER, clientId: this.OIDC_CLIENT_ID, scope: this.OIDC_SCOPE, ...(this.OIDC_RESOURCE ? { resource: this.OIDC_RESOURCE } : {}) };
  }

  trustedProxies(): string[] {
    return this.TRUSTED_PROXIES.split(',').map((p) => p.trim()).filter(Boolean);
  }

  subgraphUrl(name: string): string | undefined {
    return this.subgraphs().find((s) => s.name === name)?.url;
  }

  subgraphs(): { name: string; url: string }[] {
    return [
      { name: 'counter', url: this.COUNTER_URL },
      { name: 'household', url: this.HOUSEHOLD_URL },
      { name: 'exit-entry', url: this.EXIT_ENTRY_URL },
      { name: 'traffic', url: this.TRAFFIC_URL },
      { name: 'public-security', url: this.PUBLIC_SECURITY_URL },
      { name: 'complaints', url: this.COMPLAINTS_URL },
    ];
  }
}
