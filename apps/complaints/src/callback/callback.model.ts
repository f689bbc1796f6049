import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CALLBACK_STATUSES, PoliceType, type CallbackStatus, type EvaluationChannel, type EvaluationLevel, type Identity } from '@onewindow/contracts';
import { recordMasker } from '@onewindow/platform';
import { EvaluationChannelEnum, EvaluationLevelEnum, EvaluationReasonEnum } from '../evaluation/evaluation.model.js';
import type { EvaluationReason } from '../evaluation/evaluation.rules.js';
import type { CallbackTaskRow } from './callback.repository.js';
import { worksTask } from './callback.service.js';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const CallbackStatusEnum = asEnum(CALLBACK_STATUSES);
registerEnumType(CallbackStatusEnum, { name: 'CallbackStatus', description: '回访核实状态：待回访 / 已回访 / 已整改 / 已说明 / 差评已作废' });
export const CallbackDeadlineStateEnum = asEnum(['ON_TIME', 'DUE_SOON', 'OVERDUE', 'DONE'] as const);
registerEnumType(CallbackDeadlineStateEnum, { name: 'CallbackDeadlineState', description: '期限状态：正常 / 今日到期 / 超期 / 已完成' });
export const CallbackOutcomeEnum = asEnum(['RECTIFIED', 'EXPLAINED'] as const);
registerEnumType(CallbackOutcomeEnum, { name: 'CallbackOutcome', description: '核实结果：已整改 / 作出说明' });

@ObjectType({ description: '回访核实任务（差评）；列表中评价人信息脱敏' })
export class CallbackTask {
  @Field(() => ID) id: string;
  @Field(() => CallbackStatusEnum) status: CallbackStatus;
  @Field(() => CallbackDeadlineStateEnum) deadlineState: string;
  @Field() unitCode: string;
  @Field() applicationNumber: string;
  @Field(() => EvaluationLevelEnum) level: EvaluationLevel;
  @Field(() => EvaluationChannelEnum) channel: EvaluationChannel;
  @Field(() => [EvaluationReasonEnum]) reasons: EvaluationReason[];
  @Field({ nullable: true }) comment?: string;
  @Field({ nullable: true, description: '被评价民警' }) officerName?: string;
  @Field({ nullable: true }) windowNo?: string;
  @Field({ nullable: true, description: '评价人联系电话（列表脱敏；详情凭查询事由显示）' }) evaluatorPhone?: string;
  @Field() evaluatedOn: string;
  @Field({ description: '回访期限（1 个工作日）' }) callbackDue: string;
  @Field({ description: '整改或说明期限' }) resolveDue: string;
  @Field({ nullable: true }) callbackNote?: string;
  @Field({ nullable: true }) calledBackOn?: string;
  @Field({ nullable: true }) resolutionNote?: string;
  @Field({ nullable: true }) resolvedOn?: string;
  @Field({ description: '是否已短信告知评价人处理结果' }) evaluatorNotified: boolean;
  @Field({ description: '当前用户能否办理（本辖区督察）' }) workable: boolean;
}

export function toCallbackTask(row: CallbackTaskRow, viewer: Identity, opts: { list?: boolean } = {}): CallbackTask {
  const { task: t, evaluation: e } = row;
  const mask = recordMasker(viewer, { policeType: PoliceType.COMPLAINTS, unitCode: t.unitCode }, opts);
  return {
    id: t.id, status: t.status, deadlineState: t.deadlineState, unitCode: t.unitCode, applicationNumber: e.applicationNumber, level: e.level, channel: e.channel,
    reasons: e.reasons, comment: e.comment ?? undefined, officerName: e.officerName ?? undefined, windowNo: e.windowNo ?? undefined,
    evaluatorPhone: mask.phone(e.applicantPhone) ?? undefined, evaluatedOn: e.evaluatedOn, callbackDue: t.callbackDue, resolveDue: t.resolveDue,
    callbackNote: t.callbackNote ?? undefined, calledBackOn: t.calledBackOn ?? undefined, resolutionNote: t.resolutionNote ?? undefined,
    resolvedOn: t.resolvedOn ?? undefined, evaluatorNotified: t.evaluatorNotified, workable: worksTask(viewer, t.unitCode) && (t.status === 'OPEN' || t.status === 'CALLED_BACK'),
  };
}
