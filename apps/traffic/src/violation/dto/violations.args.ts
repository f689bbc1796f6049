import { ArgsType, Field } from '@nestjs/graphql';
import { PurposeArgs } from '@onewindow/platform';
import { IsOptional, IsString, Length } from 'class-validator';

@ArgsType()
export class ViolationsArgs extends PurposeArgs {
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
}
