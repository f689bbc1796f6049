import { Module } from '@nestjs/common';

/** 忙闲调配: balancing proposals and queue figures per hour, group, window (issue 11). */
export const QUEUE_BALANCING_ENTITIES: (new (...args: never[]) => unknown)[] = [];
export const QUEUE_BALANCING_MIGRATIONS: (new (...args: never[]) => unknown)[] = [];

@Module({
  providers: [],
})
export class QueueBalancingModule {}
