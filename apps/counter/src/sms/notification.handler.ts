import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { EventSubjects, NotificationRequestedEvent, streamOf } from '@onewindow/contracts';
import { EventConsumerHost } from '@onewindow/platform';
import { POLICE_SERVICES } from '../common/service-routing.js';
import { SmsService } from './sms.service.js';

/**
 * Citizen notifications requested by the police-type services (`<service>.v1.notification.requested`),
 * turned into queued SMS by the counter — the one notification path of the platform.
 */
@Injectable()
export class NotificationHandler implements OnApplicationBootstrap {
  constructor(private readonly consumers: EventConsumerHost, private readonly sms: SmsService) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const service of POLICE_SERVICES) {
      await this.consumers.start({
        durable: `counter-notifications-${service}`,
        stream: streamOf(service),
        filterSubject: EventSubjects.notificationRequested(service),
        messageClass: NotificationRequestedEvent,
        orderingKey: (e) => e.notificationId,
        handle: (event, manager) => this.sms.queueNotification(event, manager),
      });
    }
  }
}
