import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

export enum QueueWindowStateEnum {
  OPEN = 'OPEN',
  PAUSED = 'PAUSED',
  CLOSED = 'CLOSED',
}
registerEnumType(QueueWindowStateEnum, { name: 'QueueWindowState', description: '窗口状态：开放 / 暂停服务 / 关闭' });

export enum QueueTicketStateEnum {
  WAITING = 'WAITING',
  CALLED = 'CALLED',
  SERVING = 'SERVING',
  FINISHED = 'FINISHED',
  NO_SHOW = 'NO_SHOW',
}
registerEnumType(QueueTicketStateEnum, { name: 'QueueTicketState', description: '排队号状态：等候 / 已呼叫 / 办理中 / 办结 / 过号' });

export enum QueueTicketSourceEnum {
  KIOSK = 'KIOSK',
  CLERK = 'CLERK',
  APPOINTMENT = 'APPOINTMENT',
}
registerEnumType(QueueTicketSourceEnum, { name: 'QueueTicketSource', description: '取号方式：取号机 / 窗口代取 / 预约签到' });

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const blankToUndefined = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/[\s-]+/g, '') || undefined : value);

// ---- reads ----------------------------------------------------------------------------------

@ObjectType({ description: '业务分组（取号前缀）' })
export class QueueServiceGroup {
  @Field({ description: '分组编码' }) code: string;
  @Field({ description: '号码前缀字母' }) prefix: string;
  @Field({ description: '分组名称' }) name: string;
  @Field(() => [String], { description: '办理的警种' }) policeTypes: string[];
  @Field(() => [String], { description: '另行指定的事项编码' }) itemCodes: string[];
  @Field(() => Int, { description: '正在等候的人数' }) waiting: number;
  @Field(() => Int, { description: '其中绿色通道/预约' }) priorityWaiting: number;
  @Field(() => [String], { description: '接下来的号码（按叫号顺序）' }) nextNumbers: string[];
}

@ObjectType({ description: '绿色通道类别' })
export class QueuePriorityReason {
  @Field() code: string;
  @Field() label: string;
  @Field({ description: 'false：仅预约签到使用' }) selectable: boolean;
}

@ObjectType({ description: '本所叫号规则' })
export class QueueStationSetting {
  @Field(() => Int, { description: '每个窗口连续呼叫优先号的上限' }) priorityCap: number;
  @Field(() => Int, { description: '过号前须重呼的次数' }) maxRecalls: number;
  @Field(() => Int, { description: '前面还剩几人时发短信提醒' }) notifyAhead: number;
}

@ObjectType({ description: '排队号（手机号始终脱敏）' })
export class QueueTicket {
  @Field(() => ID) id: string;
  @Field({ description: '号码，如 A001' }) number: string;
  @Field() unitCode: string;
  @Field({ description: '营业日' }) businessDate: string;
  @Field({ description: '当前所在分组' }) groupCode: string;
  @Field() groupName: string;
  @Field({ description: '取号分组' }) originGroupCode: string;
  @Field(() => QueueTicketStateEnum) state: QueueTicketStateEnum;
  @Field() priority: boolean;
  @Field({ nullable: true }) priorityReason?: string;
  @Field({ nullable: true }) priorityLabel?: string;
  @Field(() => QueueTicketSourceEnum) source: QueueTicketSourceEnum;
  @Field({ nullable: true }) itemCode?: string;
  @Field({ nullable: true, description: '短信提醒手机号（脱敏）' }) notifyPhone?: string;
  @Field(() => Int, { nullable: true }) windowNumber?: number;
  @Field(() => Int, { nullable: true, description: '转至的窗口' }) targetWindowNumber?: number;
  @Field(() => Int) recallCount: number;
  @Field(() => Int) transferCount: number;
  @Field() takenAt: Date;
  @Field({ nullable: true }) firstCalledAt?: Date;
  @Field({ nullable: true }) calledAt?: Date;
  @Field({ nullable: true }) startedAt?: Date;
  @Field({ nullable: true }) finishedAt?: Date;
  @Field({ nullable: true }) noShowAt?: Date;
  @Field({ nullable: true }) transferredAt?: Date;
}

@ObjectType({ description: '窗口' })
export class QueueWindow {
  @Field(() => ID) id: string;
  @Field() unitCode: string;
  @Field(() => Int) number: number;
  @Field({ description: '全科窗口：办理所有分组' }) servesAll: boolean;
  @Field(() => [String]) groupCodes: string[];
  @Field(() => QueueWindowStateEnum) state: QueueWindowStateEnum;
  @Field({ nullable: true }) pauseReason?: string;
  @Field({ nullable: true, description: '签到的工作人员' }) clerkName?: string;
  @Field({ description: '是否本人签到的窗口' }) mine: boolean;
  @Field(() => QueueTicket, { nullable: true, description: '当前号' }) currentTicket?: QueueTicket;
  @Field(() => Int) consecutivePriority: number;
  @Field() stateChangedAt: Date;
}

@ObjectType({ description: '办事大厅的排队情况' })
export class QueueHall {
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field() businessDate: string;
  @Field(() => QueueStationSetting) setting: QueueStationSetting;
  @Field(() => [QueueServiceGroup]) groups: QueueServiceGroup[];
  @Field(() => [QueueWindow]) windows: QueueWindow[];
  @Field(() => [QueueTicket], { description: '正在等候的号（叫号顺序）' }) waiting: QueueTicket[];
  @Field(() => [QueuePriorityReason]) priorityReasons: QueuePriorityReason[];
}

@ObjectType({ description: '取号机信息（公开）' })
export class QueueKiosk {
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field() businessDate: string;
  @Field(() => [QueueServiceGroup]) groups: QueueServiceGroup[];
  @Field(() => [QueuePriorityReason]) priorityReasons: QueuePriorityReason[];
  @Field(() => Int) notifyAhead: number;
}

@ObjectType({ description: '取到的号' })
export class IssuedQueueTicket {
  @Field(() => ID) id: string;
  @Field() number: string;
  @Field() groupCode: string;
  @Field() groupName: string;
  @Field() unitName: string;
  @Field(() => Int, { description: '前面还有几人' }) ahead: number;
  @Field() priority: boolean;
  @Field({ nullable: true }) priorityLabel?: string;
  @Field({ description: '是否会发短信提醒' }) willNotify: boolean;
  @Field() takenAt: Date;
}

@ObjectType({ description: '叫号屏：一个窗口' })
export class HallDisplayWindow {
  @Field(() => Int) number: number;
  @Field(() => QueueWindowStateEnum) state: QueueWindowStateEnum;
  @Field({ nullable: true, description: '正在呼叫/办理的号' }) currentNumber?: string;
  @Field(() => [String], { description: '办理的分组名称' }) groupNames: string[];
}

@ObjectType({ description: '叫号屏：一次呼叫' })
export class HallDisplayCall {
  @Field(() => ID) ticketId: string;
  @Field() number: string;
  @Field(() => Int) windowNumber: number;
  @Field({ description: '最近一次呼叫（含重呼）的时间' }) calledAt: Date;
  @Field(() => Int) recallCount: number;
}

@ObjectType({ description: '大厅叫号屏（公开，无个人信息）' })
export class HallDisplay {
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field() businessDate: string;
  @Field(() => [HallDisplayCall], { description: '正在呼叫的号，最新在前' }) calls: HallDisplayCall[];
  @Field(() => [HallDisplayWindow]) windows: HallDisplayWindow[];
  @Field(() => [QueueServiceGroup], { description: '各分组接下来的号' }) groups: QueueServiceGroup[];
}

// ---- inputs -------------------------------------------------------------------------------

@ArgsType()
export class StationArgs {
  @Field({ description: '派出所单位代码' }) @Matches(/^\d{9}$/, { message: '单位代码应为 9 位数字' }) unitCode: string;
}

@ArgsType()
export class OptionalStationArgs {
  @Field({ nullable: true, description: '派出所单位代码（默认本单位）' }) @IsOptional() @Matches(/^\d{9}$/, { message: '单位代码应为 9 位数字' }) unitCode?: string;
}

@ArgsType()
export class WindowIdArgs {
  @Field(() => ID) @IsUUID() windowId: string;
}

@ArgsType()
export class TicketIdArgs {
  @Field(() => ID) @IsUUID() ticketId: string;
}

@InputType({ description: '取号' })
export class TakeQueueTicketInput {
  @Field({ description: '派出所单位代码' }) @Matches(/^\d{9}$/, { message: '单位代码应为 9 位数字' }) unitCode: string;
  @Field({ nullable: true, description: '业务分组（与事项二选一）' }) @IsOptional() @Transform(upper) @Matches(/^[A-Z][A-Z0-9_]{0,19}$/) groupCode?: string;
  @Field({ nullable: true, description: '事项编码（与分组二选一）' }) @IsOptional() @Transform(upper) @IsString() @Length(1, 64) itemCode?: string;
  @Field({ nullable: true, description: '绿色通道类别' }) @IsOptional() @Transform(upper) @Matches(/^[A-Z][A-Z0-9_]{0,19}$/) priorityReason?: string;
  @Field({ nullable: true, description: '短信提醒手机号' }) @IsOptional() @Transform(blankToUndefined) @Matches(/^1[3-9]\d{9}$/, { message: '手机号应为 11 位' }) notifyPhone?: string;
}

@InputType({ description: '新增窗口' })
export class CreateQueueWindowInput {
  @Field({ nullable: true, description: '派出所（默认本单位）' }) @IsOptional() @Matches(/^\d{9}$/, { message: '单位代码应为 9 位数字' }) unitCode?: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(999) number: number;
  @Field({ defaultValue: false }) @IsBoolean() servesAll: boolean = false;
  @Field(() => [String], { defaultValue: [] }) @IsArray() @ArrayMaxSize(26) @Matches(/^[A-Z][A-Z0-9_]{0,19}$/, { each: true }) groupCodes: string[] = [];
}

@InputType({ description: '窗口办理的分组' })
export class SetQueueWindowGroupsInput {
  @Field(() => ID) @IsUUID() windowId: string;
  @Field() @IsBoolean() servesAll: boolean;
  @Field(() => [String]) @IsArray() @ArrayMaxSize(26) @Matches(/^[A-Z][A-Z0-9_]{0,19}$/, { each: true }) groupCodes: string[];
}

@InputType({ description: '暂停服务' })
export class PauseQueueWindowInput {
  @Field(() => ID) @IsUUID() windowId: string;
  @Field({ description: '暂停原因' }) @Transform(trim) @IsString() @Length(0, 100) reason: string;
}

@InputType({ description: '转窗口或转分组（二选一）' })
export class TransferQueueTicketInput {
  @Field(() => Int, { nullable: true, description: '转至的窗口号' }) @IsOptional() @IsInt() @Min(1) @Max(999) windowNumber?: number;
  @Field({ nullable: true, description: '转至的分组' }) @IsOptional() @Transform(upper) @Matches(/^[A-Z][A-Z0-9_]{0,19}$/) groupCode?: string;
}

@InputType({ description: '本所叫号规则' })
export class SetQueueStationSettingInput {
  @Field({ nullable: true }) @IsOptional() @Matches(/^\d{9}$/, { message: '单位代码应为 9 位数字' }) unitCode?: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(20) priorityCap: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(10) maxRecalls: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(50) notifyAhead: number;
}


@ObjectType({ description: '本人签到的窗口（叫号条）' })
export class MyQueueWindow {
  @Field(() => QueueWindow) window: QueueWindow;
  @Field(() => Int, { description: '过号前须重呼的次数' }) maxRecalls: number;
  @Field(() => Int, { description: '本窗口可叫的等候人数' }) waiting: number;
}
