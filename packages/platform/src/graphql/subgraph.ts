import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { CLIENT_IP_KEY, IDENTITY_KEY } from '../auth/decorators.js';
import { IDENTITY_HEADER, IdentitySigner } from '../auth/identity-token.js';
import type { AppMode } from '../config/config.js';
import { apolloLogger } from '../logging/apollo-logger.js';
import { graphqlMetricsPlugin } from '../observability/http-observability.js';
import type { Logger } from '../logging/logger.js';
import { ServiceHealth, SystemStatus } from './system-status.js';

type Req = { headers: Record<string, string | string[] | undefined> } & Record<string, unknown>;

/**
 * Options for a code-first Federation 2 subgraph. The GraphQL context verifies the gateway-signed
 * identity on every request — including federation's own `_service`/`_entities` fields — so a
 * direct call without a valid signature is refused with 401 before any resolver runs.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function subgraphOptions(signer: IdentitySigner, mode: AppMode, orphanedTypes: Function[] = [], logger?: Logger): ApolloFederationDriverConfig {
  return {
    driver: ApolloFederationDriver,
    // Apollo's own messages go through the redacting logger, never straight to the console.
    ...(logger ? { logger: apolloLogger(logger) } : {}),
    autoSchemaFile: { federation: 2 },
    // Request rate and latency per operation name (GET /metrics).
    plugins: [graphqlMetricsPlugin()],
    sortSchema: true,
    // Guards and the error filter also run on @ResolveField (e.g. a police type's Citizen section).
    fieldResolverEnhancers: ['guards', 'filters'],
    // Entities only referenced through federation (no local Query returns them) must be listed.
    buildSchemaOptions: { orphanedTypes: [SystemStatus, ServiceHealth, ...orphanedTypes] },
    playground: false,
    introspection: mode !== 'production',
    csrfPrevention: false,
    context: async ({ req }: { req: Req }) => {
      const raw = req.headers[IDENTITY_HEADER];
      try {
        const { identity, clientIp } = await signer.verifyAssertion(Array.isArray(raw) ? raw[0] : raw);
        req[IDENTITY_KEY] = identity;
        // Only the signed address counts: a header the client sent itself never reaches here.
        req[CLIENT_IP_KEY] = clientIp;
      } catch (err) {
        throw new GraphQLError((err as Error).message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
      return { req };
    },
    formatError: (formatted: GraphQLFormattedError) => {
      const code = formatted.extensions?.['code'];
      // Internals never leave the service: unknown errors were already logged with an id.
      if (code === 'INTERNAL_SERVER_ERROR') {
        return { message: '系统内部错误', extensions: { code: 'INTERNAL' }, path: formatted.path };
      }
      const { stacktrace: _s, ...ext } = (formatted.extensions ?? {}) as Record<string, unknown>;
      return { ...formatted, extensions: ext };
    },
  };
}
