import { Module } from '@nestjs/common';
import { OneTimeNoticeRepository } from './one-time-notice.repository.js';
import { OneTimeNoticeResolver } from './one-time-notice.resolver.js';
import { OneTimeNoticeService } from './one-time-notice.service.js';

@Module({
  providers: [OneTimeNoticeRepository, OneTimeNoticeService, OneTimeNoticeResolver],
  exports: [OneTimeNoticeService, OneTimeNoticeRepository],
})
export class OneTimeNoticeModule {}
