import { IntrospectAndCompose } from '@apollo/gateway';
import { ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { Controller, Get, type DynamicModule, type MiddlewareConsumer, Module, type NestModule, type OnApplicationShutdown } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { apolloLogger, createMetricsController, graphqlMetricsPlugin, HttpTraceMiddleware, IdentitySigner, stopTracing, UserTokenVerifier, type Logger } from '@onewindow/platform';
import { ANONYMOUS, type Identity } from '@onewindow/contracts';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { GatewayConfig } from './config.js';
import { serviceLabel, translateGraphQLError } from './graphql-errors.js';
import { clientIpOf } from './client-ip.js';
import { SignInReporter } from './sign-in-reporter.js';
import { forwardedPurpose, sealedSubjectRefsPlugin } from './personal-data.plugin.js';
import { IdentityForwardingDataSource, type GatewayContext } from './identity-data-source.js';
import { assertTokenLimit, complexityPlugin, queryLimitRules } from './query-limits.js';
import { lookupBudgetPlugin, RequestLimiter } from './request-limits.js';
import { readSupergraphFile } from './supergraph.js';
import { CachedTokenVerifier } from './token-cache.js';

@Controller('health')
class GatewayHealthController {
  @Get('live')
  live() {
    return { status: 'ok' };
  }
}

/** How the counter UI signs users in: the demo form, or the bureau's OIDC issuer (code + PKCE). */
function authConfigController(config: GatewayConfig) {
  @Controller('auth')
  class AuthConfigController {
    @Get('config')
    uiConfig() {
      return config.uiAuth();
    }
  }
  return AuthConfigController;
}

type Req = { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string }; body?: unknown; query?: unknown };

/** The GraphQL source of a POST body or GET query string (undefined when there is none). */
function sourceOf(req: Req): string | undefined {
  for (const carrier of [req.body, req.query]) {
    const query = (carrier as { query?: unknown } | undefined)?.query;
    if (typeof query === 'string') return query;
  }
  return undefined;
}

/**
 * The gateway stays thin: authenticate the caller, compose the subgraphs, refuse abusive queries,
 * forward a signed identity. Every authorisation decision is taken again inside the subgraphs.
 */
@Module({})
export class GatewayModule implements NestModule, OnApplicationShutdown {
  /** The UI's request in a server span (continuing its traceparent if it sent one); decision 0032. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpTraceMiddleware).forRoutes('graphql');
  }

  /** The subgraph data sources of this process (their keep-alive pools close on shutdown). */
  private static readonly dataSources: IdentityForwardingDataSource[] = [];

  /** The last spans reach the collector before the process ends; the subgraph connections close. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(GatewayModule.dataSources.splice(0).map((s) => s.close()));
    await stopTracing();
  }

  static forConfig(config: GatewayConfig, logger: Logger): DynamicModule {
    const signer = new IdentitySigner(config.INTERNAL_IDENTITY_SECRET);
    // A clerk's token is checked once a minute, not once per request (token-cache.ts).
    const verifier = new CachedTokenVerifier(
      new UserTokenVerifier(
        config.AUTH_MODE === 'oidc'
          ? { kind: 'oidc', issuer: config.OIDC_ISSUER ?? '', jwksUrl: config.OIDC_JWKS_URL ?? '', audience: config.OIDC_AUDIENCE }
          : { kind: 'demo', secret: config.DEMO_ISSUER_SECRET },
      ),
    );
    const production = config.APP_MODE === 'production';
    const limits = config.queryLimits();
    const limiter = new RequestLimiter(config.requestBudgets());
    // OIDC sign-ins and refused tokens go to the counter's audit log (the demo login records its own).
    const signIns = config.AUTH_MODE === 'oidc' ? new SignInReporter(config.COUNTER_URL, signer, logger) : undefined;
    return {
      module: GatewayModule,
      controllers: [GatewayHealthController, authConfigController(config), createMetricsController({ token: config.METRICS_TOKEN, production })],
      imports: [
        GraphQLModule.forRoot<ApolloGatewayDriverConfig>({
          driver: ApolloGatewayDriver,
          server: {
            introspection: !production,
            logger: apolloLogger(logger),
            playground: false,
            csrfPrevention: true,
            validationRules: queryLimitRules(limits),
            // Nothing is reported to Apollo's cloud, whatever APOLLO_KEY the environment holds.
            plugins: [
              ApolloServerPluginUsageReportingDisabled(),
              ApolloServerPluginSchemaReportingDisabled(),
              graphqlMetricsPlugin(),
              complexityPlugin(limits.maxCost),
              lookupBudgetPlugin(limiter),
              sealedSubjectRefsPlugin(),
            ],
            // Runs before Apollo parses the document: the cheap refusals come first (address budget,
            // token count), then the caller's token is verified and the user's budget counted.
            context: async ({ req }: { req: Req }): Promise<GatewayContext> => {
              const clientIp = clientIpOf(req, config.trustedProxies());
              await limiter.takeIp(clientIp);
              const source = sourceOf(req);
              if (source !== undefined) assertTokenLimit(source, limits.maxTokens);
              const header = req.headers['authorization'];
              const value = Array.isArray(header) ? header[0] : header;
              const purpose = forwardedPurpose(req.headers);
              if (!value) return { identity: ANONYMOUS, clientIp, purpose };
              const token = value.replace(/^Bearer\s+/i, '');
              let identity: Identity;
              try {
                identity = await verifier.verify(token);
                signIns?.accepted(identity, token, clientIp);
              } catch (err) {
                signIns?.refused(token, (err as Error).message, clientIp);
                throw new GraphQLError((err as Error).message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
              }
              await limiter.takeUser(identity);
              return { identity, clientIp, purpose };
            },
            formatError: (formatted: GraphQLFormattedError, error: unknown) => {
              const { stacktrace: _s, exception: _e, ...ext } = (formatted.extensions ?? {}) as Record<string, unknown>;
              // A subgraph that cannot be reached: say which, keep the path, let the rest of the answer stand.
              if (/ECONNREFUSED|fetch failed|socket hang up|ETIMEDOUT|ECONNRESET|other side closed|UND_ERR/.test(formatted.message)) {
                const service = typeof ext['serviceName'] === 'string' ? ext['serviceName'] : '';
                logger.warn({ error: formatted.message, path: formatted.path, service }, 'subgraph unreachable');
                return { message: `${serviceLabel(service)}暂不可用，请稍后重试；如持续出现，请联系运维值班人员。`, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: service || undefined } };
              }
              // Parse, validation and input errors of graphql-js are English: Chinese, typed code.
              const translated = translateGraphQLError({ ...formatted, extensions: ext }, error, production);
              if (translated.extensions?.['code'] === 'INTERNAL_SERVER_ERROR') {
                logger.error({ error: formatted.message, path: formatted.path }, 'gateway error');
                return { message: '系统内部错误，请稍后重试；如持续出现，请联系运维人员。', extensions: { code: 'INTERNAL' }, path: formatted.path };
              }
              return translated;
            },
          },
          gateway: {
            logger: apolloLogger(logger),
            supergraphSdl:
              config.supergraphSource() === 'file'
                ? readSupergraphFile(config.SUPERGRAPH_FILE)
                : new IntrospectAndCompose({ subgraphs: config.subgraphs(), pollIntervalInMs: production ? undefined : 10_000 }),
            // Route by subgraph name to the configured URL (the committed supergraph names development URLs).
            buildService: ({ name, url }) => {
              const source = new IdentityForwardingDataSource(config.subgraphUrl(name) ?? url ?? '', signer, name);
              GatewayModule.dataSources.push(source);
              return source;
            },
          },
        }),
      ],
    };
  }
}
