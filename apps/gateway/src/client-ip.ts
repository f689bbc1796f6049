import { isIP } from 'node:net';

type Req = { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } };

/** '::ffff:10.0.0.5' → '10.0.0.5'; anything that is not an address → undefined. */
function normalized(address: string | undefined): string | undefined {
  const a = address?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return a && isIP(a) ? a : undefined;
}

/**
 * The caller's address for rate limits. The connection's peer, unless that peer is one of the
 * configured trusted proxies: then X-Forwarded-For is read from the right, skipping trusted
 * proxies, and the first other address is the client. Entries left of it were written by the
 * client and are never believed, so a client cannot pick the address it is counted under.
 */
export function clientIpOf(req: Req, trustedProxies: readonly string[]): string | undefined {
  const peer = normalized(req.socket?.remoteAddress);
  if (!peer || !trustedProxies.includes(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((h) => normalized(h)).reverse();
  for (const hop of hops) {
    if (!hop) return peer; // a malformed entry: stop believing the chain
    if (!trustedProxies.includes(hop)) return hop;
  }
  return peer;
}
