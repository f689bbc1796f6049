import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { HandleViolationArgs } from './dto/handle-violation.args.js';
import { ViolationsArgs } from './dto/violations.args.js';
import { toViolation, Violation } from './violation.model.js';
import { ViolationService } from './violation.service.js';

@Resolver(() => Violation)
export class ViolationResolver {
  constructor(private readonly service: ViolationService) {}

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => [Violation], { description: '交通违法查询：按号牌，或按身份证号码（本人驾驶证和名下机动车）；本市范围，须说明事由，留痕审计' })
  async violations(@Args() args: ViolationsArgs, @CurrentIdentity() actor: Identity): Promise<Violation[]> {
    const found = await this.service.query(actor, args);
    return found.map((v) => toViolation(v, actor));
  }

  @Roles(Role.CLERK, Role.OFFICER)
  @Mutation(() => Violation, { description: '交通违法处理：登记处罚决定书编号（记分）和/或缴款凭证号；窗口人员和交管民警，留痕审计' })
  async handleViolation(@Args() args: HandleViolationArgs, @CurrentIdentity() actor: Identity): Promise<Violation> {
    return toViolation(await this.service.handle(actor, args), actor);
  }
}
