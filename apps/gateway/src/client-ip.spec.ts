import { clientIpOf } from './client-ip.js';

const req = (remoteAddress: string, xff?: string) => ({ socket: { remoteAddress }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } });

describe('clientIpOf', () => {
  it('is the connection peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientIpOf(req('::ffff:203.0.113.7', '1.2.3.4'), [])).toBe('203.0.113.7');
  });
  it('reads X-Forwarded-For from the right behind a trusted proxy, ignoring what the client prepended', () => {
    expect(clientIpOf(req('10.0.0.2', '1.2.3.4, 198.51.100.9'), ['10.0.0.2'])).toBe('198.51.100.9');
    expect(clientIpOf(req('10.0.0.2', '1.2.3.4, 198.51.100.9, 10.0.0.3'), ['10.0.0.2', '10.0.0.3'])).toBe('198.51.100.9');
  });
  it('falls back to the peer on a missing or malformed chain', () => {
    expect(clientIpOf(req('10.0.0.2'), ['10.0.0.2'])).toBe('10.0.0.2');
    expect(clientIpOf(req('10.0.0.2', 'evil, '), ['10.0.0.2'])).toBe('10.0.0.2');
  });
});
