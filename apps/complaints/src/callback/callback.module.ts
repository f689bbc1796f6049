import { Module } from '@nestjs/common';
import { CallbackDeadlineScheduler } from './callback-deadline.scheduler.js';
import { CallbackRepository } from './callback.repository.js';
import { CallbackResolver } from './callback.resolver.js';
import { CallbackService } from './callback.service.js';

/** 回访核实: tasks opened by bad reviews, worked by the unit's supervisor, on the deadline job. */
@Module({
  providers: [CallbackRepository, CallbackService, CallbackResolver, CallbackDeadlineScheduler],
  exports: [CallbackService],
})
export class CallbackModule {}
