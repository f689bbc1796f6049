import { eventually, sql, TestStack } from '@onewindow/testing';

/**
 * 预约 through the gateway on a real counter, PostgreSQL and NATS: the public schedule on the
 * statutory calendar (国庆 2026: closed Oct 1–3, extended Oct 4–7); online booking confirmed by SMS
 * code, hotline booking by a clerk; the per-person limit; two bookings racing for the last place;
 * atomic reschedule; a closure cancelling and texting bookings, rebooked with the booking number;
 * masked lists and audited details; check-in to a queue ticket; the no-show job; refusals that
 * write nothing. Business date pinned to Tuesday 2026-09-29.
 */
type Gql = Awaited<ReturnType<TestStack['gql']>>;
const code = (r: Gql) => r.errors?.[0]?.extensions?.['code'];

const TODAY = '2026-09-29';
const STATION = '510107001';
const RENEW = 'HH-ID-CARD-RENEW';
const MOVE_IN = 'HH-MOVE-IN';
const RECEIPT = 'number unitName itemName date slotStart slotEnd state stateLabel phone';
const APPT = 'id number unitCode itemCode date slotStart slotEnd citizenName phone channel state stateLabel ticketNumber onTime bookedBy';
const REQUEST_CODE = `mutation($input: RequestBookingCodeInput!) { requestBookingCode(input: $input) { expiresInSeconds } }`;
const BOOK_ONLINE = `mutation($input: BookOnlineInput!) { bookAppointmentOnline(input: $input) { ${RECEIPT} } }`;
const BOOK_HOTLINE = `mutation($input: BookSlotInput!) { bookAppointmentByHotline(input: $input) { ${APPT} } }`;
const RESCHEDULE = `mutation($input: RescheduleAppointmentInput!) { rescheduleAppointment(input: $input) { ${APPT} } }`;
const CHANGE_ONLINE = (op: string) => `mutation($input: CitizenBookingChangeInput!) { ${op}(input: $input) { ${RECEIPT} } }`;
const CHECK_IN = `mutation($input: CheckInAppointmentInput!) { checkInAppointment(input: $input) { ticketNumber priority ahead appointment { ${APPT} } } }`;
const CLOSURE = `mutation($input: AddAppointmentClosureInput!) { addAppointmentClosure(input: $input) { id unitCode dateFrom dateTo itemCodes reason cancelledCount createdBy } }`;

const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** China time of day, as the counter reads it (the pinned date keeps the real time of day). */
const chinaMinutes = () => { const d = new Date(); return (d.getUTCHours() * 60 + d.getUTCMinutes() + 480) % 1440; };

describe('appointments (预约): slots, booking, closures, check-in', () => {
  const stack = new TestStack({ services: ['counter'], env: { SUPERGRAPH_SOURCE: 'file', CLOCK_FIXED_DATE: TODAY, DEADLINE_JOB_INTERVAL_MS: '1000' } });
  const db = () => stack.databases.get('counter')!.url;
  const count = async (text: string, params: unknown[] = []) => Number(Object.values((await sql(db(), text, params))[0]!)[0]);
  const writes = () => count(`SELECT (SELECT count(*) FROM appointment) + (SELECT coalesce(sum(booked), 0) FROM appointment_slot) + (SELECT count(*) FROM appointment_closure)
    + (SELECT count(*) FROM outbox WHERE subject <> 'counter.v1.sms.delivered') + (SELECT count(*) FROM sms_message) AS n`);
  const smsTo = (phone: string, template: string) => sql<{ text: string; application_number: string }>(db(), `SELECT text, application_number FROM sms_message WHERE phone = $1 AND template = $2 ORDER BY created_at`, [phone, template]);
  const slotLoad = (item: string, date: string, start: string) => count(`SELECT coalesce(sum(booked), 0) FROM appointment_slot WHERE unit_code = $1 AND item_code = $2 AND date = $3 AND slot_start = $4`, [STATION, item, date, start]);
  /** Texts a code to the phone and reads it from the queued SMS. */
  const codeFor = async (phone: string) => {
    const r = await stack.gql(REQUEST_CODE, { input: { phone } });
    expect(r.errors).toBeUndefined();
    const texts = await smsTo(phone, 'APPOINTMENT_VERIFICATION_CODE');
    return /验证码为(\d{6})/.exec(texts[texts.length - 1]!.text)![1]!;
  };
  const hotline = (over: Record<string, unknown>) => stack.gql<{ bookAppointmentByHotline: Record<string, string> }>(BOOK_HOTLINE, { input: { unitCode: STATION, itemCode: RENEW, date: '2026-09-30', start: '09:00', citizenName: '赵热线', phone: '13900000001', ...over } }, clerk);
  /** A booking written as an earlier day would have left it (for check-in and no-show). */
  const seedBooking = (b: { number: string; date: string; start: string; end: string; phone?: string; state?: string; item?: string }) => sql(db(),
    `INSERT INTO appointment (id, number, unit_code, item_code, item_name, date, slot_start, slot_end, citizen_name, phone, channel, state, booked_by, version, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, $2, $3, '居民身份证换领', $4, $5, $6, '孙签到', $7, 'ONLINE', $8, '网上预约', 1, now(), now())`,
    [b.number, STATION, b.item ?? RENEW, b.date, b.start, b.end, b.phone ?? '13700000009', b.state ?? 'BOOKED']);
  let clerk: string, clerkJinjiang: string, supervisor: string;

  beforeAll(async () => {
    await stack.start();
    [clerk, clerkJinjiang, supervisor] = await Promise.all(['demo-clerk', 'demo-clerk-jinjiang', 'demo-supervisor'].map((u) => stack.login(u)));
  }, 240_000);
  afterAll(() => stack.stop(), 60_000);

  it('the public schedule follows the statutory calendar: 国庆 closed Oct 1–3, extended Oct 4–7, Sat Oct 10 worked; slots with capacity', async () => {
    const days = await stack.gql<{ appointmentDays: { date: string; open: boolean; extended: boolean; label: string }[] }>(
      `query { appointmentDays(unitCode: "${STATION}", itemCode: "${RENEW}", days: 14) { date open extended label } }`);
    expect(days.errors).toBeUndefined();
    const byDate = Object.fromEntries(days.data!.appointmentDays.map((d) => [d.date, `${d.label}${d.open ? '' : '×'}`]));
    expect(byDate).toMatchObject({
      '2026-09-30': '工作日', '2026-10-01': '法定节假日×', '2026-10-03': '法定节假日×', '2026-10-04': '节假日延时', '2026-10-07': '节假日延时',
      '2026-10-10': '工作日', '2026-10-11': '休息日×', '2026-10-12': '工作日',
    });
    const slots = await stack.gql<{ appointmentSlots: { start: string; capacity: number; remaining: number; extended: boolean }[] }>(
      `query { appointmentSlots(unitCode: "${STATION}", itemCode: "${RENEW}", date: "2026-09-30") { start capacity remaining extended } }`);
    expect(slots.data!.appointmentSlots).toHaveLength(32);
    expect(slots.data!.appointmentSlots[12]).toEqual({ start: '12:00', capacity: 2, remaining: 2, extended: true });
    const holiday = await stack.gql<{ appointmentSlots: { capacity: number }[] }>(`query { appointmentSlots(unitCode: "${STATION}", itemCode: "${RENEW}", date: "2026-10-05") { capacity } }`);
    expect(holiday.data!.appointmentSlots.every((s) => s.capacity === 1)).toBe(true);
  });

  it('online: the phone is confirmed by an SMS code; a wrong code, a holiday, a past day, an unknown slot write nothing; the receipt is masked', async () => {
    const phone = '13800138001';
    const theCode = await codeFor(phone);
    const input = { unitCode: STATION, itemCode: RENEW, date: '2026-09-30', start: '09:15', citizenName: '张网约', phone, verificationCode: theCode };
    const before = await writes();
    expect(code(await stack.gql(BOOK_ONLINE, { input: { ...input, verificationCode: theCode === '000000' ? '111111' : '000000' } }))).toBe('VERIFICATION_CODE_INVALID');
    expect(code(await stack.gql(BOOK_ONLINE, { input: { ...input, date: '2026-10-02' } }))).toBe('APPOINTMENT_DAY_CLOSED');
    expect(code(await stack.gql(BOOK_ONLINE, { input: { ...input, date: '2026-09-28' } }))).toBe('APPOINTMENT_SLOT_IN_PAST');
    expect(code(await stack.gql(BOOK_ONLINE, { input: { ...input, start: '09:07' } }))).toBe('APPOINTMENT_SLOT_UNKNOWN');
    expect(code(await stack.gql(BOOK_ONLINE, { input: { ...input, date: '2026-10-30' } }))).toBe('APPOINTMENT_BEYOND_HORIZON');
    expect(code(await stack.gql(BOOK_ONLINE, { input: { ...input, itemCode: 'PS-HOTEL-LICENCE' } }))).toBe('APPOINTMENT_ITEM_NOT_BOOKABLE');
    expect(code(await stack.gql(BOOK_ONLINE, { input: { ...input, phone: '1380013800' } }))).toBeDefined();
    expect(await writes()).toBe(before);

    const ok = await stack.gql<{ bookAppointmentOnline: Record<string, string> }>(BOOK_ONLINE, { input });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.bookAppointmentOnline).toMatchObject({ number: 'YY2609300001', date: '2026-09-30', slotStart: '09:15', slotEnd: '09:30', state: 'BOOKED', phone: '138****8001' });
    expect(code(await stack.gql(BOOK_ONLINE, { input: { ...input, start: '09:30' } }))).toBe('VERIFICATION_CODE_INVALID'); // single use
    expect(await slotLoad(RENEW, '2026-09-30', '09:15')).toBe(1);
    const [confirmation] = await smsTo(phone, 'APPOINTMENT_BOOKED');
    expect(confirmation!.text).toBe('【成都市公安局】您已预约9月30日 09:15到浆洗街派出所办理业务，预约号YY2609300001，请提前到场签到。');
    const events = await sql<{ payload: Record<string, unknown> }>(db(), `SELECT payload FROM outbox WHERE subject = 'counter.v1.appointment.changed'`);
    expect(events.map((e) => e.payload)).toEqual([expect.objectContaining({ unitCode: STATION, itemCode: RENEW, date: '2026-09-30', slot: '09:15', state: 'BOOKED', channel: 'ONLINE' })]);
    expect(JSON.stringify(events)).not.toMatch(/张网约|13800138001|YY26/);
  });

  it('codes are rate-limited per phone; the per-person limit holds for hotline and online alike', async () => {
    const phone = '13800138002';
    for (let i = 0; i < 5; i++) expect((await stack.gql(REQUEST_CODE, { input: { phone } })).errors).toBeUndefined();
    expect(code(await stack.gql(REQUEST_CODE, { input: { phone } }))).toBe('RATE_LIMITED');

    const caller = '13900000002';
    expect((await hotline({ phone: caller, start: '10:00' })).errors).toBeUndefined();
    const second = await hotline({ phone: caller, start: '11:00' });
    expect(second.data!.bookAppointmentByHotline).toMatchObject({ channel: 'HOTLINE', bookedBy: '王窗口', citizenName: '赵**', phone: '139****0002' });
    const before = await writes();
    expect(code(await hotline({ phone: caller, start: '14:00' }))).toBe('APPOINTMENT_PERSON_LIMIT');
    const theCode = await codeFor(caller);
    const afterCode = await writes();
    expect(code(await stack.gql(BOOK_ONLINE, { input: { unitCode: STATION, itemCode: MOVE_IN, date: '2026-09-30', start: '14:00', citizenName: '赵热线', phone: caller, verificationCode: theCode } })))
      .toBe('APPOINTMENT_PERSON_LIMIT');
    expect(await writes()).toBe(afterCode);
    expect(afterCode - before).toBe(2); // the code's SMS row and its event, nothing else (rate-limit hits and the SMS's later delivery outcome are outside `writes`)
    expect(code(await stack.gql(BOOK_HOTLINE, { input: { unitCode: STATION, itemCode: RENEW, date: '2026-09-30', start: '09:00', citizenName: '甲', phone: '13900000003' } }, clerkJinjiang))).toBe('OUT_OF_JURISDICTION');
  });

  it('two bookings racing for the last place: exactly one gets it, the slot is never oversold', async () => {
    const race = await Promise.all([
      hotline({ itemCode: MOVE_IN, start: '10:00', phone: '13900000011', citizenName: '钱甲' }),
      hotline({ itemCode: MOVE_IN, start: '10:00', phone: '13900000012', citizenName: '钱乙' }),
      hotline({ itemCode: MOVE_IN, start: '10:00', phone: '13900000013', citizenName: '钱丙' }),
    ]);
    expect(race.filter((r) => !r.errors)).toHaveLength(1);
    expect(race.filter((r) => r.errors).map(code)).toEqual(['APPOINTMENT_SLOT_FULL', 'APPOINTMENT_SLOT_FULL']);
    expect(await slotLoad(MOVE_IN, '2026-09-30', '10:00')).toBe(1);
    expect(await count(`SELECT count(*) FROM appointment WHERE item_code = $1 AND slot_start = '10:00' AND date = '2026-09-30'`, [MOVE_IN])).toBe(1);
  });

  it('reschedule is atomic: to a full slot nothing changes; to a free one the old place is freed; cancel frees it too', async () => {
    const a = (await hotline({ itemCode: MOVE_IN, start: '11:00', phone: '13900000021', citizenName: '孙改约' })).data!.bookAppointmentByHotline;
    const before = await writes();
    expect(code(await stack.gql(RESCHEDULE, { input: { id: a.id, date: '2026-09-30', start: '10:00' } }, clerk))).toBe('APPOINTMENT_SLOT_FULL');
    expect(code(await stack.gql(RESCHEDULE, { input: { id: a.id, date: '2026-10-01', start: '10:00' } }, clerk))).toBe('APPOINTMENT_DAY_CLOSED');
    expect(await writes()).toBe(before);
    expect(await slotLoad(MOVE_IN, '2026-09-30', '11:00')).toBe(1);
    const moved = await stack.gql<{ rescheduleAppointment: Record<string, string> }>(RESCHEDULE, { input: { id: a.id, date: '2026-10-06', start: '11:00' } }, clerk);
    expect(moved.data!.rescheduleAppointment).toMatchObject({ date: '2026-10-06', slotStart: '11:00', slotEnd: '11:30', state: 'BOOKED', number: a.number });
    expect(await slotLoad(MOVE_IN, '2026-09-30', '11:00')).toBe(0);
    expect(await slotLoad(MOVE_IN, '2026-10-06', '11:00')).toBe(1);
    const cancelled = await stack.gql<{ cancelAppointment: Record<string, string> }>(`mutation($id: ID!) { cancelAppointment(id: $id) { state } }`, { id: a.id }, clerk);
    expect(cancelled.data!.cancelAppointment.state).toBe('CANCELLED');
    expect(await slotLoad(MOVE_IN, '2026-10-06', '11:00')).toBe(0);
    expect(code(await stack.gql(`mutation($id: ID!) { cancelAppointment(id: $id) { state } }`, { id: a.id }, clerk))).toBe('APPOINTMENT_INVALID_STATE');
  });

  it('a closure cancels the affected bookings and texts each how to rebook; the citizen rebooks with the number and a code', async () => {
    const phone = '13800138031';
    const theCode = await codeFor(phone);
    const booked = (await stack.gql<{ bookAppointmentOnline: Record<string, string> }>(BOOK_ONLINE, {
      input: { unitCode: STATION, itemCode: RENEW, date: '2026-10-05', start: '09:00', citizenName: '周闭厅', phone, verificationCode: theCode },
    })).data!.bookAppointmentOnline;
    const other = (await hotline({ itemCode: MOVE_IN, date: '2026-10-05', start: '09:00', phone: '13900000031' })).data!.bookAppointmentByHotline;
    const input = { unitCode: STATION, dateFrom: '2026-10-05', dateTo: '2026-10-05', itemCodes: [RENEW], reason: '系统升级' };
    const before = await writes();
    expect(code(await stack.gql(CLOSURE, { input }, clerk))).toBe('FORBIDDEN');
    expect(code(await stack.gql(CLOSURE, { input: { ...input, dateFrom: '2026-09-20' } }, supervisor))).toBe('APPOINTMENT_CLOSURE_INVALID');
    expect(code(await stack.gql(CLOSURE, { input: { ...input, dateTo: '2026-10-04' } }, supervisor))).toBe('APPOINTMENT_CLOSURE_INVALID');
    expect(await writes()).toBe(before);

    const closure = await stack.gql<{ addAppointmentClosure: Record<string, unknown> }>(CLOSURE, { input }, supervisor);
    expect(closure.errors).toBeUndefined();
    expect(closure.data!.addAppointmentClosure).toMatchObject({ cancelledCount: 1, itemCodes: [RENEW], createdBy: expect.any(String) });
    const [notice] = await smsTo(phone, 'APPOINTMENT_CLOSED');
    expect(notice!.text).toBe(`【成都市公安局】因临时闭厅，您10月5日的预约已取消。可凭预约号${booked.number}在网上预约改约或致电96166。`);
    expect(await count(`SELECT count(*) FROM appointment WHERE id = $1 AND state = 'BOOKED'`, [other.id])).toBe(1); // another item: untouched
    expect(await slotLoad(RENEW, '2026-10-05', '09:00')).toBe(0);
    const days = await stack.gql<{ appointmentDays: { date: string; open: boolean; label: string; closedBy: string | null }[] }>(
      `query { appointmentDays(unitCode: "${STATION}", itemCode: "${RENEW}", days: 7) { date open label closedBy } }`);
    expect(days.data!.appointmentDays.find((d) => d.date === '2026-10-05')).toEqual({ date: '2026-10-05', open: false, label: '临时闭厅', closedBy: '系统升级' });
    const again = await codeFor(phone);
    expect(code(await stack.gql(BOOK_ONLINE, { input: { unitCode: STATION, itemCode: RENEW, date: '2026-10-05', start: '10:00', citizenName: '周闭厅', phone, verificationCode: again } })))
      .toBe('APPOINTMENT_DAY_CLOSED');

    // Rebooking: the number from the SMS, the phone, a code; someone else's phone learns nothing.
    const wrongPhone = await codeFor('13800138032');
    expect(code(await stack.gql(CHANGE_ONLINE('rescheduleAppointmentOnline'), { input: { number: booked.number, phone: '13800138032', verificationCode: wrongPhone, date: '2026-10-06', start: '09:00' } })))
      .toBe('APPOINTMENT_NOT_FOUND');
    const rebooked = await stack.gql<{ rescheduleAppointmentOnline: Record<string, string> }>(CHANGE_ONLINE('rescheduleAppointmentOnline'), {
      input: { number: booked.number, phone, verificationCode: again, date: '2026-10-06', start: '09:00' },
    });
    expect(rebooked.errors).toBeUndefined();
    expect(rebooked.data!.rescheduleAppointmentOnline).toMatchObject({ number: booked.number, date: '2026-10-06', state: 'BOOKED', phone: '138****8031' });
    const cancelCode = await codeFor(phone);
    const cancelled = await stack.gql<{ cancelAppointmentOnline: Record<string, string> }>(CHANGE_ONLINE('cancelAppointmentOnline'), { input: { number: booked.number, phone, verificationCode: cancelCode } });
    expect(cancelled.data!.cancelAppointmentOnline.state).toBe('CANCELLED');
  });

  it('the day list is masked; the full details are an audited read with a purpose', async () => {
    const list = await stack.gql<{ appointmentsOfDay: { id: string; number: string; citizenName: string; phone: string }[] }>(
      `query { appointmentsOfDay(date: "2026-09-30") { id number citizenName phone } }`, {}, clerk);
    expect(list.errors).toBeUndefined();
    const mine = list.data!.appointmentsOfDay.find((a) => a.number === 'YY2609300001')!;
    expect(mine).toMatchObject({ citizenName: '张**', phone: '138****8001' });
    expect(JSON.stringify(list.data)).not.toMatch(/13800138001|张网约/);
    expect(code(await stack.gql(`query { appointmentsOfDay(unitCode: "${STATION}", date: "2026-09-30") { id } }`, {}, clerkJinjiang))).toBe('OUT_OF_JURISDICTION');
    const full = await stack.gql<{ appointmentDetails: { citizenName: string; phone: string } }>(
      `query($id: ID!) { appointmentDetails(id: $id, purpose: "核对预约人身份") { citizenName phone } }`, { id: mine.id }, clerk);
    expect(full.data!.appointmentDetails).toEqual({ citizenName: '张网约', phone: '13800138001' });
    expect(await count(`SELECT count(*) FROM audit_log WHERE action = 'APPOINTMENT_VIEW' AND subject_ref = 'YY2609300001' AND purpose = '核对预约人身份'`)).toBe(1);
  });

  it('check-in: at the booked station only; within the slot a priority ticket, late an ordinary one, too early refused', async () => {
    const now = chinaMinutes();
    await seedBooking({ number: 'YY2609290001', date: TODAY, start: hm(Math.max(0, now - 5)), end: hm(Math.min(1439, now + 30)) });
    await seedBooking({ number: 'YY2609290002', date: TODAY, start: hm(Math.max(0, now - 40)), end: hm(Math.max(0, now - 2)) });
    // The hall's 户政 group takes the booked item (group data the queue keeps per station; the catalog index is empty in this stack).
    await sql(db(), `INSERT INTO queue_service_group (unit_code, code, prefix, name, police_types, item_codes, position) VALUES ($1, 'HOUSEHOLD', 'A', '户政业务', '{HOUSEHOLD}', $2, 1)
      ON CONFLICT (unit_code, code) DO UPDATE SET item_codes = EXCLUDED.item_codes`, [STATION, [RENEW]]);
    const before = await writes();
    expect(code(await stack.gql(CHECK_IN, { input: { number: 'YY2609290001' } }, clerkJinjiang))).toBe('APPOINTMENT_WRONG_STATION');
    expect(code(await stack.gql(CHECK_IN, { input: { number: 'YY2609300001' } }, clerk))).toBe('APPOINTMENT_CHECK_IN_TOO_EARLY');
    expect(code(await stack.gql(CHECK_IN, { input: { number: 'YY2609299999' } }, clerk))).toBe('APPOINTMENT_NOT_FOUND');
    expect(await writes()).toBe(before);

    const onTime = await stack.gql<{ checkInAppointment: { ticketNumber: string; priority: boolean; appointment: Record<string, unknown> } }>(CHECK_IN, { input: { number: 'YY2609290001' } }, clerk);
    expect(onTime.errors).toBeUndefined();
    expect(onTime.data!.checkInAppointment).toMatchObject({ priority: true, appointment: { state: 'CHECKED_IN', onTime: true } });
    expect(onTime.data!.checkInAppointment.ticketNumber).toMatch(/^[A-Z]\d{3}$/);
    const late = await stack.gql<{ checkInAppointment: { ticketNumber: string; priority: boolean } }>(CHECK_IN, { input: { number: 'YY2609290002' } }, clerk);
    expect(late.data!.checkInAppointment.priority).toBe(false);
    const tickets = await sql<{ number: string; priority: boolean; priority_reason: string | null }>(db(), `SELECT number, priority, priority_reason FROM queue_ticket WHERE unit_code = $1 ORDER BY number`, [STATION]);
    expect(tickets).toEqual([
      { number: onTime.data!.checkInAppointment.ticketNumber, priority: true, priority_reason: 'APPOINTMENT' },
      { number: late.data!.checkInAppointment.ticketNumber, priority: false, priority_reason: null },
    ]);
    expect(code(await stack.gql(CHECK_IN, { input: { number: 'YY2609290001' } }, clerk))).toBe('APPOINTMENT_INVALID_STATE');
  });

  it('bookings of past days never checked in become no-shows; enough no-shows stop online booking (the hotline still books)', async () => {
    const phone = '13700000077';
    await seedBooking({ number: 'YY2609280001', date: '2026-09-28', start: '09:00', end: '09:15', phone });
    await seedBooking({ number: 'YY2609250001', date: '2026-09-25', start: '09:00', end: '09:15', phone, state: 'NO_SHOW' });
    await seedBooking({ number: 'YY2609240001', date: '2026-09-24', start: '09:00', end: '09:15', phone, state: 'NO_SHOW' });
    await eventually(async () => (await count(`SELECT count(*) FROM appointment WHERE number = 'YY2609280001' AND state = 'NO_SHOW'`)) === 1);
    const events = await sql<{ payload: { state: string } }>(db(), `SELECT payload FROM outbox WHERE subject = 'counter.v1.appointment.changed' AND payload->>'date' = '2026-09-28'`);
    expect(events.map((e) => e.payload.state)).toEqual(['NO_SHOW']);
    const theCode = await codeFor(phone);
    expect(code(await stack.gql(BOOK_ONLINE, { input: { unitCode: STATION, itemCode: RENEW, date: '2026-10-12', start: '09:00', citizenName: '孙签到', phone, verificationCode: theCode } })))
      .toBe('APPOINTMENT_NO_SHOW_LIMIT');
    expect((await hotline({ date: '2026-10-12', phone, citizenName: '孙签到' })).errors).toBeUndefined();
  });
});
