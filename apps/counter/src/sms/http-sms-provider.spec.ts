import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@onewindow/platform';
import { HttpSmsProvider } from './http-sms-provider.js';
import { SmsPermanentError, type SmsDelivery } from './sms-provider.js';

/** A real HTTP server standing in for the SMS platform; each test sets how it answers. */
describe('HttpSmsProvider', () => {
  let server: Server;
  let url: string;
  let answer: (req: IncomingMessage, body: Record<string, unknown>) => { status: number; body?: unknown; delayMs?: number };
  const received: { auth?: string; body: Record<string, unknown> }[] = [];
  const sms: SmsDelivery = { id: 'sms-1', phone: '13800138000', text: '【成都市公安局】您的居民身份证已制作完成', template: 'PICKUP_READY' };
  const provider = (timeoutMs = 2000) => new HttpSmsProvider({ url, apiKey: 'k-123', signature: '成都市公安局', timeoutMs }, createLogger('test', 'silent'));

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        const body = JSON.parse(raw || '{}') as Record<string, unknown>;
        received.push({ auth: req.headers.authorization, body });
        const a = answer(req, body);
        setTimeout(() => res.writeHead(a.status, { 'content-type': 'application/json' }).end(JSON.stringify(a.body ?? {})), a.delayMs ?? 0);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('posts one message with our id as the out-id and returns the platform id', async () => {
    answer = () => ({ status: 200, body: { messageId: 'plat-9' } });
    await expect(provider().send(sms)).resolves.toEqual({ providerMessageId: 'plat-9' });
    expect(received.at(-1)).toEqual({ auth: 'Bearer k-123', body: { outId: 'sms-1', phone: '13800138000', signature: '成都市公安局', template: 'PICKUP_READY', text: sms.text } });
  });

  it('a refused number is permanent; throttling and platform errors are retried', async () => {
    answer = () => ({ status: 400, body: { message: '号码无效' } });
    await expect(provider().send(sms)).rejects.toBeInstanceOf(SmsPermanentError);
    for (const status of [429, 503]) {
      answer = () => ({ status });
      const err = await provider().send(sms).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(SmsPermanentError);
    }
    answer = () => ({ status: 200, body: {} });
    await expect(provider().send(sms)).rejects.toThrow(/without a messageId/);
  });

  it('a platform that does not answer in time is a retryable failure', async () => {
    answer = () => ({ status: 200, body: { messageId: 'late' }, delayMs: 1500 });
    const err = await provider(500).send(sms).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(SmsPermanentError);
  });
});
