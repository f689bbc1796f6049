import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Role, type EvaluationLevel } from '@onewindow/contracts';
import { Roles } from '@onewindow/platform';
import { Complaint } from '../complaint/complaint.model.js';
import { EvaluationLevelEnum } from './evaluation.model.js';
import { EvaluationService } from './evaluation.service.js';

/**
 * 答复评价 on the complaint: the complainant's rating of the answer (SMS reply to the invitation
 * sent when it was answered). Resolved only under a complaint the caller was already allowed to read.
 */
@Resolver(() => Complaint)
export class ComplaintRatingResolver {
  constructor(private readonly evaluations: EvaluationService) {}

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR, Role.ANALYST)
  @ResolveField(() => EvaluationLevelEnum, { nullable: true, description: '投诉人对答复的评价（短信回复；作废的不计）' })
  async answerRating(@Parent() complaint: Complaint): Promise<EvaluationLevel | null> {
    return (await this.evaluations.answerRatingOf(complaint.number))?.level ?? null;
  }
}
