import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { PoliceType } from '@onewindow/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const NUMBER = /^[A-Za-z]{2}\d{14}$/;
const MOBILE = /^1[3-9]\d{9}$/;

@InputType({ description: '办理进度查询：获取短信验证码' })
export class RequestProgressCodeInput {
  @Field({ description: '受理编号（受理回执上的编号，如 HH20261206000001）' })
  @Matches(NUMBER, { message: '受理编号格式不正确，应为 2 位字母加 14 位数字' })
  number: string;

  @Field({ description: '办理时登记的手机号码' })
  @Matches(MOBILE, { message: '手机号码应为 11 位大陆手机号' })
  phone: string;
}

@InputType({ description: '办理进度查询：受理编号、手机号码与短信验证码' })
export class QueryProgressInput extends RequestProgressCodeInput {
  @Field({ description: '6 位短信验证码' })
  @Matches(/^\d{6}$/, { message: '短信验证码应为 6 位数字' })
  code: string;
}

@ArgsType()
export class PublicCatalogArgs {
  @Field({ nullable: true, description: '关键词（名称、俗称、编码）' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  keyword?: string;

  @Field(() => PoliceType, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(PoliceType))
  policeType?: PoliceType;
}

@ArgsType()
export class PublicCatalogItemArgs {
  @Field({ description: '事项编码' })
  @Matches(/^[A-Za-z]{2}-[A-Za-z0-9-]{1,60}$/, { message: '事项编码格式不正确' })
  code: string;
}
