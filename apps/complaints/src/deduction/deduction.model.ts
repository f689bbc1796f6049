import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PoliceType, type ComplaintFinding } from '@onewindow/contracts';
import { ComplaintFindingEnum } from '../complaint/complaint.model.js';
import type { ComplaintDeductionEntity } from './deduction.entity.js';
import { DEDUCTION_CONSEQUENCES, type DeductionConsequence } from './deduction.rules.js';

export const DeductionConsequenceEnum = Object.fromEntries(DEDUCTION_CONSEQUENCES.map((v) => [v, v])) as { [K in DeductionConsequence]: K };
registerEnumType(DeductionConsequenceEnum, {
  name: 'DeductionConsequence',
  description: '年度内因信访投诉被扣分的后果：无 / 取消立功授奖和评优资格（2 次）/ 下发《提示单》（3 次及以上）',
});

@ObjectType({ description: '信访投诉扣分（经核查属实或部分属实、民警确有责任）' })
export class ComplaintDeduction {
  @Field(() => ID) id: string;
  @Field({ description: '信访编号' }) complaintNumber: string;
  @Field(() => ComplaintFindingEnum, { description: '核查结论' }) finding: ComplaintFinding;
  @Field(() => PoliceType, { description: '警种' }) policeType: PoliceType;
  @Field({ description: '责任单位代码' }) unitCode: string;
  @Field({ description: '责任民警账号' }) officerUsername: string;
  @Field({ nullable: true, description: '责任民警姓名' }) officerName?: string;
  @Field(() => Int, { description: '单位扣分' }) unitPoints: number;
  @Field(() => Int, { description: '民警扣分' }) officerPoints: number;
  @Field({ description: '扣分日期' }) deductedOn: string;
  @Field(() => Int, { description: '计入年度' }) year: number;
  @Field({ description: '是否已撤销' }) reversed: boolean;
  @Field({ nullable: true, description: '撤销日期' }) reversedOn?: string;
  @Field({ nullable: true, description: '撤销人' }) reversedBy?: string;
  @Field({ nullable: true, description: '撤销理由' }) reversalReason?: string;
}

@ObjectType({ description: '民警年度扣分情况' })
export class OfficerDeductionStanding {
  @Field() officerUsername: string;
  @Field(() => String, { nullable: true }) officerName?: string | null;
  @Field({ description: '单位代码' }) unitCode: string;
  @Field(() => Int, { description: '年度内被扣分次数（未撤销）' }) deductions: number;
  @Field(() => Int, { description: '年度内扣分合计' }) points: number;
  @Field(() => DeductionConsequenceEnum, { description: '后果' }) consequence: DeductionConsequence;
}

@ObjectType({ description: '单位年度扣分情况' })
export class UnitDeductionStanding {
  @Field() unitCode: string;
  @Field(() => Int) deductions: number;
  @Field(() => Int) points: number;
}

@ObjectType({ description: '年度扣分汇总（督察：本单位；分析人员：全局，只读）' })
export class ComplaintDeductionStandings {
  @Field(() => Int) year: number;
  @Field(() => [OfficerDeductionStanding]) officers: OfficerDeductionStanding[];
  @Field(() => [UnitDeductionStanding]) units: UnitDeductionStanding[];
}

export function toDeduction(d: ComplaintDeductionEntity): ComplaintDeduction {
  return {
    id: d.id, complaintNumber: d.complaintNumber, finding: d.finding, policeType: d.policeType as PoliceType, unitCode: d.unitCode,
    officerUsername: d.officerUsername, officerName: d.officerName ?? undefined, unitPoints: d.unitPoints, officerPoints: d.officerPoints,
    deductedOn: d.deductedOn, year: d.year, reversed: !!d.reversedOn, reversedOn: d.reversedOn ?? undefined, reversedBy: d.reversedBy ?? undefined,
    reversalReason: d.reversalReason ?? undefined,
  };
}
