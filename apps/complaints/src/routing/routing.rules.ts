import type { ComplaintKind } from '@onewindow/contracts';

/**
 * Where a rule sends a complaint (承办单位), relative to the responsible unit (被投诉单位) or fixed:
 * RESPONSIBLE the unit itself, DISTRICT its district/county bureau (first 6 digits), CITY its
 * city bureau (first 4 digits, e.g. the supervision detachment 督察支队), UNIT a named unit.
 */
export const ROUTING_TARGETS = ['RESPONSIBLE', 'DISTRICT', 'CITY', 'UNIT'] as const;
export type RoutingTarget = (typeof ROUTING_TARGETS)[number];

export interface RoutingRule {
  position: number;
  label: string;
  kind: ComplaintKind | null;
  policeType: string | null;
  unitPrefix: string | null;
  target: RoutingTarget;
  targetUnitCode: string | null;
}

export interface RoutedComplaint {
  kind: ComplaintKind;
  policeType: string;
  unitCode: string;
}

export interface RoutingDecision {
  handlingUnitCode: string;
  rule: RoutingRule;
}

export function ruleMatches(rule: RoutingRule, c: RoutedComplaint): boolean {
  return (!rule.kind || rule.kind === c.kind) && (!rule.policeType || rule.policeType === c.policeType) && (!rule.unitPrefix || c.unitCode.startsWith(rule.unitPrefix));
}

export function isCatchAll(rule: Pick<RoutingRule, 'kind' | 'policeType' | 'unitPrefix'>): boolean {
  return !rule.kind && !rule.policeType && !rule.unitPrefix;
}

export function targetUnit(rule: Pick<RoutingRule, 'target' | 'targetUnitCode'>, responsibleUnitCode: string): string {
  switch (rule.target) {
    case 'RESPONSIBLE': return responsibleUnitCode;
    case 'DISTRICT': return responsibleUnitCode.slice(0, 6);
    case 'CITY': return responsibleUnitCode.slice(0, 4);
    case 'UNIT': return rule.targetUnitCode!;
  }
}

/** Ordered, first match wins. A published list always ends with a catch-all, so this never fails on one. */
export function route(rules: readonly RoutingRule[], c: RoutedComplaint): RoutingDecision {
  const sorted = [...rules].sort((a, b) => a.position - b.position);
  const rule = sorted.find((r) => ruleMatches(r, c));
  if (!rule) throw new Error('routing rules without a catch-all rule');
  return { handlingUnitCode: targetUnit(rule, c.unitCode), rule };
}

/** Problems of a proposed list, in Chinese (empty when it may be published). */
export function routingListProblems(rules: readonly Omit<RoutingRule, 'position'>[]): string[] {
  const problems: string[] = [];
  if (!rules.length) return ['分派规则不能为空'];
  rules.forEach((r, i) => {
    if ((r.target === 'UNIT') !== !!r.targetUnitCode) problems.push(`第 ${i + 1} 条：指定承办单位时须填写单位代码，其他分派方式不填`);
    if (isCatchAll(r) && i !== rules.length - 1) problems.push(`第 ${i + 1} 条：不设条件的规则只能放在最后（其后的规则永远不会生效）`);
  });
  if (!isCatchAll(rules[rules.length - 1]!)) problems.push('最后一条规则须不设条件（兜底规则），保证每件投诉都有承办单位');
  return problems;
}
