import { ArgsType, Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PageArgs, PurposeArgs } from '@onewindow/platform';
import { IsBoolean, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

@ObjectType({ description: '首问登记（列表中个人信息脱敏；完整信息经 firstInquiry 查询并留痕）' })
export class FirstInquiry {
  @Field({ description: '首问登记编号 SW-yyyymmdd-nnnn（投诉时可引用）' }) number: string;
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field({ description: '首问民警账号' }) officerAccount: string;
  @Field({ description: '首问民警' }) officerName: string;
  @Field() personName: string;
  @Field() contact: string;
  @Field() masked: boolean;
  @Field() inquiredAt: Date;
  @Field({ description: '咨询事项' }) matter: string;
  @Field({ nullable: true, description: '答复内容' }) answer?: string;
  @Field({ nullable: true, description: '引导前往的单位' }) directedUnit?: string;
  @Field({ nullable: true, description: '引导单位的联系方式' }) directedContact?: string;
  @Field({ description: 'ANSWERED 当场答复 / DIRECTED 引导至他处' }) outcome: string;
}

@ObjectType({ description: '首问登记列表（新的在前）' })
export class FirstInquiryPage {
  @Field(() => Int) total: number;
  @Field(() => [FirstInquiry]) items: FirstInquiry[];
}

@ObjectType({ description: '每名首问民警的登记件数' })
export class FirstInquiryOfficerCount {
  @Field() officerAccount: string;
  @Field() officerName: string;
  @Field() unitCode: string;
  @Field(() => Int) count: number;
}

@InputType({ description: '首问登记：未形成申请的咨询' })
export class RecordFirstInquiryInput {
  @Field({ description: '来访人姓名' }) @IsString() @Length(1, 40) personName: string;
  @Field({ description: '联系方式（手机或固定电话）' }) @Matches(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/) contact: string;
  @Field({ nullable: true, description: '来访时间（ISO 8601，缺省为现在）' }) @IsOptional() @IsISO8601({ strict: true }) inquiredAt?: string;
  @Field({ description: '咨询事项' }) @IsString() @Length(2, 1000) matter: string;
  @Field({ nullable: true, description: '答复内容' }) @IsOptional() @IsString() @MaxLength(1000) answer?: string;
  @Field({ nullable: true, description: '引导前往的单位' }) @IsOptional() @IsString() @MaxLength(100) directedUnit?: string;
  @Field({ nullable: true, description: '引导单位的联系方式' }) @IsOptional() @IsString() @MaxLength(60) directedContact?: string;
}

@ArgsType()
export class FirstInquiriesArgs extends PageArgs {
  @Field({ nullable: true, description: '单位代码（须在辖区内）' }) @IsOptional() @Matches(/^\d{4,12}$/) unitCode?: string;
  @Field({ nullable: true, description: '首问民警账号' }) @IsOptional() @IsString() @Length(2, 64) officerAccount?: string;
  @Field({ defaultValue: false, description: '只看我登记的' }) @IsBoolean() mine: boolean = false;
}

@ArgsType()
export class FirstInquiryArgs extends PurposeArgs {
  @Field({ description: '首问登记编号' }) @Matches(/^SW-\d{8}-\d{4}$/) number: string;
}

@ArgsType()
export class FirstInquiryCountsArgs {
  @Field({ nullable: true, description: '单位代码（须在辖区内）' }) @IsOptional() @Matches(/^\d{4,12}$/) unitCode?: string;
}
