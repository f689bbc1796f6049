import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '@onewindow/platform';

export enum PermitKindEnum {
  HOTEL = 'HOTEL',
  SEAL_CARVING = 'SEAL_CARVING',
  EXPLOSIVES_PURCHASE = 'EXPLOSIVES_PURCHASE',
  EXPLOSIVES_TRANSPORT = 'EXPLOSIVES_TRANSPORT',
  BLASTING_UNIT = 'BLASTING_UNIT',
  SECURITY_GUARD = 'SECURITY_GUARD',
  SECURITY_COMPANY = 'SECURITY_COMPANY',
}
registerEnumType(PermitKindEnum, {
  name: 'PublicSecurityPermitKind',
  description: '治安许可证种类：旅馆业 / 公章刻制业特种行业许可证、民爆物品购买 / 运输许可证、爆破作业单位许可证、保安员证、保安服务许可证',
});

export enum PermitStatusEnum {
  VALID = 'VALID',
  SUSPENDED = 'SUSPENDED',
  CANCELLED = 'CANCELLED',
  UNDER_REVIEW = 'UNDER_REVIEW',
}
registerEnumType(PermitStatusEnum, { name: 'PublicSecurityPermitStatus', description: '有效 / 暂扣 / 注销 / 核查中' });

export enum PermitHolderKindEnum {
  PERSON = 'PERSON',
  COMPANY = 'COMPANY',
}
registerEnumType(PermitHolderKindEnum, { name: 'PublicSecurityPermitHolderKind', description: '持证人：个人 / 单位' });

@ObjectType({ description: '许可证状态变更记录' })
export class PermitHistoryEntry {
  @Field({ description: '时间（ISO）' }) at: string;
  @Field() actorName: string;
  @Field({ description: 'ISSUE / CHANGE_STATUS / DEATH_FOLLOW_UP' }) action: string;
  @Field(() => PermitStatusEnum, { nullable: true }) fromStatus?: PermitStatusEnum | null;
  @Field(() => PermitStatusEnum) toStatus: PermitStatusEnum;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@ObjectType({ description: '治安许可证登记（个人证件的身份证号码按角色脱敏，列表一律脱敏）' })
export class PublicSecurityPermit {
  @Field({ description: '许可证编号' }) number: string;
  @Field(() => PermitKindEnum) kind: PermitKindEnum;
  @Field({ description: '许可证名称' }) kindLabel: string;
  @Field(() => PermitHolderKindEnum) holderKind: PermitHolderKindEnum;
  @Field({ description: '持证人或单位名称（个人按角色脱敏）' }) holderName: string;
  @Field(() => String, { nullable: true, description: '持证人身份证号码（个人证件）' }) holderIdNumber?: string | null;
  @Field(() => String, { nullable: true, description: '统一社会信用代码（单位证件）' }) holderCreditCode?: string | null;
  @Field(() => String, { nullable: true, description: '法定代表人或负责人身份证号码' }) legalRepIdNumber?: string | null;
  @Field(() => String, { nullable: true, description: '经营场所地址' }) address?: string | null;
  @Field(() => LocalDateScalar) issuedOn: string;
  @Field(() => LocalDateScalar, { nullable: true, description: '有效期至；空为长期' }) validUntil?: string | null;
  @Field(() => PermitStatusEnum) status: PermitStatusEnum;
  @Field(() => String, { nullable: true }) statusReason?: string | null;
  @Field({ description: '发证单位代码' }) unitCode: string;
  @Field(() => String, { nullable: true, description: '产生该证的申请编号' }) applicationNumber?: string | null;
  @Field(() => [PermitHistoryEntry], { description: '状态变更记录（谁、何时、为何）' }) history: PermitHistoryEntry[];
}

@ObjectType()
export class PublicSecurityPermitPage {
  @Field(() => Int) total: number;
  @Field(() => [PublicSecurityPermit]) items: PublicSecurityPermit[];
}
