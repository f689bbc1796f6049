import { Module } from '@nestjs/common';
import { DisposalScheduler } from './disposal.scheduler.js';
import { LostFoundRepository } from './lost-found.repository.js';
import { LostFoundResolver } from './lost-found.resolver.js';
import { LostAndFoundService } from './lost-found.service.js';

@Module({
  providers: [LostFoundRepository, LostAndFoundService, LostFoundResolver, DisposalScheduler],
  // The citizen section reads a person's lost reports and claims.
  exports: [LostAndFoundService],
})
export class LostFoundModule {}
