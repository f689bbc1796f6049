import { Module } from '@nestjs/common';
import { RoutingRepository } from './routing.repository.js';
import { RoutingResolver } from './routing.resolver.js';
import { RoutingService } from './routing.service.js';

/** 信访分派: ordered first-match rules deciding the handling unit, versioned. */
@Module({
  providers: [RoutingRepository, RoutingService, RoutingResolver],
  exports: [RoutingService],
})
export class RoutingModule {}
