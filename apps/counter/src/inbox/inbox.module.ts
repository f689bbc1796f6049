import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { SmsModule } from '../sms/sms.module.js';
import { InboxHandler } from './inbox.handler.js';
import { InboxProjectionService } from './inbox-projection.service.js';
import { InboxRepository } from './inbox.repository.js';
import { InboxResolver } from './inbox.resolver.js';
import { InboxService } from './inbox.service.js';

@Module({
  imports: [CatalogModule, SmsModule],
  providers: [InboxRepository, InboxProjectionService, InboxService, InboxHandler, InboxResolver],
  exports: [InboxProjectionService, InboxRepository, InboxService],
})
export class InboxModule {}
