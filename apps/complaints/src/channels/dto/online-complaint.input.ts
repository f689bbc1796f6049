import { Field, InputType } from '@nestjs/graphql';
import { APPLICATION_NUMBER_PATTERN, COMPLAINT_KINDS, POLICE_UNITS, PoliceType, type ComplaintKind } from '@onewindow/contracts';
import { IsEnum, IsIn, IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { ComplaintKindEnum } from '../../complaint/complaint.model.js';

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
const MOBILE_MESSAGE = '手机号码应为 11 位数字（1 开头），用于接收验证码和受理告知短信';

@InputType({ description: '获取网上投诉短信验证码' })
export class RequestComplaintVerificationCodeInput {
  @Field({ description: '投诉人手机号码' })
  @Matches(MOBILE_PATTERN, { message: MOBILE_MESSAGE })
  phone: string;
}

@InputType({ description: '网上投诉（公开表单，无需登录；须先获取短信验证码）' })
export class OnlineComplaintInput {
  @Field({ description: '投诉人手机号码（接收验证码的号码）' })
  @Matches(MOBILE_PATTERN, { message: MOBILE_MESSAGE })
  phone: string;

  @Field({ description: '短信验证码（6 位数字）' })
  @Matches(/^\d{6}$/, { message: '短信验证码应为 6 位数字' })
  verificationCode: string;

  @Field({ description: '投诉人姓名' })
  @IsString()
  @Length(1, 50)
  complainantName: string;

  @Field({ nullable: true, description: '投诉人身份证号码（可不填）' })
  @IsOptional()
  @IsString()
  @Length(15, 18, { message: '身份证号码应为 15 或 18 位' })
  complainantIdNumber?: string;

  @Field({ description: '投诉内容' })
  @IsString()
  @MinLength(5)
  @MaxLength(4000)
  content: string;

  @Field(() => PoliceType, { description: '被投诉警种' })
  @IsEnum(PoliceType)
  policeType: PoliceType;

  @Field({ description: '被投诉单位代码（从单位列表选择）' })
  @IsIn(POLICE_UNITS.map((u) => u.code), { message: '请从列表中选择被投诉单位' })
  responsibleUnitCode: string;

  @Field(() => ComplaintKindEnum, { description: '投诉类别' })
  @IsIn(COMPLAINT_KINDS)
  kind: ComplaintKind;

  @Field({ nullable: true, description: '被投诉民警姓名或警号（如知道）' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  officerName?: string;

  @Field({ nullable: true, description: '所涉办件的受理编号（如有）' })
  @IsOptional()
  @Matches(APPLICATION_NUMBER_PATTERN, { message: '受理编号格式不正确，应为警种代码加 14 位数字（如 HH20260210000001）' })
  applicationNumber?: string;
}
