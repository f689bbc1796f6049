import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { ComplaintRoutingRulesArgs, ReplaceComplaintRoutingRulesInput } from './dto/routing-rules.input.js';
import { ComplaintRoutingRuleSet, toRuleSet } from './routing.model.js';
import { RoutingService } from './routing.service.js';

@Resolver(() => ComplaintRoutingRuleSet)
export class RoutingResolver {
  constructor(private readonly service: RoutingService) {}

  @Roles(Role.OFFICER, Role.SUPERVISOR, Role.ANALYST)
  @Query(() => ComplaintRoutingRuleSet, { description: '信访分派规则（默认当前版本；可查历史版本）' })
  async complaintRoutingRules(@Args() args: ComplaintRoutingRulesArgs, @CurrentIdentity() actor: Identity): Promise<ComplaintRoutingRuleSet> {
    const { version, rules } = await this.service.read(actor, args.version);
    return toRuleSet(version, rules);
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => ComplaintRoutingRuleSet, { description: '发布新一版信访分派规则：市局督察，整表替换，旧版本保留，留痕审计' })
  async replaceComplaintRoutingRules(@Args('input') input: ReplaceComplaintRoutingRulesInput, @CurrentIdentity() actor: Identity): Promise<ComplaintRoutingRuleSet> {
    const { version, rules } = await this.service.replace(actor, input.rules.map((r) => ({ ...r, kind: r.kind ?? null, policeType: r.policeType ?? null, unitPrefix: r.unitPrefix ?? null, targetUnitCode: r.targetUnitCode ?? null })), input.note);
    return toRuleSet(version, rules);
  }
}
