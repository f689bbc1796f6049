import { Inject, Injectable } from '@nestjs/common';
import type { AfterAcceptContext, RulesTimelineNote, TransitionContext } from '@onewindow/casework';
import { HouseholdRules } from '../casework/household.rules.js';
import { DeathCaseService } from './death-case.service.js';

/**
 * Household rules plus the death case: follow-up transfers opened on acceptance (the number is
 * known only then), the gate on finishing the application until they report back, and their
 * revocation when the application is refused or withdrawn. The
 * household rules' dependencies are inherited; the death case is injected as a property so this
 * class does not repeat their constructor.
 */
@Injectable()
export class DeathCaseRules extends HouseholdRules {
  @Inject(DeathCaseService) private readonly deathCase!: DeathCaseService;

  async afterAccept(ctx: AfterAcceptContext): Promise<RulesTimelineNote[]> {
    return this.deathCase.openFollowUps(ctx.application, ctx.actor, ctx.manager);
  }

  override async onTransition(ctx: TransitionContext): Promise<RulesTimelineNote[]> {
    await this.deathCase.assertMayProceed(ctx);
    const notes = (await super.onTransition(ctx)) ?? [];
    return [...notes, ...(await this.deathCase.revokeFollowUps(ctx))];
  }
}
