import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PoliceType, type Identity } from '@onewindow/contracts';
import { maskIdNumber } from '@onewindow/id-number';
import type { ViolationEntity } from './violation.entity.js';
import { PersonalField, personalDataView } from '@onewindow/platform';

export enum ViolationStatus {
  OPEN = 'OPEN',
  DECIDED = 'DECIDED',
  PAID = 'PAID',
}
registerEnumType(ViolationStatus, { name: 'ViolationStatus', description: '违法记录状态：未处理 / 已处理待缴款 / 已缴款' });

@ObjectType({ description: '道路交通安全违法记录' })
export class Violation {
  @Field(() => ID) id: string;
  @Field({ nullable: true, description: '号牌号码' }) plateNumber?: string;
  @Field({ nullable: true, description: '驾驶证号（窗口人员看到脱敏号码）' }) licenceNumber?: string;
  @Field({ description: '违法时间（ISO 8601）' }) occurredAt: string;
  @Field({ description: '违法地点' }) place: string;
  @Field({ description: '违法代码' }) code: string;
  @Field({ description: '违法行为' }) description: string;
  @Field(() => Int, { description: '罚款金额（分）' }) fineFen: number;
  @Field(() => Int, { description: '记分' }) points: number;
  @Field(() => ViolationStatus) status: ViolationStatus;
  @Field({ nullable: true, description: '处罚决定书编号' }) decisionNumber?: string;
  @Field({ nullable: true }) decidedAt?: string;
  @Field({ nullable: true, description: '缴款凭证号' }) paymentReference?: string;
  @Field({ nullable: true }) paidAt?: string;
}

export function toViolation(v: ViolationEntity, viewer: Identity): Violation {
  return {
    id: v.id,
    plateNumber: v.plateNumber ?? undefined,
    licenceNumber: v.licenceNumber ? (personalDataView(viewer, { policeType: PoliceType.TRAFFIC, unitCode: v.unitCode }, 'DETAIL').masked(PersonalField.ID_NUMBER) ? maskIdNumber(v.licenceNumber) : v.licenceNumber) : undefined,
    occurredAt: new Date(v.occurredAt).toISOString(),
    place: v.place,
    code: v.code,
    description: v.description,
    fineFen: v.fineFen,
    points: v.points,
    status: v.status as ViolationStatus,
    decisionNumber: v.decisionNumber ?? undefined,
    decidedAt: v.decidedAt ? new Date(v.decidedAt).toISOString() : undefined,
    paymentReference: v.paymentReference ?? undefined,
    paidAt: v.paidAt ? new Date(v.paidAt).toISOString() : undefined,
  };
}
