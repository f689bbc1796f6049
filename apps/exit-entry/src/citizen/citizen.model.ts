import { Directive, Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum TravelDocumentKindEnum {
  PASSPORT = 'PASSPORT',
  HKMO_PERMIT = 'HKMO_PERMIT',
  TW_PERMIT = 'TW_PERMIT',
}
registerEnumType(TravelDocumentKindEnum, { name: 'TravelDocumentKind', description: '出入境证件种类：普通护照 / 往来港澳通行证 / 往来台湾通行证' });

export enum TravelDocumentStatusEnum {
  VALID = 'VALID',
  EXPIRED = 'EXPIRED',
  REPLACED = 'REPLACED',
  LOST = 'LOST',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TravelDocumentStatusEnum, { name: 'TravelDocumentStatus', description: '证件状态：有效 / 已过期 / 已换发 / 已挂失作废 / 已注销' });

export enum ExitEntryEndorsementTypeEnum {
  GROUP_TOUR = 'GROUP_TOUR',
  INDIVIDUAL_TOUR = 'INDIVIDUAL_TOUR',
  FAMILY_VISIT = 'FAMILY_VISIT',
  BUSINESS = 'BUSINESS',
  OTHER = 'OTHER',
}
registerEnumType(ExitEntryEndorsementTypeEnum, { name: 'ExitEntryEndorsementType', description: '签注种类：团队旅游 / 个人旅游 / 探亲 / 商务 / 其他' });

export enum ExitEntryEndorsementEntriesEnum {
  SINGLE = 'SINGLE',
  DOUBLE = 'DOUBLE',
  MULTIPLE = 'MULTIPLE',
}
registerEnumType(ExitEntryEndorsementEntriesEnum, { name: 'ExitEntryEndorsementEntries', description: '签注次数：一次有效 / 二次有效 / 多次有效' });

export enum ExitEntryEndorsementChannelEnum {
  COUNTER = 'COUNTER',
  SELF_SERVICE = 'SELF_SERVICE',
}
registerEnumType(ExitEntryEndorsementChannelEnum, { name: 'ExitEntryEndorsementChannel', description: '签发渠道：窗口 / 自助签注机' });

/**
 * The citizen (群众 360° view), owned by household (`@key(fields: "idNumber")`); exit-entry
 * contributes the `exitEntry` section (CitizenResolver). Reachable here through
 * TravelDocument.holder too, so no orphanedTypes entry is needed.
 */
@ObjectType({ description: '群众 360° 视图（户政为核心，各警种补充各自信息）' })
@Directive('@key(fields: "idNumber")')
export class Citizen {
  @Field({ description: '身份证号码' }) idNumber: string;
}

@ObjectType({ description: '签注' })
export class ExitEntryEndorsement {
  @Field(() => ExitEntryEndorsementTypeEnum) type: ExitEntryEndorsementTypeEnum;
  @Field({ description: '签注种类（中文）' }) typeLabel: string;
  @Field(() => ExitEntryEndorsementEntriesEnum) entries: ExitEntryEndorsementEntriesEnum;
  @Field({ description: '签注次数（中文）' }) entriesLabel: string;
  @Field({ nullable: true, description: '前往地' }) destination?: string;
  @Field({ description: '签发日期 YYYY-MM-DD' }) issuedOn: string;
  @Field({ description: '有效期至 YYYY-MM-DD' }) validUntil: string;
  @Field(() => ExitEntryEndorsementChannelEnum) channel: ExitEntryEndorsementChannelEnum;
  @Field({ description: '当前是否有效（未过期且所在证件有效）' }) valid: boolean;
}

@ObjectType({ description: '出入境证件（证件号码按角色脱敏）' })
export class TravelDocument {
  @Field({ description: '证件号码；窗口人员看到脱敏号码（E****5678），民警、督察看到完整号码' }) number: string;
  @Field({ description: '证件号码是否已脱敏' }) numberMasked: boolean;
  @Field(() => TravelDocumentKindEnum) kind: TravelDocumentKindEnum;
  @Field({ description: '证件种类（中文）' }) kindLabel: string;
  @Field({ description: '签发日期 YYYY-MM-DD' }) issuedOn: string;
  @Field({ description: '有效期至 YYYY-MM-DD' }) validUntil: string;
  @Field(() => TravelDocumentStatusEnum, { description: '状态（有效期已过的显示为已过期）' }) status: TravelDocumentStatusEnum;
  @Field({ description: '状态（中文）' }) statusLabel: string;
  @Field({ nullable: true, description: '状态变更日期（注销、挂失、换发）' }) statusChangedOn?: string;
  @Field({ description: '签发单位代码' }) issuingUnitCode: string;
  @Field(() => [ExitEntryEndorsement], { description: '签注（通行证），新的在前' }) endorsements: ExitEntryEndorsement[];
  @Field(() => Citizen, { description: '持证人' }) holder: Citizen;
}

@ObjectType({ description: '人员360视图的出入境部分' })
export class CitizenExitEntrySection {
  @Field({ description: '证件号码是否已按角色脱敏' }) numbersMasked: boolean;
  @Field(() => Int, { description: '有效证件数' }) validDocumentCount: number;
  @Field(() => [TravelDocument], { description: '本市签发的出入境证件（含已注销、已换发），新的在前' }) documents: TravelDocument[];
}
