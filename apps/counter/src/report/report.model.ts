import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PoliceType } from '@onewindow/contracts';

/** Level of a unit in the report hierarchy, by the length of its unit code (4 / 6 / 9 digits). */
export enum ReportLevel {
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  STATION = 'STATION',
}
registerEnumType(ReportLevel, { name: 'ReportLevel', description: '报表单位层级：市局（4位）、分局（6位）、派出所（9位）' });

@ObjectType('ReportFigures', {
  description: 'All counts of REPORT_METRICS (packages/contracts/src/report.messages.ts) plus the derived rates (deriveReportRates).',
})
export class ReportFiguresModel {
  @Field(() => Int, { description: '受理件数' }) accepted: number;
  @Field(() => Int, { description: '办结件数' }) completed: number;
  @Field(() => Int, { description: '按时办结件数' }) completedOnTime: number;
  @Field(() => Int, { description: '月末超期积压件数' }) overdueBacklog: number;
  @Field(() => Int, { description: '办结用时合计（工作日）' }) workingDaysSum: number;
  @Field(() => Int, { description: '一次性告知书出具数' }) noticesIssued: number;
  @Field(() => Int, { description: '告知后补齐受理数' }) noticesReturnedComplete: number;
  @Field(() => Int, { description: '容缺受理件数' }) toleratedAccepted: number;
  @Field(() => Int, { description: '容缺材料已补齐件数' }) toleratedSupplied: number;
  @Field(() => Int, { description: '跨警种移交数' }) transfersOpened: number;
  @Field(() => Int, { description: '移交办结数' }) transfersCompleted: number;
  @Field(() => Int, { description: '移交按时办结数' }) transfersCompletedOnTime: number;
  @Field(() => Int, { description: '短信发送成功数' }) smsSent: number;
  @Field(() => Int, { description: '短信发送失败数' }) smsFailed: number;
  @Field(() => Int, { description: '上门服务次数（上门办理完成的件数，按办结月份）' }) homeVisits: number;
  @Field(() => Int, { description: '评价：非常满意' }) evaluationsVerySatisfied: number;
  @Field(() => Int, { description: '评价：满意' }) evaluationsSatisfied: number;
  @Field(() => Int, { description: '评价：基本满意' }) evaluationsBasic: number;
  @Field(() => Int, { description: '评价：不满意' }) evaluationsDissatisfied: number;
  @Field(() => Int, { description: '评价：非常不满意' }) evaluationsVeryDissatisfied: number;
  @Field(() => Int, { description: '投诉：服务态度' }) complaintsAttitude: number;
  @Field(() => Int, { description: '投诉：办事拖延' }) complaintsDelay: number;
  @Field(() => Int, { description: '投诉：业务不熟' }) complaintsUnfamiliar: number;
  @Field(() => Int, { description: '投诉：违规违纪' }) complaintsMisconduct: number;
  @Field(() => Int, { description: '咨询' }) complaintsConsultation: number;
  @Field(() => Int, { description: '建议' }) complaintsSuggestion: number;
  @Field(() => Int, { description: '表扬' }) complaintsPraise: number;
  @Field(() => Float, { nullable: true, description: '按时办结率（无办结为空）' }) onTimeRate: number | null;
  @Field(() => Float, { nullable: true, description: '平均办结用时（工作日）' }) averageWorkingDays: number | null;
  @Field(() => Float, { nullable: true, description: '告知后补齐率' }) noticeReturnRate: number | null;
  @Field(() => Float, { nullable: true, description: '移交按时率' }) transferOnTimeRate: number | null;
  @Field(() => Float, { nullable: true, description: '短信失败率' }) smsFailureRate: number | null;
  @Field(() => Float, { nullable: true, description: '满意率（非常满意+满意）/全部评价' }) satisfactionRate: number | null;
  @Field(() => Int, { description: '评价总数' }) evaluations: number;
  @Field(() => Int, { description: '投诉、咨询、建议、表扬总数' }) complaints: number;
}

@ObjectType('ReportLine', {
  description: 'One line of a drill-down: a district (of the city), a station (of a district), or a police type × item (of a station or of the whole scope).',
})
export class ReportLineModel {
  @Field({ description: "unit code, or `<policeType>:<itemCode>` ('-' for figures of no item)" }) key: string;
  @Field({ description: '单位名称或事项名称' }) label: string;
  @Field(() => String, { nullable: true, description: '单位行：单位代码（可继续下钻）' }) unitCode: string | null;
  @Field(() => PoliceType, { nullable: true, description: '事项行、警种行：警种' }) policeType: PoliceType | null;
  @Field(() => String, { nullable: true, description: '事项行：事项编码（空 = 不属于任何事项的数字，如短信、投诉、评价）' }) itemCode: string | null;
  @Field(() => ReportFiguresModel) figures: ReportFiguresModel;
  @Field(() => ReportFiguresModel, { description: '上月（环比）' }) previousMonth: ReportFiguresModel;
}

@ObjectType('ReportTrendPoint')
export class ReportTrendPointModel {
  @Field({ description: 'YYYY-MM' }) month: string;
  @Field(() => ReportFiguresModel) figures: ReportFiguresModel;
}

@ObjectType('MonthlyReport', { description: '月报（某单位某月）' })
export class MonthlyReportModel {
  @Field({ description: 'YYYY-MM' }) month: string;
  @Field() unitCode: string;
  @Field() unitName: string;
  @Field(() => ReportLevel) level: ReportLevel;
  @Field(() => ReportFiguresModel, { description: '本单位（含下级）本月' }) figures: ReportFiguresModel;
  @Field(() => ReportFiguresModel, { description: '上月（环比）' }) previousMonth: ReportFiguresModel;
  @Field(() => ReportFiguresModel, { description: '去年同月（同比）' }) sameMonthLastYear: ReportFiguresModel;
  @Field(() => [ReportLineModel], { description: '按警种：key = 警种' }) byPoliceType: ReportLineModel[];
  @Field(() => [ReportLineModel], { description: '下钻：市局 → 分局，分局 → 派出所，派出所 → 事项' }) children: ReportLineModel[];
  @Field(() => [ReportLineModel], { description: '全范围 警种 × 事项，按一次性告知书出具数降序' }) items: ReportLineModel[];
  @Field(() => [ReportTrendPointModel], { description: '截至本月的 12 个月，由远及近' }) trend: ReportTrendPointModel[];
}
