import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { InboxModule } from '../inbox/inbox.module.js';
import { OneTimeNoticeModule } from '../one-time-notice/one-time-notice.module.js';
import { ServicePointsModule } from '../service-points/service-points.module.js';
import { AcceptRequestRepository } from './accept-request.repository.js';
import { AcceptanceResolver } from './acceptance.resolver.js';
import { AcceptanceService } from './acceptance.service.js';

@Module({
  imports: [CatalogModule, InboxModule, OneTimeNoticeModule, ServicePointsModule],
  providers: [AcceptRequestRepository, AcceptanceService, AcceptanceResolver],
})
export class AcceptanceModule {}
