import { Inject, Injectable } from '@nestjs/common';
import type { AcceptanceContext, AcceptanceDecision, RulesTimelineNote, TransitionContext } from '@onewindow/casework';
import { DeathCaseRules } from '../death-case/death-case.rules.js';
import { ResidencePermitService } from '../residence-permit/residence-permit.service.js';
import { RegisterEffectsService } from './register-effects.service.js';

/**
 * The household service's casework rules as registered: the household rules and the death case
 * (DeathCaseRules), plus the register changes that approvals make (RegisterEffectsService: persons
 * and households; ResidencePermitService: residence permits) —
 * checked at acceptance, written in the approval's transaction. Dependencies beyond the household
 * rules' constructor are injected as properties, like the death case's.
 */
@Injectable()
export class HouseholdCaseRules extends DeathCaseRules {
  @Inject(RegisterEffectsService) private readonly registerEffects!: RegisterEffectsService;
  @Inject(ResidencePermitService) private readonly residencePermits!: ResidencePermitService;

  override async checkAcceptance(ctx: AcceptanceContext): Promise<AcceptanceDecision> {
    const decision = await super.checkAcceptance(ctx);
    await this.registerEffects.checkAcceptance(ctx);
    await this.residencePermits.checkAcceptance(ctx);
    return decision;
  }

  override async onTransition(ctx: TransitionContext): Promise<RulesTimelineNote[]> {
    const notes = await super.onTransition(ctx);
    if (ctx.action !== 'APPROVE') return notes;
    return [...notes, ...(await this.registerEffects.onApprove(ctx)), ...(await this.residencePermits.onApprove(ctx))];
  }
}
