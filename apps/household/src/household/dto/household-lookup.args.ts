import { ArgsType, Field } from '@nestjs/graphql';
import { PurposeArgs } from '@onewindow/platform';
import { IsString, Matches } from 'class-validator';

@ArgsType()
export class HouseholdLookupArgs extends PurposeArgs {
  @Field({ description: '户号' })
  @IsString()
  @Matches(/^\d{6,20}$/, { message: '户号应为 6 至 20 位数字' })
  householdNumber: string;
}
