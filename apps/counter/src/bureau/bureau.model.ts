import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ReportMetrics } from '@onewindow/contracts';
import { toFigures } from '../report/report-query.service.js';
import { ReportFiguresModel } from '../report/report.model.js';
import { PUSH_STATUSES } from './bureau.entities.js';

/** The figures type of the monthly report (report/), so screens use one fragment for both. */
export type BureauFiguresValue = ReportFiguresModel;
export const figuresOf = (m: ReportMetrics): BureauFiguresValue => toFigures(m);

export const PushStatusEnum = Object.fromEntries(PUSH_STATUSES.map((s) => [s, s])) as { [K in (typeof PUSH_STATUSES)[number]]: K };
registerEnumType(PushStatusEnum, { name: 'ReportPushStatus', description: '报送状态：PENDING 待报送/重试中，DELIVERED 市局已接收，REFUSED 市局拒收（不再重试，需更正后重新结账）' });

@ObjectType({ description: '本分局一个月报版本（结账快照）及其报送状态' })
export class ReportCloseVersion {
  @Field() id: string;
  @Field() districtCode: string;
  @Field() districtName: string;
  @Field() month: string;
  @Field(() => Int) version: number;
  @Field() closedAt: Date;
  @Field() closedBy: string;
  @Field(() => Int, { description: '数据行数（派出所 × 警种 × 事项）' }) rowCount: number;
  @Field(() => PushStatusEnum) pushStatus: string;
  @Field(() => Int) pushAttempts: number;
  @Field(() => Date, { nullable: true }) lastPushAt: Date | null;
  @Field(() => String, { nullable: true, description: '最近一次报送失败或被拒收的原因' }) pushError: string | null;
  @Field(() => Date, { nullable: true, description: '市局接收时间' }) bureauReceivedAt: Date | null;
  @Field(() => ReportFiguresModel, { description: '该版本的分局合计' }) figures: BureauFiguresValue;
}

@ObjectType({ description: '市局收到的一个分局月报版本' })
export class BureauReportVersion {
  @Field() districtCode: string;
  @Field() districtName: string;
  @Field() month: string;
  @Field(() => Int) version: number;
  @Field() closedAt: Date;
  @Field() closedBy: string;
  @Field() receivedAt: Date;
  @Field() keyId: string;
  @Field(() => Int) rowCount: number;
  @Field(() => ReportFiguresModel) figures: BureauFiguresValue;
}

@ObjectType({ description: '全市汇总：各分局最新版本和全市合计' })
export class BureauCityReport {
  @Field() month: string;
  @Field(() => [BureauReportVersion], { description: '各分局最新版本（按单位代码）' }) districts: BureauReportVersion[];
  @Field(() => ReportFiguresModel, { description: '全市合计（各分局最新版本之和）' }) total: BureauFiguresValue;
  @Field(() => Int, { description: '已报送的分局数' }) districtsReported: number;
  @Field(() => [String], { description: '市局已登记公钥但本月尚未报送的分局代码' }) districtsMissing: string[];
}
