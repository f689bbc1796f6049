import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PoliceType, type ApplicationSnapshot } from '@onewindow/contracts';
import { LocalDateScalar } from '@onewindow/platform';
import { TimeLimitUnit } from '../catalog/catalog.model.js';

export enum ApplicationStatusEnum {
  ACCEPTED = 'ACCEPTED',
  IN_REVIEW = 'IN_REVIEW',
  SUPPLEMENT_REQUESTED = 'SUPPLEMENT_REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  READY_FOR_PICKUP = 'READY_FOR_PICKUP',
  DELIVERED = 'DELIVERED',
  CLOSED = 'CLOSED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ApplicationStatusEnum, {
  name: 'ApplicationStatus',
  description: '申请状态：已受理 / 审核中 / 待补正 / 已批准 / 不予批准 / 待领取 / 已领取送达 / 已办结 / 已撤回',
});

export enum ApplicationActionEnum {
  START_REVIEW = 'START_REVIEW',
  REQUEST_SUPPLEMENT = 'REQUEST_SUPPLEMENT',
  SUPPLEMENT_RECEIVED = 'SUPPLEMENT_RECEIVED',
  SUPPLY_TOLERATED = 'SUPPLY_TOLERATED',
  REQUEST_EXTENSION = 'REQUEST_EXTENSION',
  APPROVE_EXTENSION = 'APPROVE_EXTENSION',
  REJECT_EXTENSION = 'REJECT_EXTENSION',
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  MARK_READY = 'MARK_READY',
  DELIVER = 'DELIVER',
  CLOSE = 'CLOSE',
  WITHDRAW = 'WITHDRAW',
}
registerEnumType(ApplicationActionEnum, { name: 'ApplicationAction', description: '办理动作' });

export enum DeliveryMethodEnum {
  WINDOW = 'WINDOW',
  POST = 'POST',
  HOME = 'HOME',
}
registerEnumType(DeliveryMethodEnum, { name: 'DeliveryMethod', description: '领取方式：窗口领取 / 邮政寄递 / 送证上门' });

export enum DeadlineStateEnum {
  ON_TIME = 'ON_TIME',
  DUE_SOON = 'DUE_SOON',
  OVERDUE = 'OVERDUE',
  PAUSED = 'PAUSED',
  DONE = 'DONE',
}
registerEnumType(DeadlineStateEnum, { name: 'DeadlineState', description: '时限状态：正常 / 临近到期 / 已超期 / 暂停计时 / 已办结' });

@ObjectType({ description: '申请人（按角色脱敏：后台民警和督察可见全部）' })
export class Applicant {
  @Field({ description: '姓名' }) name: string;
  @Field({ description: '身份证号码' }) idNumber: string;
  @Field({ nullable: true, description: '联系电话' }) phone?: string;
  @Field({ description: '是否已脱敏' }) masked: boolean;
}

@ObjectType({ description: '应收费用' })
export class ApplicationFee {
  @Field(() => Int, { description: '金额（分）' }) fen: number;
  @Field({ description: '金额，如 20.00元；0 为“不收费”' }) formatted: string;
  @Field({ nullable: true, description: '适用的减免情形编码' }) waiverCode?: string;
}

@ObjectType({ description: '容缺受理的材料' })
export class ApplicationToleratedMaterial {
  @Field() code: string;
  @Field({ description: '材料名称' }) name: string;
  @Field({ description: '书面承诺' }) commitment: string;
  @Field(() => LocalDateScalar, { description: '承诺补交期限' }) dueDate: string;
  @Field({ description: '是否已补交' }) supplied: boolean;
  @Field({ nullable: true, description: '补交时间' }) suppliedAt?: Date;
}

@ObjectType({ description: '申请适用的时限（受理时按事项目录记录）' })
export class ApplicationTimeLimit {
  @Field(() => Int, { description: '数值，0 为当场办结' }) value: number;
  @Field(() => TimeLimitUnit) unit: TimeLimitUnit;
  @Field({ description: '中文表述，如 15个工作日、60日（自然日）、当场办结' }) text: string;
}

@ObjectType({ description: '办理记录' })
export class ApplicationTimelineEntry {
  @Field() at: Date;
  @Field({ description: '经办人' }) actorName: string;
  @Field(() => [String], { description: '经办人角色' }) actorRoles: string[];
  @Field({ description: '动作，如 ACCEPT、APPROVE、FLAG_OVERDUE' }) action: string;
  @Field({ nullable: true }) fromStatus?: string;
  @Field() toStatus: string;
  @Field({ nullable: true, description: '理由或说明' }) reason?: string;
}

@ObjectType({ description: '申请人另一件未办结的同类申请（受理时提示或拒绝重复受理时列出）' })
export class OpenApplicationSummary {
  @Field({ description: '申请编号' }) number: string;
  @Field() itemCode: string;
  @Field() itemName: string;
  @Field(() => ApplicationStatusEnum) status: ApplicationStatusEnum;
  @Field({ description: '受理单位' }) unitName: string;
  @Field({ description: '受理时间' }) acceptedAt: Date;
  @Field(() => LocalDateScalar, { description: '办结期限' }) deadline: string;
}

@ObjectType({ description: '申请（任一警种），含完整办理记录' })
export class Application {
  @Field({ description: '申请编号' }) number: string;
  @Field(() => PoliceType) policeType: PoliceType;
  @Field({ description: '承办服务' }) service: string;
  @Field() itemCode: string;
  @Field() itemName: string;
  @Field(() => Applicant) applicant: Applicant;
  @Field(() => ApplicationStatusEnum) status: ApplicationStatusEnum;
  @Field({ description: '受理单位代码' }) unitCode: string;
  @Field({ description: '受理单位' }) unitName: string;
  @Field({ description: '首问责任人' }) firstInquiryOwnerName: string;
  @Field({ description: '受理时间' }) acceptedAt: Date;
  @Field(() => LocalDateScalar, { description: '办结期限' }) deadline: string;
  @Field({ description: '期限是否为暂定（跨入尚未公布放假安排的年份）' }) deadlineProvisional: boolean;
  @Field(() => DeadlineStateEnum, { description: '时限状态（按今日计算）' }) deadlineState: DeadlineStateEnum;
  @Field({ nullable: true, description: '暂停计时起点（补正期间）' }) clockStoppedSince?: Date;
  @Field(() => ApplicationTimeLimit, { nullable: true, description: '承诺时限（办结期限 deadline 据此计算）' }) promisedTimeLimit?: ApplicationTimeLimit;
  @Field(() => ApplicationTimeLimit, { nullable: true, description: '法定时限' }) statutoryTimeLimit?: ApplicationTimeLimit;
  @Field(() => LocalDateScalar, { nullable: true, description: '法定期限（按法定时限计算，随补正、延期顺延）' }) statutoryDeadline?: string;
  @Field({ description: '法定期限是否为暂定（跨入尚未公布放假安排的年份）' }) statutoryDeadlineProvisional: boolean;
  @Field(() => ApplicationStatusEnum, { description: '到哪一环节停止计时（限时办结）：审批通过，或证件制作完成待领取' }) clockStopsAt: ApplicationStatusEnum;
  @Field(() => Int, { description: '已批准延期的工作日合计' }) extendedWorkingDays: number;
  @Field(() => Int, { description: '可延期的工作日上限（行政许可法第四十二条为 10，事项另有规定的从其规定）' }) maxExtensionWorkingDays: number;
  @Field(() => ApplicationFee) fee: ApplicationFee;
  @Field(() => [ApplicationToleratedMaterial]) toleratedMaterials: ApplicationToleratedMaterial[];
  @Field({ nullable: true, description: '不予批准理由' }) rejectionReason?: string;
  @Field(() => DeliveryMethodEnum, { nullable: true }) deliveryMethod?: DeliveryMethodEnum;
  @Field({ nullable: true, description: '办理结果（证照）名称' }) resultName?: string;
  @Field({ nullable: true, description: '由哪张一次性告知单补齐后受理' }) fromNoticeNumber?: string;
  @Field(() => Int, { description: '版本号（乐观并发）' }) version: number;
  @Field() updatedAt: Date;
  @Field(() => [ApplicationTimelineEntry]) timeline: ApplicationTimelineEntry[];
  @Field(() => [OpenApplicationSummary], {
    nullable: true,
    description: '仅在受理答复中：该申请人同一事项其他未办结的申请（事项目录规定“重复申请提示”时），其他查询为空',
  })
  openApplicationsAtAcceptance?: OpenApplicationSummary[];

  /** The snapshot behind this view (for the receipt); not a GraphQL field. */
  snapshot: ApplicationSnapshot;
}

@ObjectType({ description: '待办列表中的一行（申请人信息脱敏）' })
export class InboxApplication {
  @Field() number: string;
  @Field(() => PoliceType) policeType: PoliceType;
  @Field() itemCode: string;
  @Field() itemName: string;
  @Field({ description: '申请人姓名（脱敏）' }) applicantName: string;
  @Field({ description: '身份证号码（脱敏）' }) applicantIdNumber: string;
  @Field(() => ApplicationStatusEnum) status: ApplicationStatusEnum;
  @Field() unitCode: string;
  @Field(() => LocalDateScalar) deadline: string;
  @Field(() => DeadlineStateEnum) deadlineState: DeadlineStateEnum;
  @Field(() => Int) version: number;
  @Field() updatedAt: Date;
}

@ObjectType({ description: '统一待办（本辖区）：超期在前，临近到期其次，再按期限先后' })
export class InboxPage {
  @Field(() => Int) total: number;
  @Field(() => Int) limit: number;
  @Field(() => Int) offset: number;
  @Field(() => [InboxApplication]) items: InboxApplication[];
}
