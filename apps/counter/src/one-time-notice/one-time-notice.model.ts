import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PoliceType } from '@onewindow/contracts';
import { SixNoticeSection } from '../catalog/catalog.model.js';
import type { OneTimeNoticeEntity } from './one-time-notice.entity.js';

export enum OneTimeNoticeStatusEnum {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}
registerEnumType(OneTimeNoticeStatusEnum, { name: 'OneTimeNoticeStatus', description: '告知单状态：待补齐 / 已补齐受理' });

@ObjectType({ description: '告知单上的材料' })
export class NoticeMaterial {
  @Field() code: string;
  @Field({ description: '材料名称' }) name: string;
  @Field({ nullable: true, description: '补正要求及说明' }) note?: string;
}

@ObjectType({ description: '一次性告知单（申请人信息脱敏）' })
export class OneTimeNotice {
  @Field({ description: '告知单编号，如 YCTZ-510107001-20260210-0001' }) number: string;
  @Field(() => PoliceType) policeType: PoliceType;
  @Field() itemCode: string;
  @Field() itemName: string;
  @Field({ description: '申请人姓名（脱敏）' }) applicantName: string;
  @Field({ description: '身份证号码（脱敏）' }) applicantIdNumber: string;
  @Field(() => [NoticeMaterial], { description: '需要补正的材料' }) missingMaterials: NoticeMaterial[];
  @Field(() => [NoticeMaterial], { description: '已提交的材料' }) presentedMaterials: NoticeMaterial[];
  @Field(() => [SixNoticeSection], { description: '六告知（开具时的目录内容）' }) sixNotices: SixNoticeSection[];
  @Field({ description: '开具人' }) clerkName: string;
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field() issuedAt: Date;
  @Field(() => OneTimeNoticeStatusEnum) status: OneTimeNoticeStatusEnum;
  @Field({ nullable: true, description: '补齐后受理的申请编号' }) resolvedApplicationNumber?: string;
  @Field({ nullable: true }) resolvedAt?: Date;

  /** The stored notice, for the pdf field; not a GraphQL field. */
  notice: OneTimeNoticeEntity;
}
