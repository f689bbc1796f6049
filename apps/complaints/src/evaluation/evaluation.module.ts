import { Module } from '@nestjs/common';
import { CallbackModule } from '../callback/callback.module.js';
import { ApplicationCompletedHandler } from './application-completed.handler.js';
import { ComplaintAnsweredHandler } from './complaint-answered.handler.js';
import { ComplaintRatingResolver } from './complaint-rating.resolver.js';
import { EvaluationRepository } from './evaluation.repository.js';
import { EvaluationResolver } from './evaluation.resolver.js';
import { EvaluationService } from './evaluation.service.js';
import { SmsInboundController } from './sms-inbound.controller.js';

/** 好差评: window rating screens, visits, evaluations, SMS invitations and replies. */
@Module({
  imports: [CallbackModule],
  controllers: [SmsInboundController],
  providers: [EvaluationRepository, EvaluationService, EvaluationResolver, ApplicationCompletedHandler, ComplaintAnsweredHandler, ComplaintRatingResolver],
  exports: [EvaluationService],
})
export class EvaluationModule {}
