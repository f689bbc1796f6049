import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EXPORT_FORMATS } from './report-export.service.js';

export const ReportExportFormatEnum = Object.fromEntries(EXPORT_FORMATS.map((f) => [f, f])) as { [K in (typeof EXPORT_FORMATS)[number]]: K };
registerEnumType(ReportExportFormatEnum, { name: 'ReportExportFormat', description: '月报导出格式：XLSX（Excel，每个警种一张表）/ CSV（UTF-8 带 BOM）' });

@ObjectType({ description: '月报导出文件（base64）' })
export class MonthlyReportFile {
  @Field({ description: '文件名，如 月报-成都市公安局武侯区分局-2026-11.xlsx' }) filename: string;
  @Field({ description: 'MIME 类型' }) contentType: string;
  @Field({ description: '文件内容（base64）' }) base64: string;
  @Field(() => Int, { description: '数据行数（派出所 × 警种 × 事项；0 表示只有表头）' }) rowCount: number;
}
