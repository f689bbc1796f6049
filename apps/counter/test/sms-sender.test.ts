import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventSubjects, ServiceName, streamOf, type SmsRequestedEvent } from '@onewindow/contracts';
import { buildDataSourceOptions, BusinessClock, createLogger, EventConsumerHost, NatsService, OutboxRelay, OutboxService } from '@onewindow/platform';
import { createTestDatabase, deleteStreams, eventually, randomName, TEST_NATS_URL, type TestDatabase } from '@onewindow/testing';
import { DataSource } from 'typeorm';
import type { CounterConfig } from '../src/config.js';
import { CreateCounterCasework1764100000200 } from '../src/migrations/1764100000200-CreateCounterCasework.js';
import { WidenSmsTrigger1764100000900 } from '../src/migrations/1764100000900-WidenSmsTrigger.js';
import { HttpSmsProvider } from '../src/sms/http-sms-provider.js';
import { SmsMessageEntity } from '../src/sms/sms-message.entity.js';
import { SmsSenderHandler } from '../src/sms/sms-sender.handler.js';
import { SmsSenderService } from '../src/sms/sms-sender.service.js';
import { SmsRepository } from '../src/sms/sms.repository.js';

/**
 * The SMS sender against an SMS platform that fails: a real HTTP stub in the test process (the
 * external 政务短信平台, not our infrastructure) answers per message from a script; the sender runs
 * as in the counter — its durable consumer on the real JetStream, its rows in a real PostgreSQL.
 * Retries, the maximum number of attempts (SMS_MAX_ATTEMPTS) and the FAILED status are checked
 * from the platform's side (requests received) and the database's (status, attempts, last error).
 */
describe('counter SMS sender: retries, maximum attempts, FAILED', () => {
  const MAX_ATTEMPTS = 3;
  const logger = createLogger('sms-sender-test', 'silent');
  const prefix = randomName('t');
  const outbox = new OutboxService();
  let db: TestDatabase;
  let ds: DataSource;
  let nats: NatsService;
  let relay: OutboxRelay;
  let consumers: EventConsumerHost;
  let platform: Server;
  /** Statuses the platform answers for a message (by our out-id), in order; the last one repeats. */
  const script = new Map<string, number[]>();
  /** Requests the platform received, per out-id. */
  const received = new Map<string, number>();

  beforeAll(async () => {
    platform = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const { outId } = JSON.parse(body) as { outId: string };
        const n = (received.get(outId) ?? 0) + 1;
        received.set(outId, n);
        const statuses = script.get(outId) ?? [200];
        const status = statuses[Math.min(n, statuses.length) - 1]!;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status === 200 ? { messageId: `P-${outId.slice(0, 8)}-${n}` } : { message: status >= 500 ? '平台繁忙' : '号码无效' }));
      });
    });
    await new Promise<void>((r) => platform.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(platform.address() as AddressInfo).port}/sms`;

    db = await createTestDatabase('counter');
    ds = new DataSource(buildDataSourceOptions({
      url: db.url, entities: [SmsMessageEntity], migrations: [CreateCounterCasework1764100000200, WidenSmsTrigger1764100000900], migrationsRun: true, poolSize: 4,
    }));
    await ds.initialize();
    nats = new NatsService({ url: TEST_NATS_URL, prefix, name: 'counter-sms-test' }, logger);
    await nats.connect();
    await nats.ensureStream(streamOf(ServiceName.COUNTER));
    relay = new OutboxRelay(ds, nats, outbox, logger, { intervalMs: 0, batchSize: 50 });
    // Short waits so the test runs in seconds; the production waits are longer, the path is the same.
    consumers = new EventConsumerHost(ds, nats, logger, { outbox, inPlaceAttempts: 2, retryBackoffMs: [100, 100, 100, 100], retryTickMs: 50 });
    const config = { SMS_MAX_ATTEMPTS: MAX_ATTEMPTS, SMS_SENDER_ENABLED: 'true' } as CounterConfig;
    const provider = new HttpSmsProvider({ url, apiKey: 'test-key', signature: '成都市公安局', timeoutMs: 5_000 }, logger);
    const sender = new SmsSenderService(new SmsRepository(ds), provider, config, logger, outbox, new BusinessClock());
    await new SmsSenderHandler(consumers, sender, config, logger).onApplicationBootstrap();
  }, 60_000);

  afterAll(async () => {
    await consumers?.onApplicationShutdown();
    await nats?.onApplicationShutdown();
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
    await deleteStreams(prefix);
    await new Promise((r) => platform?.close(r));
  }, 60_000);

  /** Queue one SMS as the counter does (row + `sms.requested` in one transaction) and publish it. */
  async function queue(statuses: number[]): Promise<string> {
    const id = randomUUID();
    script.set(id, statuses);
    await ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO sms_message (id, phone, text, template, application_number, trigger_status, unit_code) VALUES ($1, '13800138000', '您的证件已制作完成，请到窗口领取。', 'READY_FOR_PICKUP', $2, 'READY_FOR_PICKUP', '510107001')`,
        [id, `HH20261126${id.slice(0, 6)}`],
      );
      const event: SmsRequestedEvent = { smsId: id, phone: '13800138000', text: '您的证件已制作完成，请到窗口领取。', template: 'READY_FOR_PICKUP' };
      await outbox.enqueue(m, EventSubjects.smsRequested, event);
    });
    await relay.drain();
    return id;
  }

  const row = async (id: string) =>
    ((await ds.query(`SELECT status, attempts, last_error AS "lastError", provider_message_id AS "providerMessageId" FROM sms_message WHERE id = $1`, [id])) as {
      status: string; attempts: number; lastError: string | null; providerMessageId: string | null;
    }[])[0]!;
  const finished = (id: string) => eventually(async () => {
    const r = await row(id);
    return r.status !== 'QUEUED' && r;
  }, 30_000);
  const deliveredOutcomes = async (id: string) =>
    ((await ds.query(`SELECT payload->>'outcome' AS outcome FROM outbox WHERE subject = $1 AND payload->>'smsId' = $2`, [EventSubjects.smsDelivered, id])) as { outcome: string }[]).map((r) => r.outcome);

  it('a platform answering 500 every time: retried up to SMS_MAX_ATTEMPTS, then FAILED with the error, announced once; no request after that', async () => {
    const id = await queue([500]);
    const done = await finished(id);
    expect(done).toMatchObject({ status: 'FAILED', attempts: MAX_ATTEMPTS, providerMessageId: null });
    expect(done.lastError).toMatch(/SMS platform answered 500: 平台繁忙/);
    expect(received.get(id)).toBe(MAX_ATTEMPTS);
    expect(await deliveredOutcomes(id)).toEqual(['FAILED']);
    // Nothing more: a later SMS goes through, and the failed one was not tried again meanwhile (FAILED is final).
    const marker = await queue([200]);
    expect(await finished(marker)).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(received.get(id)).toBe(MAX_ATTEMPTS);
    expect(await ds.query(`SELECT count(*)::int AS n FROM consumer_parked WHERE state <> 'DISCARDED'`)).toEqual([{ n: 0 }]);
  }, 60_000);

  it('a platform that fails twice (500, 503) then accepts: SENT on the third attempt, announced SENT once', async () => {
    const id = await queue([500, 503, 200]);
    const done = await finished(id);
    expect(done).toMatchObject({ status: 'SENT', attempts: 3, lastError: null, providerMessageId: `P-${id.slice(0, 8)}-3` });
    expect(received.get(id)).toBe(3);
    expect(await deliveredOutcomes(id)).toEqual(['SENT']);
  }, 60_000);

  it('a permanent refusal (400, e.g. a blocked number) is FAILED at once, not retried', async () => {
    const id = await queue([400]);
    const done = await finished(id);
    expect(done).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(done.lastError).toMatch(/SMS platform answered 400: 号码无效/);
    expect(received.get(id)).toBe(1);
    expect(await deliveredOutcomes(id)).toEqual(['FAILED']);
  }, 60_000);
});
