import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The month and unit are checked by the service (typed errors REPORT_MONTH_INVALID, REPORT_UNIT_UNKNOWN …). */
@ArgsType()
export class MonthlyReportArgs {
  @Field({ description: '月份 YYYY-MM' })
  @IsString()
  @MaxLength(20)
  month: string;

  @Field(() => String, { nullable: true, description: '单位代码（4 位市局、6 位分局、9 位派出所）；省略 = 本人单位' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  unitCode?: string | null;
}
