import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { Pool } from 'undici';
import type { Identity } from '@onewindow/contracts';
import { IDENTITY_HEADER, injectTraceContext, PURPOSE_HEADER, type IdentitySigner, type PreparedIdentity } from '@onewindow/platform';
import { COMPOSITION_IDENTITY } from './supergraph.js';

/** A subgraph's GraphQL answer as the query plan executor consumes it. */
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

export interface GatewayContext {
  identity?: Identity;
  /** The caller's address (client-ip.ts), signed into the assertion for the subgraphs' rate limits. */
  clientIp?: string;
  /** The request's purpose (查询事由) header, URI-encoded, forwarded for entity-reference audits (decision 0028). */
  purpose?: string;
  /** The identity serialised once for this request's assertions (set on the first subgraph fetch). */
  assertions?: PreparedIdentity;
}

/** The first error a subgraph's non-2xx answer carries, as a GraphQL error the gateway passes on. */
export function errorFromSubgraphAnswer(status: number, text: string): GraphQLError {
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  const first = typeof body === 'object' && body !== null ? (body as { errors?: { message?: string; extensions?: { code?: string } }[] }).errors?.[0] : undefined;
  if (first?.message) return new GraphQLError(first.message, { extensions: { code: first.extensions?.code ?? 'BAD_REQUEST' } });
  const code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : undefined;
  return new GraphQLError(`${status}: subgraph answered HTTP ${status}`, { extensions: { ...(code ? { code } : {}), response: { status, body } } });
}

/**
 * Forwards the caller's verified identity to a subgraph as a short-lived HMAC-signed assertion.
 * Subgraphs verify the signature themselves; plain identity headers are never trusted.
 *
 * One assertion per subgraph fetch (decision 0026): audience = this subgraph, a fresh jti, 60 s.
 * A federated request may reach the same subgraph several times (entity fetches); each fetch is
 * its own HTTP request and its own call, so each carries its own token and a receiver can refuse
 * any jti it has seen. The identity is serialised once per request (decision 0037) and each
 * token is one synchronous HMAC, so the per-fetch cost is microseconds.
 *
 * The HTTP call itself (decision 0040): `process` is replaced by one POST over an undici
 * keep-alive pool per subgraph. The stock path builds node-fetch `Headers` and a `Request` per
 * fetch (used only for error reports) and Node's `fetch` wraps every body in WHATWG streams —
 * together the largest share of the gateway's own CPU per 360° in the profile
 * (docs/performance.md). The subgraphs' answers are read as before: a 2xx JSON body is the
 * GraphQL response, a 4xx/5xx passes the subgraph's first error message and code on.
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly pool: Pool;
  private readonly path: string;

  constructor(url: string, private readonly signer: IdentitySigner, private readonly subgraph: string) {
    super({ url });
    const target = new URL(url);
    this.path = `${target.pathname}${target.search}`;
    // Connections are reused across requests; idle ones close before the subgraph's own keep-alive
    // timeout would (platform keepConnectionsLongerThanClients), so a request never meets a closed socket.
    this.pool = new Pool(target.origin, { keepAliveTimeout: 4_000, keepAliveMaxTimeout: 60_000, pipelining: 1 });
  }

  /** The headers of one fetch: a fresh assertion for this subgraph, the purpose, the trace context. */
  headersFor(context: GatewayContext | undefined): Record<string, string> {
    const identity = context?.identity ?? COMPOSITION_IDENTITY;
    const assertions = context ? (context.assertions ??= this.signer.prepare(identity, context.clientIp)) : this.signer.prepare(identity);
    const headers: Record<string, string> = { 'content-type': 'application/json', [IDENTITY_HEADER]: assertions.sign(this.subgraph) };
    if (context?.purpose) headers[PURPOSE_HEADER] = context.purpose;
    // W3C traceparent: the subgraph's span continues the gateway's trace (decision 0032).
    injectTraceContext({ set: (k, v) => (headers[k] = v) });
    return headers;
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const context = options.context as GatewayContext | undefined;
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName, extensions: request.extensions });
    const answer = await this.pool.request({ path: this.path, method: 'POST', headers: this.headersFor(context), body });
    const text = await answer.body.text();
    if (answer.statusCode < 200 || answer.statusCode >= 300) throw errorFromSubgraphAnswer(answer.statusCode, text);
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`Expected JSON response body, but received: ${text.slice(0, 200)}`);
    return parsed as SubgraphResponse;
  }

  /** Closes the keep-alive connections (gateway shutdown). */
  async close(): Promise<void> {
    await this.pool.close();
  }
}
