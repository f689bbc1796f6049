import { Field, InputType } from '@nestjs/graphql';
import { APPLICATION_NUMBER_PATTERN, COMPLAINT_CHANNELS, FIRST_INQUIRY_NUMBER_PATTERN, COMPLAINT_KINDS, PoliceType, type ComplaintChannel, type ComplaintKind } from '@onewindow/contracts';
import { IsEnum, IsIn, IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { ComplaintChannelEnum, ComplaintKindEnum } from '../complaint.model.js';

/** A mobile number, or a landline with its area code (028-85551234). */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

@InputType({ description: '信访投诉登记' })
export class IntakeComplaintInput {
  @Field(() => ComplaintChannelEnum, { description: '信访渠道（窗口人员只能登记窗口当面投诉）' })
  @IsIn(COMPLAINT_CHANNELS)
  channel: ComplaintChannel;

  @Field({ description: '投诉人姓名' })
  @IsString()
  @Length(1, 50)
  complainantName: string;

  @Field({ nullable: true, description: '投诉人身份证号码（可不填）' })
  @IsOptional()
  @IsString()
  @Length(15, 18, { message: '身份证号码应为 15 或 18 位' })
  complainantIdNumber?: string;

  @Field({ description: '投诉人联系电话（手机或带区号的固定电话）' })
  @IsString()
  @Matches(PHONE_PATTERN, { message: '联系电话应为 11 位手机号码，或带区号的固定电话（如 028-85551234）' })
  complainantPhone: string;

  @Field({ description: '投诉内容' })
  @IsString()
  @MinLength(5)
  @MaxLength(4000)
  content: string;

  @Field(() => PoliceType, { description: '被投诉警种' })
  @IsEnum(PoliceType)
  policeType: PoliceType;

  @Field({ description: '被投诉单位代码（如 510107001）' })
  @Matches(/^\d{4,12}$/, { message: '被投诉单位代码应为 4 至 12 位数字' })
  responsibleUnitCode: string;

  @Field({ nullable: true, description: '被投诉民警账号（指名投诉时）' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  officerUsername?: string;

  @Field({ nullable: true, description: '被投诉民警姓名（指名投诉时）' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  officerName?: string;

  @Field(() => ComplaintKindEnum, { description: '投诉类别' })
  @IsIn(COMPLAINT_KINDS)
  kind: ComplaintKind;

  @Field({ nullable: true, description: '所涉办件的受理编号（如 HH20260210000001）' })
  @IsOptional()
  @Matches(APPLICATION_NUMBER_PATTERN, { message: '受理编号格式不正确，应为警种代码加 14 位数字（如 HH20260210000001）' })
  applicationNumber?: string;

  @Field({ nullable: true, description: '所涉首问登记编号（如 SW-20260318-0001）' })
  @IsOptional()
  @Matches(FIRST_INQUIRY_NUMBER_PATTERN, { message: '首问登记编号格式不正确，应为 SW-年月日-4 位序号（如 SW-20260318-0001）' })
  firstInquiryNumber?: string;

  @Field({ nullable: true, description: '渠道编号（热线来电编号、来信编号；12345 工单请用工单导入）' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,40}$/, { message: '渠道编号应为 1 至 40 位字母、数字或连字符' })
  channelReference?: string;

  @Field({ nullable: true, description: '收到日期（来信、热线工单的收到日；默认今天）' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '收到日期格式应为 YYYY-MM-DD' })
  receivedOn?: string;
}
