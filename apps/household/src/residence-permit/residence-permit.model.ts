import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ResidencePermitStatusEnum {
  VALID = 'VALID',
  REPLACED = 'REPLACED',
  LOST = 'LOST',
}
registerEnumType(ResidencePermitStatusEnum, { name: 'ResidencePermitStatus', description: '居住证状态：在用 / 已换领 / 已挂失补领' });

@ObjectType({ description: '居住证签注记录' })
export class ResidencePermitEndorsement {
  @Field({ description: '签注日期' }) endorsedOn: string;
  @Field({ description: '签注前有效期至' }) previousValidUntil: string;
  @Field({ description: '签注后有效期至' }) validUntil: string;
  @Field({ description: '签注办件编号' }) applicationNumber: string;
}

@ObjectType({ description: '居住证（户政）' })
export class ResidencePermit {
  @Field({ description: '居住证号码' }) permitNumber: string;
  @Field({ description: '持证人身份证号码' }) holderIdNumber: string;
  @Field({ description: '持证人姓名' }) holderName: string;
  @Field({ nullable: true, description: '联系电话（按角色脱敏）' }) holderPhone?: string;
  @Field({ description: '居住地址' }) address: string;
  @Field({ description: '签发单位代码' }) issuingUnitCode: string;
  @Field({ description: '签发单位' }) issuingUnitName: string;
  @Field({ description: '签发日期' }) issuedOn: string;
  @Field({ description: '有效期至（每年签注延长一年）' }) validUntil: string;
  @Field(() => ResidencePermitStatusEnum) status: ResidencePermitStatusEnum;
  @Field({ description: '在用但逾期未签注（使用功能中止）' }) lapsed: boolean;
  @Field({ nullable: true, description: '所换领/补领的原证号码' }) replacesPermitNumber?: string;
  @Field(() => [ResidencePermitEndorsement], { description: '签注记录' }) endorsements: ResidencePermitEndorsement[];
}
