import { Module } from '@nestjs/common';
import { CreateQueue1797700000000 } from './migrations/1797700000000-CreateQueue.js';
import {
  QueuePriorityReasonEntity, QueueServiceGroupEntity, QueueStationSettingEntity, QueueTicketCounterEntity, QueueTicketEntity, QueueTicketLogEntity, QueueWindowEntity, QueueWindowLogEntity,
} from './queue.entities.js';
import { TicketIssuer, UnavailableTicketIssuer } from './ticket-issuer.port.js';

/** 排队叫号: windows, tickets, calling, green channel, hall display (issue 11). */
export const QUEUE_ENTITIES: (new (...args: never[]) => unknown)[] = [
  QueueServiceGroupEntity, QueueStationSettingEntity, QueuePriorityReasonEntity, QueueWindowEntity, QueueWindowLogEntity, QueueTicketEntity, QueueTicketLogEntity, QueueTicketCounterEntity,
];
export const QUEUE_MIGRATIONS: (new (...args: never[]) => unknown)[] = [CreateQueue1797700000000];

@Module({
  providers: [{ provide: TicketIssuer, useClass: UnavailableTicketIssuer }],
  exports: [TicketIssuer],
})
export class QueueModule {}
