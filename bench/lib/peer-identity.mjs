// The one hook the peer gateways of bench/gateways.mjs share with ours, so every gateway does the
// same work per request: verify the caller's bearer token, then give each subgraph fetch a signed
// identity assertion with that subgraph as audience (decision 0026) and the purpose header.
import { IDENTITY_HEADER, IdentitySigner, PURPOSE_HEADER, purposeFromHeader, UserTokenVerifier } from '@onewindow/platform';
import { ANONYMOUS } from '@onewindow/contracts';

const signer = new IdentitySigner(process.env.INTERNAL_IDENTITY_SECRET ?? 'onewindow-demo-internal-identity-secret-change-me');
const verifier = new UserTokenVerifier({ kind: 'demo', secret: process.env.DEMO_ISSUER_SECRET ?? 'onewindow-demo-issuer-secret-for-local-use-only' });

/** Subgraph name by URL (the bench rewrites the supergraph's join__graph URLs to the stack's ports). */
export function subgraphUrls(supergraphSdl) {
  const byUrl = new Map();
  for (const m of supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) byUrl.set(m[2], m[1]);
  return byUrl;
}

/** What the gateway knows of the caller, from the incoming request's headers. */
export async function callerOf(headers) {
  const get = (n) => (typeof headers.get === 'function' ? headers.get(n) : headers[n]) ?? undefined;
  const auth = get('authorization');
  const identity = auth ? await verifier.verify(String(auth).replace(/^Bearer\s+/i, '')) : ANONYMOUS;
  const purpose = purposeFromHeader(get(PURPOSE_HEADER));
  return { identity, purpose: purpose ? encodeURIComponent(purpose) : undefined };
}

/** Headers for one subgraph fetch: a fresh assertion for this audience, and the purpose. */
export async function subgraphHeaders(caller, subgraph) {
  const h = { [IDENTITY_HEADER]: await signer.sign(caller.identity, { audience: subgraph }) };
  if (caller.purpose) h[PURPOSE_HEADER] = caller.purpose;
  return h;
}
