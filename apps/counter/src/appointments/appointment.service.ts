import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkingCalendar } from '@onewindow/calendar';
import { AppointmentChangedEvent, EventSubjects, findPoliceUnit, withinJurisdiction, type Identity } from '@onewindow/contracts';
import { AuditService, BusinessClock, DomainException, jurisdictionOf, OutboxService, PhoneCodeService, RateLimiter } from '@onewindow/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { TransactionRunner } from '../common/transaction-runner.js';
import { TicketIssuer } from '../queue/ticket-issuer.port.js';
import { SmsService } from '../sms/sms.service.js';
import { AppointmentClosureEntity, AppointmentEntity, AppointmentSlotEntity } from './appointment.entities.js';
import { AppointmentErrorCode as Code, AppointmentException } from './appointment.exception.js';
import { HALL_SCHEDULE, type BookableItem, type HallSchedule } from './hall-schedule.data.js';
import { addDays, checkInTiming, dayOpening, generateSlots, slotInPast, type DayOpening, type Slot } from './slots.js';

export const BOOKING_CODE_PURPOSE = 'APPOINTMENT';
const CODE_TTL_SECONDS = 600;
const CODE_MAX_ATTEMPTS = 5;
const HOUR = 3600;
const DAY = 24 * HOUR;
/** Public limits (per IP / per phone); generous enough for a family at one address, tight enough to stop scripts. */
export const PUBLIC_LIMITS = { codesPerPhonePerHour: 5, codesPerIpPerHour: 30, bookingsPerIpPerDay: 30, changesPerPhonePerDay: 10 };

export interface BookSlot {
  unitCode: string;
  itemCode: string;
  date: string;
  start: string;
}
export interface BookingRequest extends BookSlot {
  citizenName: string;
  phone: string;
}
export interface CitizenProof {
  number: string;
  phone: string;
  verificationCode: string;
}
export interface ClosureRequest {
  unitCode: string;
  dateFrom: string;
  dateTo: string;
  itemCodes: string[];
  reason: string;
}
export interface SlotView extends Slot {
  booked: number;
  remaining: number;
  past: boolean;
}
export interface DayView {
  date: string;
  opening: DayOpening;
  closedBy?: string;
}

const CHANGEABLE = new Set(['BOOKED', 'CLOSED']);

/**
 * 预约: slots from the hall schedule and the statutory calendar, booking online (phone confirmed
 * by SMS code, rate-limited) or by hotline (a clerk books for the caller), cancel, reschedule
 * (atomic), closures that cancel and text the affected bookings, check-in turning a booking into a
 * queue ticket, and the no-show job. Every state change commits with its event; the slot row is
 * locked to book, so a slot is never oversold.
 */
@Injectable()
export class AppointmentService {
  readonly schedule: HallSchedule = HALL_SCHEDULE;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly calendar: WorkingCalendar,
    private readonly clock: BusinessClock,
    private readonly codes: PhoneCodeService,
    private readonly limits: RateLimiter,
    private readonly sms: SmsService,
    private readonly audit: AuditService,
    private readonly tickets: TicketIssuer,
  ) {}

  // ---- reading the schedule ----

  /** The business date and China time of day (minutes since midnight). */
  now(): { date: string; minutes: number } {
    const t = this.clock.now();
    return { date: this.clock.today(), minutes: (t.getUTCHours() * 60 + t.getUTCMinutes() + 480) % 1440 };
  }

  item(itemCode: string): BookableItem {
    const item = this.schedule.items.find((i) => i.itemCode === itemCode);
    if (!item) throw new AppointmentException(Code.ITEM_NOT_BOOKABLE, '该事项不接受预约', { itemCode });
    return item;
  }

  station(unitCode: string): { code: string; name: string } {
    const unit = findPoliceUnit(unitCode);
    if (!unit || unit.code.length !== 9) throw DomainException.validation('请选择派出所（办证大厅）', { unitCode });
    return { code: unit.code, name: unit.shortName ?? unit.name };
  }

  /** The next `days` days from today for one station and item: open or closed, extended, and which closure. */
  async days(unitCode: string, itemCode: string, days: number): Promise<DayView[]> {
    this.item(itemCode);
    this.station(unitCode);
    const today = this.now().date;
    const closures = await this.closuresOver(this.dataSource.manager, unitCode, today, addDays(today, days));
    const out: DayView[] = [];
    for (let i = 0; i <= Math.min(days, this.schedule.horizonDays); i++) {
      const date = addDays(today, i);
      const closure = closures.find((c) => c.dateFrom <= date && c.dateTo >= date && (c.itemCodes.length === 0 || c.itemCodes.includes(itemCode)));
      out.push({ date, opening: dayOpening(this.calendar, date, this.schedule), ...(closure ? { closedBy: closure.reason } : {}) });
    }
    return out;
  }

  /** The slots of one day with what is left of each (the booking page, the clerk's slot view). */
  async slots(unitCode: string, itemCode: string, date: string): Promise<SlotView[]> {
    const item = this.item(itemCode);
    this.station(unitCode);
    const closed = (await this.closuresOver(this.dataSource.manager, unitCode, date, date)).some((c) => c.itemCodes.length === 0 || c.itemCodes.includes(itemCode));
    if (closed) return [];
    const loads = await this.dataSource.getRepository(AppointmentSlotEntity).findBy({ unitCode, itemCode, date });
    const now = this.now();
    return generateSlots(this.calendar, this.schedule, item, date).map((s) => {
      const booked = loads.find((l) => l.slotStart === s.start)?.booked ?? 0;
      return { ...s, booked, remaining: Math.max(0, s.capacity - booked), past: slotInPast({ date, start: s.start }, now) };
    });
  }

  // ---- public: SMS code, booking, cancel, reschedule ----

  /** 获取验证码 for the booking page: rate-limited per phone and per client address. */
  async requestCode(phone: string, clientIp: string | undefined): Promise<number> {
    await this.tx.run(async (m) => {
      await this.limits.take(m, { bucket: `appointment:code:phone:${this.codes.phoneHash(phone)}`, limit: PUBLIC_LIMITS.codesPerPhonePerHour, windowSeconds: HOUR, message: '获取验证码过于频繁，请一小时后再试' });
      await this.limits.take(m, { bucket: `appointment:code:ip:${clientIp ?? 'unknown'}`, limit: PUBLIC_LIMITS.codesPerIpPerHour, windowSeconds: HOUR, message: '获取验证码过于频繁，请稍后再试' });
      const code = await this.codes.issue(m, { purpose: BOOKING_CODE_PURPOSE, phone, ttlSeconds: CODE_TTL_SECONDS });
      await this.sms.queueTemplateMessage(m, { template: 'APPOINTMENT_VERIFICATION_CODE', phone, params: { code }, reference: 'APPOINTMENT-CODE', trigger: `CODE:${randomUUID()}`, unitCode: '' });
      await this.limits.prune(m);
    });
    return CODE_TTL_SECONDS;
  }

  /** 网上预约: the phone is confirmed by its code in the booking's transaction; a wrong code writes nothing (but counts a try). */
  async bookOnline(input: BookingRequest & { verificationCode: string }, clientIp: string | undefined): Promise<AppointmentEntity> {
    return this.tx.run(async (m) => {
      await this.limits.take(m, { bucket: `appointment:book:ip:${clientIp ?? 'unknown'}`, limit: PUBLIC_LIMITS.bookingsPerIpPerDay, windowSeconds: DAY, message: '今日网上预约次数已达上限，请明日再试或拨打 96166' });
      // The code is tried last, once every rule has passed: a refused slot does not use up a try.
      const confirmPhone = () => this.codes.consume(m, { purpose: BOOKING_CODE_PURPOSE, phone: input.phone, code: input.verificationCode, maxAttempts: CODE_MAX_ATTEMPTS });
      return this.book(m, input, 'ONLINE', '网上预约', confirmPhone);
    });
  }

  /** 96166 热线预约: a clerk books for the caller (no code; the caller is on the line). */
  async bookByHotline(actor: Identity, input: BookingRequest): Promise<AppointmentEntity> {
    if (!withinJurisdiction(jurisdictionOf(actor).unitPrefix, input.unitCode)) throw DomainException.outOfJurisdiction('只能为本辖区的办证大厅预约');
    return this.tx.run((m) => this.book(m, input, 'HOTLINE', actor.displayName));
  }

  async cancelByCitizen(proof: CitizenProof): Promise<AppointmentEntity> {
    return this.tx.run(async (m) => {
      const a = await this.provenBooking(m, proof);
      return this.cancel(m, a);
    });
  }

  async cancelByClerk(actor: Identity, id: string): Promise<AppointmentEntity> {
    return this.tx.run(async (m) => this.cancel(m, await this.lockedInJurisdiction(m, actor, id)));
  }

  async rescheduleByCitizen(proof: CitizenProof, to: { date: string; start: string }): Promise<AppointmentEntity> {
    return this.tx.run(async (m) => {
      const a = await this.provenBooking(m, proof);
      return this.reschedule(m, a, to);
    });
  }

  async rescheduleByClerk(actor: Identity, id: string, to: { date: string; start: string }): Promise<AppointmentEntity> {
    return this.tx.run(async (m) => this.reschedule(m, await this.lockedInJurisdiction(m, actor, id), to));
  }

  // ---- the hall: lists, details, check-in ----

  /** The day's bookings of a station (masked by the resolver). */
  async dayList(actor: Identity, unitCode: string, date: string, itemCode?: string): Promise<AppointmentEntity[]> {
    if (!withinJurisdiction(jurisdictionOf(actor).unitPrefix, unitCode)) throw DomainException.outOfJurisdiction();
    const q = this.dataSource.getRepository(AppointmentEntity).createQueryBuilder('a').where('a.unit_code = :unitCode AND a.date = :date', { unitCode, date });
    if (itemCode) q.andWhere('a.item_code = :itemCode', { itemCode });
    return q.orderBy('a.slot_start', 'ASC').addOrderBy('a.created_at', 'ASC').getMany();
  }

  /** One booking in full (name, phone): an audited read with its purpose. */
  async details(actor: Identity, id: string, purpose: string): Promise<AppointmentEntity> {
    const a = await this.dataSource.getRepository(AppointmentEntity).findOneBy({ id });
    if (!a || !withinJurisdiction(jurisdictionOf(actor).unitPrefix, a.unitCode)) throw new AppointmentException(Code.NOT_FOUND, '未找到该预约（或不在您的辖区）', { id });
    await this.audit.record(actor, { action: 'APPOINTMENT_VIEW', subjectType: 'appointment', subjectRef: a.number, purpose, details: { unitCode: a.unitCode } });
    return a;
  }

  async findByNumber(actor: Identity, number: string): Promise<AppointmentEntity> {
    const a = await this.dataSource.getRepository(AppointmentEntity).findOneBy({ number: number.trim().toUpperCase() });
    if (!a || !withinJurisdiction(jurisdictionOf(actor).unitPrefix, a.unitCode)) throw new AppointmentException(Code.NOT_FOUND, '未找到该预约号（或不在您的辖区）', { number });
    return a;
  }

  /**
   * 签到 by booking number, at the booked station only. Within the slot (from `checkInEarlyMinutes` before to its
   * end) a priority ticket (预约优先); later, an ordinary one; the ticket is taken in the same
   * transaction, so a refused ticket leaves the booking unchanged.
   */
  async checkIn(actor: Identity, number: string): Promise<{ appointment: AppointmentEntity; ticket: { number: string; ahead: number; priority: boolean } }> {
    return this.tx.run(async (m) => {
      const a = await m.getRepository(AppointmentEntity).createQueryBuilder('a').setLock('pessimistic_write').where('a.number = :n', { n: number.trim().toUpperCase() }).getOne();
      if (!a) throw new AppointmentException(Code.NOT_FOUND, '未找到该预约号', { number });
      // A citizen at the wrong hall is told where the booking is (the station only, nothing personal).
      if (a.unitCode !== actor.unitCode) {
        throw new AppointmentException(Code.WRONG_STATION, `该预约在${this.station(a.unitCode).name}办理，请到预约的办证大厅签到`, { unitCode: a.unitCode });
      }
      if (a.state !== 'BOOKED') throw new AppointmentException(Code.INVALID_STATE, `该预约${STATE_LABEL[a.state]}，不能签到`, { state: a.state });
      const timing = checkInTiming({ date: a.date, start: a.slotStart, end: a.slotEnd }, this.now(), this.schedule.checkInEarlyMinutes);
      if (timing === 'TOO_EARLY') {
        throw new AppointmentException(Code.CHECK_IN_TOO_EARLY, `预约时段为 ${a.date} ${a.slotStart}-${a.slotEnd}，请于开始前 ${this.schedule.checkInEarlyMinutes} 分钟内签到`, { date: a.date, start: a.slotStart });
      }
      const priority = timing === 'ON_TIME';
      const ticket = await this.tickets.issue(m, {
        unitCode: a.unitCode, itemCode: a.itemCode, priority, ...(priority ? { priorityReason: 'APPOINTMENT' } : {}), source: 'APPOINTMENT', appointmentId: a.id,
      });
      a.state = 'CHECKED_IN';
      a.ticketNumber = ticket.number;
      a.onTime = priority;
      await this.save(m, a);
      return { appointment: a, ticket: { number: ticket.number, ahead: ticket.ahead, priority } };
    });
  }

  // ---- closures and no-shows ----

  /** 临时闭厅 / added holiday: cancels the affected bookings and texts each one how to rebook. */
  async addClosure(actor: Identity, input: ClosureRequest): Promise<AppointmentClosureEntity> {
    this.station(input.unitCode);
    if (!withinJurisdiction(jurisdictionOf(actor).unitPrefix, input.unitCode)) throw DomainException.outOfJurisdiction('该办证大厅不在您的辖区');
    const today = this.now().date;
    if (input.dateTo < input.dateFrom) throw new AppointmentException(Code.CLOSURE_INVALID, '结束日期不能早于开始日期', input);
    if (input.dateFrom < today) throw new AppointmentException(Code.CLOSURE_INVALID, '不能为已过去的日期设置闭厅', input);
    if (input.dateTo > addDays(input.dateFrom, 60)) throw new AppointmentException(Code.CLOSURE_INVALID, '一次闭厅最长 60 天', input);
    const itemCodes = [...new Set(input.itemCodes)];
    for (const c of itemCodes) this.item(c);
    return this.tx.run(async (m) => {
      const closure: AppointmentClosureEntity = {
        id: randomUUID(), unitCode: input.unitCode, dateFrom: input.dateFrom, dateTo: input.dateTo, itemCodes, reason: input.reason.trim(),
        cancelledCount: 0, createdBy: actor.displayName, createdAt: this.clock.now(),
      };
      await m.getRepository(AppointmentClosureEntity).insert(closure);
      const q = m.getRepository(AppointmentEntity).createQueryBuilder('a').setLock('pessimistic_write')
        .where(`a.unit_code = :unit AND a.state = 'BOOKED' AND a.date BETWEEN :from AND :to`, { unit: input.unitCode, from: input.dateFrom, to: input.dateTo });
      if (itemCodes.length) q.andWhere('a.item_code IN (:...items)', { items: itemCodes });
      const affected = await q.orderBy('a.date').addOrderBy('a.slot_start').getMany();
      for (const a of affected) {
        await this.release(m, a);
        a.state = 'CLOSED';
        a.closureId = closure.id;
        await this.save(m, a);
        await this.sms.queueTemplateMessage(m, {
          template: 'APPOINTMENT_CLOSED', phone: a.phone, params: { date: chineseDate(a.date), number: a.number }, reference: a.number, trigger: `CLOSED:${closure.id}`, unitCode: a.unitCode,
        });
      }
      closure.cancelledCount = affected.length;
      await m.getRepository(AppointmentClosureEntity).update({ id: closure.id }, { cancelledCount: affected.length });
      return closure;
    });
  }

  async closures(actor: Identity, unitCode?: string): Promise<AppointmentClosureEntity[]> {
    const own = jurisdictionOf(actor).unitPrefix;
    if (unitCode && !withinJurisdiction(own, unitCode)) throw DomainException.outOfJurisdiction();
    return this.dataSource.getRepository(AppointmentClosureEntity).createQueryBuilder('c')
      .where('c.unit_code LIKE :p', { p: `${unitCode ?? own}%` }).orderBy('c.date_from', 'DESC').take(100).getMany();
  }

  /** The no-show job: bookings of past days never checked in. */
  async flagNoShows(): Promise<number> {
    const today = this.now().date;
    return this.tx.run(async (m) => {
      const rows = await m.getRepository(AppointmentEntity).createQueryBuilder('a').setLock('pessimistic_write')
        .where(`a.state = 'BOOKED' AND a.date < :today`, { today }).take(500).getMany();
      for (const a of rows) {
        a.state = 'NO_SHOW';
        await this.save(m, a);
      }
      return rows.length;
    });
  }

  // ---- internals ----

  private async book(m: EntityManager, input: BookingRequest, channel: 'ONLINE' | 'HOTLINE', bookedBy: string, confirmPhone?: () => Promise<void>): Promise<AppointmentEntity> {
    const station = this.station(input.unitCode);
    const item = this.item(input.itemCode);
    const slot = await this.checkSlot(m, input, item);
    // One booking decision per phone at a time: the per-person limit cannot be raced past.
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`appointment:phone:${input.phone}`]);
    await this.checkPersonLimit(m, input.phone, input.date);
    if (channel === 'ONLINE') await this.checkNoShows(m, input.phone);
    await this.take(m, input, slot);
    if (confirmPhone) await confirmPhone();
    const now = this.clock.now();
    const a: AppointmentEntity = {
      id: randomUUID(), number: await this.nextNumber(m, input.date), unitCode: station.code, itemCode: item.itemCode, itemName: item.itemName,
      date: input.date, slotStart: slot.start, slotEnd: slot.end, citizenName: input.citizenName.trim(), phone: input.phone, channel, state: 'BOOKED',
      ticketNumber: null, onTime: null, bookedBy, closureId: null, version: 1, createdAt: now, updatedAt: now,
    };
    await m.getRepository(AppointmentEntity).insert(a);
    await this.announce(m, a);
    await this.confirm(m, a, station.name);
    return a;
  }

  private async cancel(m: EntityManager, a: AppointmentEntity): Promise<AppointmentEntity> {
    if (a.state !== 'BOOKED') throw new AppointmentException(Code.INVALID_STATE, `该预约${STATE_LABEL[a.state]}，不能取消`, { state: a.state });
    await this.release(m, a);
    a.state = 'CANCELLED';
    await this.save(m, a);
    return a;
  }

  /** The new slot is taken first; the old one is freed only then, in the same transaction (a full new slot leaves the booking as it was). */
  private async reschedule(m: EntityManager, a: AppointmentEntity, to: { date: string; start: string }): Promise<AppointmentEntity> {
    if (!CHANGEABLE.has(a.state)) throw new AppointmentException(Code.INVALID_STATE, `该预约${STATE_LABEL[a.state]}，不能改约`, { state: a.state });
    if (a.state === 'BOOKED' && a.date === to.date && a.slotStart === to.start) throw new AppointmentException(Code.INVALID_STATE, '新时段与原时段相同', to);
    const target = { unitCode: a.unitCode, itemCode: a.itemCode, date: to.date, start: to.start };
    const slot = await this.checkSlot(m, target, this.item(a.itemCode));
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`appointment:phone:${a.phone}`]);
    if (a.date !== to.date || a.state !== 'BOOKED') await this.checkPersonLimit(m, a.phone, to.date, a.id);
    await this.take(m, target, slot);
    if (a.state === 'BOOKED') await this.release(m, a);
    a.date = to.date;
    a.slotStart = slot.start;
    a.slotEnd = slot.end;
    a.state = 'BOOKED';
    a.closureId = null;
    await this.save(m, a);
    await this.confirm(m, a, this.station(a.unitCode).name);
    return a;
  }

  /** Open day, no closure, a slot of the schedule, not past, within the horizon. */
  private async checkSlot(m: EntityManager, at: BookSlot, item: BookableItem): Promise<Slot> {
    const now = this.now();
    if (at.date < now.date) throw new AppointmentException(Code.SLOT_IN_PAST, '不能预约已过去的日期', { date: at.date });
    if (at.date > addDays(now.date, this.schedule.horizonDays)) {
      throw new AppointmentException(Code.BEYOND_HORIZON, `只能预约 ${this.schedule.horizonDays} 天内的时段`, { date: at.date });
    }
    const opening = dayOpening(this.calendar, at.date, this.schedule);
    if (!opening.open) {
      throw new AppointmentException(Code.DAY_CLOSED, opening.reason === 'HOLIDAY' ? `${at.date} 为法定节假日（${opening.holidayName ?? '假期'}），不办理预约` : `${at.date} 为休息日，不办理预约`, { date: at.date, reason: opening.reason });
    }
    const closure = (await this.closuresOver(m, at.unitCode, at.date, at.date)).find((c) => c.itemCodes.length === 0 || c.itemCodes.includes(at.itemCode));
    if (closure) throw new AppointmentException(Code.DAY_CLOSED, `${at.date} 临时闭厅（${closure.reason}），不办理预约`, { date: at.date, reason: 'CLOSURE' });
    const slot = generateSlots(this.calendar, this.schedule, item, at.date).find((s) => s.start === at.start);
    if (!slot) throw new AppointmentException(Code.SLOT_UNKNOWN, `没有 ${at.start} 开始的预约时段`, { start: at.start });
    if (slotInPast({ date: at.date, start: at.start }, now)) throw new AppointmentException(Code.SLOT_IN_PAST, '该时段已开始或已过去，请选择其他时段', { date: at.date, start: at.start });
    return slot;
  }

  private async checkPersonLimit(m: EntityManager, phone: string, date: string, except?: string): Promise<void> {
    const [row] = (await m.query(
      `SELECT count(*)::int AS n FROM appointment WHERE phone = $1 AND date = $2 AND state IN ('BOOKED', 'CHECKED_IN') AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [phone, date, except ?? null],
    )) as { n: number }[];
    if ((row?.n ?? 0) >= this.schedule.maxPerPhonePerDay) {
      throw new AppointmentException(Code.PERSON_LIMIT, `同一手机号每天最多预约 ${this.schedule.maxPerPhonePerDay} 个时段`, { date });
    }
  }

  private async checkNoShows(m: EntityManager, phone: string): Promise<void> {
    const since = addDays(this.now().date, -this.schedule.noShowWindowDays);
    const [row] = (await m.query(`SELECT count(*)::int AS n FROM appointment WHERE phone = $1 AND state = 'NO_SHOW' AND date >= $2`, [phone, since])) as { n: number }[];
    if ((row?.n ?? 0) >= this.schedule.noShowLimit) {
      throw new AppointmentException(Code.NO_SHOW_LIMIT, `${this.schedule.noShowWindowDays} 天内预约未到 ${this.schedule.noShowLimit} 次，暂停网上预约；可拨打 96166 预约或现场取号`);
    }
  }

  /** Takes a place: the slot row is created if new, then locked; full → typed error. */
  private async take(m: EntityManager, at: BookSlot, slot: Slot): Promise<void> {
    await m.query(
      `INSERT INTO appointment_slot (unit_code, item_code, date, slot_start, capacity, booked) VALUES ($1, $2, $3, $4, $5, 0) ON CONFLICT DO NOTHING`,
      [at.unitCode, at.itemCode, at.date, slot.start, slot.capacity],
    );
    const [row] = (await m.query(
      `SELECT capacity, booked FROM appointment_slot WHERE unit_code = $1 AND item_code = $2 AND date = $3 AND slot_start = $4 FOR UPDATE`,
      [at.unitCode, at.itemCode, at.date, slot.start],
    )) as { capacity: number; booked: number }[];
    if (!row || row.booked >= row.capacity) throw new AppointmentException(Code.SLOT_FULL, `${at.date} ${slot.start} 的时段已约满，请选择其他时段`, { date: at.date, start: slot.start });
    await m.query(`UPDATE appointment_slot SET booked = booked + 1 WHERE unit_code = $1 AND item_code = $2 AND date = $3 AND slot_start = $4`, [at.unitCode, at.itemCode, at.date, slot.start]);
  }

  private async release(m: EntityManager, a: AppointmentEntity): Promise<void> {
    await m.query(
      `UPDATE appointment_slot SET booked = greatest(booked - 1, 0) WHERE unit_code = $1 AND item_code = $2 AND date = $3 AND slot_start = $4`,
      [a.unitCode, a.itemCode, a.date, a.slotStart],
    );
  }

  private async nextNumber(m: EntityManager, date: string): Promise<string> {
    const prefix = `YY${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}`;
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`appointment:number:${prefix}`]);
    const [row] = (await m.query(`SELECT count(*)::int AS n FROM appointment WHERE number LIKE $1`, [`${prefix}%`])) as { n: number }[];
    return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
  }

  private async provenBooking(m: EntityManager, proof: CitizenProof): Promise<AppointmentEntity> {
    await this.limits.take(m, { bucket: `appointment:change:phone:${this.codes.phoneHash(proof.phone)}`, limit: PUBLIC_LIMITS.changesPerPhonePerDay, windowSeconds: DAY, message: '今日改约、取消次数已达上限，请拨打 96166' });
    await this.codes.consume(m, { purpose: BOOKING_CODE_PURPOSE, phone: proof.phone, code: proof.verificationCode, maxAttempts: CODE_MAX_ATTEMPTS });
    const a = await m.getRepository(AppointmentEntity).createQueryBuilder('a').setLock('pessimistic_write')
      .where('a.number = :n', { n: proof.number.trim().toUpperCase() }).getOne();
    // Same answer for an unknown number and someone else's: the page learns nothing about other bookings.
    if (!a || a.phone !== proof.phone) throw new AppointmentException(Code.NOT_FOUND, '预约号与手机号不匹配，请核对');
    return a;
  }

  private async lockedInJurisdiction(m: EntityManager, actor: Identity, id: string): Promise<AppointmentEntity> {
    const a = await m.getRepository(AppointmentEntity).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
    if (!a || !withinJurisdiction(jurisdictionOf(actor).unitPrefix, a.unitCode)) throw new AppointmentException(Code.NOT_FOUND, '未找到该预约（或不在您的辖区）', { id });
    return a;
  }

  private async closuresOver(m: EntityManager, unitCode: string, from: string, to: string): Promise<AppointmentClosureEntity[]> {
    return m.getRepository(AppointmentClosureEntity).createQueryBuilder('c')
      .where('c.unit_code = :unitCode AND c.date_from <= :to AND c.date_to >= :from', { unitCode, from, to }).getMany();
  }

  private async save(m: EntityManager, a: AppointmentEntity): Promise<void> {
    a.version++;
    a.updatedAt = this.clock.now();
    await m.getRepository(AppointmentEntity).save(a);
    await this.announce(m, a);
  }

  private async confirm(m: EntityManager, a: AppointmentEntity, place: string): Promise<void> {
    await this.sms.queueTemplateMessage(m, {
      template: 'APPOINTMENT_BOOKED', phone: a.phone, params: { date: chineseDate(a.date), time: a.slotStart, place, number: a.number },
      reference: a.number, trigger: `BOOKED:${a.version}`, unitCode: a.unitCode,
    });
  }

  private async announce(m: EntityManager, a: AppointmentEntity): Promise<void> {
    const event: AppointmentChangedEvent = {
      id: a.id, unitCode: a.unitCode, itemCode: a.itemCode, date: a.date, slot: a.slotStart, state: a.state, channel: a.channel, onTime: a.onTime === true, at: a.updatedAt.toISOString(),
    };
    await this.outbox.enqueue(m, EventSubjects.appointmentChanged, event);
  }
}

export const STATE_LABEL: Record<AppointmentEntity['state'], string> = {
  BOOKED: '已预约', CANCELLED: '已取消', CLOSED: '因闭厅取消', CHECKED_IN: '已签到', NO_SHOW: '未到（爽约）',
};

/** 2026-10-05 → 10月5日 (SMS). */
export function chineseDate(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
