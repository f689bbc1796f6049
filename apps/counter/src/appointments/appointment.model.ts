import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FieldLabel, LocalDateScalar, PurposeArgs } from '@onewindow/platform';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

export enum AppointmentStateEnum {
  BOOKED = 'BOOKED',
  CANCELLED = 'CANCELLED',
  CLOSED = 'CLOSED',
  CHECKED_IN = 'CHECKED_IN',
  NO_SHOW = 'NO_SHOW',
}
registerEnumType(AppointmentStateEnum, { name: 'AppointmentState', description: '预约状态：已预约 / 已取消 / 因闭厅取消 / 已签到 / 未到' });

export enum AppointmentChannelEnum {
  ONLINE = 'ONLINE',
  HOTLINE = 'HOTLINE',
}
registerEnumType(AppointmentChannelEnum, { name: 'AppointmentChannel', description: '预约渠道：网上 / 96166 热线' });

const MOBILE = /^1[3-9]\d{9}$/;
const BOOKING_NUMBER = /^[Yy]{2}\d{10}$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

@ObjectType({ description: '可预约事项' })
export class BookableItemView {
  @Field() itemCode: string;
  @Field() itemName: string;
  @Field({ description: '业务分组（户政 / 出入境…）' }) serviceGroup: string;
  @Field(() => Int, { description: '每笔办理时长（分钟）' }) minutes: number;
  @Field(() => Int, { description: '工作日受理窗口数（每个时段的名额）' }) windows: number;
}

@ObjectType({ description: '可预约的办证大厅' })
export class BookingStation {
  @Field() unitCode: string;
  @Field() name: string;
}

@ObjectType({ description: '一天是否可预约' })
export class AppointmentDay {
  @Field(() => LocalDateScalar) date: string;
  @Field() open: boolean;
  @Field({ description: '延时服务日（周六、节假日最后几天）' }) extended: boolean;
  @Field({ description: '工作日 / 周六延时 / 节假日延时 / 节假日 / 休息日 / 临时闭厅' }) label: string;
  @Field({ nullable: true }) holidayName?: string;
  @Field({ nullable: true, description: '临时闭厅的原因' }) closedBy?: string;
}

@ObjectType({ description: '一个预约时段' })
export class AppointmentSlotView {
  @Field() start: string;
  @Field() end: string;
  @Field(() => Int) capacity: number;
  @Field(() => Int) booked: number;
  @Field(() => Int) remaining: number;
  @Field({ description: '延时服务时段（午间、周六、节假日）' }) extended: boolean;
  @Field({ description: '已开始或已过去' }) past: boolean;
}

@ObjectType({ description: '预约（列表中姓名、手机号脱敏）' })
export class Appointment {
  @Field(() => ID) id: string;
  @Field({ description: '预约号' }) number: string;
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field() itemCode: string;
  @Field() itemName: string;
  @Field(() => LocalDateScalar) date: string;
  @Field() slotStart: string;
  @Field() slotEnd: string;
  @Field() citizenName: string;
  @Field() phone: string;
  @Field(() => AppointmentChannelEnum) channel: AppointmentChannelEnum;
  @Field(() => AppointmentStateEnum) state: AppointmentStateEnum;
  @Field() stateLabel: string;
  @Field({ nullable: true, description: '签到取得的排队号' }) ticketNumber?: string;
  @Field({ nullable: true, description: '按时签到（优先号）' }) onTime?: boolean;
  @Field({ description: '预约人（网上预约 / 热线接听民警）' }) bookedBy: string;
  @Field() updatedAt: Date;
}

@ObjectType({ description: '预约回执（公开页面：只含预约号和时段，姓名、手机号脱敏）' })
export class AppointmentReceipt {
  @Field() number: string;
  @Field() unitName: string;
  @Field() itemName: string;
  @Field(() => LocalDateScalar) date: string;
  @Field() slotStart: string;
  @Field() slotEnd: string;
  @Field(() => AppointmentStateEnum) state: AppointmentStateEnum;
  @Field() stateLabel: string;
  @Field() phone: string;
}

@ObjectType({ description: '签到结果' })
export class AppointmentCheckIn {
  @Field(() => Appointment) appointment: Appointment;
  @Field({ description: '排队号' }) ticketNumber: string;
  @Field({ description: '优先号（预约时段内签到）' }) priority: boolean;
  @Field(() => Int, { description: '前面等候人数' }) ahead: number;
}

@ObjectType({ description: '临时闭厅 / 增加的休息日' })
export class AppointmentClosure {
  @Field(() => ID) id: string;
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field(() => LocalDateScalar) dateFrom: string;
  @Field(() => LocalDateScalar) dateTo: string;
  @Field(() => [String], { description: '涉及事项（空：整个大厅）' }) itemCodes: string[];
  @Field() reason: string;
  @Field(() => Int, { description: '取消并短信通知的预约数' }) cancelledCount: number;
  @Field() createdBy: string;
  @Field() createdAt: Date;
}

@ObjectType({ description: '验证码已发送' })
export class BookingCodeSent {
  @Field(() => Int, { description: '验证码有效期（秒）' }) expiresInSeconds: number;
}

// ---- inputs ----

@ArgsType()
export class AppointmentDaysArgs {
  @Field() @IsString() @Matches(/^\d{9}$/, { message: '请选择办证大厅' }) unitCode: string;
  @Field() @IsString() @Length(2, 64) itemCode: string;
  @Field(() => Int, { defaultValue: 14 }) @FieldLabel('天数') @IsInt() @Min(1) @Max(31) days: number;
}

@ArgsType()
export class AppointmentSlotsArgs {
  @Field() @IsString() @Matches(/^\d{9}$/, { message: '请选择办证大厅' }) unitCode: string;
  @Field() @IsString() @Length(2, 64) itemCode: string;
  @Field(() => LocalDateScalar) @FieldLabel('预约日期') @IsString() date: string;
}

@ArgsType()
export class AppointmentDayListArgs {
  @Field({ nullable: true, description: '默认本人所在单位' }) @IsOptional() @IsString() @Matches(/^\d{9}$/) unitCode?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: '默认今天' }) @FieldLabel('预约日期') @IsOptional() @IsString() date?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(2, 64) itemCode?: string;
}

@ArgsType()
export class AppointmentDetailArgs extends PurposeArgs {
  @Field(() => ID) @IsUUID() id: string;
}

@ArgsType()
export class AppointmentIdArgs {
  @Field(() => ID) @IsUUID() id: string;
}

@ArgsType()
export class AppointmentClosuresArgs {
  @Field({ nullable: true }) @IsOptional() @IsString() @Matches(/^\d{6,9}$/) unitCode?: string;
}

@InputType({ description: '获取网上预约验证码' })
export class RequestBookingCodeInput {
  @Field() @IsString() @Matches(MOBILE, { message: '请填写 11 位手机号码' }) phone: string;
}

@InputType({ description: '预约时段' })
export class BookSlotInput {
  @Field() @IsString() @Matches(/^\d{9}$/, { message: '请选择办证大厅' }) unitCode: string;
  @Field() @IsString() @Length(2, 64) itemCode: string;
  @Field(() => LocalDateScalar) @FieldLabel('预约日期') @IsString() date: string;
  @Field() @FieldLabel('时段') @IsString() @Matches(HHMM, { message: '时段格式为 HH:MM' }) start: string;
  @Field({ description: '预约人姓名' }) @FieldLabel('姓名') @IsString() @Length(1, 40) citizenName: string;
  @Field() @IsString() @Matches(MOBILE, { message: '请填写 11 位手机号码' }) phone: string;
}

@InputType({ description: '网上预约（凭短信验证码）' })
export class BookOnlineInput extends BookSlotInput {
  @Field() @IsString() @Matches(/^\d{6}$/, { message: '验证码为 6 位数字' }) verificationCode: string;
}

@InputType({ description: '凭预约号、手机号和验证码取消或改约' })
export class CitizenBookingChangeInput {
  @Field() @IsString() @Matches(BOOKING_NUMBER, { message: '预约号为 YY 加 10 位数字' }) number: string;
  @Field() @IsString() @Matches(MOBILE, { message: '请填写 11 位手机号码' }) phone: string;
  @Field() @IsString() @Matches(/^\d{6}$/, { message: '验证码为 6 位数字' }) verificationCode: string;
  @Field(() => LocalDateScalar, { nullable: true, description: '改约：新日期（取消时不填）' }) @FieldLabel('预约日期') @IsOptional() @IsString() date?: string;
  @Field({ nullable: true, description: '改约：新时段' }) @FieldLabel('时段') @IsOptional() @IsString() @Matches(HHMM, { message: '时段格式为 HH:MM' }) start?: string;
}

@InputType({ description: '改约（窗口 / 热线）' })
export class RescheduleAppointmentInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => LocalDateScalar) @FieldLabel('预约日期') @IsString() date: string;
  @Field() @FieldLabel('时段') @IsString() @Matches(HHMM, { message: '时段格式为 HH:MM' }) start: string;
}

@InputType({ description: '签到' })
export class CheckInAppointmentInput {
  @Field({ description: '预约号' }) @IsString() @Matches(BOOKING_NUMBER, { message: '预约号为 YY 加 10 位数字' }) number: string;
}

@InputType({ description: '临时闭厅 / 增加休息日（督察、所领导）' })
export class AddAppointmentClosureInput {
  @Field() @IsString() @Matches(/^\d{9}$/, { message: '请选择办证大厅' }) unitCode: string;
  @Field(() => LocalDateScalar) @FieldLabel('开始日期') @IsString() dateFrom: string;
  @Field(() => LocalDateScalar) @FieldLabel('结束日期') @IsString() dateTo: string;
  @Field(() => [String], { defaultValue: [], description: '涉及事项（空：整个大厅）' }) @FieldLabel('涉及事项') @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) itemCodes: string[];
  @Field() @IsString() @Length(2, 60) reason: string;
}
