import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ApplicationSnapshot, EventSubjects, streamOf } from '@onewindow/contracts';
import { EventConsumerHost, LOGGER, type Logger } from '@onewindow/platform';
import { POLICE_SERVICES } from '../common/service-routing.js';
import { InboxProjectionService } from './inbox-projection.service.js';

export const inboxConsumerName = (service: string) => `counter-inbox-${service}`;

/** JetStream consumers of `<service>.v1.application.changed`, one durable per police type. */
@Injectable()
export class InboxHandler implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly projection: InboxProjectionService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const service of POLICE_SERVICES) {
      await this.consumers.start({
        durable: inboxConsumerName(service),
        stream: streamOf(service),
        filterSubject: EventSubjects.applicationChanged(service),
        messageClass: ApplicationSnapshot,
        orderingKey: (e) => e.number,
        handle: async (snapshot, manager, meta) => {
          if (snapshot.service !== service) {
            this.logger.error({ stream: service, service: snapshot.service, messageId: meta.messageId }, 'application event names another service; ignored');
            return;
          }
          await this.projection.apply(snapshot, manager);
        },
      });
    }
  }
}
