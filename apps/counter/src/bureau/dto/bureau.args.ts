import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

/** The month is checked by the services so a bad one fails with REPORT_MONTH_INVALID. */
@ArgsType()
export class MonthArgs {
  @Field({ description: '统计月份（YYYY-MM）' })
  @IsString() @MaxLength(20)
  month: string;
}

@ArgsType()
export class BureauVersionsArgs extends MonthArgs {
  @Field({ description: '分局单位代码（6 位）' })
  @IsString() @MaxLength(20)
  districtCode: string;
}
