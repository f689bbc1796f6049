import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpVerificationAdapter } from './http-adapter.js';
import { VerificationSource } from './verification.js';

/** The HTTP adapter against a real HTTP server on 127.0.0.1 (no mocks): each answer maps to an outcome. */
describe('HttpVerificationAdapter', () => {
  let server: Server;
  let baseUrl: string;
  const seen: { url?: string; auth?: string; body: unknown }[] = [];
  let reply: (req: IncomingMessage, res: ServerResponse) => void = (_q, res) => res.end();

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        seen.push({ url: req.url, auth: req.headers.authorization, body: raw ? JSON.parse(raw) : undefined });
        reply(req, res);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/birth-cert/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const json = (status: number, body: unknown) => (_q: IncomingMessage, res: ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const adapter = (timeoutMs = 2_000) =>
    new HttpVerificationAdapter(VerificationSource.HEALTH_BIRTH_CERTIFICATE, { baseUrl, token: 'secret-token', timeoutMs, now: () => new Date('2026-11-26T02:00:00Z') });
  const request = { subjectIdNumber: '51010419851202926X', materialCode: 'BIRTH_MEDICAL_CERT', facts: { babyName: '王小雨' } };

  it('FOUND with the reference; posts the ID number, material and facts with the bearer token', async () => {
    reply = json(200, { found: true, reference: 'Q510107260001' });
    await expect(adapter().verify(request)).resolves.toEqual({ source: 'HEALTH_BIRTH_CERTIFICATE', outcome: 'FOUND', checkedAt: '2026-11-26T02:00:00.000Z', reference: 'Q510107260001' });
    expect(seen.at(-1)).toEqual({ url: '/birth-cert/verify', auth: 'Bearer secret-token', body: { idNumber: '51010419851202926X', materialCode: 'BIRTH_MEDICAL_CERT', facts: { babyName: '王小雨' } } });
  });

  it('NOT_FOUND for found:false and for 404', async () => {
    reply = json(200, { found: false });
    await expect(adapter().verify(request)).resolves.toMatchObject({ outcome: 'NOT_FOUND' });
    reply = json(404, { error: 'no record' });
    await expect(adapter().verify(request)).resolves.toMatchObject({ outcome: 'NOT_FOUND', detail: 'HTTP 404' });
  });

  it('SOURCE_UNAVAILABLE for 5xx, 401, 429, a body that is not the contract, and a timeout', async () => {
    for (const [status, detail] of [[503, 'HTTP 503'], [401, 'HTTP 401'], [429, 'HTTP 429']] as const) {
      reply = json(status, {});
      await expect(adapter().verify(request)).resolves.toMatchObject({ outcome: 'SOURCE_UNAVAILABLE', detail });
    }
    reply = (_q, res) => res.end('<html>gateway error</html>');
    await expect(adapter().verify(request)).resolves.toMatchObject({ outcome: 'SOURCE_UNAVAILABLE', detail: 'response is not JSON' });
    reply = json(200, { result: 'ok' });
    await expect(adapter().verify(request)).resolves.toMatchObject({ outcome: 'SOURCE_UNAVAILABLE', detail: 'response has no boolean "found"' });
    reply = (_q, res) => setTimeout(() => json(200, { found: true })(_q, res), 1_000);
    const started = Date.now();
    await expect(adapter(150).verify(request)).resolves.toMatchObject({ outcome: 'SOURCE_UNAVAILABLE', detail: 'timeout after 150 ms' });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('SOURCE_UNAVAILABLE when nothing listens', async () => {
    const closed = new HttpVerificationAdapter(VerificationSource.SOCIAL_SECURITY, { baseUrl: 'http://127.0.0.1:9', token: 't', timeoutMs: 1_000 });
    await expect(closed.verify(request)).resolves.toMatchObject({ source: 'SOCIAL_SECURITY', outcome: 'SOURCE_UNAVAILABLE', detail: expect.stringMatching(/^network error/) });
  });
});
