import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  COMPLAINT_ACTIONS, COMPLAINT_CHANNELS, COMPLAINT_DEADLINE_STATES, COMPLAINT_FINDINGS, COMPLAINT_KINDS, COMPLAINT_STATUSES, PoliceType, withinJurisdiction,
  type ComplaintAction, type ComplaintChannel, type ComplaintDeadlineState, type ComplaintFinding, type ComplaintKind, type ComplaintStatus, type Identity,
} from '@onewindow/contracts';
import { recordMasker } from '@onewindow/platform';
import type { ComplaintEntity, ComplaintEventEntity } from './complaint.entity.js';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ComplaintChannelEnum = asEnum(COMPLAINT_CHANNELS);
registerEnumType(ComplaintChannelEnum, {
  name: 'ComplaintChannel',
  description: '信访渠道：窗口 / 网上 / 96166 热线 / 960111 热线 / 12345 工单 / 来信 / 来访',
});
export const ComplaintKindEnum = asEnum(COMPLAINT_KINDS);
registerEnumType(ComplaintKindEnum, { name: 'ComplaintKind', description: '投诉类别：态度 / 拖延 / 业务不熟 / 违纪 / 咨询 / 建议 / 表扬' });
export const ComplaintStatusEnum = asEnum(COMPLAINT_STATUSES);
registerEnumType(ComplaintStatusEnum, { name: 'ComplaintStatus', description: '信访状态：已登记 / 已受理 / 不予受理 / 已答复 / 复查中 / 已办结' });
export const ComplaintDeadlineStateEnum = asEnum(COMPLAINT_DEADLINE_STATES);
registerEnumType(ComplaintDeadlineStateEnum, { name: 'ComplaintDeadlineState', description: '期限状态：正常 / 临期（3 日内）/ 超期 / 已完成' });
export const ComplaintActionEnum = asEnum(COMPLAINT_ACTIONS);
registerEnumType(ComplaintActionEnum, { name: 'ComplaintAction', description: '信访办理记录的操作' });

export const ComplaintFindingEnum = asEnum(COMPLAINT_FINDINGS);
registerEnumType(ComplaintFindingEnum, { name: 'ComplaintFinding', description: '核查结论：属实 / 部分属实 / 不属实 / 不涉及（咨询、建议、表扬）' });

/** How the answer reached the complainant. */
export const ANSWER_CHANNELS = ['WRITTEN', 'PHONE', 'SMS', 'IN_PERSON', 'ONLINE'] as const;
export const ComplaintAnswerChannelEnum = asEnum(ANSWER_CHANNELS);
registerEnumType(ComplaintAnswerChannelEnum, { name: 'ComplaintAnswerChannel', description: '答复方式：书面 / 电话 / 短信 / 当面 / 网上' });

@ObjectType({ description: '信访办理记录' })
export class ComplaintTimelineEntry {
  @Field(() => ComplaintActionEnum) action: ComplaintAction;
  @Field(() => ComplaintStatusEnum, { nullable: true, description: '操作前状态' }) fromStatus?: ComplaintStatus;
  @Field(() => ComplaintStatusEnum, { description: '操作后状态' }) toStatus: ComplaintStatus;
  @Field({ description: '操作人' }) actorName: string;
  @Field({ nullable: true, description: '理由、答复或告知内容' }) note?: string;
  @Field({ description: '时间（ISO 8601）' }) at: string;
}

@ObjectType({ description: '信访投诉（窗口人员、分析人员和所有列表看到脱敏的投诉人信息）' })
export class Complaint {
  @Field({ description: '信访编号（XF + 日期 + 序号）' }) number: string;
  @Field(() => ComplaintChannelEnum) channel: ComplaintChannel;
  @Field({ description: '投诉人姓名' }) complainantName: string;
  @Field({ nullable: true, description: '投诉人身份证号码' }) complainantIdNumber?: string;
  @Field({ description: '投诉人联系电话' }) complainantPhone: string;
  @Field({ description: '投诉内容' }) content: string;
  @Field(() => PoliceType, { description: '被投诉警种' }) policeType: PoliceType;
  @Field({ description: '被投诉单位代码' }) unitCode: string;
  @Field({ description: '承办单位代码（由分派规则确定）' }) handlingUnitCode: string;
  @Field({ nullable: true, description: '确定承办单位的分派规则（版本与说明）' }) routingRule?: string;
  @Field({ nullable: true, description: '渠道编号（热线来电编号、来信编号、12345 工单编号）' }) channelReference?: string;
  @Field({ nullable: true, description: '被投诉民警' }) officerName?: string;
  @Field(() => ComplaintKindEnum) kind: ComplaintKind;
  @Field({ nullable: true, description: '所涉办件的受理编号' }) applicationNumber?: string;
  @Field({ nullable: true, description: '所涉首问登记编号' }) firstInquiryNumber?: string;
  @Field(() => ComplaintStatusEnum) status: ComplaintStatus;
  @Field({ nullable: true, description: '同一人同一事项 90 日内的首件信访编号（重复投诉不重复计数）' }) repeatOf?: string;
  @Field({ description: '收到日期' }) receivedOn: string;
  @Field({ description: '受理期限（收到后 15 日）' }) acceptanceDeadline: string;
  @Field({ nullable: true, description: '受理日期' }) acceptedOn?: string;
  @Field({ nullable: true, description: '办结期限（受理后 60 日，经批准延期 90 日；复查 30 日）' }) answerDeadline?: string;
  @Field({ nullable: true, description: '当前适用的期限（工作台按此排序）' }) deadline?: string;
  @Field(() => ComplaintDeadlineStateEnum) deadlineState: ComplaintDeadlineState;
  @Field({ nullable: true, description: '不予受理的理由' }) notAcceptedReason?: string;
  @Field({ description: '是否有待审批的延期申请' }) extensionPending: boolean;
  @Field({ description: '是否已延期' }) extended: boolean;
  @Field({ nullable: true, description: '延期理由' }) extensionReason?: string;
  @Field({ nullable: true, description: '答复内容' }) answerText?: string;
  @Field(() => ComplaintAnswerChannelEnum, { nullable: true, description: '答复方式' }) answerChannel?: string;
  @Field({ nullable: true, description: '答复日期' }) answeredOn?: string;
  @Field({ nullable: true, description: '办结日期' }) closedOn?: string;
  @Field({ nullable: true, description: '受理决定日期（受理或不予受理）' }) decidedOn?: string;
  @Field(() => ComplaintFindingEnum, { nullable: true, description: '核查结论（答复或办结时认定）' }) finding?: ComplaintFinding;
  @Field({ nullable: true, description: '经核查确认的责任民警账号' }) responsibleOfficerUsername?: string;
  @Field({ nullable: true, description: '经核查确认的责任民警姓名' }) responsibleOfficerName?: string;
  @Field(() => [ComplaintTimelineEntry], { nullable: true, description: '办理记录（仅单件查询）' }) timeline?: ComplaintTimelineEntry[];
}

/** A complaint belongs to both the complained-of unit and the handling unit: whichever is the viewer's. */
function owningUnitFor(viewer: Identity, c: Pick<ComplaintEntity, 'unitCode' | 'handlingUnitCode'>): string {
  return withinJurisdiction(viewer.unitCode, c.handlingUnitCode) ? c.handlingUnitCode : c.unitCode;
}

/**
 * A complaint for one viewer: the complainant's data in full only on a detail read by a
 * complaints officer or a supervisor (platform policy); lists are masked for everyone.
 */
export function toComplaint(c: ComplaintEntity, viewer: Identity, opts: { list?: boolean; timeline?: ComplaintEventEntity[] } = {}): Complaint {
  const mask = recordMasker(viewer, { policeType: PoliceType.COMPLAINTS, unitCode: owningUnitFor(viewer, c) }, { list: opts.list });
  return {
    number: c.number,
    channel: c.channel,
    complainantName: mask.name(c.complainantName) ?? '',
    complainantIdNumber: mask.idNumber(c.complainantIdNumber) ?? undefined,
    complainantPhone: mask.phone(c.complainantPhone) ?? '',
    content: c.content,
    policeType: c.policeType as PoliceType,
    unitCode: c.unitCode,
    handlingUnitCode: c.handlingUnitCode,
    routingRule: c.routingVersion ? `第 ${c.routingVersion} 版：${c.routingRule ?? ''}` : undefined,
    channelReference: c.channelReference ?? undefined,
    officerName: c.officerName ?? undefined,
    kind: c.kind,
    applicationNumber: c.applicationNumber ?? undefined,
    firstInquiryNumber: c.firstInquiryNumber ?? undefined,
    status: c.status,
    repeatOf: c.repeatOf ?? undefined,
    receivedOn: c.receivedOn,
    acceptanceDeadline: c.acceptanceDeadline,
    acceptedOn: c.acceptedOn ?? undefined,
    answerDeadline: c.answerDeadline ?? undefined,
    deadline: c.deadline ?? undefined,
    deadlineState: c.deadlineState,
    notAcceptedReason: c.notAcceptedReason ?? undefined,
    extensionPending: c.extensionPending,
    extended: c.extended,
    extensionReason: c.extensionReason ?? undefined,
    answerText: c.answerText ?? undefined,
    answerChannel: c.answerChannel ?? undefined,
    answeredOn: c.answeredOn ?? undefined,
    closedOn: c.closedOn ?? undefined,
    decidedOn: c.decidedOn ?? undefined,
    finding: c.finding ?? undefined,
    responsibleOfficerUsername: c.responsibleOfficerUsername ?? undefined,
    responsibleOfficerName: c.responsibleOfficerName ?? undefined,
    timeline: opts.timeline?.map((e) => ({
      action: e.action, fromStatus: e.fromStatus ?? undefined, toStatus: e.toStatus, actorName: e.actorName, note: e.note ?? undefined, at: new Date(e.at).toISOString(),
    })),
  };
}
