import { DEMO_PERSON_IDS } from '@onewindow/population';
import { sql, TestStack } from '@onewindow/testing';
import { analyst, clerk, codeOf, eventually, otherDistrictSupervisor, psOfficer, subgraph, supervisor, trafficOfficer } from './support.js';

/**
 * The Tongguan story (环卫拾物、公安找人) on the real thing: household and public-security as their
 * own processes on fresh PostgreSQL databases and the real NATS. The sanitation department hands
 * in a batch on Mon 2025-02-17; the owner of the wallet reported it lost; the clerk confirms the
 * match (the SMS request goes to the outbox in the same transaction); a wrong claimant is refused
 * and recorded; the owner claims it. A year later — the claim year ends 2026-02-17, in the Spring
 * Festival holiday, so on Tue 2026-02-24 — what nobody claimed is disposed of on 2026-02-25.
 */
const NOTICE_DATE = '2025-02-17';
const BATCH = 'HW-2025-0217-01';
const PLACE = '浆洗街派出所失物招领窗口';

const ITEM_FIELDS = `number category categoryLabel description foundOn foundPlace handedInBy batchReference storagePlace storageSlot status
  noticePublishedOn retentionUntil retentionProvisional
  matchedReport { id phone reporterIdNumber status matchedFoundItemNumber }
  claims { claimantIdNumber claimantName claimantPhone status refusalCode verifiedByName }
  disposal { method methodLabel disposedOn }
  history { actorName action fromStatus toStatus note }`;
const REGISTER = `mutation($input: RegisterFoundItemsInput!) { registerFoundItems(input: $input) { batchReference itemCount handedInBy items { ${ITEM_FIELDS} } } }`;
const SEARCH = `query($category: FoundItemCategory, $keyword: String, $from: Date, $to: Date, $place: String, $status: [FoundItemStatus!]) {
  searchFoundItems(category: $category, keyword: $keyword, foundFrom: $from, foundTo: $to, place: $place, status: $status) { total items { ${ITEM_FIELDS} } } }`;
const FILE_REPORT = `mutation($input: FileLostReportInput!) { fileLostReport(input: $input) { id status phone reporterIdNumber categoryLabel } }`;
const MATCH = `mutation($n: String!, $r: ID!) { confirmMatch(foundItemNumber: $n, lostReportId: $r) { ${ITEM_FIELDS} } }`;
const CLAIM = `mutation($input: ClaimFoundItemInput!) { claimFoundItem(input: $input) { ${ITEM_FIELDS} } }`;
const DETAIL = `query($n: String!, $p: String!) { foundItem(number: $n, purpose: $p) { ${ITEM_FIELDS} } }`;
const DISPOSE = `mutation { disposeUnclaimed { today disposed items { number status disposal { method disposedOn } } } }`;

type Item = {
  number: string; category: string; status: string; retentionUntil: string; retentionProvisional: boolean;
  matchedReport: { id: string; phone: string; reporterIdNumber: string | null; status: string } | null;
  claims: { claimantIdNumber: string; claimantName: string | null; claimantPhone: string; status: string; refusalCode: string | null }[];
  disposal: { method: string; disposedOn: string } | null;
  history: { actorName: string; action: string; fromStatus: string | null; toStatus: string | null; note: string | null }[];
};

describe('lost and found with the sanitation department, on PostgreSQL and NATS', () => {
  const stack = new TestStack({
    services: ['household', 'public-security'],
    gateway: false,
    env: { CLOCK_FIXED_DATE: NOTICE_DATE, DEADLINE_JOB_INTERVAL_MS: '0', LOST_FOUND_DISPOSAL_INTERVAL_MS: '0' },
  });
  const db = () => stack.databases.get('public-security')!.url;
  const items: Record<string, Item> = {};
  let reportId = '';

  beforeAll(async () => {
    await stack.start();
  }, 120_000);
  afterAll(async () => {
    await stack.stop();
  }, 60_000);

  const claimInput = (number: string, idNumber: string, over: Record<string, unknown> = {}) => ({
    input: { foundItemNumber: number, claimantIdNumber: idNumber, claimantPhone: '13800138000', descriptionGiven: '黑色皮质钱包，内有工商银行卡', identityVerified: true, verificationMethod: 'ID_CARD', ...over },
  });

  it('registers a sanitation batch in one transaction and refuses a repeat or a batch without reference', async () => {
    const input = {
      handedInBy: 'SANITATION', handedInByName: '武侯区环卫所清扫一队', batchReference: BATCH, storagePlace: PLACE,
      items: [
        { category: 'WALLET', description: '黑色皮质钱包，内有银行卡两张', foundOn: '2025-02-15', foundPlace: '锦里西路公交站', storageSlot: 'A-01' },
        { category: 'KEYS', description: '钥匙一串，蓝色熊猫挂件', foundOn: '2025-02-16', foundPlace: '洗面桥街垃圾收集点' },
        { category: 'BAG', description: '灰色双肩包，内有课本', foundOn: '2025-02-17', foundPlace: '高升桥路' },
      ],
    };
    const r = await subgraph<{ registerFoundItems: { batchReference: string; itemCount: number; items: Item[] } }>(stack, REGISTER, { input }, clerk);
    expect(r.errors).toBeUndefined();
    const batch = r.data!.registerFoundItems;
    expect(batch).toMatchObject({ batchReference: BATCH, itemCount: 3 });
    for (const item of batch.items) items[item.category] = item;
    // The year runs from the notice (registration) date; 2026-02-17 is in the Spring Festival holiday.
    expect(items['WALLET']).toMatchObject({ status: 'IN_STORAGE', retentionUntil: '2026-02-24', retentionProvisional: false, storagePlace: PLACE });
    expect(items['WALLET']!.number).toMatch(/^SW20250217\d{6}$/);

    expect(codeOf(await subgraph(stack, REGISTER, { input }, clerk))).toBe('BATCH_ALREADY_REGISTERED');
    expect(codeOf(await subgraph(stack, REGISTER, { input: { ...input, batchReference: undefined } }, clerk))).toBe('BATCH_REFERENCE_REQUIRED');
    const future = { ...input, batchReference: 'HW-FUTURE', items: [{ ...input.items[0], foundOn: '2025-02-18' }] };
    expect(codeOf(await subgraph(stack, REGISTER, { input: future }, clerk))).toBe('DATE_IN_FUTURE');
    expect(await sql(db(), `SELECT reference, item_count FROM found_item_batch`)).toEqual([{ reference: BATCH, item_count: 3 }]);
    expect(await sql(db(), `SELECT count(*)::int AS n FROM lost_found_event WHERE action = 'REGISTER'`)).toEqual([{ n: 3 }]);
  });

  it('finds the wallet on the notice board by category, keyword, date and place; others may not search', async () => {
    const found = await subgraph<{ searchFoundItems: { total: number; items: Item[] } }>(stack, SEARCH, { category: 'WALLET', keyword: '黑色', from: '2025-02-01', to: '2025-02-17', place: '锦里' }, clerk);
    expect(found.data!.searchFoundItems.items.map((i) => i.number)).toEqual([items['WALLET']!.number]);
    const none = await subgraph<{ searchFoundItems: { total: number } }>(stack, SEARCH, { keyword: '50%' }, clerk);
    expect(none.data!.searchFoundItems.total).toBe(0);
    expect(codeOf(await subgraph(stack, SEARCH, {}, trafficOfficer))).toBe('FORBIDDEN');
    expect(codeOf(await subgraph(stack, SEARCH, {}, analyst))).toBe('FORBIDDEN');
  });

  it('confirms the match with the owner’s report and requests the SMS through the outbox in the same transaction', async () => {
    const report = await subgraph<{ fileLostReport: { id: string; status: string; phone: string } }>(stack, FILE_REPORT, {
      input: { category: 'WALLET', description: '黑色钱包，有两张银行卡', lostOn: '2025-02-15', lostPlace: '锦里', phone: '13800138000', reporterIdNumber: DEMO_PERSON_IDS.adult, reporterName: '张伟' },
    }, clerk);
    expect(report.data!.fileLostReport).toMatchObject({ status: 'OPEN', phone: '138****8000' });
    reportId = report.data!.fileLostReport.id;

    const matched = await subgraph<{ confirmMatch: Item }>(stack, MATCH, { n: items['WALLET']!.number, r: reportId }, clerk);
    expect(matched.errors).toBeUndefined();
    expect(matched.data!.confirmMatch).toMatchObject({ status: 'MATCHED', matchedReport: { id: reportId, status: 'MATCHED', phone: '138****8000' } });
    const outbox = await sql<{ subject: string; payload: Record<string, unknown> }>(db(), `SELECT subject, payload FROM outbox WHERE subject LIKE '%notification.requested'`);
    expect(outbox).toEqual([{
      subject: 'public-security.v1.notification.requested',
      payload: { notificationId: expect.any(String), phone: '13800138000', template: 'LOST_ITEM_MATCHED', params: { category: '钱包', place: PLACE }, reference: items['WALLET']!.number },
    }]);
    // The relay publishes it to JetStream for the counter.
    const published = await eventually(() => sql<{ published: boolean }>(db(), `SELECT published_at IS NOT NULL AS published FROM outbox WHERE subject LIKE '%notification.requested'`), (r) => r[0]?.published === true);
    expect(published).toEqual([{ published: true }]);

    expect(codeOf(await subgraph(stack, MATCH, { n: items['WALLET']!.number, r: reportId }, clerk))).toBe('ITEM_NOT_AVAILABLE');
    expect(codeOf(await subgraph(stack, MATCH, { n: items['KEYS']!.number, r: reportId }, clerk))).toBe('REPORT_NOT_OPEN');
  });

  it('refuses claims by the wrong person or the deceased (kept on record), and without an identity check (nothing kept)', async () => {
    expect(codeOf(await subgraph(stack, CLAIM, claimInput(items['WALLET']!.number, DEMO_PERSON_IDS.adult, { identityVerified: false }), clerk))).toBe('IDENTITY_NOT_VERIFIED');
    expect(codeOf(await subgraph(stack, CLAIM, claimInput(items['WALLET']!.number, DEMO_PERSON_IDS.jinjiang), clerk))).toBe('CLAIMANT_MISMATCH');
    expect(codeOf(await subgraph(stack, CLAIM, claimInput(items['KEYS']!.number, DEMO_PERSON_IDS.deceased), clerk))).toBe('CLAIMANT_DECEASED');
    expect(codeOf(await subgraph(stack, CLAIM, claimInput(items['KEYS']!.number, '11010519491231002X'), clerk))).toBe('CLAIMANT_NOT_ON_REGISTER');
    const claims = await sql<{ status: string; refusal_code: string }>(db(), `SELECT status, refusal_code FROM found_item_claim ORDER BY created_at`);
    expect(claims).toEqual([
      { status: 'REFUSED', refusal_code: 'CLAIMANT_MISMATCH' },
      { status: 'REFUSED', refusal_code: 'CLAIMANT_DECEASED' },
      { status: 'REFUSED', refusal_code: 'CLAIMANT_NOT_ON_REGISTER' },
    ]);
    expect(await sql(db(), `SELECT status FROM found_item WHERE number = $1`, [items['WALLET']!.number])).toEqual([{ status: 'MATCHED' }]);
  });

  it('returns the wallet to its owner after the register check; the report is closed and every step is on record', async () => {
    const claimed = await subgraph<{ claimFoundItem: Item }>(stack, CLAIM, claimInput(items['WALLET']!.number, DEMO_PERSON_IDS.adult), clerk);
    expect(claimed.errors).toBeUndefined();
    const item = claimed.data!.claimFoundItem;
    expect(item.status).toBe('CLAIMED');
    expect(item.matchedReport?.status).toBe('CLOSED');
    // The clerk sees the claimant masked.
    expect(item.claims.map((c) => [c.status, c.claimantIdNumber, c.claimantName])).toEqual([
      ['REFUSED', '510104********928X', '陈*'],
      ['RETURNED', '510107********9130', '张*'],
    ]);
    expect(item.history.map((h) => `${h.action}:${h.fromStatus ?? ''}>${h.toStatus ?? ''}`)).toEqual([
      'REGISTER:>IN_STORAGE', 'MATCH:IN_STORAGE>MATCHED', 'CLAIM_REFUSED:MATCHED>MATCHED', 'CLAIM:MATCHED>CLAIMED',
    ]);
    expect(item.history.every((h) => h.actorName === '王窗口')).toBe(true);
    expect(codeOf(await subgraph(stack, CLAIM, claimInput(items['WALLET']!.number, DEMO_PERSON_IDS.adult), clerk))).toBe('ITEM_NOT_AVAILABLE');

    // An officer's detail read shows the claimant in full and is audited with its purpose.
    const detail = await subgraph<{ foundItem: Item }>(stack, DETAIL, { n: items['WALLET']!.number, p: '核对认领记录' }, psOfficer);
    expect(detail.data!.foundItem.claims[1]).toMatchObject({ claimantIdNumber: DEMO_PERSON_IDS.adult, claimantName: '张伟', claimantPhone: '13800138000' });
    const audit = await sql<{ action: string; subject_ref: string; outcome: string; actor_username: string }>(db(),
      `SELECT action, subject_ref, outcome, actor_username FROM audit_log WHERE action NOT IN ('MUTATION', 'ACCESS_DENIED') ORDER BY id`); // MUTATION: the platform's generic change entries (decision 0019); ACCESS_DENIED: refusals by role (the analyst above)
    expect(audit).toEqual([
      { action: 'CLAIMANT_VERIFY', subject_ref: DEMO_PERSON_IDS.jinjiang, outcome: 'DENIED', actor_username: 'demo-clerk' },
      { action: 'CLAIMANT_VERIFY', subject_ref: DEMO_PERSON_IDS.deceased, outcome: 'DENIED', actor_username: 'demo-clerk' },
      { action: 'CLAIMANT_VERIFY', subject_ref: '11010519491231002X', outcome: 'DENIED', actor_username: 'demo-clerk' },
      { action: 'CLAIMANT_VERIFY', subject_ref: DEMO_PERSON_IDS.adult, outcome: 'SUCCESS', actor_username: 'demo-clerk' },
      { action: 'FOUND_ITEM_READ', subject_ref: DEMO_PERSON_IDS.adult, outcome: 'SUCCESS', actor_username: 'demo-public-security' },
      { action: 'FOUND_ITEM_READ', subject_ref: DEMO_PERSON_IDS.jinjiang, outcome: 'SUCCESS', actor_username: 'demo-public-security' },
    ]);
    // The notice board lists what is still waiting, claimants always masked.
    const board = await subgraph<{ searchFoundItems: { items: Item[] } }>(stack, SEARCH, {}, supervisor);
    expect(board.data!.searchFoundItems.items.map((i) => i.category).sort()).toEqual(['BAG', 'KEYS']);
    expect(board.data!.searchFoundItems.items.flatMap((i) => i.claims.map((c) => c.claimantIdNumber))).toEqual(['510102********9244', '110105********002X']);
  });

  it('a year after the notice, the unclaimed items are disposed of by the supervisor of the district', async () => {
    await stack.stopService('public-security');
    await stack.startService('public-security', { CLOCK_FIXED_DATE: '2026-02-24' });
    const lastDay = await subgraph<{ disposeUnclaimed: { disposed: number } }>(stack, DISPOSE, {}, supervisor);
    expect(lastDay.data!.disposeUnclaimed.disposed).toBe(0);

    await stack.stopService('public-security');
    await stack.startService('public-security', { CLOCK_FIXED_DATE: '2026-02-25' });
    expect(codeOf(await subgraph(stack, DISPOSE, {}, clerk))).toBe('FORBIDDEN');
    const elsewhere = await subgraph<{ disposeUnclaimed: { disposed: number } }>(stack, DISPOSE, {}, otherDistrictSupervisor);
    expect(elsewhere.data!.disposeUnclaimed.disposed).toBe(0);
    const run = await subgraph<{ disposeUnclaimed: { today: string; disposed: number; items: { number: string; status: string; disposal: { method: string; disposedOn: string } }[] } }>(stack, DISPOSE, {}, supervisor);
    expect(run.errors).toBeUndefined();
    expect(run.data!.disposeUnclaimed).toMatchObject({ today: '2026-02-25', disposed: 2 });
    expect(run.data!.disposeUnclaimed.items.map((i) => [i.number, i.status, i.disposal.method, i.disposal.disposedOn]).sort()).toEqual(
      [items['KEYS']!.number, items['BAG']!.number].sort().map((n) => [n, 'DISPOSED', 'HANDLED_BY_LAW', '2026-02-25']),
    );
    const events = await sql<{ action: string; actor_name: string; note: string }>(db(), `SELECT action, actor_name, note FROM lost_found_event WHERE action = 'DISPOSE'`);
    expect(events).toEqual([
      { action: 'DISPOSE', actor_name: '刘督察', note: '依法处理（拍卖、变卖价款上缴国库或销毁）' },
      { action: 'DISPOSE', actor_name: '刘督察', note: '依法处理（拍卖、变卖价款上缴国库或销毁）' },
    ]);
    expect(await sql(db(), `SELECT status FROM found_item WHERE number = $1`, [items['WALLET']!.number])).toEqual([{ status: 'CLAIMED' }]);
    // History is append-only.
    await expect(sql(db(), `DELETE FROM lost_found_event`)).rejects.toThrow(/append-only/);
  });
});
