import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar, PageArgs } from '@onewindow/platform';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';

export enum RebalanceStatusEnum {
  OPEN = 'OPEN',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(RebalanceStatusEnum, { name: 'QueueRebalanceStatus', description: '调配建议状态：待决定 / 采纳 / 不采纳 / 失效（情况已结束）' });

@ObjectType({ description: '排队统计的一行（一个时段、分组或窗口）；时间单位为分钟' })
export class QueueFigureRow {
  @Field({ description: '小时（0–23）、分组代码或窗口号' }) key: string;
  @Field({ description: '显示名称，如 09:00、户政、3号窗口' }) label: string;
  @Field({ nullable: true, description: '所属派出所（分组、窗口）' }) unitCode?: string;
  @Field(() => Int, { description: '取号数' }) tickets: number;
  @Field(() => Int, { description: '已叫号' }) called: number;
  @Field(() => Int, { description: '办结' }) finished: number;
  @Field(() => Int, { description: '过号' }) noShows: number;
  @Field(() => Float, { nullable: true, description: '等候时间中位数（分钟）' }) waitP50?: number | null;
  @Field(() => Float, { nullable: true, description: '等候时间 90 分位（分钟）' }) waitP90?: number | null;
  @Field(() => Float, { nullable: true, description: '办理时长中位数（分钟）' }) serviceP50?: number | null;
  @Field(() => Float, { nullable: true, description: '办理时长 90 分位（分钟）' }) serviceP90?: number | null;
}

@ObjectType({ description: '排队统计：按时段、分组、窗口（人员配置的依据）' })
export class QueueFigures {
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field(() => LocalDateScalar) from: string;
  @Field(() => LocalDateScalar) to: string;
  @Field(() => QueueFigureRow) total: QueueFigureRow;
  @Field(() => [QueueFigureRow], { description: '按取号时段（小时）' }) byHour: QueueFigureRow[];
  @Field(() => [QueueFigureRow], { description: '按业务分组' }) byGroup: QueueFigureRow[];
  @Field(() => [QueueFigureRow], { description: '按窗口（最后叫号的窗口）' }) byWindow: QueueFigureRow[];
}

@ObjectType({ description: '建议调配的窗口' })
export class QueueRebalanceWindow {
  @Field(() => ID) windowId: string;
  @Field(() => Int) number: number;
  @Field(() => [String], { description: '原办理分组' }) fromGroups: string[];
  @Field(() => [String], { description: '调配后办理分组' }) toGroups: string[];
  @Field(() => Int, { description: '该窗口原分组的等候人数' }) ownWaiting: number;
  @Field({ description: '空闲（无人办理、原分组无人等候）' }) idle: boolean;
}

@ObjectType({ description: '忙闲调配建议（一次情况只提一次）' })
export class QueueRebalanceProposal {
  @Field(() => ID) id: string;
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field() groupCode: string;
  @Field() groupName: string;
  @Field(() => RebalanceStatusEnum) status: RebalanceStatusEnum;
  @Field(() => Int, { description: '提出时等候人数' }) waiting: number;
  @Field(() => Int, { description: '提出时最长等候分钟' }) oldestWaitMinutes: number;
  @Field(() => Int, { description: '提出时已办理该分组的窗口数' }) servingWindows: number;
  @Field(() => [QueueRebalanceWindow]) windows: QueueRebalanceWindow[];
  @Field({ description: '提出理由' }) reason: string;
  @Field({ description: 'JOB 定时检查 / ON_DEMAND 督察立即检查' }) trigger: string;
  @Field() proposedAt: Date;
  @Field({ nullable: true }) decidedAt?: Date;
  @Field({ nullable: true, description: '决定人' }) decidedByName?: string;
  @Field({ nullable: true, description: '不采纳理由或采纳备注' }) decisionReason?: string;
  @Field(() => [ID], { description: '采纳后实际调配的窗口' }) appliedWindowIds: string[];
  @Field({ nullable: true, description: '情况结束时间' }) situationEndedAt?: Date;
}

@ObjectType({ description: '调配建议列表（待决定在前）' })
export class QueueRebalanceProposalPage {
  @Field(() => Int) total: number;
  @Field(() => [QueueRebalanceProposal]) items: QueueRebalanceProposal[];
}

@ObjectType({ description: '派出所大厅的调配阈值' })
export class QueueBalancingThresholds {
  @Field() unitCode: string;
  @Field(() => Int, { description: '等候人数达到此数即提出建议' }) minWaiting: number;
  @Field(() => Int, { description: '或最长等候分钟达到此数' }) maxWaitMinutes: number;
  @Field(() => Int, { description: '窗口原分组等候人数不超过此数视为队列较短' }) shortQueue: number;
  @Field(() => Int, { description: '每个窗口目标等候人数' }) targetPerWindow: number;
  @Field({ description: 'false：使用默认值' }) custom: boolean;
}

const UNIT = /^\d{4,12}$/;
const STATION = /^\d{9}$/;

@ArgsType()
export class QueueFiguresArgs {
  @Field({ nullable: true, description: '单位代码（须在辖区内；默认本人辖区）' }) @IsOptional() @Matches(UNIT) unitCode?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: '开始日期（默认同结束日期）' }) @IsOptional() from?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: '结束日期（默认今天）' }) @IsOptional() to?: string;
}

@ArgsType()
export class RebalanceProposalsArgs extends PageArgs {
  @Field({ nullable: true }) @IsOptional() @Matches(UNIT) unitCode?: string;
  @Field(() => RebalanceStatusEnum, { nullable: true }) @IsOptional() @IsEnum(RebalanceStatusEnum) status?: RebalanceStatusEnum;
}

@ArgsType()
export class StationArgs {
  @Field({ description: '派出所代码（9 位）' }) @Matches(STATION) unitCode: string;
}

@InputType()
export class DecideRebalanceInput {
  @Field(() => ID) @IsUUID() proposalId: string;
  @Field({ description: 'true 采纳 / false 不采纳' }) @IsBoolean() accept: boolean;
  @Field({ nullable: true, description: '不采纳理由（必填）或采纳备注' }) @IsOptional() @IsString() @MaxLength(200) reason?: string;
}

@InputType()
export class SetBalancingThresholdsInput {
  @Field() @Matches(STATION) unitCode: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(500) minWaiting: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(480) maxWaitMinutes: number;
  @Field(() => Int) @IsInt() @Min(0) @Max(50) shortQueue: number;
  @Field(() => Int) @IsInt() @Min(1) @Max(100) targetPerWindow: number;
}
