import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { checkMaterials, loadCatalogFile, type Catalog } from '@onewindow/catalog';
import { PoliceType, Role, type AcceptApplicationCommand, type ApplicationSnapshot, type CatalogPublishedEvent, type Identity } from '@onewindow/contracts';
import { computeCheckCode } from '@onewindow/id-number';
import { IdentitySigner } from '@onewindow/platform';
import { sql, TestStack } from '@onewindow/testing';

const here = path.dirname(fileURLToPath(import.meta.url));
const household: Catalog = loadCatalogFile(path.resolve(here, '../../household/catalog/household.catalog.yaml'));
const signer = new IdentitySigner(process.env.INTERNAL_IDENTITY_SECRET ?? 'onewindow-demo-internal-identity-secret-change-me');

const STATION = { unitCode: '510107001', unitName: '成都市公安局武侯区分局浆洗街派出所' };
const clerk: Identity = { sub: 'demo:demo-clerk', username: 'demo-clerk', displayName: '王窗口', roles: [Role.CLERK], ...STATION };
const officer: Identity = { sub: 'demo:demo-household', username: 'demo-household', displayName: '李户政', roles: [Role.OFFICER], policeType: PoliceType.HOUSEHOLD, ...STATION };
const otherClerk: Identity = { sub: 'demo:demo-clerk-jinjiang', username: 'demo-clerk-jinjiang', displayName: '吴窗口', roles: [Role.CLERK], unitCode: '510104002', unitName: '成都市公安局锦江区分局春熙路派出所' };

/** A valid 18-digit ID number (checksum computed), born in 1990, sequence n. */
const idNumber = (n: number) => {
  const first17 = `510107199001${String(10 + (n % 18)).padStart(2, '0')}${String(n).padStart(3, '0')}`;
  return first17 + computeCheckCode(first17);
};
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);

function snapshot(overrides: Partial<ApplicationSnapshot> = {}): ApplicationSnapshot {
  const now = new Date().toISOString();
  return {
    number: `HH-${randomUUID().slice(0, 8).toUpperCase()}`,
    service: 'household',
    policeType: PoliceType.HOUSEHOLD,
    itemCode: 'HH-ID-CARD-RENEW',
    itemName: '居民身份证换领',
    applicantIdNumber: idNumber(1),
    applicantName: '张三丰',
    applicantPhone: '13812345678',
    status: 'ACCEPTED',
    ...STATION,
    firstInquiryOwnerSub: clerk.sub,
    firstInquiryOwnerName: clerk.displayName,
    acceptedAt: now,
    deadline: day(30),
    deadlineProvisional: false,
    deadlineState: 'ON_TIME',
    feeFen: 2000,
    resultName: '居民身份证',
    presentedMaterials: ['ID_CARD'],
    toleratedMaterials: [],
    form: {},
    timeline: [{ at: now, actorSub: clerk.sub, actorName: clerk.displayName, actorRoles: ['CLERK'], action: 'ACCEPT', fromStatus: null, toStatus: 'ACCEPTED' }],
    version: 1,
    updatedAt: now,
    ...overrides,
  };
}

async function eventually<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type GqlResult<T> = { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };

/**
 * The counter alone, fed with synthetic events as the police-type services would publish them,
 * and queried directly on its subgraph with a signed identity.
 */
describe('counter: catalog index, inbox projection, pickup SMS, acceptance', () => {
  const stack = new TestStack({ services: ['counter'], gateway: false });
  let nc: NatsConnection;
  let js: JetStreamClient;
  let dbUrl: string;

  const gql = async <T>(identity: Identity, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> => {
    const res = await fetch(`http://127.0.0.1:${stack.ports.get('counter')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-onewindow-identity': await signer.sign(identity, { audience: 'counter' }) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResult<T>;
  };
  const publish = (subject: string, payload: object) => js.publish(`${stack.prefix}.${subject}`, JSON.stringify(payload), { msgID: randomUUID() });
  /** Waits until every application event published so far is applied (the consumer keeps stream order). */
  const settle = async () => {
    const sentinel = snapshot({ unitCode: '510199999', unitName: '测试哨兵单位' });
    await publish('household.v1.application.changed', sentinel);
    await eventually(async () => ((await sql(dbUrl, 'SELECT 1 FROM inbox_application WHERE number = $1', [sentinel.number])).length ? true : undefined), 'events applied');
  };

  beforeAll(async () => {
    await stack.start();
    dbUrl = stack.databases.get('counter')!.url;
    nc = await stack.natsConnect();
    js = jetstream(nc);
    const jsm = await jetstreamManager(nc);
    // The counter's consumers create the stream at boot; make sure of it as a producer would.
    await jsm.streams.info(`${stack.prefix}_EVT_HOUSEHOLD`).catch(() =>
      jsm.streams.add({ name: `${stack.prefix}_EVT_HOUSEHOLD`, subjects: [`${stack.prefix}.household.v1.>`], duplicate_window: 120_000_000_000 }),
    );
    const published: CatalogPublishedEvent = {
      service: 'household',
      policeType: PoliceType.HOUSEHOLD,
      version: household.version,
      effectiveFrom: household.effectiveFrom,
      items: household.items.map((i) => ({ code: i.code, name: i.name, item: JSON.parse(JSON.stringify(i)) as Record<string, unknown> })),
    };
    await publish('household.v1.catalog.published', published);
  }, 120_000);

  afterAll(async () => {
    await nc?.close();
    await stack.stop();
  }, 60_000);

  it('indexes the published catalog: "身份证" finds the household ID-card items, with every 六告知 field', async () => {
    const search = await eventually(async () => {
      const r = await gql<{ catalogItems: { code: string; policeType: string }[] }>(clerk, '{ catalogItems(keyword: "身份证") { code policeType } }');
      return r.data?.catalogItems.length ? r.data.catalogItems : undefined;
    }, 'catalog index');
    expect(search.every((i) => i.policeType === 'HOUSEHOLD' && i.code.startsWith('HH-'))).toBe(true);
    expect(search.map((i) => i.code)).toEqual(expect.arrayContaining(['HH-ID-CARD-FIRST', 'HH-ID-CARD-RENEW', 'HH-ID-CARD-REPLACE']));

    const exact = await gql<{ catalogItems: { code: string }[] }>(clerk, '{ catalogItems(keyword: "居民身份证换领") { code } }');
    expect(exact.data!.catalogItems[0]!.code).toBe('HH-ID-CARD-RENEW');

    const item = await gql<{ catalogItem: Record<string, unknown> }>(
      clerk,
      `{ catalogItem(code: "HH-ID-CARD-RENEW") { name version materials { code name required toleratedIfMissing verifiedOnline verifiedBy note }
         fee { amountFen formatted waivers { code } } statutoryTimeLimit { value unit text } promisedTimeLimit { text }
         channels processSteps legalBasis supervisionPhone resultName formFields { key type } sources { url } sixNotices { key title lines } } }`,
    );
    expect(item.errors).toBeUndefined();
    const ci = item.data!.catalogItem as { fee: { amountFen: number; formatted: string }; statutoryTimeLimit: { text: string }; sixNotices: { key: string }[]; materials: unknown[] };
    expect(ci.fee).toMatchObject({ amountFen: 2000, formatted: '20.00元' });
    expect(ci.statutoryTimeLimit.text).toMatch(/日/);
    expect(ci.sixNotices.map((s) => s.key)).toEqual(['SERVICE_ITEM', 'MATERIALS', 'FEE', 'PROCESS', 'TIME_LIMIT', 'SUPERVISION']);
    expect(ci.materials.length).toBeGreaterThan(0);

    const unknown = await gql(clerk, '{ catalogItem(code: "HH-NOPE") { code } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('ITEM_NOT_FOUND');
  });

  it('projects applications into the inbox: own unit only, overdue first, masked rows, older versions ignored', async () => {
    const onTime = snapshot({ deadline: day(20), applicantName: '张三丰', applicantIdNumber: idNumber(2) });
    const dueSoon = snapshot({ deadline: day(2), deadlineState: 'DUE_SOON', applicantIdNumber: idNumber(3) });
    // The producer said ON_TIME, but nobody touched it since and its deadline has passed.
    const stale = snapshot({ deadline: day(-3), deadlineState: 'ON_TIME', applicantIdNumber: idNumber(4) });
    const elsewhere = snapshot({ unitCode: otherClerk.unitCode, unitName: otherClerk.unitName, applicantIdNumber: idNumber(5) });
    for (const s of [onTime, dueSoon, stale, elsewhere]) await publish('household.v1.application.changed', s);
    // Version 2 of onTime, then a late redelivery of version 1 that must not win.
    await publish('household.v1.application.changed', { ...onTime, status: 'IN_REVIEW', version: 2 });
    await publish('household.v1.application.changed', onTime);
    await settle();

    type Page = { inbox: { total: number; items: { number: string; deadlineState: string; applicantName: string; applicantIdNumber: string; status: string }[] } };
    const q = '{ inbox(policeType: HOUSEHOLD) { total items { number deadlineState applicantName applicantIdNumber status } } }';
    const page = (await gql<Page>(clerk, q)).data!.inbox;
    const ours = page.items.filter((i) => [onTime.number, dueSoon.number, stale.number].includes(i.number));
    expect(ours.map((i) => i.number)).toEqual([stale.number, dueSoon.number, onTime.number]);
    expect(ours.map((i) => i.deadlineState)).toEqual(['OVERDUE', 'DUE_SOON', 'ON_TIME']);
    expect(page.items.find((i) => i.number === elsewhere.number)).toBeUndefined();
    const row = ours.find((i) => i.number === onTime.number)!;
    expect(row).toMatchObject({ applicantName: '张**', applicantIdNumber: `${idNumber(2).slice(0, 6)}********${idNumber(2).slice(-4)}`, status: 'IN_REVIEW' });

    const byId = await gql<Page>(clerk, `{ inbox(search: "${idNumber(3)}") { total items { number } } }`);
    expect(byId.data!.inbox.items.map((i) => i.number)).toEqual([dueSoon.number]);
    const otherUnit = await gql<Page>(otherClerk, q);
    expect(otherUnit.data!.inbox.items.map((i) => i.number)).toEqual([elsewhere.number]);

    // One application with its timeline: masked for the clerk, in full for the officer, audited.
    const appQuery = `{ application(number: "${onTime.number}") { number status version applicant { name idNumber phone masked } timeline { actorName action toStatus } } }`;
    const asClerk = await gql<{ application: { version: number; applicant: Record<string, unknown>; timeline: unknown[] } }>(clerk, appQuery);
    expect(asClerk.data!.application.version).toBe(2);
    expect(asClerk.data!.application.applicant).toEqual({ name: '张**', idNumber: expect.stringContaining('********'), phone: '138****5678', masked: true });
    expect(asClerk.data!.application.timeline).toEqual([{ actorName: '王窗口', action: 'ACCEPT', toStatus: 'ACCEPTED' }]);
    const asOfficer = await gql<{ application: { applicant: Record<string, unknown> } }>(officer, appQuery);
    expect(asOfficer.data!.application.applicant).toEqual({ name: '张三丰', idNumber: idNumber(2), phone: '13812345678', masked: false });
    const denied = await gql(otherClerk, appQuery);
    expect(denied.errors?.[0]?.extensions?.code).toBe('OUT_OF_JURISDICTION');
    const audit = await sql<{ actor_username: string; outcome: string }>(dbUrl, `SELECT actor_username, outcome FROM audit_log WHERE action = 'APPLICATION_READ' AND subject_ref = $1 ORDER BY id`, [onTime.number]);
    expect(audit).toEqual([
      { actor_username: 'demo-clerk', outcome: 'SUCCESS' },
      { actor_username: 'demo-household', outcome: 'SUCCESS' },
      { actor_username: 'demo-clerk-jinjiang', outcome: 'DENIED' },
    ]);
  });

  it('READY_FOR_PICKUP queues exactly one SMS, sent once, even when the snapshot arrives twice', async () => {
    const ready = snapshot({ status: 'READY_FOR_PICKUP', version: 4, resultName: '居民身份证', applicantPhone: '13912345678' });
    await publish('household.v1.application.changed', ready);
    await publish('household.v1.application.changed', ready); // same version, another message id

    type Sms = { smsMessages: { phone: string; text: string; status: string; template: string; providerMessageId: string | null }[] };
    const q = `{ smsMessages(applicationNumber: "${ready.number}") { phone text status template providerMessageId } }`;
    const sent = await eventually(async () => {
      const r = await gql<Sms>(clerk, q);
      return r.data?.smsMessages.some((m) => m.status === 'SENT') ? r.data.smsMessages : undefined;
    }, 'SMS sent');
    // Both deliveries were applied, yet one SMS only.
    await settle();
    const again = await gql<Sms>(clerk, q);
    expect(again.data!.smsMessages).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      phone: '139****5678',
      status: 'SENT',
      template: 'PICKUP_READY_WINDOW',
      text: `【成都市公安局】您申领的居民身份证已办好，请于工作日9:00-17:00到${STATION.unitName}领取。`,
    });
    expect(sent[0]!.providerMessageId).toMatch(/^rec-/);
    expect(sent[0]!.text).not.toContain('张');
  });

  it('acceptance: nothing written while household is down; missing materials → one-time notice; second visit resolves it', async () => {
    const item = household.items.find((i) => i.code === 'HH-ID-CARD-RENEW')!;
    const applicant = idNumber(7);
    const accept = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) {
      __typename
      ... on OneTimeNotice { number noticeStatus: status applicantIdNumber applicantName missingMaterials { code name } sixNotices { key } pdfBase64 }
      ... on Application { number status applicant { idNumber } receiptPdfBase64 } } }`;
    const input = (key: string, presented: string[], fromNoticeNumber?: string) => ({
      input: { idempotencyKey: key, itemCode: 'HH-ID-CARD-RENEW', applicantIdNumber: applicant, presentedMaterials: presented, form: { applicantName: '李四' }, fromNoticeNumber },
    });
    const count = async (table: string) => Number((await sql<{ n: string }>(dbUrl, `SELECT count(*) AS n FROM ${table}`))[0]!.n);

    // No household service answers: SERVICE_UNAVAILABLE, and the counter wrote nothing.
    const down = await gql(clerk, accept, input('key-down-0001', []));
    expect(down.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(await count('accept_request')).toBe(0);
    expect(await count('one_time_notice')).toBe(0);

    // A stand-in household service: the casework contract, with the catalog's own material check.
    let calls = 0;
    const sub = nc.subscribe(`${stack.prefix}.rpc.household.v1.application.accept`, {
      callback: (_err, msg) => {
        calls++;
        const packet = msg.json<{ id: string; data: AcceptApplicationCommand }>();
        const cmd = packet.data;
        const check = checkMaterials(item, cmd.presentedMaterials);
        const response = check.complete
          ? { outcome: 'ACCEPTED', application: snapshot({ number: `HH-ACC-${calls}`, applicantIdNumber: cmd.applicantIdNumber, applicantName: '李四', fromNoticeNumber: cmd.fromNoticeNumber ?? null }) }
          : { outcome: 'MISSING_MATERIALS', missing: check.missing.map((m) => ({ code: m.code, name: m.name })) };
        msg.respond(JSON.stringify({ id: packet.id, response }));
      },
    });
    try {
      type NoticeResult = { acceptApplication: { __typename: string; number: string; noticeStatus: string; applicantIdNumber: string; applicantName: string; missingMaterials: { code: string }[]; sixNotices: unknown[]; pdfBase64: string } };
      const first = await gql<NoticeResult>(clerk, accept, input('key-first-0001', []));
      expect(first.errors).toBeUndefined();
      const notice = first.data!.acceptApplication;
      expect(notice.__typename).toBe('OneTimeNotice');
      expect(notice.number).toMatch(/^YCTZ-510107001-\d{8}-0001$/);
      expect(notice).toMatchObject({ noticeStatus: 'OPEN', applicantName: '李*', applicantIdNumber: `${applicant.slice(0, 6)}********${applicant.slice(-4)}` });
      expect(notice.missingMaterials.map((m) => m.code)).toEqual(checkMaterials(item, []).missing.map((m) => m.code));
      expect(notice.sixNotices).toHaveLength(6);
      expect(Buffer.from(notice.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

      // A double submit with the same key returns the same notice without asking household again.
      const replay = await gql<NoticeResult>(clerk, accept, input('key-first-0001', []));
      expect(replay.data!.acceptApplication.number).toBe(notice.number);
      expect(calls).toBe(1);
      const read = await gql<{ oneTimeNotice: { number: string } }>(clerk, `{ oneTimeNotice(number: "${notice.number}") { number } }`);
      expect(read.data!.oneTimeNotice.number).toBe(notice.number);
      const foreign = await gql(otherClerk, `{ oneTimeNotice(number: "${notice.number}") { number } }`);
      expect(foreign.errors?.[0]?.extensions?.code).toBe('NOTICE_NOT_FOUND');

      // 一次告知、二次办结: everything brought, the notice is resolved by the acceptance.
      const all = item.materials.filter((m) => m.required).map((m) => m.code);
      const second = await gql<{ acceptApplication: { __typename: string; number: string; status: string; receiptPdfBase64: string } }>(clerk, accept, input('key-second-0001', all, notice.number));
      expect(second.errors).toBeUndefined();
      expect(second.data!.acceptApplication).toMatchObject({ __typename: 'Application', status: 'ACCEPTED' });
      expect(Buffer.from(second.data!.acceptApplication.receiptPdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      const number = second.data!.acceptApplication.number;
      const resolved = await sql<{ status: string; resolved_application_number: string }>(dbUrl, 'SELECT status, resolved_application_number FROM one_time_notice WHERE number = $1', [notice.number]);
      expect(resolved).toEqual([{ status: 'RESOLVED', resolved_application_number: number }]);
      // Projected at once, without waiting for household's event.
      const inbox = await gql<{ inbox: { items: { number: string }[] } }>(clerk, `{ inbox(search: "${number}") { items { number } } }`);
      expect(inbox.data!.inbox.items.map((i) => i.number)).toEqual([number]);
      // The notice cannot complete a second application.
      const reuse = await gql(clerk, accept, input('key-third-0001', all, notice.number));
      expect(reuse.errors?.[0]?.extensions?.code).toBe('NOTICE_ALREADY_RESOLVED');
    } finally {
      sub.unsubscribe();
    }
  });

  it('drops items that a new catalog version no longer has', async () => {
    const kept = household.items.filter((i) => i.code !== 'HH-COLLECTIVE-SETUP');
    await publish('household.v1.catalog.published', {
      service: 'household',
      policeType: PoliceType.HOUSEHOLD,
      version: '9.0.0',
      effectiveFrom: household.effectiveFrom,
      items: kept.map((i) => ({ code: i.code, name: i.name, item: JSON.parse(JSON.stringify(i)) as Record<string, unknown> })),
    });
    const items = await eventually(async () => {
      const r = await gql<{ catalogItems: { code: string; version: string }[] }>(clerk, '{ catalogItems(policeType: HOUSEHOLD) { code version } }');
      return r.data?.catalogItems.every((i) => i.version === '9.0.0') ? r.data.catalogItems : undefined;
    }, 'catalog version 9.0.0');
    expect(items.map((i) => i.code)).toEqual(kept.map((i) => i.code));
  });
});
