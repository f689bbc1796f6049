import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, headers as natsHeaders, type NatsConnection } from '@nats-io/transport-node';
import { busInboxPrefix, ServiceName, TransferSubjects, type Identity, Role } from '@onewindow/contracts';
import { BaseServiceConfig, IDENTITY_HEADER, IdentitySigner } from '@onewindow/platform';
import { DEMO_PERSON_IDS } from '@onewindow/population';
import { eventually, sql, TestStack } from '@onewindow/testing';
import { randomUUID } from 'node:crypto';

/**
 * The message bus is a trust boundary (issue 12, decision 0026). The stack's own nats-server runs
 * the authorization generated from packages/contracts/src/bus-permissions.ts; these tests play the
 * attacker of the issue: no credentials, another service's credentials, a captured or misdirected
 * identity token.
 */
describe('security: the message bus', () => {
  const stack = new TestStack({ services: ['household', 'exit-entry', 'traffic'], gateway: false });
  const signer = new IdentitySigner(new BaseServiceConfig().INTERNAL_IDENTITY_SECRET);
  const clerk: Identity = { sub: 'u-clerk', username: 'demo-clerk', displayName: '王窗口', roles: [Role.CLERK], unitCode: '510107001', unitName: '浆洗街派出所' };
  let admin: NatsConnection;
  let traffic: NatsConnection;

  beforeAll(async () => {
    await stack.start();
    admin = await stack.natsConnect();
    traffic = await stack.natsConnect(ServiceName.TRAFFIC);
  }, 240_000);
  afterAll(async () => {
    await traffic?.close();
    await admin?.close();
    await stack.stop();
  }, 60_000);

  /** A transfer request household → exit-entry, as the attacker of the issue forged it. */
  const transferRequest = (transferId: string) => ({
    transferId, fromService: ServiceName.HOUSEHOLD, toService: ServiceName.EXIT_ENTRY, kind: 'TASK', caseRef: `HJ-FORGED-${transferId.slice(0, 8)}`,
    reason: '伪造的移交请求', attachments: [], requestedDeadlineDays: 5, requestedDeadline: '2026-12-31',
    requestedBy: { sub: 'forged', name: 'forged', unitCode: '510107001' }, requestedAt: new Date().toISOString(),
  });
  const inboundTransfers = (transferId: string) =>
    sql(stack.databases.get('exit-entry')!.url, `SELECT transfer_id FROM transfer WHERE transfer_id = $1 AND direction = 'INBOUND'`, [transferId]);

  it('refuses a connection without credentials, and one with a wrong password', async () => {
    await expect(connect({ servers: stack.natsUrl })).rejects.toThrow(/Authorization Violation/);
    await expect(connect({ servers: stack.natsUrl, user: ServiceName.HOUSEHOLD, pass: 'not-the-password' })).rejects.toThrow(/Authorization Violation/);
  });

  it("refuses traffic's forged household.v1.transfer.requested.exit-entry; nothing reaches exit-entry", async () => {
    const subject = `${stack.prefix}.${TransferSubjects.requested(ServiceName.HOUSEHOLD, ServiceName.EXIT_ENTRY)}`;
    const forged = randomUUID();
    await expect(jetstream(traffic).publish(subject, JSON.stringify(transferRequest(forged)), { msgID: forged })).rejects.toThrow(/Permissions Violation for Publish/);
    // Marker: the same message from a user allowed to publish it is stored and worked by exit-entry;
    // the consumer reads the stream in order, so once the marker is there the forged one would be too.
    const marker = randomUUID();
    await jetstream(admin).publish(subject, JSON.stringify(transferRequest(marker)), { msgID: marker });
    await eventually(async () => (await inboundTransfers(marker)).length === 1);
    expect(await inboundTransfers(forged)).toEqual([]);
    const jsm = await jetstreamManager(admin);
    const info = await jsm.streams.info(`${stack.prefix}_EVT_HOUSEHOLD`, { subjects_filter: subject });
    expect(info.state.subjects).toEqual({ [subject]: 1 });
  });

  it('lets a service call only the RPC subjects it is declared to call', async () => {
    // traffic may ask household's register (acceptance checks), not drive household's casework
    await expect(traffic.request(`${stack.prefix}.rpc.household.v1.application.transition`, '{}', { timeout: 5000 })).rejects.toThrow(/Permissions Violation for Publish/);
  });

  it("does not let a service read another's RPC traffic or replies", async () => {
    const closed = (subject: string, queue?: string) => traffic.subscribe(subject, queue ? { queue } : {}).closed;
    await expect(closed(`${stack.prefix}.rpc.>`)).resolves.toMatchObject({ message: expect.stringMatching(/Permissions Violation for Subscription/) });
    await expect(closed(`${stack.prefix}.rpc.household.v1.person.lookup`, ServiceName.HOUSEHOLD)).resolves.toMatchObject({ message: expect.stringMatching(/Permissions Violation/) });
    await expect(closed(`${busInboxPrefix(ServiceName.HOUSEHOLD, stack.prefix)}.>`)).resolves.toMatchObject({ message: expect.stringMatching(/Permissions Violation/) });
    // its own RPC subjects, in its own queue group only
    await expect(closed(`${stack.prefix}.rpc.traffic.v1.application.get`, 'not-traffic')).resolves.toMatchObject({ message: expect.stringMatching(/Permissions Violation/) });
  });

  describe('a NATS request carries a valid identity signed for this call', () => {
    const lookup = async (token?: string) => {
      const h = natsHeaders();
      if (token) h.set(IDENTITY_HEADER, token);
      const packet = JSON.stringify({ id: randomUUID(), pattern: 'rpc.household.v1.person.lookup', data: { idNumber: DEMO_PERSON_IDS.adult } });
      const reply = await admin.request(`${stack.prefix}.rpc.household.v1.person.lookup`, packet, { timeout: 15_000, headers: h });
      return reply.json<{ response?: { found: boolean }; err?: { code: string } }>();
    };

    it('answers a request signed for household', async () => {
      expect((await lookup(await signer.sign(clerk, { audience: ServiceName.HOUSEHOLD }))).response).toMatchObject({ found: true });
    });

    it('refuses a request without a signed identity, or with a forged one', async () => {
      expect((await lookup()).err).toMatchObject({ code: 'UNAUTHENTICATED' });
      const forged = await new IdentitySigner('an-attacker-guessed-this-secret-0123456789').sign(clerk, { audience: ServiceName.HOUSEHOLD });
      expect((await lookup(forged)).err).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('refuses a token signed for another service (audience)', async () => {
      expect((await lookup(await signer.sign(clerk, { audience: ServiceName.EXIT_ENTRY }))).err).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('refuses a replayed token (same jti)', async () => {
      const token = await signer.sign(clerk, { audience: ServiceName.HOUSEHOLD });
      expect((await lookup(token)).response).toMatchObject({ found: true });
      expect((await lookup(token)).err).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('the gateway → subgraph hop is bound the same way', () => {
    const subgraph = async (service: 'household' | 'exit-entry', token: string) => {
      const res = await fetch(`http://127.0.0.1:${stack.ports.get(service)}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: token },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
    };

    it('refuses a token for another subgraph and a replayed one', async () => {
      const forHousehold = await signer.sign(clerk, { audience: ServiceName.HOUSEHOLD });
      expect((await subgraph('exit-entry', forHousehold)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await subgraph('household', forHousehold)).body.data).toEqual({ __typename: 'Query' });
      expect((await subgraph('household', forHousehold)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });
});
