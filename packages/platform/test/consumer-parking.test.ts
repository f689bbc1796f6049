import { IsInt, IsString } from 'class-validator';
import pg from 'pg';
import { deadLetterStreamOf } from '@onewindow/contracts';
import { DataSource } from 'typeorm';
import { createTestDatabase, deleteStreams, randomName, TEST_NATS_URL, type TestDatabase } from '@onewindow/testing';
import {
  buildDataSourceOptions, createLogger, discardParked, EventConsumerHost, listParked, NatsService,
  OutboxRelay, OutboxService, replayParked, type SqlQuery,
} from '../src/index.js';

/** A step of some case; `n` orders the steps of one case. */
class CaseStep {
  @IsString() caseId!: string;
  @IsInt() n!: number;
}

const STREAM = { name: 'EVT_PARK', subjects: ['park.v1.>'] };
const SUBJECT = 'park.v1.case.step';
const logger = createLogger('parking-test', 'silent');

async function until<T>(check: () => Promise<T | false | undefined | null> | T | false | undefined | null, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('poison messages and order per key (parking, backoff, dead letters)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let nats: NatsService;
  let host: EventConsumerHost;
  let relay: OutboxRelay;
  const prefix = randomName('t');
  const outbox = new OutboxService();
  const applied: string[] = [];
  /** How many more times a step must fail before it is applied (`caseId:n` → count; -1 = always). */
  const failures = new Map<string, number>();
  let query: SqlQuery;
  let pool: pg.Pool;

  const publish = (caseId: string, n: number, payload: object = { caseId, n }) =>
    nats.js.publish(nats.subject(SUBJECT), JSON.stringify(payload), { msgID: `${caseId}-${n}-${randomName('m')}` });

  beforeAll(async () => {
    db = await createTestDatabase('parking');
    ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: [], migrations: [], migrationsRun: true, logger }));
    await ds.initialize();
    // The operator command's own kind of connection (plain pg), as `npm run dead-letters` uses.
    pool = new pg.Pool({ connectionString: db.url, max: 2 });
    query = async (sql, params) => (await pool.query(sql, params as unknown[])).rows as unknown[];
    nats = new NatsService({ url: TEST_NATS_URL, prefix, name: 'parktest' }, logger);
    await nats.connect();
    relay = new OutboxRelay(ds, nats, outbox, logger, { intervalMs: 0, batchSize: 10 });
    host = new EventConsumerHost(ds, nats, logger, { outbox, retryBackoffMs: [40, 80], retryTickMs: 20, inPlaceAttempts: 1 });
    await host.start({
      durable: 'park-projection',
      stream: STREAM,
      messageClass: CaseStep,
      orderingKey: (e) => e.caseId,
      handle: async (e) => {
        const k = `${e.caseId}:${e.n}`;
        const left = failures.get(k) ?? 0;
        if (left !== 0) {
          failures.set(k, left - 1);
          throw new Error(`step ${k} cannot be applied yet`);
        }
        applied.push(k);
      },
    });
  }, 60_000);

  afterAll(async () => {
    await host.onApplicationShutdown();
    await nats.onApplicationShutdown();
    await pool.end();
    await ds.destroy();
    await db.drop();
    await deleteStreams(prefix);
  }, 60_000);

  it('a failing message waits with its key; later messages of that key wait behind it, other keys go on, and the order holds', async () => {
    failures.set('A:1', 2); // fails in place, then on the first retry; applied on the second
    await publish('A', 1);
    await publish('A', 2); // e.g. the revocation of step 1: must not overtake it
    await publish('B', 1);
    await until(() => applied.includes('B:1'));
    // B went on while A:1 was parked, and A:2 waits behind A:1.
    await until(() => applied.includes('A:2'));
    expect(applied.filter((k) => k.startsWith('A:'))).toEqual(['A:1', 'A:2']);
    expect(applied.indexOf('B:1')).toBeLessThan(applied.indexOf('A:1'));
    expect(await listParked(query)).toEqual([]);
    // Applied once each: the inbox holds one row per message.
    const [{ count }] = (await ds.query(`SELECT count(*)::int AS count FROM inbox WHERE consumer = 'park-projection'`)) as { count: number }[];
    expect(count).toBe(3);
  });

  it('gives a message up after the backoff is spent: a dead letter, announced on the dead-letter stream; its key stays held until an operator acts', async () => {
    failures.set('C:1', -1);
    await publish('C', 1);
    await publish('C', 2);
    await publish('D', 1);
    const [dead] = await until(async () => {
      const rows = await listParked(query, { state: 'DEAD' });
      return rows.length ? rows : null;
    });
    expect(dead).toMatchObject({ consumer: 'park-projection', orderingKey: 'C', subject: nats.subject(SUBJECT), state: 'DEAD', attempts: 3, waitingBehind: 1 });
    expect(dead!.lastError).toContain('step C:1 cannot be applied yet');
    await until(() => applied.includes('D:1'));
    expect(applied).not.toContain('C:2');

    // The announcement goes out through the outbox onto the dead-letter stream (no payload in it).
    await relay.drain();
    const dlq = nats.stream(deadLetterStreamOf('parktest').name);
    const info = await until(async () => {
      const i = await nats.manager.streams.info(dlq);
      return i.state.messages >= 1 ? i : null;
    });
    expect(info.state.messages).toBe(1);
    const msg = await nats.manager.streams.getMessage(dlq, { seq: info.state.first_seq });
    expect(msg?.subject).toBe(nats.subject('deadletter.v1.parktest.park-projection'));
    const announced = msg!.json<Record<string, unknown>>();
    expect(announced).toMatchObject({ consumer: 'park-projection', parkedId: dead!.id, attempts: 3 });
    expect(JSON.stringify(announced)).not.toContain('"n"');

    // The operator fixes the cause and replays: C:1, then C:2 behind it, in order.
    failures.set('C:1', 0);
    expect(await replayParked(query, dead!.id, 'ops-zhang')).toBe(true);
    await until(() => applied.includes('C:2'));
    expect(applied.filter((k) => k.startsWith('C:'))).toEqual(['C:1', 'C:2']);
    const audit = (await ds.query(`SELECT action, actor_username, subject_ref FROM audit_log WHERE action LIKE 'DEAD_LETTER_%'`)) as unknown[];
    expect(audit).toEqual([{ action: 'DEAD_LETTER_REPLAY', actor_username: 'operator:ops-zhang', subject_ref: dead!.id }]);
  });

  it('an operator may discard a dead letter with a reason; what waited behind it goes on', async () => {
    failures.set('E:1', -1);
    await publish('E', 1);
    await publish('E', 2);
    const [dead] = await until(async () => {
      const rows = (await listParked(query, { state: 'DEAD' })).filter((r) => r.orderingKey === 'E');
      return rows.length ? rows : null;
    });
    await expect(discardParked(query, dead!.id, 'ops-zhang', '')).rejects.toThrow(/reason/);
    expect(await discardParked(query, dead!.id, 'ops-zhang', '重复推送，源数据已更正')).toBe(true);
    await until(() => applied.includes('E:2'));
    expect(applied).not.toContain('E:1');
  });

  it('an invalid message is a dead letter at once and holds up nothing', async () => {
    await publish('F', 1, { caseId: 'F', n: 'not-a-number' });
    await publish('F', 2);
    await until(() => applied.includes('F:2'));
    const dead = await until(async () => {
      const rows = (await listParked(query, { state: 'DEAD' })).filter((r) => r.lastError?.startsWith('INVALID'));
      return rows.length ? rows : null;
    });
    expect(dead).toHaveLength(1);
    expect(dead[0]!.attempts).toBe(1);
  });

  it('a consumer with `applies` handles only what it accepts; the rest is acknowledged without a transaction or inbox row, and its key goes on', async () => {
    const handled: string[] = [];
    await host.start({
      durable: 'park-applies',
      stream: STREAM,
      filterSubject: 'park.v1.other.step',
      messageClass: CaseStep,
      orderingKey: (e) => e.caseId,
      applies: (e) => e.n !== 2,
      handle: async (e) => {
        handled.push(`${e.caseId}:${e.n}`);
      },
    });
    for (const n of [1, 2, 3]) await nats.js.publish(nats.subject('park.v1.other.step'), JSON.stringify({ caseId: 'S', n }), { msgID: randomName('s') });
    await until(() => handled.includes('S:3'));
    expect(handled).toEqual(['S:1', 'S:3']);
    const [{ count }] = (await ds.query(`SELECT count(*)::int AS count FROM inbox WHERE consumer = 'park-applies'`)) as { count: number }[];
    expect(count).toBe(2);
    // Nothing left unacknowledged: the skipped message was acknowledged too.
    const info = await until(async () => {
      const i = await nats.manager.consumers.info(nats.stream(STREAM.name), `${prefix}_park-applies`);
      return i.num_ack_pending === 0 && i.num_pending === 0 ? i : null;
    });
    expect(info.delivered.consumer_seq).toBe(3);
  });
});

describe('the outbox relay: a failing row is retried with backoff, other aggregates go on', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let nats: NatsService;
  const prefix = randomName('t');
  const outbox = new OutboxService();

  beforeAll(async () => {
    db = await createTestDatabase('relay');
    ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: [], migrations: [], migrationsRun: true, logger }));
    await ds.initialize();
    nats = new NatsService({ url: TEST_NATS_URL, prefix, name: 'relaytest' }, logger);
    await nats.connect();
    await nats.ensureStream({ name: 'EVT_RELAY', subjects: ['relay.v1.>'] });
  }, 60_000);

  afterAll(async () => {
    await nats.onApplicationShutdown();
    await ds.destroy();
    await db.drop();
    await deleteStreams(prefix);
  }, 60_000);

  it('holds back the failing row and the later rows of its group only, and publishes them in order once it goes through', async () => {
    const ids: Record<string, string> = {};
    await ds.transaction(async (m) => {
      ids['t1'] = await outbox.enqueue(m, 'relay.v1.transfer.requested', { n: 1 });
      ids['a1'] = await outbox.enqueue(m, 'relay.v1.application.changed', { n: 1 });
      ids['t2'] = await outbox.enqueue(m, 'relay.v1.transfer.requested', { n: 2 });
      ids['a2'] = await outbox.enqueue(m, 'relay.v1.application.changed', { n: 2 });
    });
    let failT1 = true;
    const published: string[] = [];
    const relay = new OutboxRelay(ds, nats, outbox, logger, {
      intervalMs: 0,
      batchSize: 10,
      afterPublish: (row) => {
        if (row.id === ids['t1'] && failT1) throw new Error('the stream refused it');
        published.push(row.id);
      },
    });
    expect(await relay.drain()).toBe(2);
    expect(published).toEqual([ids['a1'], ids['a2']]);
    const [t1] = (await ds.query(`SELECT attempts, last_error, next_attempt_at > now() AS waiting FROM outbox WHERE id = $1`, [ids['t1']])) as { attempts: number; last_error: string; waiting: boolean }[];
    expect(t1).toMatchObject({ attempts: 1, waiting: true });
    expect(t1!.last_error).toContain('the stream refused it');
    // While t1 waits for its retry, t2 is not published ahead of it.
    expect(await relay.drain()).toBe(0);
    failT1 = false;
    await until(async () => (await relay.drain()) > 0);
    expect(published).toEqual([ids['a1'], ids['a2'], ids['t1'], ids['t2']]);
  });

  it('one relay at a time: a second replica skips its pass while the first holds the relay lock', async () => {
    await ds.transaction(async (m) => outbox.enqueue(m, 'relay.v1.application.changed', { n: 3 }));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    const first = new OutboxRelay(ds, nats, outbox, logger, { intervalMs: 0, batchSize: 10, afterPublish: async () => { inside(); await held; } });
    const second = new OutboxRelay(ds, nats, outbox, logger, { intervalMs: 0, batchSize: 10 });
    const running = first.drain();
    await entered;
    expect(await second.drain()).toBe(0);
    release();
    expect(await running).toBe(1);
  });
});
