import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

export const AUDIT_EXPORT_FORMATS = ['XLSX', 'CSV'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];
export const AuditExportFormatEnum = { XLSX: 'XLSX', CSV: 'CSV' } as const;
registerEnumType(AuditExportFormatEnum, { name: 'AuditTrailExportFormat', description: '导出格式：XLSX（Excel）/ CSV（UTF-8 带 BOM）' });

@InputType({ description: '审计查询条件（日期按北京时间，含首尾两天）' })
export class AuditTrailFilter {
  @Field({ nullable: true, description: '被查询对象（公民身份号码、号牌、业务编号等，精确匹配）' })
  @IsOptional() @IsString() @Length(1, 64)
  personRef?: string;

  @Field({ nullable: true, description: '操作民警（用户名）' })
  @IsOptional() @Matches(/^[a-zA-Z0-9._:-]{1,64}$/, { message: '用户名格式不正确' })
  officer?: string;

  @Field({ nullable: true, description: '操作人所属单位（单位代码前缀，须在本人督察辖区内）' })
  @IsOptional() @Matches(/^\d{4,12}$/, { message: '单位代码应为 4 至 12 位数字' })
  unitCode?: string;

  @Field({ nullable: true, description: '操作类型，如 CITIZEN_READ、SIGN_IN_FAILED、MUTATION' })
  @IsOptional() @Matches(/^[A-Z0-9_:.-]{1,64}$/, { message: '操作类型格式不正确' })
  action?: string;

  @Field({ description: '开始日期 YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  from: string;

  @Field({ description: '结束日期 YYYY-MM-DD（含当天）' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  to: string;
}

@ArgsType()
export class AuditTrailArgs {
  @Field(() => AuditTrailFilter)
  @ValidateNested() @Type(() => AuditTrailFilter)
  filter: AuditTrailFilter;

  @Field(() => Int, { defaultValue: 50, description: '每页条数（1–200）' })
  @IsInt() @Min(1) @Max(200)
  first = 50;

  @Field({ nullable: true, description: '上一页返回的 endCursor' })
  @IsOptional() @IsString() @Length(1, 4000)
  after?: string;

  @Field(() => Boolean, { defaultValue: false, description: '显示完整的被查询对象（仅督察；留痕）' })
  @IsBoolean()
  unmasked = false;
}

@ArgsType()
export class AuditTrailExportArgs {
  @Field(() => AuditTrailFilter)
  @ValidateNested() @Type(() => AuditTrailFilter)
  filter: AuditTrailFilter;

  @Field(() => AuditExportFormatEnum, { description: '导出格式' })
  @IsIn(AUDIT_EXPORT_FORMATS)
  format: AuditExportFormat;

  @Field(() => Boolean, { defaultValue: false, description: '导出完整的被查询对象（仅督察；留痕）' })
  @IsBoolean()
  unmasked = false;
}

@ObjectType({ description: '一条审计记录' })
export class AuditTrailEntry {
  @Field({ description: '记录所在服务' }) service: string;
  @Field({ description: '时间（ISO，UTC）' }) at: string;
  @Field({ description: '操作人用户名' }) actor: string;
  @Field({ description: '操作人单位代码' }) actorUnit: string;
  @Field(() => String, { description: '操作人单位名称', nullable: true }) actorUnitName: string | null;
  @Field({ description: '操作类型' }) action: string;
  @Field({ description: '对象类型' }) subjectType: string;
  @Field({ description: '对象（默认脱敏）' }) subjectRef: string;
  @Field(() => String, { nullable: true, description: '查询事由' }) purpose: string | null;
  @Field({ description: '结果：SUCCESS / DENIED / FAILURE' }) outcome: string;
  @Field({ description: '详情（JSON，默认脱敏）' }) details: string;
}

@ObjectType()
export class AuditTrailPageInfo {
  @Field(() => String, { nullable: true }) endCursor: string | null;
  @Field() hasNextPage: boolean;
}

@ObjectType({ description: '审计查询结果（跨六个服务）' })
export class AuditTrailPage {
  @Field(() => [AuditTrailEntry]) entries: AuditTrailEntry[];
  @Field(() => AuditTrailPageInfo) pageInfo: AuditTrailPageInfo;
  @Field(() => [String], { description: '本页未应答的服务（其记录未包含在本页，稍后翻页或重试）' }) unansweredServices: string[];
}

@ObjectType({ description: '审计查询导出文件' })
export class AuditTrailFile {
  @Field() fileName: string;
  @Field() mimeType: string;
  @Field() contentBase64: string;
  @Field(() => Int) rowCount: number;
  @Field({ description: '是否因条数上限截断' }) truncated: boolean;
  @Field(() => [String]) unansweredServices: string[];
}
