import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FieldLabel, PageArgs, PurposeArgs } from '@onewindow/platform';
import { IsBoolean, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';

export enum HomeVisitStatusEnum {
  REQUESTED = 'REQUESTED',
  ASSIGNED = 'ASSIGNED',
  SCHEDULED = 'SCHEDULED',
  DONE = 'DONE',
  NOT_POSSIBLE = 'NOT_POSSIBLE',
}
registerEnumType(HomeVisitStatusEnum, { name: 'HomeVisitStatus', description: '上门服务状态：待派单 / 已派单 / 已预约 / 已上门办理 / 无法上门' });

export enum HomeVisitReasonEnum {
  BEDRIDDEN = 'BEDRIDDEN',
  ELDERLY = 'ELDERLY',
  DISABLED = 'DISABLED',
  OTHER = 'OTHER',
}
registerEnumType(HomeVisitReasonEnum, { name: 'HomeVisitReason', description: '上门原因：长期卧床 / 行动不便老年人 / 残疾人 / 其他' });

export enum HomeVisitOutcomeEnum {
  DONE = 'DONE',
  NOT_POSSIBLE = 'NOT_POSSIBLE',
}
registerEnumType(HomeVisitOutcomeEnum, { name: 'HomeVisitOutcome', description: '上门结果：已上门受理 / 无法上门' });

@ObjectType({ description: '上门服务处理记录' })
export class HomeVisitHistory {
  @Field() at: string;
  @Field() actorName: string;
  @Field() action: string;
  @Field({ nullable: true }) note?: string;
}

@ObjectType({ description: '上门服务（列表中个人信息脱敏；完整信息经 homeVisit 查询并留痕）' })
export class HomeVisit {
  @Field(() => ID) id: string;
  @Field({ description: '上门服务编号 SM-yyyymmdd-nnnn' }) number: string;
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field({ description: '单位类型：URBAN 城区 / RURAL 农村地区' }) unitType: string;
  @Field() policeType: string;
  @Field() itemCode: string;
  @Field() itemName: string;
  @Field() citizenName: string;
  @Field() citizenIdNumber: string;
  @Field() phone: string;
  @Field() address: string;
  @Field({ description: '个人信息是否已脱敏' }) masked: boolean;
  @Field(() => HomeVisitReasonEnum) reason: HomeVisitReasonEnum;
  @Field({ nullable: true }) reasonNote?: string;
  @Field() requestedOn: string;
  @Field() requestedByName: string;
  @Field(() => Int, { description: '办结期限（工作日）' }) dueDays: number;
  @Field({ description: '办结期限（日期）' }) deadline: string;
  @Field({ description: '期限依据的节假日安排尚未公布（暂定）' }) deadlineProvisional: boolean;
  @Field(() => HomeVisitStatusEnum) status: HomeVisitStatusEnum;
  @Field({ nullable: true }) officerAccount?: string;
  @Field({ nullable: true }) officerName?: string;
  @Field({ nullable: true }) scheduledAt?: Date;
  @Field({ nullable: true, description: '上门受理的申请编号' }) applicationNumber?: string;
  @Field({ nullable: true, description: '无法上门的原因或办理说明' }) outcomeNote?: string;
  @Field({ nullable: true }) closedOn?: string;
  @Field() overdue: boolean;
  @Field(() => [HomeVisitHistory]) history: HomeVisitHistory[];
}

@ObjectType({ description: '上门服务列表（超期在前，再按期限）' })
export class HomeVisitPage {
  @Field(() => Int) total: number;
  @Field(() => Int, { description: '辖区内（按筛选）已超期的件数' }) overdue: number;
  @Field(() => [HomeVisit]) items: HomeVisit[];
}

@ObjectType({ description: '社区民警名录中的一名民警' })
export class CommunityOfficer {
  @Field() account: string;
  @Field() name: string;
  @Field() unitCode: string;
  @Field() area: string;
  @Field(() => Int, { description: '手上未办结的上门服务件数' }) openVisits: number;
}

@InputType({ description: '登记上门服务申请（本所窗口）' })
export class RequestHomeVisitInput {
  @Field({ description: '事项编码' }) @IsString() @Length(2, 64) itemCode: string;
  @Field({ description: '群众姓名' }) @IsString() @Length(1, 40) citizenName: string;
  @Field({ description: '群众身份证号码' }) @Matches(/^[0-9]{17}[0-9Xx]$/) citizenIdNumber: string;
  @Field({ description: '联系电话（手机）' }) @Matches(/^1[3-9]\d{9}$/) phone: string;
  @Field({ description: '上门地址' }) @IsString() @Length(4, 200) address: string;
  @Field(() => HomeVisitReasonEnum) @IsEnum(HomeVisitReasonEnum) reason: HomeVisitReasonEnum;
  @Field({ nullable: true, description: '情况说明（"其他"须填写）' }) @IsOptional() @IsString() @MaxLength(500) reasonNote?: string;
}

@InputType({ description: '派单（或改派）给本所社区民警' })
export class AssignHomeVisitInput {
  @Field(() => ID) @FieldLabel('上门服务') @IsUUID() visitId: string;
  @Field({ description: '社区民警账号' }) @IsString() @Length(2, 64) officerAccount: string;
}

@InputType({ description: '社区民警预约上门时间' })
export class ScheduleHomeVisitInput {
  @Field(() => ID) @FieldLabel('上门服务') @IsUUID() visitId: string;
  @Field({ description: '上门时间（ISO 8601，含时区）' }) @IsISO8601({ strict: true }) scheduledAt: string;
}

@InputType({ description: '登记上门结果' })
export class RecordHomeVisitOutcomeInput {
  @Field(() => ID) @FieldLabel('上门服务') @IsUUID() visitId: string;
  @Field(() => HomeVisitOutcomeEnum) @IsEnum(HomeVisitOutcomeEnum) outcome: HomeVisitOutcomeEnum;
  @Field({ nullable: true, description: '上门受理的申请编号（已上门受理时必填）' }) @IsOptional() @IsString() @Length(4, 60) applicationNumber?: string;
  @Field({ nullable: true, description: '说明（无法上门时必填原因）' }) @IsOptional() @IsString() @MaxLength(500) outcomeNote?: string;
}

@ArgsType()
export class HomeVisitsArgs extends PageArgs {
  @Field({ nullable: true, description: '单位代码（须在辖区内）' }) @IsOptional() @Matches(/^\d{4,12}$/) unitCode?: string;
  @Field(() => HomeVisitStatusEnum, { nullable: true }) @IsOptional() @IsEnum(HomeVisitStatusEnum) status?: HomeVisitStatusEnum;
  @Field({ defaultValue: false, description: '只看已超期' }) @IsBoolean() overdueOnly: boolean = false;
  @Field({ defaultValue: false, description: '只看派给我的（社区民警的日程）' }) @IsBoolean() mine: boolean = false;
}

@ArgsType()
export class HomeVisitArgs extends PurposeArgs {
  @Field(() => ID) @IsUUID() id: string;
}
