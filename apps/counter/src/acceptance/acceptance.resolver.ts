import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { CurrentIdentity, Roles } from '@onewindow/platform';
import { BusinessClock } from '@onewindow/platform';
import { toApplication, toOpenApplicationSummary } from '../inbox/application.mapper.js';
import type { Application } from '../inbox/application.model.js';
import { toOneTimeNotice } from '../one-time-notice/one-time-notice.mapper.js';
import type { OneTimeNotice } from '../one-time-notice/one-time-notice.model.js';
import { AcceptApplicationResult } from './acceptance.model.js';
import { AcceptanceService } from './acceptance.service.js';
import { AcceptApplicationInput } from './dto/accept-application.input.js';

@Resolver()
export class AcceptanceResolver {
  constructor(private readonly acceptance: AcceptanceService, private readonly clock: BusinessClock) {}

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Mutation(() => AcceptApplicationResult, { description: '全科受理：材料齐全受理并返回申请，材料不齐开具一次性告知单' })
  async acceptApplication(@Args('input') input: AcceptApplicationInput, @CurrentIdentity() actor: Identity): Promise<Application | OneTimeNotice> {
    const result = await this.acceptance.accept(actor, input);
    if (result.kind === 'NOTICE') return toOneTimeNotice(result.notice);
    const application = toApplication(result.snapshot, actor, this.clock.today());
    if (result.openApplications) application.openApplicationsAtAcceptance = result.openApplications.map(toOpenApplicationSummary);
    return application;
  }
}
