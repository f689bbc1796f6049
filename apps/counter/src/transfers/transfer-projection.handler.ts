import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { streamOf } from '@onewindow/contracts';
import { EventConsumerHost, LOGGER, type Logger } from '@onewindow/platform';
import { POLICE_SERVICES } from '../common/service-routing.js';
import { readTransferEvent, TransferEventEnvelope, transferOrderingKey, type TransferEvent } from '@onewindow/contracts';
import { TransferProjectionService } from './transfer-projection.service.js';

export const transferConsumerName = (service: string) => `counter-transfers-${service}`;

/** One durable per police-type stream on `<service>.v1.transfer.>` (requested, acknowledged, completed, flagged). */
@Injectable()
export class TransferProjectionHandler implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly projection: TransferProjectionService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const service of POLICE_SERVICES) {
      await this.consumers.start({
        durable: transferConsumerName(service),
        stream: streamOf(service),
        filterSubject: `${service}.v1.transfer.>`,
        messageClass: TransferEventEnvelope,
        orderingKey: transferOrderingKey,
        handle: async (envelope, manager, meta) => {
          const read = readTransferEvent(meta.subject, envelope);
          if ('invalid' in read) {
            this.logger.error({ stream: service, subject: meta.subject, messageId: meta.messageId, problems: read.invalid }, 'invalid transfer event ignored');
            return;
          }
          if (producerOf(read) !== service) {
            this.logger.error({ stream: service, subject: meta.subject, messageId: meta.messageId }, 'transfer event from another service on this stream; ignored');
            return;
          }
          await this.projection.apply(read, manager);
        },
      });
    }
  }
}

/** The service that must have produced an event: the sender for requests, the receiver for its reports. */
function producerOf(e: TransferEvent): string {
  switch (e.type) {
    case 'requested':
      return e.event.fromService;
    case 'acknowledged':
    case 'completed':
      return e.event.toService;
    case 'flagged':
      return e.event.direction === 'OUTBOUND' ? e.event.fromService : e.event.toService;
  }
}
