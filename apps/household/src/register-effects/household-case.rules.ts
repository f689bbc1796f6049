import { Inject, Injectable } from '@nestjs/common';
import type { AcceptanceContext, AcceptanceDecision, MaterialVerification, MaterialVerificationContext, RulesTimelineNote, TransitionContext } from '@onewindow/casework';
import { DeathCaseRules } from '../death-follow-up/death-case.rules.js';
import { OnlineVerificationService } from '../online-verification/online-verification.service.js';
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
  @Inject(OnlineVerificationService) private readonly onlineVerification!: OnlineVerificationService;

  /** 免提交 materials checked with 民政/卫健/住建/人社 before acceptance (see OnlineVerificationService). */
  verifyMaterials(ctx: MaterialVerificationContext): Promise<MaterialVerification[]> {
    return this.onlineVerification.verify(ctx);
  }

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
