import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { CatalogPublishedEvent, EventSubjects, streamOf } from '@onewindow/contracts';
import { EventConsumerHost } from '@onewindow/platform';
import { POLICE_SERVICES } from '../common/service-routing.js';
import { CatalogIndexService } from './catalog-index.service.js';

/** Durable consumer name per police-type service. */
export const catalogConsumerName = (service: string) => `counter-catalog-index-${service}`;

/** JetStream consumers of `<service>.v1.catalog.published`, one durable per police type. */
@Injectable()
export class CatalogHandler implements OnApplicationBootstrap {
  constructor(private readonly consumers: EventConsumerHost, private readonly catalog: CatalogIndexService) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const service of POLICE_SERVICES) {
      await this.consumers.start({
        durable: catalogConsumerName(service),
        stream: streamOf(service),
        filterSubject: EventSubjects.catalogPublished(service),
        messageClass: CatalogPublishedEvent,
        handle: (event, manager) => this.catalog.applyPublished(event, service, manager),
      });
    }
  }
}
