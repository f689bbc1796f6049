import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { BusinessClock } from '@onewindow/platform';
import { toApplication } from '../inbox/application.mapper.js';
import { Application } from '../inbox/application.model.js';
import { TransitionApplicationInput } from './dto/transition-application.input.js';
import { TransitionService } from './transition.service.js';

@Resolver()
export class TransitionResolver {
  constructor(private readonly transitions: TransitionService, private readonly clock: BusinessClock) {}

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Mutation(() => Application, { description: '办理动作（审核、补正、审批、延期、制证完成、领取、办结、撤回），由承办警种服务校验权限' })
  async transitionApplication(@Args('input') input: TransitionApplicationInput, @CurrentIdentity() actor: Identity): Promise<Application> {
    return toApplication(await this.transitions.transition(actor, input), actor, this.clock.today());
  }
}
