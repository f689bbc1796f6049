import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { type ComplaintChannel, type ComplaintKind } from '@onewindow/contracts';
import { ComplaintChannelEnum, ComplaintKindEnum } from '../complaint/complaint.model.js';
import { EXPORT_FORMATS, type ExportFormat } from './analysis.service.js';
import { UNIT_LEVELS, type UnitLevel } from './analysis.rules.js';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const UnitLevelEnum = asEnum(UNIT_LEVELS);
registerEnumType(UnitLevelEnum, { name: 'ComplaintAnalysisUnitLevel', description: '按单位代码前缀汇总：派出所（完整代码）/ 分局（6 位）/ 市局（4 位）' });
export const ExportFormatEnum = asEnum(EXPORT_FORMATS);
registerEnumType(ExportFormatEnum, { name: 'ComplaintAnalysisExportFormat', description: '导出格式：XLSX（Excel）/ CSV（UTF-8 带 BOM）' });

@ObjectType({ description: '按投诉类别计数' })
export class ComplaintKindCount {
  @Field(() => ComplaintKindEnum) kind: ComplaintKind;
  @Field(() => Int) count: number;
}

@ObjectType({ description: '按信访渠道计数' })
export class ComplaintChannelCount {
  @Field(() => ComplaintChannelEnum) channel: ComplaintChannel;
  @Field(() => Int) count: number;
}

@ObjectType({ description: '一组（单位 × 警种、单位、警种或合计）的月度信访数字' })
export class ComplaintAnalysisFigures {
  @Field(() => String, { nullable: true, description: '单位代码（警种汇总时为空）' }) unitCode: string | null;
  @Field(() => String, { nullable: true, description: '单位名称' }) unitName: string | null;
  @Field(() => String, { nullable: true, description: '警种（单位汇总和合计时为空）' }) policeType: string | null;
  @Field(() => Int, { description: '本月新发件数（重复投诉不重复计数）' }) total: number;
  @Field(() => Int, { description: '上月新发件数' }) previousTotal: number;
  @Field(() => Int, { description: '环比增减' }) change: number;
  @Field(() => Float, { nullable: true, description: '环比（上月为 0 时为空）' }) changeRate: number | null;
  @Field(() => [ComplaintKindCount]) byKind: ComplaintKindCount[];
  @Field(() => [ComplaintChannelCount]) byChannel: ComplaintChannelCount[];
  @Field(() => Int, { description: '本月重复投诉件数' }) repeatComplaints: number;
  @Field(() => Int, { description: '本月重复投诉人数' }) repeatComplainants: number;
  @Field(() => Int, { description: '受理或办结期限在本月届满而未按期完成的件数' }) overdue: number;
  @Field(() => Int, { description: '属实件数（含部分属实）' }) substantiated: number;
  @Field(() => Int, { description: '已核查件数（属实、部分属实、不属实）' }) investigated: number;
  @Field(() => Float, { nullable: true, description: '属实率' }) substantiatedRate: number | null;
  @Field(() => Int, { description: '本月扣分次数（未撤销）' }) deductions: number;
  @Field(() => Int, { description: '本月单位扣分' }) deductionPoints: number;
}

@ObjectType({ description: '重复投诉人（本月有重复投诉；信访民警和督察看到完整信息并留痕，其他人脱敏）' })
export class RepeatComplainantFigure {
  @Field() complainantName: string;
  @Field() complainantPhone: string;
  @Field(() => Int, { description: '本月投诉件数' }) complaints: number;
  @Field(() => Int, { description: '其中重复件数' }) repeats: number;
  @Field({ description: '首件信访编号' }) firstNumber: string;
  @Field(() => [String], { description: '被投诉单位代码' }) unitCodes: string[];
}

@ObjectType({ description: '信访投诉月度分析' })
export class ComplaintAnalysisReport {
  @Field({ description: '统计月份 YYYY-MM' }) month: string;
  @Field() previousMonth: string;
  @Field(() => UnitLevelEnum) level: UnitLevel;
  @Field({ description: '统计范围（单位代码前缀；空为全局）' }) unitPrefix: string;
  @Field({ description: '统计截止日' }) asOf: string;
  @Field(() => ComplaintAnalysisFigures) total: ComplaintAnalysisFigures;
  @Field(() => [ComplaintAnalysisFigures]) byPoliceType: ComplaintAnalysisFigures[];
  @Field(() => [ComplaintAnalysisFigures]) byUnit: ComplaintAnalysisFigures[];
  @Field(() => [ComplaintAnalysisFigures], { description: '单位 × 警种' }) groups: ComplaintAnalysisFigures[];
  @Field(() => [RepeatComplainantFigure]) repeatComplainants: RepeatComplainantFigure[];
}

@ObjectType({ description: '导出的文件（Base64，与受理回执 PDF 的交付方式相同）' })
export class ComplaintAnalysisFile {
  @Field() fileName: string;
  @Field() mimeType: string;
  @Field() contentBase64: string;
}

export type { ExportFormat };
