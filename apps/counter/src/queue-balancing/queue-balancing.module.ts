import { Module } from '@nestjs/common';
import { HallRepository } from './hall.repository.js';
import { CreateQueueBalancing1797800000000 } from './migrations/1797800000000-CreateQueueBalancing.js';
import { QueueBalancingSettingEntity, QueueRebalanceProposalEntity } from './queue-balancing.entities.js';
import { QueueBalancingResolver } from './queue-balancing.resolver.js';
import { QueueBalancingService } from './queue-balancing.service.js';
import { RebalanceScheduler } from './rebalance.scheduler.js';

/** 忙闲调配: balancing proposals and queue figures per hour, group, window (issue 11). */
export const QUEUE_BALANCING_ENTITIES: (new (...args: never[]) => unknown)[] = [QueueBalancingSettingEntity, QueueRebalanceProposalEntity];
export const QUEUE_BALANCING_MIGRATIONS: (new (...args: never[]) => unknown)[] = [CreateQueueBalancing1797800000000];

@Module({
  providers: [HallRepository, QueueBalancingService, RebalanceScheduler, QueueBalancingResolver],
})
export class QueueBalancingModule {}
