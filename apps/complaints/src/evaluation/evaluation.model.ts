import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EVALUATION_CHANNELS, EVALUATION_LEVELS, type EvaluationChannel, type EvaluationLevel } from '@onewindow/contracts';
import type { RatingDeviceEntity, WindowVisitEntity } from './evaluation.entity.js';
import { EVALUATION_REASONS, WINDOW_RATINGS, type EvaluationReason, type WindowRating } from './evaluation.rules.js';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const EvaluationLevelEnum = asEnum(EVALUATION_LEVELS);
registerEnumType(EvaluationLevelEnum, { name: 'EvaluationLevel', description: '好差评五级：非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意' });
export const EvaluationChannelEnum = asEnum(EVALUATION_CHANNELS);
registerEnumType(EvaluationChannelEnum, { name: 'EvaluationChannel', description: '评价渠道：窗口当场评价 / 短信回访' });
export const WindowRatingEnum = asEnum(WINDOW_RATINGS);
registerEnumType(WindowRatingEnum, { name: 'WindowRating', description: '窗口评价三级：满意 / 基本满意 / 不满意（对应全国五级中的同名等级）' });
export const EvaluationReasonEnum = asEnum(EVALUATION_REASONS);
registerEnumType(EvaluationReasonEnum, { name: 'EvaluationReason', description: '不满意原因：时间太长 / 业务不熟 / 态度不好 / 其他' });

@ObjectType({ description: '评价屏配对码（5 分钟内有效，只能使用一次）' })
export class RatingPairing {
  @Field() code: string;
  @Field() expiresAt: Date;
  @Field() unitCode: string;
  @Field() windowNo: string;
}

@ObjectType({ description: '已配对的评价屏：令牌只对一个窗口有效，可撤销、会过期' })
export class RatingDevice {
  @Field({ description: '评价屏令牌（仅此一次返回，请保存在评价屏本地）' }) deviceToken: string;
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field() windowNo: string;
  @Field() expiresAt: Date;
}

@ObjectType({ description: '推送到评价屏的办件（脱敏）' })
export class PresentedVisit {
  @Field(() => ID, { description: '本次推送的编号' }) id: string;
  @Field() applicationNumber: string;
  @Field() itemName: string;
  @Field({ description: '申请人姓名（脱敏）' }) applicantName: string;
  @Field({ description: '身份证号码（脱敏）' }) applicantIdNumber: string;
  @Field({ nullable: true, description: '联系电话（脱敏）' }) applicantPhone?: string;
  @Field({ description: '办件状态' }) applicationStatus: string;
  @Field() unitName: string;
  @Field() acceptedAt: string;
  @Field({ description: '承诺办结日期' }) deadline: string;
  @Field({ description: '办理人' }) clerkName: string;
  @Field() windowNo: string;
  @Field({ description: '推送时间' }) presentedAt: Date;
  @Field({ description: '是否已评价' }) rated: boolean;
}

@ObjectType({ description: '评价屏当前显示的内容' })
export class RatingScreen {
  @Field() unitName: string;
  @Field() windowNo: string;
  @Field(() => PresentedVisit, { nullable: true, description: '待评价的办件（无则显示欢迎页）' }) visit?: PresentedVisit;
}

@ObjectType({ description: '评价已记录' })
export class RatingReceipt {
  @Field() applicationNumber: string;
  @Field(() => EvaluationLevelEnum) level: EvaluationLevel;
  @Field(() => EvaluationChannelEnum) channel: EvaluationChannel;
  @Field({ description: '是否已转督察回访核实（差评）' }) callbackOpened: boolean;
}

export function toPresentedVisit(v: WindowVisitEntity): PresentedVisit {
  const s = v.summary;
  return {
    id: v.id, applicationNumber: v.applicationNumber, itemName: s.itemName, applicantName: s.applicantName, applicantIdNumber: s.applicantIdNumber,
    applicantPhone: s.applicantPhone ?? undefined, applicationStatus: s.status, unitName: s.unitName, acceptedAt: s.acceptedAt, deadline: s.deadline,
    clerkName: v.clerkName, windowNo: v.windowNo, presentedAt: v.presentedAt, rated: v.status === 'RATED',
  };
}

export function toRatingScreen(device: RatingDeviceEntity, visit: WindowVisitEntity | null): RatingScreen {
  return { unitName: device.unitName, windowNo: device.windowNo, visit: visit ? toPresentedVisit(visit) : undefined };
}

export type { EvaluationReason, WindowRating };
