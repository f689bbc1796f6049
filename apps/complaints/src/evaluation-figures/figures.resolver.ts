import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { EvaluationFigures, EvaluationFiguresArgs, toEvaluationFigures } from './figures.model.js';
import { EvaluationFiguresService } from './figures.service.js';

/** Monthly 好差评 figures: thin; the scope by role is the service's. */
@Resolver()
export class EvaluationFiguresResolver {
  constructor(private readonly service: EvaluationFiguresService) {}

  @Roles(Role.CLERK, Role.SUPERVISOR, Role.ANALYST)
  @Query(() => EvaluationFigures, { description: '月度好差评统计：民警、窗口、单位的各级评价数、满意率、星级和提示（督察看本辖区，分析人员看全市，窗口人员看本人和本人窗口）' })
  async evaluationFigures(@Args() args: EvaluationFiguresArgs, @CurrentIdentity() actor: Identity): Promise<EvaluationFigures> {
    return toEvaluationFigures(await this.service.monthly(actor, args.month));
  }
}
