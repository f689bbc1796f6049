import { IsIn, IsString } from 'class-validator';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { createTestDatabase, deleteStreams, randomName, TEST_NATS_URL, type TestDatabase } from '@onewindow/testing';
import { buildDataSourceOptions, createLogger, EventConsumerHost, NatsService, OutboxEntity, OutboxRelay, OutboxService } from '../src/index.js';

class CaseOpened {
  @IsString() caseId!: string;
  @IsIn(['OPEN']) status!: string;
}

const STREAM = { name: 'EVT_TEST', subjects: ['test.v1.>'] };
const SUBJECT = 'test.v1.case.opened';
const logger = createLogger('outbox-test', 'silent');

async function until(check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('transactional outbox → JetStream → durable idempotent consumer', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let nats: NatsService;
  const prefix = randomName('t');
  const outbox = new OutboxService();
  const consumers: EventConsumerHost[] = [];
  const handled: { caseId: string; messageId: string }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('outbox');
    ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: [], migrations: [], migrationsRun: true }));
    await ds.initialize();
    await ds.query('CREATE TABLE demo_case (id text PRIMARY KEY, status text NOT NULL)');
    nats = new NatsService({ url: TEST_NATS_URL, prefix, name: 'outbox-test' }, logger);
    await nats.connect();
    const host = new EventConsumerHost(ds, nats, logger);
    consumers.push(host);
    await host.start({
      durable: 'test-projection',
      stream: STREAM,
      messageClass: CaseOpened,
      handle: async (event, manager, meta) => {
        await manager.query('SELECT 1'); // runs inside the inbox transaction
        handled.push({ caseId: event.caseId, messageId: meta.messageId });
      },
    });
  }, 60_000);

  afterAll(async () => {
    for (const c of consumers) await c.onApplicationShutdown();
    await nats.onApplicationShutdown();
    await ds.destroy();
    await db.drop();
    await deleteStreams(prefix);
  }, 60_000);

  /**
   * Publishes a marker after what is being checked and waits until it is applied: the consumer
   * keeps stream order (no ordering key, one message in flight), so whatever was published before
   * it has been handled by then — a condition to wait for instead of a fixed sleep.
   */
  const publishMarker = async (id: string) => {
    await nats.js.publish(nats.subject(SUBJECT), JSON.stringify({ caseId: id, status: 'OPEN' }), { msgID: id });
    await until(() => handled.some((h) => h.messageId === id));
  };

  const streamMessages = async () => (await nats.manager.streams.info(nats.stream(STREAM.name))).state.messages;

  it('delivers exactly once even when the relay crashes between publish and mark', async () => {
    await ds.transaction(async (m) => {
      await m.query(`INSERT INTO demo_case (id, status) VALUES ('C-1', 'OPEN')`);
      await outbox.enqueue(m, SUBJECT, { caseId: 'C-1', status: 'OPEN' });
    });

    // First relay publishes, then "crashes" before marking the row.
    const crashing = new OutboxRelay(ds, nats, outbox, logger, {
      intervalMs: 0,
      batchSize: 10,
      afterPublish: () => {
        throw new Error('simulated crash after publish');
      },
    });
    expect(await crashing.drain()).toBe(0);
    const [row] = await ds.getRepository(OutboxEntity).find();
    expect(row!.publishedAt).toBeNull();
    expect(row!.attempts).toBe(1);

    // A restarted relay publishes the same row again: JetStream drops the duplicate by Nats-Msg-Id.
    // The failed row waits for its retry (backoff), then goes out.
    const restarted = new OutboxRelay(ds, nats, outbox, logger, { intervalMs: 0, batchSize: 10 });
    await until(async () => (await restarted.drain()) === 1);
    expect(await restarted.drain()).toBe(0); // running it again publishes nothing
    expect(await streamMessages()).toBe(1);

    await until(() => handled.length >= 1);
    // Nothing more: a marker published after the duplicate is applied (one stream order), and C-1 is still there once.
    await publishMarker('mark-1');
    expect(handled).toEqual([{ caseId: 'C-1', messageId: row!.id }, { caseId: 'mark-1', messageId: 'mark-1' }]);
    const inbox = await ds.query(`SELECT consumer, message_id FROM inbox ORDER BY message_id`);
    expect(inbox).toEqual([{ consumer: 'test-projection', message_id: row!.id }, { consumer: 'test-projection', message_id: 'mark-1' }].sort((a, b) => (a.message_id < b.message_id ? -1 : 1)));
  });

  it('a rolled-back transaction emits nothing', async () => {
    const before = await streamMessages();
    await expect(
      ds.transaction(async (m) => {
        await m.query(`INSERT INTO demo_case (id, status) VALUES ('C-2', 'OPEN')`);
        await outbox.enqueue(m, SUBJECT, { caseId: 'C-2', status: 'OPEN' });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const relay = new OutboxRelay(ds, nats, outbox, logger, { intervalMs: 0, batchSize: 10 });
    expect(await relay.drain()).toBe(0);
    expect(await streamMessages()).toBe(before);
    expect(await ds.query(`SELECT id FROM demo_case WHERE id = 'C-2'`)).toEqual([]);
  });

  it('refuses to enqueue outside a transaction', async () => {
    await expect(outbox.enqueue(ds.manager, SUBJECT, { caseId: 'x', status: 'OPEN' })).rejects.toThrow(/inside a transaction/);
  });

  it('validates events on receipt and applies a message id only once', async () => {
    const count = handled.length;
    // Invalid payload: terminated, never applied.
    await nats.js.publish(nats.subject(SUBJECT), JSON.stringify({ caseId: 42, status: 'BOGUS' }), { msgID: 'bad-1' });
    // Already in the inbox (e.g. applied before a redelivery): acknowledged, not applied again.
    await ds.query(`INSERT INTO inbox (consumer, message_id, subject) VALUES ('test-projection', 'dup-1', 'x')`);
    const h = natsHeaders();
    await nats.js.publish(nats.subject(SUBJECT), JSON.stringify({ caseId: 'C-3', status: 'OPEN' }), { msgID: 'dup-1', headers: h });
    // A fresh valid one is applied.
    await nats.js.publish(nats.subject(SUBJECT), JSON.stringify({ caseId: 'C-4', status: 'OPEN' }), { msgID: 'ok-1' });
    await until(() => handled.length >= count + 1);
    await publishMarker('mark-2');
    expect(handled.slice(count).map((h) => h.caseId)).toEqual(['C-4', 'mark-2']);
  });

  it('a durable consumer that was down receives what was published meanwhile', async () => {
    const count = handled.length;
    await consumers[0]!.onApplicationShutdown();
    await ds.transaction(async (m) => outbox.enqueue(m, SUBJECT, { caseId: 'C-5', status: 'OPEN' }));
    await new OutboxRelay(ds, nats, outbox, logger, { intervalMs: 0, batchSize: 10 }).drain();
    expect(handled.length).toBe(count);
    const host = new EventConsumerHost(ds, nats, logger);
    consumers.push(host);
    await host.start({ durable: 'test-projection', stream: STREAM, messageClass: CaseOpened, handle: async (e, _m, meta) => void handled.push({ caseId: e.caseId, messageId: meta.messageId }) });
    await until(() => handled.length >= count + 1);
    expect(handled.slice(count).map((h) => h.caseId)).toEqual(['C-5']);
  });
});
