import { ArgsType, Field } from '@nestjs/graphql';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { EXPORT_FORMATS, type ExportFormat } from '../analysis.service.js';
import { UNIT_LEVELS, type UnitLevel } from '../analysis.rules.js';
import { ExportFormatEnum, UnitLevelEnum } from '../analysis.model.js';

@ArgsType()
export class ComplaintAnalysisArgs {
  @Field({ description: '统计月份（YYYY-MM）' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '统计月份格式应为 YYYY-MM' })
  month: string;

  @Field(() => UnitLevelEnum, { defaultValue: 'STATION', description: '按派出所 / 分局 / 市局汇总' })
  @IsIn(UNIT_LEVELS)
  level: UnitLevel = 'STATION';

  @Field({ nullable: true, description: '只看某单位（单位代码前缀，须在本人辖区内）' })
  @IsOptional()
  @Matches(/^\d{4,12}$/, { message: '单位代码应为 4 至 12 位数字' })
  unitPrefix?: string;
}

@ArgsType()
export class ComplaintAnalysisExportArgs extends ComplaintAnalysisArgs {
  @Field(() => ExportFormatEnum, { description: '导出格式' })
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;
}
