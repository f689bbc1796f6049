import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { CallbackTask, toCallbackTask } from './callback.model.js';
import { CallbackService } from './callback.service.js';
import { CallbackTaskArgs, CallbackTasksArgs, RecordCallbackInput, ResolveCallbackInput, VoidEvaluationInput } from './dto/callback.input.js';

/** 回访核实 over GraphQL: supervisors work their unit's tasks, the city analyst reads all; thin. */
@Resolver(() => CallbackTask)
export class CallbackResolver {
  constructor(private readonly service: CallbackService) {}

  @Roles(Role.SUPERVISOR, Role.ANALYST)
  @Query(() => [CallbackTask], { description: '回访核实任务：督察看本辖区，分析人员看全市（只读）；按期限排序，评价人信息脱敏' })
  async callbackTasks(@Args() args: CallbackTasksArgs, @CurrentIdentity() actor: Identity): Promise<CallbackTask[]> {
    const { limit, offset, status } = args;
    return (await this.service.list(actor, { status }, { limit, offset })).map((r) => toCallbackTask(r, actor, { list: true }));
  }

  @Roles(Role.SUPERVISOR, Role.ANALYST)
  @Query(() => CallbackTask, { description: '回访核实任务详情（含评价人电话，须说明查询事由，留痕审计）' })
  async callbackTask(@Args() args: CallbackTaskArgs, @CurrentIdentity() actor: Identity): Promise<CallbackTask> {
    return toCallbackTask(await this.service.read(actor, args.taskId, args.purpose), actor);
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => CallbackTask, { description: '记录回访（1 个工作日内）' })
  async recordCallback(@Args('input') input: RecordCallbackInput, @CurrentIdentity() actor: Identity): Promise<CallbackTask> {
    return toCallbackTask(await this.service.recordCallback(actor, input.taskId, input.note), actor);
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => CallbackTask, { description: '整改或作出说明，办结任务并短信告知评价人' })
  async resolveCallback(@Args('input') input: ResolveCallbackInput, @CurrentIdentity() actor: Identity): Promise<CallbackTask> {
    return toCallbackTask(await this.service.resolve(actor, input.taskId, input.outcome, input.note), actor);
  }

  @Roles(Role.SUPERVISOR)
  @Mutation(() => CallbackTask, { description: '作废误评或恶意差评（须说明理由，留痕审计；作废后不计入统计）' })
  async voidEvaluation(@Args('input') input: VoidEvaluationInput, @CurrentIdentity() actor: Identity): Promise<CallbackTask> {
    return toCallbackTask(await this.service.voidReview(actor, input.taskId, input.reason), actor);
  }
}
