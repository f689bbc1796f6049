import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDateScalar } from '@onewindow/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';

export enum InspectionTemplateCodeEnum {
  DAILY_PATROL = 'DAILY_PATROL',
  MONTHLY_CHECK = 'MONTHLY_CHECK',
  QUARTERLY_ASSESSMENT = 'QUARTERLY_ASSESSMENT',
}
registerEnumType(InspectionTemplateCodeEnum, { name: 'InspectionTemplateCode', description: '检查模板：日常巡查 / 月度检查 / 季度考核' });

export enum InspectionItemResultEnum {
  PASS = 'PASS',
  PROBLEM = 'PROBLEM',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}
registerEnumType(InspectionItemResultEnum, { name: 'InspectionItemResult', description: '检查项结果：合格 / 发现问题 / 不适用' });

export enum FindingStatusEnum {
  RECTIFYING = 'RECTIFYING',
  RECTIFIED = 'RECTIFIED',
  CLOSED = 'CLOSED',
}
registerEnumType(FindingStatusEnum, { name: 'SupervisionFindingStatus', description: '整改状态：整改中 / 已整改（待销号）/ 已销号' });

export enum DrawCaseResultEnum {
  PENDING = 'PENDING',
  PASS = 'PASS',
  PROBLEM = 'PROBLEM',
}
registerEnumType(DrawCaseResultEnum, { name: 'RandomInspectionResult', description: '抽查结果：待检查 / 合格 / 发现问题' });

// ---- templates ----------------------------------------------------------------------------

@ObjectType({ description: '检查项' })
export class InspectionChecklistItem {
  @Field({ description: '检查项编码' }) code: string;
  @Field({ description: '检查内容' }) text: string;
  @Field({ nullable: true, description: '检查方法' }) method?: string;
}

@ObjectType({ description: '检查模板的一个版本（旧版本保留，检查记录保留所用版本）' })
export class InspectionTemplate {
  @Field(() => InspectionTemplateCodeEnum) code: InspectionTemplateCodeEnum;
  @Field(() => Int) version: number;
  @Field({ description: '名称，如 日常巡查' }) name: string;
  @Field({ description: '频次：DAILY / MONTHLY / QUARTERLY' }) cadence: string;
  @Field(() => [InspectionChecklistItem]) items: InspectionChecklistItem[];
  @Field({ description: '发布人' }) publishedBy: string;
  @Field() publishedAt: Date;
}

@InputType({ description: '检查项' })
export class ChecklistItemInput {
  @Field() @IsString() @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: '检查项编码为大写字母、数字和下划线' }) code: string;
  @Field() @IsString() @Length(2, 200) text: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) method?: string;
}

@InputType({ description: '发布检查模板的新版本（市局督察）' })
export class PublishInspectionTemplateInput {
  @Field(() => InspectionTemplateCodeEnum) @IsEnum(InspectionTemplateCodeEnum) code: InspectionTemplateCodeEnum;
  @Field(() => [ChecklistItemInput]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ChecklistItemInput) items: ChecklistItemInput[];
}

// ---- inspections and findings -------------------------------------------------------------

@InputType({ description: '发现问题：问题描述、责任人和整改期限' })
export class FindingInput {
  @Field({ description: '问题描述' }) @IsString() @Length(2, 1000) description: string;
  @Field({ description: '责任民警账号' }) @IsString() @Length(2, 64) officerAccount: string;
  @Field({ description: '责任民警姓名' }) @IsString() @Length(1, 40) officerName: string;
  @Field(() => Int, { description: '整改期限（工作日，1–60）' }) @IsInt() deadlineDays: number;
}

@InputType({ description: '一个检查项的结果' })
export class InspectionItemResultInput {
  @Field() @IsString() @Length(1, 40) itemCode: string;
  @Field(() => InspectionItemResultEnum) @IsEnum(InspectionItemResultEnum) result: InspectionItemResultEnum;
  @Field({ nullable: true, description: '备注' }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
  @Field(() => FindingInput, { nullable: true, description: '结果为发现问题时必填' }) @IsOptional() @ValidateNested() @Type(() => FindingInput) finding?: FindingInput;
}

@InputType({ description: '记录一次督察检查（按模板逐项）' })
export class RecordInspectionInput {
  @Field(() => InspectionTemplateCodeEnum) @IsEnum(InspectionTemplateCodeEnum) templateCode: InspectionTemplateCodeEnum;
  @Field({ description: '被检查单位（派出所，9 位单位代码）' }) @IsString() @Matches(/^\d{4,12}$/, { message: '单位代码为 4–12 位数字' }) unitCode: string;
  @Field(() => LocalDateScalar, { nullable: true, description: '检查日期（默认今天，不能晚于今天）' }) @IsOptional() inspectedOn?: string;
  @Field(() => [InspectionItemResultInput]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => InspectionItemResultInput) results: InspectionItemResultInput[];
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

@ObjectType({ description: '检查项结果' })
export class InspectionItemOutcome {
  @Field() itemCode: string;
  @Field() itemText: string;
  @Field(() => InspectionItemResultEnum) result: InspectionItemResultEnum;
  @Field({ nullable: true }) note?: string;
}

@ObjectType({ description: '整改记录' })
export class FindingHistoryLine {
  @Field() at: Date;
  @Field() actorName: string;
  @Field({ description: '发现问题 / 报告整改 / 销号 / 退回 / 超期' }) action: string;
  @Field({ nullable: true }) note?: string;
}

@ObjectType({ description: '督察发现的问题及其整改' })
export class SupervisionFinding {
  @Field(() => ID) id: string;
  @Field(() => ID) inspectionId: string;
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field() itemCode: string;
  @Field() itemText: string;
  @Field() description: string;
  @Field({ description: '责任民警账号' }) officerAccount: string;
  @Field({ description: '责任民警姓名' }) officerName: string;
  @Field(() => Int, { description: '整改期限（工作日）' }) deadlineDays: number;
  @Field(() => LocalDateScalar, { description: '整改截止日期' }) deadline: string;
  @Field({ description: '截止日期依据的节假日安排尚未公布（暂按周一至周五计算）' }) deadlineProvisional: boolean;
  @Field(() => FindingStatusEnum) status: FindingStatusEnum;
  @Field({ nullable: true, description: '整改情况' }) rectification?: string;
  @Field({ description: '已超期未整改' }) overdue: boolean;
  @Field(() => [FindingHistoryLine]) history: FindingHistoryLine[];
  @Field() updatedAt: Date;
}

@ObjectType({ description: '一次督察检查' })
export class SupervisionInspection {
  @Field(() => ID) id: string;
  @Field(() => InspectionTemplateCodeEnum) templateCode: InspectionTemplateCodeEnum;
  @Field(() => Int, { description: '所用模板版本' }) templateVersion: number;
  @Field() templateName: string;
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field(() => LocalDateScalar) inspectedOn: string;
  @Field({ description: '检查人' }) inspectorName: string;
  @Field(() => [InspectionItemOutcome]) results: InspectionItemOutcome[];
  @Field({ nullable: true }) note?: string;
  @Field(() => [SupervisionFinding]) findings: SupervisionFinding[];
  @Field() createdAt: Date;
}

@InputType({ description: '单位报告整改情况' })
export class ReportRectificationInput {
  @Field(() => ID) @IsUUID() findingId: string;
  @Field({ description: '整改情况' }) @IsString() @Length(2, 2000) rectification: string;
}

@InputType({ description: '督察核验整改：销号或退回' })
export class VerifyRectificationInput {
  @Field(() => ID) @IsUUID() findingId: string;
  @Field({ description: 'true 销号；false 退回重新整改' }) @IsBoolean() accept: boolean;
  @Field({ nullable: true, description: '核验意见（退回时必填）' }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

// ---- roster and random inspections --------------------------------------------------------

@ObjectType({ description: '双随机检查人员名录中的一人' })
export class RandomInspector {
  @Field() account: string;
  @Field() name: string;
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field() active: boolean;
}

@InputType({ description: '登记或修改检查人员（市局督察）' })
export class SaveInspectorInput {
  @Field() @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{1,63}$/, { message: '账号为小写字母、数字、点、下划线或短横线' }) account: string;
  @Field() @IsString() @Length(1, 40) name: string;
  @Field() @IsString() @Matches(/^\d{4,12}$/, { message: '单位代码为 4–12 位数字' }) unitCode: string;
  @Field({ defaultValue: true }) @IsBoolean() active: boolean = true;
}

@InputType({ description: '双随机抽取：从单位（代码前缀）某月已办结的办件中抽 N 件、从名录中抽 M 人' })
export class DrawRandomInspectionInput {
  @Field({ description: '单位代码前缀（市 4 位 / 区 6 位 / 所 9 位）' }) @IsString() @Matches(/^\d{4,12}$/, { message: '单位代码为 4–12 位数字' }) unitPrefix: string;
  @Field({ description: '月份 YYYY-MM（按办结时间）' }) @IsString() @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式为 YYYY-MM' }) month: string;
  @Field(() => Int, { description: '抽取办件数 N' }) @IsInt() caseCount: number;
  @Field(() => Int, { description: '抽取检查人员数 M' }) @IsInt() inspectorCount: number;
  @Field({ nullable: true, description: '随机种子（不填则自动生成并记录；同一种子可复现抽取结果）' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{4,64}$/, { message: '随机种子为 4–64 位字母、数字或短横线' })
  seed?: string;
}

@ObjectType({ description: '抽中的办件及分配的检查人员（不含当事人信息）' })
export class RandomInspectionCase {
  @Field(() => Int) position: number;
  @Field({ description: '办件编号' }) caseNumber: string;
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field() policeType: string;
  @Field() itemCode: string;
  @Field() itemName: string;
  @Field() inspectorAccount: string;
  @Field() inspectorName: string;
  @Field(() => DrawCaseResultEnum) result: DrawCaseResultEnum;
  @Field({ nullable: true }) note?: string;
}

@ObjectType({ description: '一次双随机抽查' })
export class RandomInspectionDraw {
  @Field(() => ID) id: string;
  @Field() unitPrefix: string;
  @Field() unitName: string;
  @Field() month: string;
  @Field({ description: '随机种子（记录在案，可复现）' }) seed: string;
  @Field(() => Int) caseCount: number;
  @Field(() => Int) inspectorCount: number;
  @Field(() => Int, { description: '可抽办件数' }) casePoolSize: number;
  @Field(() => Int, { description: '名录人数' }) inspectorPoolSize: number;
  @Field({ description: '抽取人' }) drawnByName: string;
  @Field() drawnAt: Date;
  @Field({ nullable: true, description: '公开时间' }) publishedAt?: Date;
  @Field(() => [String], { description: '抽中的检查人员姓名' }) inspectors: string[];
  @Field(() => [RandomInspectionCase]) cases: RandomInspectionCase[];
}

@InputType({ description: '录入一件抽查办件的检查结果' })
export class RecordRandomInspectionResultInput {
  @Field(() => ID) @IsUUID() drawId: string;
  @Field() @IsString() @Length(1, 40) caseNumber: string;
  @Field(() => DrawCaseResultEnum) @IsEnum(DrawCaseResultEnum) result: DrawCaseResultEnum;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

@ObjectType({ description: '抽查办件的当事人信息（默认脱敏；每次查看均留痕审计）' })
export class RandomInspectionCaseParty {
  @Field() caseNumber: string;
  @Field() applicantName: string;
  @Field() applicantIdNumber: string;
  @Field({ nullable: true }) applicantPhone?: string;
  @Field() firstInquiryOwnerName: string;
  @Field() masked: boolean;
}

@ObjectType({ description: '公开结果：按事项汇总' })
export class PublishedItemResult {
  @Field() itemName: string;
  @Field(() => Int) checked: number;
  @Field(() => Int) passed: number;
  @Field(() => Int) problems: number;
}

@ObjectType({ description: '双随机抽查公开结果（不含任何个人信息和办件编号）' })
export class PublishedRandomInspection {
  @Field(() => ID) id: string;
  @Field() unitPrefix: string;
  @Field() unitName: string;
  @Field() month: string;
  @Field(() => Int) cases: number;
  @Field(() => Int) inspectors: number;
  @Field(() => Int) passed: number;
  @Field(() => Int) problems: number;
  @Field(() => [PublishedItemResult]) byItem: PublishedItemResult[];
  @Field() publishedAt: Date;
}
