import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PoliceType } from '@onewindow/contracts';
import { LocalDateScalar } from '@onewindow/platform';

export enum TransferDirectionEnum {
  OUTBOUND = 'OUTBOUND',
  INBOUND = 'INBOUND',
}
registerEnumType(TransferDirectionEnum, { name: 'TransferDirection', description: '移交方向：移出（本警种发起）/ 移入（移交给本警种）' });

export enum TransferStatusEnum {
  REQUESTED = 'REQUESTED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  REFUSED = 'REFUSED',
  COMPLETED = 'COMPLETED',
  REVOKED = 'REVOKED',
}
registerEnumType(TransferStatusEnum, { name: 'TransferStatus', description: '移交状态：待签收 / 已签收 / 已退回 / 已反馈 / 已撤销（发起方撤销，不再办理）' });

export enum TransferKindEnum {
  CASE = 'CASE',
  TASK = 'TASK',
  DEATH_FOLLOW_UP = 'DEATH_FOLLOW_UP',
  REVOCATION = 'REVOCATION',
  COMPLAINT_CHECK = 'COMPLAINT_CHECK',
}
registerEnumType(TransferKindEnum, { name: 'TransferKind', description: '移交类型：案件 / 案件中的事项 / 死亡注销后续事项 / 撤销原移交 / 信访核查' });

@ObjectType({ description: '移交附件（引用）' })
export class TransferAttachmentView {
  @Field({ description: '名称' }) name: string;
  @Field({ description: '引用（文书编号、地址等）' }) ref: string;
}

@ObjectType({ description: '移交办理记录' })
export class TransferTimelineEntryView {
  @Field() at: Date;
  @Field({ description: '经办人' }) actorName: string;
  @Field({ description: '动作：REQUESTED、ACKNOWLEDGED、REFUSED、COMPLETED、FLAG_OVERDUE' }) action: string;
  @Field({ nullable: true, description: '理由、结果或说明' }) note?: string;
  @Field(() => PoliceType, { nullable: true, description: '记录来自哪个警种' }) policeType?: PoliceType;
}

@ObjectType({ description: '跨警种移交' })
export class Transfer {
  @Field(() => ID) id: string;
  @Field(() => TransferKindEnum) kind: TransferKindEnum;
  @Field(() => PoliceType, { nullable: true, description: '移出警种' }) fromPoliceType?: PoliceType;
  @Field(() => PoliceType, { nullable: true, description: '接收警种' }) toPoliceType?: PoliceType;
  @Field({ description: '移出服务' }) fromService: string;
  @Field({ description: '接收服务' }) toService: string;
  @Field(() => TransferDirectionEnum, { nullable: true, description: '相对于查询警种的方向' }) direction?: TransferDirectionEnum;
  @Field({ description: '移出警种的办件编号' }) caseRef: string;
  @Field({ nullable: true, description: '当事人身份证号码（按角色脱敏）' }) subjectIdNumber?: string;
  @Field({ description: '移交理由' }) reason: string;
  @Field(() => [TransferAttachmentView]) attachments: TransferAttachmentView[];
  @Field(() => LocalDateScalar, { description: '要求办结期限' }) requestedDeadline: string;
  @Field(() => TransferStatusEnum) status: TransferStatusEnum;
  @Field({ nullable: true, description: '办理结果' }) result?: string;
  @Field({ nullable: true, description: '退回理由' }) refusalReason?: string;
  @Field({ description: '发起单位代码' }) unitCode: string;
  @Field({ nullable: true, description: '接收警种经办单位代码' }) handledUnitCode?: string;
  @Field({ nullable: true, description: '发起人' }) requestedByName?: string;
  @Field({ nullable: true }) requestedAt?: Date;
  @Field({ description: '是否已超期（未办结且超过要求期限）' }) overdue: boolean;
  @Field() updatedAt: Date;
  @Field(() => [TransferTimelineEntryView]) timeline: TransferTimelineEntryView[];
}

@ObjectType({ description: '移交列表（本辖区）：超期未办结在前，再按要求期限先后' })
export class TransferPage {
  @Field(() => Int) total: number;
  @Field(() => Int) limit: number;
  @Field(() => Int) offset: number;
  @Field(() => [Transfer]) items: Transfer[];
}
