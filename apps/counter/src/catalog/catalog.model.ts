import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PoliceType } from '@onewindow/contracts';

export enum TimeLimitUnit {
  WORKING_DAYS = 'WORKING_DAYS',
  CALENDAR_DAYS = 'CALENDAR_DAYS',
}
registerEnumType(TimeLimitUnit, { name: 'TimeLimitUnit', description: '时限单位：工作日 / 自然日' });

export enum CatalogChannel {
  COUNTER = 'COUNTER',
  ONLINE = 'ONLINE',
  SELF_SERVICE = 'SELF_SERVICE',
  HOME_VISIT = 'HOME_VISIT',
}
registerEnumType(CatalogChannel, { name: 'CatalogChannel', description: '办理渠道' });

@ObjectType({ description: '申请材料' })
export class CatalogMaterial {
  @Field({ description: '材料编码' }) code: string;
  @Field({ description: '材料名称' }) name: string;
  @Field({ description: '是否必交' }) required: boolean;
  @Field({ description: '缺少时可容缺受理（书面承诺后补交）' }) toleratedIfMissing: boolean;
  @Field({ description: '免提交，由窗口网上核验' }) verifiedOnline: boolean;
  @Field({ nullable: true, description: '网上核验的部门' }) verifiedBy?: string;
  @Field({ nullable: true, description: '说明' }) note?: string;
  @Field({ description: '面向群众的材料说明（六告知用语）' }) description: string;
}

@ObjectType({ description: '收费减免情形' })
export class CatalogFeeWaiver {
  @Field() code: string;
  @Field({ description: '减免说明' }) description: string;
  @Field({ description: '适用条件' }) condition: string;
}

@ObjectType({ description: '收费标准' })
export class CatalogFee {
  @Field(() => Int, { description: '金额（分），0 为不收费' }) amountFen: number;
  @Field({ description: '金额，如 20.00元；不收费为“不收费”' }) formatted: string;
  @Field({ description: '收费说明' }) description: string;
  @Field({ nullable: true, description: '收费依据' }) basis?: string;
  @Field(() => [CatalogFeeWaiver]) waivers: CatalogFeeWaiver[];
}

@ObjectType({ description: '办理时限' })
export class CatalogTimeLimit {
  @Field(() => Int, { description: '数值，0 为当场办结' }) value: number;
  @Field(() => TimeLimitUnit) unit: TimeLimitUnit;
  @Field({ description: '中文表述，如 15个工作日、60日（自然日）、当场办结' }) text: string;
  @Field({ nullable: true, description: '说明' }) note?: string;
}

@ObjectType({ description: '表单字段' })
export class CatalogFormField {
  @Field() key: string;
  @Field({ description: '字段名称' }) label: string;
  @Field({ description: '类型：string/date/enum/idNumber/phone/number/boolean/text' }) type: string;
  @Field() required: boolean;
  @Field(() => [String], { nullable: true, description: '可选值（枚举字段）' }) options?: string[];
}

@ObjectType({ description: '依据来源' })
export class CatalogSource {
  @Field() title: string;
  @Field() url: string;
}

@ObjectType({ description: '六告知的一节' })
export class SixNoticeSection {
  @Field({ description: 'SERVICE_ITEM / MATERIALS / FEE / PROCESS / TIME_LIMIT / SUPERVISION' }) key: string;
  @Field({ description: '标题，如 一、服务事项' }) title: string;
  @Field(() => [String], { description: '可打印的各行' }) lines: string[];
}

@ObjectType({ description: '事项目录中的服务事项（含六告知全部内容）' })
export class CatalogItem {
  @Field({ description: '事项编码，如 HH-ID-CARD-REPLACE' }) code: string;
  @Field({ description: '事项名称' }) name: string;
  @Field(() => [String], { description: '俗称' }) aliases: string[];
  @Field(() => PoliceType) policeType: PoliceType;
  @Field({ description: '所属服务' }) service: string;
  @Field({ description: '目录版本' }) version: string;
  @Field({ description: '事项类别' }) category: string;
  @Field({ description: '事项说明' }) description: string;
  @Field(() => [CatalogMaterial]) materials: CatalogMaterial[];
  @Field(() => CatalogFee) fee: CatalogFee;
  @Field(() => CatalogTimeLimit, { description: '法定时限' }) statutoryTimeLimit: CatalogTimeLimit;
  @Field(() => CatalogTimeLimit, { description: '承诺时限' }) promisedTimeLimit: CatalogTimeLimit;
  @Field(() => [CatalogChannel]) channels: CatalogChannel[];
  @Field(() => [String], { description: '办理渠道（中文）' }) channelNames: string[];
  @Field(() => [String], { description: '可受理的网点层级（三级窗口）：DISTRICT_HALL / STREET / COMMUNITY' }) acceptLevels: string[];
  @Field(() => [String], { description: '办理流程' }) processSteps: string[];
  @Field(() => [String], { description: '办理依据' }) legalBasis: string[];
  @Field({ description: '监督电话' }) supervisionPhone: string;
  @Field({ description: '办理结果（证照）名称' }) resultName: string;
  @Field({ nullable: true, description: '领取说明' }) pickupNotice?: string;
  @Field(() => [CatalogFormField]) formFields: CatalogFormField[];
  @Field(() => [CatalogSource]) sources: CatalogSource[];
  @Field(() => [SixNoticeSection], { description: '六告知（可打印）' }) sixNotices: SixNoticeSection[];
}
