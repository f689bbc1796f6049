import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';

@ArgsType()
export class ViolationsArgs {
  @Field({ nullable: true, description: '号牌号码（与身份证号码二选一）' })
  @IsOptional()
  @IsString()
  @Length(7, 12)
  plate?: string;

  @Field({ nullable: true, description: '公民身份号码：本人驾驶证和名下机动车的违法记录（与号牌二选一）' })
  @IsOptional()
  @IsString()
  @Length(15, 18, { message: '身份证号码应为 15 或 18 位' })
  idNumber?: string;

  @Field({ description: '查询事由（审计留痕）' })
  @IsString()
  @MinLength(2, { message: '请填写查询事由' })
  @MaxLength(200)
  purpose: string;
}
