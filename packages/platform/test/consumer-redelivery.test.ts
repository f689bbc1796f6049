import { IsString } from 'class-validator';
import { DataSource } from 'typeorm';
import { createTestDatabase, deleteStreams, eventually, randomName, TEST_NATS_URL, type TestDatabase } from '@onewindow/testing';
import { buildDataSourceOptions, createLogger, EventConsumerHost, NatsService } from '../src/index.js';

class Step {
  @IsString() id!: string;
}

const STREAM = { name: 'EVT_REDELIVER', subjects: ['redeliver.v1.>'] };
const SUBJECT = 'redeliver.v1.step';
const logger = createLogger('redelivery-test', 'silent');

/**
 * A real nak and a real redelivery by JetStream (decision 0031): a handler fails and the message
 * cannot be parked either (the database refuses the parking row), so the host naks it; JetStream
 * redelivers it, the handler succeeds and the effect is applied once. "Nothing more happened" is
 * checked with a marker message published afterwards (the consumer keeps stream order), not a sleep.
 */
describe('event consumer: nak and redelivery on the real JetStream', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let nats: NatsService;
  let host: EventConsumerHost;
  const prefix = randomName('t');
  const calls: { id: string; redelivered: boolean }[] = [];
  const failuresLeft = new Map<string, number>();

  const publish = (id: string) => nats.js.publish(nats.subject(SUBJECT), JSON.stringify({ id }), { msgID: `${id}-${randomName('m')}` });
  const effects = async () => ((await ds.query(`SELECT id FROM step_effect ORDER BY seq`)) as { id: string }[]).map((r) => r.id);

  beforeAll(async () => {
    db = await createTestDatabase('redeliver');
    ds = new DataSource(buildDataSourceOptions({ url: db.url, entities: [], migrations: [], migrationsRun: true, logger }));
    await ds.initialize();
    await ds.query(`CREATE TABLE step_effect (seq bigserial PRIMARY KEY, id text NOT NULL)`);
    // The parking table refuses rows while this trigger exists (a database that fails half-way).
    await ds.query(`CREATE FUNCTION refuse_parking() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'parking refused by the test'; END $$`);
    await ds.query(`CREATE TRIGGER refuse_parking BEFORE INSERT ON consumer_parked FOR EACH ROW EXECUTE FUNCTION refuse_parking()`);
    nats = new NatsService({ url: TEST_NATS_URL, prefix, name: 'redeliver-test' }, logger);
    await nats.connect();
    // One attempt in place, then park — which fails here, so the message is nak'd to JetStream.
    host = new EventConsumerHost(ds, nats, logger, { inPlaceAttempts: 1, retryBackoffMs: [60_000], retryTickMs: 0 });
    await host.start({
      durable: 'redeliver-projection',
      stream: STREAM,
      messageClass: Step,
      handle: async (e, manager, meta) => {
        calls.push({ id: e.id, redelivered: meta.redelivered });
        await manager.query(`INSERT INTO step_effect (id) VALUES ($1)`, [e.id]); // rolled back when the handler throws
        const left = failuresLeft.get(e.id) ?? 0;
        if (left > 0) {
          failuresLeft.set(e.id, left - 1);
          throw new Error(`step ${e.id} fails this time`);
        }
      },
    });
  }, 60_000);

  afterAll(async () => {
    await host?.onApplicationShutdown();
    await nats?.onApplicationShutdown();
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
    await deleteStreams(prefix);
  }, 60_000);

  it('a handler that fails once is nak’d, redelivered by JetStream and applied exactly once', async () => {
    failuresLeft.set('S-1', 1);
    await publish('S-1');
    // The host naks with a 5 s delay: generous wait for the redelivery on a loaded machine.
    await eventually(async () => calls.filter((c) => c.id === 'S-1').length >= 2, 40_000);
    expect(calls.filter((c) => c.id === 'S-1')).toEqual([
      { id: 'S-1', redelivered: false },
      { id: 'S-1', redelivered: true },
    ]);
    await eventually(async () => (await effects()).includes('S-1'));

    // Nothing more: a marker published after it is applied, and by then S-1 is still applied once.
    await publish('MARK-1');
    await eventually(async () => (await effects()).includes('MARK-1'));
    expect(await effects()).toEqual(['S-1', 'MARK-1']);
    expect(calls.filter((c) => c.id === 'S-1')).toHaveLength(2);
    expect(await ds.query(`SELECT count(*)::int AS n FROM inbox WHERE consumer = 'redeliver-projection'`)).toEqual([{ n: 2 }]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM consumer_parked`)).toEqual([{ n: 0 }]);
  }, 60_000);

  it('a message already in the inbox (a redelivery after the apply committed) is acknowledged and not applied again', async () => {
    await ds.query(`INSERT INTO inbox (consumer, message_id, subject) VALUES ('redeliver-projection', 'dup-S-2', $1)`, [SUBJECT]);
    await nats.js.publish(nats.subject(SUBJECT), JSON.stringify({ id: 'S-2' }), { msgID: 'dup-S-2' });
    await publish('MARK-2');
    await eventually(async () => (await effects()).includes('MARK-2'));
    expect(await effects()).toEqual(['S-1', 'MARK-1', 'MARK-2']);
    expect(calls.some((c) => c.id === 'S-2')).toBe(false);
  }, 60_000);
});
