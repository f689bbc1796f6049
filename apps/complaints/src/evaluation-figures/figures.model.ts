import { ArgsType, Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Matches } from 'class-validator';
import { OFFICER_FLAGS, OFFICER_FLAG_LABELS, roundedRate, type OfficerFlag } from './figures.rules.js';
import type { FigureRowData, MonthlyFigures } from './figures.service.js';

const OfficerFlagEnum = Object.fromEntries(OFFICER_FLAGS.map((f) => [f, f])) as { [K in OfficerFlag]: K };
registerEnumType(OfficerFlagEnum, { name: 'OfficerFlag', description: '民警满意率提示：取消年度评优资格（低于 90%）/ 全局通报（低于 70%）' });

@ArgsType()
export class EvaluationFiguresArgs {
  @Field({ description: '月份（YYYY-MM）' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' })
  month: string;
}

@ObjectType({ description: '各评价等级的件数' })
export class LevelCountsView {
  @Field(() => Int) verySatisfied: number;
  @Field(() => Int) satisfied: number;
  @Field(() => Int) basic: number;
  @Field(() => Int) dissatisfied: number;
  @Field(() => Int) veryDissatisfied: number;
}

@ObjectType({ description: '一名民警、一个窗口或一个单位的月度评价统计' })
export class EvaluationFigureRow {
  @Field({ description: 'OFFICER / WINDOW / UNIT' }) kind: string;
  @Field({ description: '民警账号、窗口（单位代码-窗口号）或单位代码' }) key: string;
  @Field() label: string;
  @Field() unitCode: string;
  @Field(() => LevelCountsView) counts: LevelCountsView;
  @Field(() => Int, { description: '有效评价数（不含已作废）' }) total: number;
  @Field(() => Float, { nullable: true, description: '满意率 %：(非常满意 + 满意) / 有效评价数' }) satisfactionRate?: number;
  @Field(() => Int, { description: '星级（0–5）' }) stars: number;
  @Field(() => [OfficerFlagEnum], { description: '民警提示（取消年度评优资格 / 全局通报）' }) flags: OfficerFlag[];
  @Field(() => [String], { description: '提示的中文说明' }) flagLabels: string[];
}

@ObjectType({ description: '月度好差评统计' })
export class EvaluationFigures {
  @Field() month: string;
  @Field(() => Float, { description: '低于此满意率：取消年度评优资格' }) noAwardsBelow: number;
  @Field(() => Float, { description: '低于此满意率：全局通报' }) bureauNoticeBelow: number;
  @Field(() => [EvaluationFigureRow]) officers: EvaluationFigureRow[];
  @Field(() => [EvaluationFigureRow]) windows: EvaluationFigureRow[];
  @Field(() => [EvaluationFigureRow]) units: EvaluationFigureRow[];
}

function toRow(r: FigureRowData): EvaluationFigureRow {
  return {
    kind: r.kind, key: r.key, label: r.label, unitCode: r.unitCode,
    counts: { verySatisfied: r.counts.VERY_SATISFIED, satisfied: r.counts.SATISFIED, basic: r.counts.BASIC, dissatisfied: r.counts.DISSATISFIED, veryDissatisfied: r.counts.VERY_DISSATISFIED },
    total: r.total, satisfactionRate: roundedRate(r.satisfactionRate) ?? undefined, stars: r.stars, flags: r.flags, flagLabels: r.flags.map((f) => OFFICER_FLAG_LABELS[f]),
  };
}

export function toEvaluationFigures(f: MonthlyFigures): EvaluationFigures {
  return {
    month: f.month, noAwardsBelow: f.thresholds.noAwardsBelow, bureauNoticeBelow: f.thresholds.bureauNoticeBelow,
    officers: f.officers.map(toRow), windows: f.windows.map(toRow), units: f.units.map(toRow),
  };
}
