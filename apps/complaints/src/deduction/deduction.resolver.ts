import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { ComplaintDeduction, ComplaintDeductionStandings, toDeduction } from './deduction.model.js';
import { DeductionService } from './deduction.service.js';
import { DeductionYearArgs, ReverseDeductionInput } from './dto/deduction.input.js';

/** 扣分 over GraphQL: thin; scope and the supervisor-only reversal are the service's. */
@Resolver(() => ComplaintDeduction)
export class DeductionResolver {
  constructor(private readonly service: DeductionService) {}

  @Roles(Role.SUPERVISOR, Role.ANALYST)
  @Query(() => [ComplaintDeduction], { description: '信访投诉扣分记录（含已撤销）：督察看本单位，分析人员看全局' })
  async complaintDeductions(@Args() args: DeductionYearArgs, @CurrentIdentity() actor: Identity): Promise<ComplaintDeduction[]> {
    return (await this.service.list(actor, args.year)).map(toDeduction);
  }

  @Roles(Role.SUPERVISOR, Role.ANALYST)
  @Query(() => ComplaintDeductionStandings, { description: '年度扣分汇总：每名民警的扣分次数与后果（2 次取消评优，3 次下发提示单），每个单位的扣分' })
  async complaintDeductionStandings(@Args() args: DeductionYearArgs, @CurrentIdentity() actor: Identity): Promise<ComplaintDeductionStandings> {
    return { year: args.year, ...(await this.service.standings(actor, args.year)) };
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => ComplaintDeduction, { description: '撤销扣分：督察，须说明理由，留痕审计' })
  async reverseComplaintDeduction(@Args('input') input: ReverseDeductionInput, @CurrentIdentity() actor: Identity): Promise<ComplaintDeduction> {
    return toDeduction(await this.service.reverse(actor, input.deductionId, input.reason));
  }
}
