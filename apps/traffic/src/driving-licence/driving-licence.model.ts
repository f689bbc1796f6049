import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PoliceType, type Identity } from '@onewindow/contracts';
import { LocalDateScalar, PersonalField, personalDataView } from '@onewindow/platform';
import type { DrivingLicenceEntity, LicenceStatus } from './driving-licence.entity.js';
import { effectiveLicenceStatus, POINTS_LIMIT, renewableFrom } from './licence-validity.js';

export enum DrivingLicenceStatus {
  VALID = 'VALID',
  CANCELLED = 'CANCELLED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(DrivingLicenceStatus, { name: 'DrivingLicenceStatus', description: '驾驶证状态：有效 / 注销 / 吊销 / 超过有效期' });

@ObjectType({ description: '机动车驾驶证' })
export class DrivingLicence {
  @Field({ description: '驾驶证号（即持证人公民身份号码）' }) number: string;
  @Field({ description: '持证人姓名' }) holderName: string;
  @Field({ description: '准驾车型，如 C1' }) licenceClass: string;
  @Field(() => LocalDateScalar, { description: '初次领证日期' }) firstIssuedOn: string;
  @Field(() => LocalDateScalar, { description: '本证签发日期' }) issuedOn: string;
  @Field(() => LocalDateScalar, { nullable: true, description: '有效期止；空表示长期' }) validUntil?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: '可申请期满换证的起始日（有效期满前九十日）' }) renewableFrom?: string;
  @Field(() => Int, { description: '本记分周期累积记分' }) points: number;
  @Field({ description: '本记分周期是否已记满12分' }) pointsLimitReached: boolean;
  @Field(() => DrivingLicenceStatus, { description: '状态（有效但已过有效期的显示为 EXPIRED）' }) status: DrivingLicenceStatus;
  @Field({ nullable: true, description: '注销、吊销原因' }) statusReason?: string;
  @Field({ nullable: true, description: '联系电话（窗口人员看到脱敏号码）' }) contactPhone?: string;
}

export function toDrivingLicence(l: DrivingLicenceEntity, viewer: Identity, today: string): DrivingLicence {
  const status: LicenceStatus = effectiveLicenceStatus(l, today);
  return {
    number: l.number,
    holderName: l.holderName,
    licenceClass: l.licenceClass,
    firstIssuedOn: l.firstIssuedOn,
    issuedOn: l.issuedOn,
    validUntil: l.validUntil ?? undefined,
    renewableFrom: l.validUntil && (status === 'VALID' || status === 'EXPIRED') ? renewableFrom(l.validUntil) : undefined,
    points: l.points,
    pointsLimitReached: l.points >= POINTS_LIMIT,
    status: status as DrivingLicenceStatus,
    statusReason: l.statusReason ?? undefined,
    contactPhone: personalDataView(viewer, { policeType: PoliceType.TRAFFIC, unitCode: l.unitCode }, 'DETAIL').show(PersonalField.PHONE, l.contactPhone) ?? undefined,
  };
}
