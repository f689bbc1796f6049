import { eventually, sql, TestStack } from '@onewindow/testing';

/**
 * 排队叫号 through the gateway on a real counter, PostgreSQL and NATS: windows (sign-in at one's own
 * station only), kiosk tickets (green channel, the SMS request), call next with the priority cap,
 * recall → no-show, transfer to a group and to a window (keeping the place in line), pause → typed
 * error with nothing written, the public hall display, and two windows calling at once never
 * getting the same ticket. Business date pinned to Wednesday 2026-03-18.
 */
type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];
const UNIT = '510107001';
const PHONE = '13912345678';

const TICKET = 'id number groupCode originGroupCode state priority priorityReason windowNumber recallCount transferCount takenAt firstCalledAt calledAt startedAt finishedAt noShowAt transferredAt notifyPhone';
const HALL = `query { queueHall { unitCode businessDate setting { priorityCap maxRecalls notifyAhead } groups { code prefix name waiting priorityWaiting nextNumbers }
  windows { id number servesAll groupCodes state pauseReason clerkName mine currentTicket { number } } waiting { number priority notifyPhone } } }`;
const TAKE = `mutation($input: TakeQueueTicketInput!) { takeQueueTicket(input: $input) { id number groupCode groupName unitName ahead priority priorityLabel willNotify } }`;
const CALL = `mutation { callNextQueueTicket { ${TICKET} } }`;
const FINISH = `mutation { finishQueueTicket { ${TICKET} } }`;
const RECALL = `mutation { recallQueueTicket { ${TICKET} } }`;
const NO_SHOW = `mutation { markQueueTicketNoShow { ${TICKET} } }`;
const TRANSFER = `mutation($input: TransferQueueTicketInput!) { transferQueueTicket(input: $input) { ${TICKET} } }`;
const SIGN_IN = `mutation($windowId: ID!) { signInQueueWindow(windowId: $windowId) { id number state clerkName mine } }`;
const DISPLAY = `query($u: String!) { hallDisplay(unitCode: $u) { unitName businessDate calls { number windowNumber recallCount } windows { number state currentNumber groupNames } groups { prefix name waiting nextNumbers } } }`;

interface Ticket { id: string; number: string; groupCode: string; state: string; calledAt: string | null; startedAt: string | null; priority: boolean; windowNumber: number | null; recallCount: number; transferCount: number; notifyPhone: string | null }
interface Window { id: string; number: number; servesAll: boolean; groupCodes: string[]; state: string; clerkName: string | null; mine: boolean; currentTicket: { number: string } | null }

describe('queue (排队叫号): windows, tickets, calling, green channel, hall display', () => {
  const stack = new TestStack({ services: ['counter'], env: { SUPERGRAPH_SOURCE: 'file', CLOCK_FIXED_DATE: '2026-03-18' } });
  const db = () => stack.databases.get('counter')!.url;
  const count = async (text: string, params: unknown[] = []) => Number(Object.values((await sql(db(), text, params))[0]!)[0]);
  const writes = () => count(`SELECT (SELECT count(*) FROM queue_ticket) + (SELECT count(*) FROM queue_ticket_log) + (SELECT count(*) FROM queue_window_log) + (SELECT count(*) FROM outbox WHERE subject <> 'counter.v1.sms.delivered') AS n`);
  let clerk: string, clerk2: string, jinjiang: string, supervisor: string;
  let windows: Window[];
  const win = (n: number) => windows.find((w) => w.number === n)!;

  const take = async (input: Record<string, unknown>) => {
    const r = await stack.gql<{ takeQueueTicket: { id: string; number: string; ahead: number; priority: boolean; willNotify: boolean; groupName: string; priorityLabel: string | null } }>(TAKE, { input: { unitCode: UNIT, ...input } });
    expect(r.errors).toBeUndefined();
    return r.data!.takeQueueTicket;
  };
  const call = async (token: string) => {
    const r = await stack.gql<{ callNextQueueTicket: Ticket | null }>(CALL, {}, token);
    expect(r.errors).toBeUndefined();
    return r.data!.callNextQueueTicket;
  };
  const finish = async (token: string) => {
    const r = await stack.gql<{ finishQueueTicket: Ticket }>(FINISH, {}, token);
    expect(r.errors).toBeUndefined();
    return r.data!.finishQueueTicket;
  };

  beforeAll(async () => {
    await stack.start();
    [clerk, clerk2, jinjiang, supervisor] = await Promise.all(['demo-clerk', 'demo-clerk-2', 'demo-clerk-jinjiang', 'demo-supervisor'].map((u) => stack.login(u)));
  }, 240_000);
  afterAll(() => stack.stop(), 60_000);

  it('the hall starts with the default groups and the demo windows; clerks sign in at windows of their own station only', async () => {
    const hall = await stack.gql<{ queueHall: { groups: { code: string; prefix: string }[]; windows: Window[]; setting: Record<string, number> } }>(HALL, {}, clerk);
    expect(hall.errors).toBeUndefined();
    expect(hall.data!.queueHall.groups.map((g) => `${g.prefix}:${g.code}`)).toEqual(['A:HOUSEHOLD', 'B:EXIT_ENTRY', 'C:TRAFFIC', 'D:PUBLIC_SECURITY', 'E:GENERAL']);
    expect(hall.data!.queueHall.setting).toEqual({ priorityCap: 3, maxRecalls: 2, notifyAhead: 3 });
    windows = hall.data!.queueHall.windows;
    expect(windows.map((w) => [w.number, w.servesAll, w.state])).toEqual([[1, true, 'CLOSED'], [2, false, 'CLOSED'], [3, false, 'CLOSED'], [4, false, 'CLOSED'], [5, false, 'CLOSED']]);

    const before = await writes();
    expect(code(await stack.gql(SIGN_IN, { windowId: win(2).id }, jinjiang))).toBe('QUEUE_WINDOW_OTHER_STATION');
    expect(code(await stack.gql(`query { queueHall(unitCode: "${UNIT}") { unitCode } }`, {}, jinjiang))).toBe('QUEUE_WINDOW_OTHER_STATION');
    expect(code(await stack.gql(CALL, {}, jinjiang))).toBe('QUEUE_NOT_AT_WINDOW');
    expect(await writes()).toBe(before);

    const signed = await stack.gql<{ signInQueueWindow: Window }>(SIGN_IN, { windowId: win(2).id }, clerk);
    expect(signed.data!.signInQueueWindow).toMatchObject({ number: 2, state: 'OPEN', clerkName: '王窗口', mine: true });
    expect(code(await stack.gql(SIGN_IN, { windowId: win(2).id }, clerk2))).toBe('QUEUE_WINDOW_OCCUPIED');
    expect((await stack.gql<{ signInQueueWindow: Window }>(SIGN_IN, { windowId: win(1).id }, clerk2)).data!.signInQueueWindow).toMatchObject({ number: 1, state: 'OPEN' });
    // The supervisor of the district sees the hall too.
    expect((await stack.gql<{ queueHall: { unitCode: string } }>(`query { queueHall(unitCode: "${UNIT}") { unitCode } }`, {}, supervisor)).data!.queueHall.unitCode).toBe(UNIT);
    expect(await count(`SELECT count(*) FROM queue_window_log WHERE action = 'SIGNED_IN'`)).toBe(2);
  });

  let a007: { id: string };

  it('the kiosk (no login) issues numbered tickets per group, with the green channel; bad input writes nothing', async () => {
    const kiosk = await stack.gql<{ queueKiosk: { unitName: string; groups: { code: string }[]; priorityReasons: { code: string }[] } }>(
      `query { queueKiosk(unitCode: "${UNIT}") { unitName groups { code name waiting } priorityReasons { code label } } }`);
    expect(kiosk.errors).toBeUndefined();
    expect(kiosk.data!.queueKiosk.priorityReasons.map((r) => r.code)).toEqual(['ELDERLY_70', 'DISABLED', 'PREGNANT', 'SERVICEMEN']);

    expect(await take({ groupCode: 'HOUSEHOLD' })).toMatchObject({ number: 'A001', ahead: 0, priority: false, groupName: '户政业务' });
    expect((await take({ groupCode: 'HOUSEHOLD' })).number).toBe('A002');
    expect(await take({ groupCode: 'HOUSEHOLD', priorityReason: 'ELDERLY_70' })).toMatchObject({ number: 'A003', ahead: 0, priority: true, priorityLabel: '70岁以上老人' });
    expect((await take({ groupCode: 'HOUSEHOLD', priorityReason: 'DISABLED' })).ahead).toBe(1);
    await take({ groupCode: 'HOUSEHOLD', priorityReason: 'PREGNANT' });
    await take({ groupCode: 'HOUSEHOLD', priorityReason: 'SERVICEMEN' });
    const withPhone = await take({ groupCode: 'HOUSEHOLD', notifyPhone: PHONE });
    expect(withPhone).toMatchObject({ number: 'A007', ahead: 6, willNotify: true });
    a007 = withPhone;
    expect((await take({ groupCode: 'EXIT_ENTRY' })).number).toBe('B001');

    const before = await writes();
    expect(code(await stack.gql(TAKE, { input: { unitCode: UNIT, groupCode: 'HOUSEHOLD', priorityReason: 'APPOINTMENT' } }))).toBe('QUEUE_PRIORITY_REASON_UNKNOWN');
    expect(code(await stack.gql(TAKE, { input: { unitCode: UNIT, groupCode: 'NOPE' } }))).toBe('QUEUE_GROUP_UNKNOWN');
    expect(code(await stack.gql(TAKE, { input: { unitCode: '510107', groupCode: 'HOUSEHOLD' } }))).toBe('VALIDATION_FAILED');
    expect(code(await stack.gql(TAKE, { input: { unitCode: '510107009', groupCode: 'HOUSEHOLD' } }))).toBe('QUEUE_STATION_UNKNOWN');
    expect(code(await stack.gql(TAKE, { input: { unitCode: UNIT, groupCode: 'HOUSEHOLD', notifyPhone: '12345' } }))).toBe('VALIDATION_FAILED');
    expect(await count(`SELECT count(*) FROM queue_ticket`)).toBe(8);
    expect(await writes()).toBe(before);

    // The desk lists the phone masked; the queue's events never carry it.
    const hall = await stack.gql<{ queueHall: { waiting: { number: string; notifyPhone: string | null }[]; groups: { code: string; waiting: number; priorityWaiting: number; nextNumbers: string[] }[] } }>(HALL, {}, clerk);
    expect(hall.data!.queueHall.waiting.find((t) => t.number === 'A007')!.notifyPhone).toBe('139****5678');
    expect(hall.data!.queueHall.groups[0]).toMatchObject({ code: 'HOUSEHOLD', waiting: 7, priorityWaiting: 4, nextNumbers: ['A003', 'A004', 'A005', 'A006', 'A001'] });
    expect(await count(`SELECT count(*) FROM outbox WHERE subject LIKE '%queue.ticket.changed' AND payload::text LIKE '%5678%'`)).toBe(0);
    expect(await count(`SELECT count(*) FROM outbox WHERE subject LIKE '%queue.ticket.changed' AND payload->>'action' = 'TAKEN'`)).toBe(8);
  });

  it('call next: priority first, at most 3 in a row, then the oldest ordinary ticket; "前面还有 N 人" texted once', async () => {
    const called: string[] = [];
    for (let i = 0; i < 5; i++) {
      const t = (await call(clerk))!;
      called.push(t.number);
      expect(t).toMatchObject({ state: 'CALLED', windowNumber: 2 });
      expect(code(await stack.gql(CALL, {}, clerk))).toBe('QUEUE_WINDOW_BUSY');
      const done = await finish(clerk);
      expect(done.state).toBe('FINISHED');
      expect(done.startedAt).toBe(done.calledAt);
    }
    expect(called).toEqual(['A003', 'A004', 'A005', 'A001', 'A006']);
    const rows = await sql(db(), `SELECT number, taken_at, first_called_at, started_at, finished_at FROM queue_ticket WHERE state = 'FINISHED' ORDER BY finished_at`);
    for (const r of rows) expect(new Date(r['taken_at'] as string) <= new Date(r['first_called_at'] as string) && new Date(r['first_called_at'] as string) <= new Date(r['finished_at'] as string)).toBe(true);

    // A007 had 6 ahead; after the third call it had 3 (the threshold): one SMS, then the phone is no longer needed again.
    expect(await count(`SELECT count(*) FROM sms_message WHERE template = 'QUEUE_AHEAD' AND application_number = $1`, [`QUEUE:${a007.id}`])).toBe(1);
    const sms = (await sql(db(), `SELECT text, phone FROM sms_message WHERE template = 'QUEUE_AHEAD'`))[0]!;
    expect(sms).toMatchObject({ phone: PHONE, text: '【成都市公安局】您的排队号A007前面还有3人，请回到大厅留意叫号，过号需重新取号。' });
    await eventually(async () => (await count(`SELECT count(*) FROM sms_message WHERE template = 'QUEUE_AHEAD' AND status = 'SENT'`)) === 1);
  });

  it('recall up to the configured number, then 过号; not before', async () => {
    // Window 2 serves HOUSEHOLD: A002 then A007 wait.
    expect((await call(clerk))!.number).toBe('A002');
    expect(code(await stack.gql(NO_SHOW, {}, clerk))).toBe('QUEUE_RECALLS_REMAINING');
    expect((await stack.gql<{ recallQueueTicket: Ticket }>(RECALL, {}, clerk)).data!.recallQueueTicket.recallCount).toBe(1);
    expect((await stack.gql<{ recallQueueTicket: Ticket }>(RECALL, {}, clerk)).data!.recallQueueTicket.recallCount).toBe(2);
    const before = await writes();
    expect(code(await stack.gql(RECALL, {}, clerk))).toBe('QUEUE_RECALL_LIMIT');
    expect(await writes()).toBe(before);
    const missed = await stack.gql<{ markQueueTicketNoShow: Ticket & { noShowAt: string } }>(NO_SHOW, {}, clerk);
    expect(missed.data!.markQueueTicketNoShow).toMatchObject({ number: 'A002', state: 'NO_SHOW', recallCount: 2 });
    expect(await count(`SELECT count(*) FROM queue_ticket_log l JOIN queue_ticket t ON t.id = l.ticket_id WHERE t.number = 'A002' AND l.action = 'RECALLED'`)).toBe(2);
    expect(await count(`SELECT count(*) FROM queue_ticket WHERE number = 'A002' AND no_show_at IS NOT NULL AND last_recalled_at IS NOT NULL`)).toBe(1);
    expect(code(await stack.gql(FINISH, {}, clerk))).toBe('QUEUE_TICKET_NOT_FOUND');
  });

  it('transfer to a group keeps the number and the place in line; transfer to a window reserves it for that window', async () => {
    expect((await call(clerk))!.number).toBe('A007');
    const t1 = await stack.gql<{ transferQueueTicket: Ticket }>(TRANSFER, { input: { groupCode: 'EXIT_ENTRY' } }, clerk);
    expect(t1.data!.transferQueueTicket).toMatchObject({ number: 'A007', groupCode: 'EXIT_ENTRY', originGroupCode: 'HOUSEHOLD', state: 'WAITING', transferCount: 1 });
    expect(code(await stack.gql(TRANSFER, { input: {} }, clerk))).toBe('QUEUE_TRANSFER_TARGET_INVALID');
    // Window 1 (全科): A007 was taken before B001, so it keeps its place ahead of it.
    expect((await call(clerk2))!.number).toBe('A007');
    expect(code(await stack.gql(TRANSFER, { input: { windowNumber: 1 } }, clerk2))).toBe('QUEUE_TRANSFER_TARGET_INVALID');
    expect(code(await stack.gql(TRANSFER, { input: { windowNumber: 2, groupCode: 'TRAFFIC' } }, clerk2))).toBe('QUEUE_TRANSFER_TARGET_INVALID');
    const t2 = await stack.gql<{ transferQueueTicket: Ticket & { targetWindowNumber?: number } }>(`mutation($input: TransferQueueTicketInput!) { transferQueueTicket(input: $input) { number state targetWindowNumber } }`, { input: { windowNumber: 2 } }, clerk2);
    expect(t2.data!.transferQueueTicket).toMatchObject({ number: 'A007', state: 'WAITING', targetWindowNumber: 2 });
    // Only window 2 may call it now (it does not serve EXIT_ENTRY, but the ticket was sent to it).
    expect((await call(clerk2))!.number).toBe('B001');
    expect((await call(clerk))!.number).toBe('A007');
    await finish(clerk);
    await finish(clerk2);
    expect(await count(`SELECT count(*) FROM queue_ticket_log l JOIN queue_ticket t ON t.id = l.ticket_id WHERE t.number = 'A007' AND l.action = 'TRANSFERRED'`)).toBe(2);
  });

  it('a paused window shows 暂停服务 on the hall display and refuses to call (nothing written); a ticket of a group it does not serve is refused', async () => {
    const c001 = await take({ groupCode: 'TRAFFIC' });
    expect(c001.number).toBe('C001');
    await take({ groupCode: 'TRAFFIC' });
    const PAUSE = `mutation($input: PauseQueueWindowInput!) { pauseQueueWindow(input: $input) { number state pauseReason } }`;
    expect(code(await stack.gql(PAUSE, { input: { windowId: win(2).id, reason: '  ' } }, clerk))).toBe('QUEUE_PAUSE_REASON_REQUIRED');
    expect((await stack.gql<{ pauseQueueWindow: Window }>(PAUSE, { input: { windowId: win(2).id, reason: '午间休息' } }, clerk)).data!.pauseQueueWindow).toMatchObject({ state: 'PAUSED', pauseReason: '午间休息' });
    const before = await writes();
    expect(code(await stack.gql(CALL, {}, clerk))).toBe('QUEUE_WINDOW_PAUSED');
    expect(await writes()).toBe(before);

    // Window 1 calls C001; the public hall display shows it, the paused window, and the next numbers.
    expect((await call(clerk2))!.number).toBe('C001');
    const display = await stack.gql<{ hallDisplay: { unitName: string; calls: { number: string; windowNumber: number }[]; windows: { number: number; state: string; currentNumber: string | null }[]; groups: { prefix: string; nextNumbers: string[] }[] } }>(DISPLAY, { u: UNIT });
    expect(display.errors).toBeUndefined();
    expect(display.data!.hallDisplay.unitName).toContain('浆洗街派出所');
    expect(display.data!.hallDisplay.calls).toEqual([{ number: 'C001', windowNumber: 1, recallCount: 0 }]);
    expect(display.data!.hallDisplay.windows).toEqual([
      { number: 1, state: 'OPEN', currentNumber: 'C001', groupNames: ['全部业务'] },
      { number: 2, state: 'PAUSED', currentNumber: null, groupNames: ['户政业务'] },
    ]);
    expect(display.data!.hallDisplay.groups.find((g) => g.prefix === 'C')!.nextNumbers).toEqual(['C002']);
    expect(JSON.stringify(display.data)).not.toMatch(/王窗口|钱窗口|139/);
    await finish(clerk2);

    // Window 2 (户政) may not call C002 by number; window 1 (全科) may.
    await stack.gql(`mutation($w: ID!) { openQueueWindow(windowId: $w) { state } }`, { w: win(2).id }, clerk);
    const c002 = (await sql(db(), `SELECT id FROM queue_ticket WHERE number = 'C002'`))[0]!['id'] as string;
    const CALL_ONE = `mutation($t: ID!) { callQueueTicket(ticketId: $t) { number state windowNumber } }`;
    expect(code(await stack.gql(CALL_ONE, { t: c002 }, clerk))).toBe('QUEUE_GROUP_NOT_SERVED');
    expect(code(await stack.gql(CALL_ONE, { t: c001.id }, clerk2))).toBe('QUEUE_TICKET_INVALID_STATE');
    expect((await stack.gql<{ callQueueTicket: Ticket }>(CALL_ONE, { t: c002 }, clerk2)).data!.callQueueTicket).toMatchObject({ number: 'C002', state: 'CALLED', windowNumber: 1 });
    await finish(clerk2);
  });

  it('two windows calling at once never get the same ticket', async () => {
    for (let i = 0; i < 8; i++) await take({ groupCode: 'HOUSEHOLD' });
    const seen: string[] = [];
    for (let round = 0; round < 4; round++) {
      const [x, y] = await Promise.all([call(clerk), call(clerk2)]);
      expect(x && y).toBeTruthy();
      expect(x!.number).not.toBe(y!.number);
      seen.push(x!.number, y!.number);
      await Promise.all([finish(clerk), finish(clerk2)]);
    }
    expect(new Set(seen).size).toBe(8);
    expect(await count(`SELECT count(*) FROM (SELECT ticket_id FROM queue_ticket_log WHERE action = 'CALLED' GROUP BY ticket_id HAVING count(*) > 1) d`)).toBe(
      await count(`SELECT count(DISTINCT ticket_id) FROM queue_ticket_log WHERE action = 'TRANSFERRED'`),
    );
    expect(await call(clerk)).toBeNull();
    // Every step left its event.
    await eventually(async () => (await count(`SELECT count(*) FROM outbox WHERE subject LIKE '%queue.%' AND published_at IS NULL`)) === 0);
    expect(await count(`SELECT count(*) FROM outbox WHERE subject LIKE '%queue.window.changed'`)).toBe(await count(`SELECT count(*) FROM queue_window_log`));
    expect(await count(`SELECT count(*) FROM outbox WHERE subject LIKE '%queue.ticket.changed'`)).toBe(await count(`SELECT count(*) FROM queue_ticket_log`));
  });
});
