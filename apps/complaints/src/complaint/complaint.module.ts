import { Module } from '@nestjs/common';
import { DeductionModule } from '../deduction/deduction.module.js';
import { RoutingModule } from '../routing/routing.module.js';
import { ComplaintDeadlineScheduler } from './complaint-deadline.scheduler.js';
import { ComplaintRepository } from './complaint.repository.js';
import { ComplaintResolver } from './complaint.resolver.js';
import { ComplaintService } from './complaint.service.js';

/** The complaint register (信访投诉): intake, lifecycle, time limits, the workbench. */
@Module({
  imports: [DeductionModule, RoutingModule],
  providers: [ComplaintRepository, ComplaintService, ComplaintResolver, ComplaintDeadlineScheduler],
  exports: [ComplaintRepository, ComplaintService],
})
export class ComplaintModule {}
