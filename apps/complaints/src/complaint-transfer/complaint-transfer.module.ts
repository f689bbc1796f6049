import { Module } from '@nestjs/common';
import { ComplaintModule } from '../complaint/complaint.module.js';
import { ComplaintTransferResolver } from './complaint-transfer.resolver.js';
import { ComplaintTransferService } from './complaint-transfer.service.js';

/** 信访核查移交 (complaints as a transfer sender); TransfersModule is registered in app.module with the outcome listener. */
@Module({
  imports: [ComplaintModule],
  providers: [ComplaintTransferService, ComplaintTransferResolver],
})
export class ComplaintTransferModule {}
