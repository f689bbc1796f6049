import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

@ArgsType()
export class HouseholdLookupArgs {
  @Field({ description: '户号' })
  @IsString()
  @Matches(/^\d{6,20}$/, { message: '户号应为 6 至 20 位数字' })
  householdNumber: string;

  @Field({ description: '查询事由（审计留痕）' })
  @IsString()
  @MinLength(2, { message: '请填写查询事由' })
  @MaxLength(200)
  purpose: string;
}
