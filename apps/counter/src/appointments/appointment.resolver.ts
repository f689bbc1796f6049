import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { POLICE_UNITS, policeUnitName, Role, type Identity } from '@onewindow/contracts';
import { ClientIp, CurrentIdentity, DomainException, maskerFor, Public, Roles } from '@onewindow/platform';
import type { AppointmentClosureEntity, AppointmentEntity } from './appointment.entities.js';
import {
  AddAppointmentClosureInput, Appointment, AppointmentChannelEnum, AppointmentCheckIn, AppointmentClosure, AppointmentClosuresArgs, AppointmentDay, AppointmentDayListArgs,
  AppointmentDaysArgs, AppointmentDetailArgs, AppointmentIdArgs, AppointmentReceipt, AppointmentSlotsArgs, AppointmentSlotView, AppointmentStateEnum, BookableItemView,
  BookingCodeSent, BookingStation, BookOnlineInput, RequestBookingCodeInput, BookSlotInput, CheckInAppointmentInput, CitizenBookingChangeInput, RescheduleAppointmentInput,
} from './appointment.model.js';
import { AppointmentService, STATE_LABEL, type DayView } from './appointment.service.js';
import { processingMinutes } from './slots.js';

const listMasker = maskerFor(false, { list: true });

function toAppointment(a: AppointmentEntity, full = false): Appointment {
  const mask = full ? maskerFor(true) : listMasker;
  return {
    id: a.id, number: a.number, unitCode: a.unitCode, unitName: policeUnitName(a.unitCode), itemCode: a.itemCode, itemName: a.itemName, date: a.date,
    slotStart: a.slotStart, slotEnd: a.slotEnd, citizenName: mask.name(a.citizenName)!, phone: mask.phone(a.phone)!, channel: a.channel as AppointmentChannelEnum,
    state: a.state as AppointmentStateEnum, stateLabel: STATE_LABEL[a.state], ticketNumber: a.ticketNumber ?? undefined, onTime: a.onTime ?? undefined,
    bookedBy: a.bookedBy, updatedAt: a.updatedAt,
  };
}

function toReceipt(a: AppointmentEntity): AppointmentReceipt {
  return {
    number: a.number, unitName: policeUnitName(a.unitCode), itemName: a.itemName, date: a.date, slotStart: a.slotStart, slotEnd: a.slotEnd,
    state: a.state as AppointmentStateEnum, stateLabel: STATE_LABEL[a.state], phone: listMasker.phone(a.phone)!,
  };
}

function toClosure(c: AppointmentClosureEntity): AppointmentClosure {
  return { ...c, unitName: policeUnitName(c.unitCode) };
}

const DAY_LABEL = { WORKDAY: '工作日', SATURDAY: '周六延时', HOLIDAY_LAST_DAYS: '节假日延时', HOLIDAY: '法定节假日', WEEKEND: '休息日' } as const;

function toDay(d: DayView): AppointmentDay {
  const o = d.opening;
  if (d.closedBy) return { date: d.date, open: false, extended: false, label: '临时闭厅', closedBy: d.closedBy, holidayName: o.holidayName };
  return o.open
    ? { date: d.date, open: true, extended: o.extended, label: DAY_LABEL[o.kind], holidayName: o.holidayName }
    : { date: d.date, open: false, extended: false, label: DAY_LABEL[o.reason], holidayName: o.holidayName };
}

/**
 * 预约. Public (no login): the schedule, the SMS code, booking, cancel and reschedule with the
 * booking number + phone + code — guarded by codes and rate limits, answering only with receipts
 * (masked phone). Clerks: hotline booking, the day's list (masked), audited details, check-in.
 * Supervisors: closures.
 */
@Resolver()
export class AppointmentResolver {
  constructor(private readonly service: AppointmentService) {}

  @Public()
  @Query(() => [BookableItemView], { description: '可预约事项（公开）' })
  bookableItems(): BookableItemView[] {
    const s = this.service.schedule;
    return s.items.map((i) => ({ itemCode: i.itemCode, itemName: i.itemName, serviceGroup: i.serviceGroup, minutes: processingMinutes(s, i), windows: i.windows }));
  }

  @Public()
  @Query(() => [BookingStation], { description: '可预约的办证大厅（派出所，公开）' })
  bookingStations(): BookingStation[] {
    return POLICE_UNITS.filter((u) => u.code.length === 9).map((u) => ({ unitCode: u.code, name: u.shortName ?? u.name }));
  }

  @Public()
  @Query(() => [AppointmentDay], { description: '今后几天能否预约（工作日、延时服务日、节假日、临时闭厅；公开）' })
  async appointmentDays(@Args() args: AppointmentDaysArgs): Promise<AppointmentDay[]> {
    return (await this.service.days(args.unitCode, args.itemCode, args.days)).map(toDay);
  }

  @Public()
  @Query(() => [AppointmentSlotView], { description: '某天的预约时段及剩余名额（公开）' })
  async appointmentSlots(@Args() args: AppointmentSlotsArgs): Promise<AppointmentSlotView[]> {
    return this.service.slots(args.unitCode, args.itemCode, args.date);
  }

  @Public()
  @Mutation(() => BookingCodeSent, { description: '网上预约：向手机号发送 6 位验证码（公开，限频）' })
  async requestBookingCode(@Args('input') input: RequestBookingCodeInput, @ClientIp() ip?: string): Promise<BookingCodeSent> {
    return { expiresInSeconds: await this.service.requestCode(input.phone, ip) };
  }

  @Public()
  @Mutation(() => AppointmentReceipt, { description: '网上预约：凭验证码预约一个时段（公开，限频），返回预约号' })
  async bookAppointmentOnline(@Args('input') input: BookOnlineInput, @ClientIp() ip?: string): Promise<AppointmentReceipt> {
    return toReceipt(await this.service.bookOnline(input, ip));
  }

  @Public()
  @Mutation(() => AppointmentReceipt, { description: '网上预约：凭预约号、手机号和验证码取消（公开）' })
  async cancelAppointmentOnline(@Args('input') input: CitizenBookingChangeInput): Promise<AppointmentReceipt> {
    return toReceipt(await this.service.cancelByCitizen(input));
  }

  @Public()
  @Mutation(() => AppointmentReceipt, { description: '网上预约：凭预约号、手机号和验证码改约（含闭厅取消后的重新预约；公开）' })
  async rescheduleAppointmentOnline(@Args('input') input: CitizenBookingChangeInput): Promise<AppointmentReceipt> {
    if (!input.date || !input.start) throw DomainException.validation('请选择新的预约日期和时段');
    return toReceipt(await this.service.rescheduleByCitizen(input, { date: input.date, start: input.start }));
  }

  @Roles(Role.CLERK)
  @Mutation(() => Appointment, { description: '96166 热线预约：窗口民警为来电群众预约' })
  async bookAppointmentByHotline(@Args('input') input: BookSlotInput, @CurrentIdentity() actor: Identity): Promise<Appointment> {
    return toAppointment(await this.service.bookByHotline(actor, input));
  }

  @Roles(Role.CLERK, Role.SUPERVISOR)
  @Query(() => [Appointment], { description: '某天的预约（姓名、手机号脱敏）' })
  async appointmentsOfDay(@Args() args: AppointmentDayListArgs, @CurrentIdentity() actor: Identity): Promise<Appointment[]> {
    const rows = await this.service.dayList(actor, args.unitCode ?? actor.unitCode, args.date ?? this.service.now().date, args.itemCode);
    return rows.map((a) => toAppointment(a));
  }

  @Roles(Role.CLERK, Role.SUPERVISOR)
  @Query(() => Appointment, { description: '一条预约的完整信息（须填写查询事由，留痕审计）' })
  async appointmentDetails(@Args() args: AppointmentDetailArgs, @CurrentIdentity() actor: Identity): Promise<Appointment> {
    return toAppointment(await this.service.details(actor, args.id, args.purpose), true);
  }

  @Roles(Role.CLERK)
  @Mutation(() => Appointment, { description: '取消预约（窗口 / 热线）' })
  async cancelAppointment(@Args() args: AppointmentIdArgs, @CurrentIdentity() actor: Identity): Promise<Appointment> {
    return toAppointment(await this.service.cancelByClerk(actor, args.id));
  }

  @Roles(Role.CLERK)
  @Mutation(() => Appointment, { description: '改约（窗口 / 热线；新时段约上后才释放原时段）' })
  async rescheduleAppointment(@Args('input') input: RescheduleAppointmentInput, @CurrentIdentity() actor: Identity): Promise<Appointment> {
    return toAppointment(await this.service.rescheduleByClerk(actor, input.id, { date: input.date, start: input.start }));
  }

  @Roles(Role.CLERK)
  @Mutation(() => AppointmentCheckIn, { description: '预约签到：时段内签到取优先号，迟到取普通号' })
  async checkInAppointment(@Args('input') input: CheckInAppointmentInput, @CurrentIdentity() actor: Identity): Promise<AppointmentCheckIn> {
    const r = await this.service.checkIn(actor, input.number);
    return { appointment: toAppointment(r.appointment), ticketNumber: r.ticket.number, priority: r.ticket.priority, ahead: r.ticket.ahead };
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => AppointmentClosure, { description: '临时闭厅 / 增加休息日：取消受影响的预约并短信通知改约' })
  async addAppointmentClosure(@Args('input') input: AddAppointmentClosureInput, @CurrentIdentity() actor: Identity): Promise<AppointmentClosure> {
    return toClosure(await this.service.addClosure(actor, input));
  }

  @Roles(Role.CLERK, Role.SUPERVISOR)
  @Query(() => [AppointmentClosure], { description: '辖区内的临时闭厅' })
  async appointmentClosures(@Args() args: AppointmentClosuresArgs, @CurrentIdentity() actor: Identity): Promise<AppointmentClosure[]> {
    return (await this.service.closures(actor, args.unitCode)).map(toClosure);
  }
}


