import { ArgsType, Field } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ReportExportFormatEnum } from '../report-export.model.js';
import { EXPORT_FORMATS, type ExportFormat } from '../report-export.service.js';

/** Month and unit are checked by the service (reportScope) so they fail with the report's typed codes. */
@ArgsType()
export class MonthlyReportExportArgs {
  @Field({ description: '统计月份（YYYY-MM）' })
  @IsString() @MaxLength(20)
  month: string;

  @Field({ nullable: true, description: '单位代码（市局 4 位、分局 6 位、派出所 9 位；缺省为本人单位）' })
  @IsOptional() @IsString() @MaxLength(20)
  unitCode?: string;

  @Field(() => ReportExportFormatEnum, { defaultValue: 'XLSX', description: '导出格式' })
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat = 'XLSX';
}
