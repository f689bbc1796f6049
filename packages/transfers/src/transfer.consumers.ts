import { Inject, Injectable, Optional, type OnApplicationBootstrap } from '@nestjs/common';
import { ServiceName, streamOf, TransferSubjects, readTransferEvent, TransferEventEnvelope, transferOrderingKey } from '@onewindow/contracts';
import { EventConsumerHost, LOGGER, type Logger } from '@onewindow/platform';
import { TRANSFER_OUTCOME_LISTENER, type TransferOutcomeListener } from './transfer-worker.js';
import { TransfersService } from './transfers.service.js';

export const transferConsumerName = (me: ServiceName, other: ServiceName) => `${me}-transfers-${other}`;

/** What reaches this service on another's stream: requests to it and reports on what it sent. */
const ADDRESSED = ['requested', 'acknowledged', 'completed'] as const;

/**
 * One durable JetStream consumer per other service's stream, filtered on
 * `<other>.v1.transfer.*.<me>`: the transfers it requests from this service and its reports
 * (acknowledged / completed) on the transfers this service sent it. The filter matches both, and
 * one durable keeps them in stream order; the inbox table makes redeliveries no-ops; a service
 * that was down catches up from where it stopped.
 */
@Injectable()
export class TransferConsumers implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly transfers: TransfersService,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(TRANSFER_OUTCOME_LISTENER) private readonly listener: TransferOutcomeListener | null,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const me = this.transfers.service;
    for (const other of Object.values(ServiceName).filter((s) => s !== me)) {
      // start() ensures the other service's stream exists, so a service that boots first still
      // gets a durable positioned at the stream's start.
      await this.consumers.start({
        durable: transferConsumerName(me, other),
        stream: streamOf(other),
        filterSubject: TransferSubjects.outcomeFilter(other, me),
        messageClass: TransferEventEnvelope,
        orderingKey: transferOrderingKey,
        handle: async (envelope, manager, meta) => {
          const read = readTransferEvent(meta.subject, envelope, ADDRESSED);
          if ('invalid' in read) {
            this.logger.error({ subject: meta.subject, messageId: meta.messageId, problems: read.invalid }, 'invalid transfer event ignored');
            return;
          }
          if (read.type === 'requested') {
            await this.transfers.receive(read.event, manager);
            return;
          }
          if (read.type === 'flagged') return; // excluded by ADDRESSED; narrows the type
          const outcome = await this.transfers.recordOutcome(read, manager);
          if (outcome && this.listener) await this.listener.onOutcome(outcome, manager);
        },
      });
    }
  }
}
