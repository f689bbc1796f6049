import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module.js';
import { SmsModule } from '../sms/sms.module.js';
import { CreateQueue1797700000000 } from './migrations/1797700000000-CreateQueue.js';
import {
  QueuePriorityReasonEntity, QueueServiceGroupEntity, QueueStationSettingEntity, QueueTicketCounterEntity, QueueTicketEntity, QueueTicketLogEntity, QueueWindowEntity, QueueWindowLogEntity,
} from './queue.entities.js';
import { QueueRepository } from './queue.repository.js';
import { QueueResolver } from './queue.resolver.js';
import { QueueHallService } from './queue-hall.service.js';
import { QueueSeedService } from './queue-seed.service.js';
import { QueueTicketService } from './queue-ticket.service.js';
import { QueueWindowService } from './queue-window.service.js';
import { TicketIssuer } from './ticket-issuer.port.js';

/** 排队叫号: windows, tickets, calling, green channel, kiosk and hall display (issue 11, decision 0021). */
export const QUEUE_ENTITIES: (new (...args: never[]) => unknown)[] = [
  QueueServiceGroupEntity, QueueStationSettingEntity, QueuePriorityReasonEntity, QueueWindowEntity, QueueWindowLogEntity, QueueTicketEntity, QueueTicketLogEntity, QueueTicketCounterEntity,
];
export const QUEUE_MIGRATIONS: (new (...args: never[]) => unknown)[] = [CreateQueue1797700000000];

@Module({
  imports: [CatalogModule, SmsModule],
  providers: [
    QueueRepository, QueueTicketService, QueueWindowService, QueueHallService, QueueSeedService, QueueResolver,
    { provide: TicketIssuer, useExisting: QueueTicketService },
  ],
  exports: [TicketIssuer],
})
export class QueueModule {}
