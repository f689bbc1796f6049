import { Module } from '@nestjs/common';
import { ComplaintModule } from '../complaint/complaint.module.js';
import { OnlineComplaintResolver } from './online-complaint.resolver.js';
import { OnlineComplaintService } from './online-complaint.service.js';
import { WorkOrderPushController } from './work-order-12345.controller.js';
import { WorkOrderResolver } from './work-order-12345.resolver.js';
import { WorkOrderService } from './work-order-12345.service.js';

/** Intake channels beyond the officer's form: the public online form (SMS code, rate limits) and 12345 work orders (file and push). */
@Module({
  imports: [ComplaintModule],
  controllers: [WorkOrderPushController],
  providers: [OnlineComplaintService, OnlineComplaintResolver, WorkOrderService, WorkOrderResolver],
})
export class ChannelsModule {}
