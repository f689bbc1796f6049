import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { Identity } from '@onewindow/contracts';
import { IDENTITY_HEADER, injectTraceContext, PURPOSE_HEADER, type IdentitySigner } from '@onewindow/platform';
import { COMPOSITION_IDENTITY } from './supergraph.js';

export interface GatewayContext {
  identity?: Identity;
  /** The caller's address (client-ip.ts), signed into the assertion for the subgraphs' rate limits. */
  clientIp?: string;
  /** The request's purpose (查询事由) header, URI-encoded, forwarded for entity-reference audits (decision 0028). */
  purpose?: string;
}

/**
 * Forwards the caller's verified identity to a subgraph as a short-lived HMAC-signed assertion.
 * Subgraphs verify the signature themselves; plain identity headers are never trusted.
 *
 * One assertion per subgraph fetch (decision 0026): audience = this subgraph, a fresh jti, 60 s.
 * A federated request may reach the same subgraph several times (entity fetches); each fetch is
 * its own HTTP request and its own call, so each carries its own token and a receiver can refuse
 * any jti it has seen. Signing is one HMAC (microseconds), cheap next to the HTTP hop.
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, private readonly signer: IdentitySigner, private readonly subgraph: string) {
    super({ url });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const ctx = context as GatewayContext | undefined;
    const identity = ctx?.identity ?? COMPOSITION_IDENTITY;
    request.http?.headers.set(IDENTITY_HEADER, await this.signer.sign(identity, { audience: this.subgraph, clientIp: ctx?.clientIp }));
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
