import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { Identity } from '@onewindow/contracts';
import { IDENTITY_HEADER, injectTraceContext, PURPOSE_HEADER, type IdentitySigner, type PreparedIdentity } from '@onewindow/platform';
import { COMPOSITION_IDENTITY } from './supergraph.js';

export interface GatewayContext {
  identity?: Identity;
  /** The caller's address (client-ip.ts), signed into the assertion for the subgraphs' rate limits. */
  clientIp?: string;
  /** The request's purpose (查询事由) header, URI-encoded, forwarded for entity-reference audits (decision 0028). */
  purpose?: string;
  /** The identity serialised once for this request's assertions (set on the first subgraph fetch). */
  assertions?: PreparedIdentity;
}

/**
 * Subgraph HTTP through Node's fetch (undici, keep-alive connection pool per subgraph) instead of
 * the data source's default make-fetch-happen, whose per-call cache and stream machinery showed in
 * the gateway's CPU profile (docs/performance.md). Same Fetch API, so RemoteGraphQLDataSource
 * parses answers and errors as before.
 */
const subgraphFetch = ((url: string, init: RequestInit) => fetch(url, init)) as unknown as NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>['fetcher'];

/**
 * Forwards the caller's verified identity to a subgraph as a short-lived HMAC-signed assertion.
 * Subgraphs verify the signature themselves; plain identity headers are never trusted.
 *
 * One assertion per subgraph fetch (decision 0026): audience = this subgraph, a fresh jti, 60 s.
 * A federated request may reach the same subgraph several times (entity fetches); each fetch is
 * its own HTTP request and its own call, so each carries its own token and a receiver can refuse
 * any jti it has seen. The identity is serialised once per request (decision 0037) and each
 * token is one synchronous HMAC, so the per-fetch cost is microseconds.
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly signer: IdentitySigner, private readonly subgraph: string) {
    super({ url, fetcher: subgraphFetch });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const ctx = context as GatewayContext | undefined;
    const identity = ctx?.identity ?? COMPOSITION_IDENTITY;
    const assertions = ctx ? (ctx.assertions ??= this.signer.prepare(identity, ctx.clientIp)) : this.signer.prepare(identity);
    request.http?.headers.set(IDENTITY_HEADER, assertions.sign(this.subgraph));
    if (ctx?.purpose) request.http?.headers.set(PURPOSE_HEADER, ctx.purpose);
    // W3C traceparent: the subgraph's span continues the gateway's trace (decision 0032).
    if (request.http) injectTraceContext(request.http.headers);
  }

  /**
   * A subgraph answering 4xx (e.g. a `Date` variable its scalar refuses) still sends a GraphQL
   * error body: pass its message and code through instead of a bare "400: Bad Request".
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const fallback = await super.errorFromResponse(response);
    const body = (fallback.extensions['response'] as { body?: unknown } | undefined)?.body as { errors?: { message?: string; extensions?: { code?: string } }[] } | undefined;
    const first = typeof body === 'object' && body?.errors?.[0];
    if (!first || !first.message) return fallback;
    return new GraphQLError(first.message, { extensions: { code: first.extensions?.code ?? fallback.extensions['code'] ?? 'BAD_REQUEST' } });
  }
}
