import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PoliceType, type ComplaintKind } from '@onewindow/contracts';
import { ComplaintKindEnum } from '../complaint/complaint.model.js';
import type { RoutingRuleEntity, RoutingVersionEntity } from './routing.entities.js';
import { ROUTING_TARGETS, type RoutingTarget } from './routing.rules.js';

export const RoutingTargetEnum = Object.fromEntries(ROUTING_TARGETS.map((t) => [t, t])) as { [K in RoutingTarget]: K };
registerEnumType(RoutingTargetEnum, { name: 'ComplaintRoutingTarget', description: '承办单位：被投诉单位本身 / 所属分局 / 所属市局（督察）/ 指定单位' });

@ObjectType({ description: '信访分派规则（按顺序，首条匹配的规则决定承办单位）' })
export class ComplaintRoutingRule {
  @Field(() => Int, { description: '顺序（从 1 开始）' }) position: number;
  @Field({ description: '规则说明' }) label: string;
  @Field(() => ComplaintKindEnum, { nullable: true, description: '投诉类别（空为任意）' }) kind?: ComplaintKind;
  @Field(() => PoliceType, { nullable: true, description: '被投诉警种（空为任意）' }) policeType?: PoliceType;
  @Field({ nullable: true, description: '被投诉单位代码前缀（空为任意）' }) unitPrefix?: string;
  @Field(() => RoutingTargetEnum) target: RoutingTarget;
  @Field({ nullable: true, description: '指定承办单位代码（target = UNIT 时）' }) targetUnitCode?: string;
}

@ObjectType({ description: '一版信访分派规则（历史版本保留）' })
export class ComplaintRoutingRuleSet {
  @Field(() => Int) version: number;
  @Field({ description: '修改说明' }) note: string;
  @Field({ description: '发布人账号' }) createdBy: string;
  @Field({ description: '发布时间（ISO 8601）' }) createdAt: string;
  @Field(() => [ComplaintRoutingRule]) rules: ComplaintRoutingRule[];
}

export function toRuleSet(v: RoutingVersionEntity, rules: RoutingRuleEntity[]): ComplaintRoutingRuleSet {
  return {
    version: v.version, note: v.note, createdBy: v.createdBy, createdAt: new Date(v.createdAt).toISOString(),
    rules: rules.map((r) => ({
      position: r.position, label: r.label, kind: r.kind ?? undefined, policeType: (r.policeType as PoliceType | null) ?? undefined,
      unitPrefix: r.unitPrefix ?? undefined, target: r.target, targetUnitCode: r.targetUnitCode ?? undefined,
    })),
  };
}
