import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { EventSubjects, ServiceName, SmsRequestedEvent, streamOf } from '@onewindow/contracts';
import { EventConsumerHost, LOGGER, SERVICE_CONFIG, type Logger } from '@onewindow/platform';
import type { CounterConfig } from '../config.js';
import { SmsSenderService } from './sms-sender.service.js';

export const SMS_SENDER_CONSUMER = 'counter-sms-sender';

/**
 * The SMS sender: a durable consumer of `counter.v1.sms.requested`. With SMS_SENDER_ENABLED=false
 * it does not start, and requests wait in JetStream until an instance with the sender returns.
 */
@Injectable()
export class SmsSenderHandler implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly sender: SmsSenderService,
    @Inject(SERVICE_CONFIG) private readonly config: CounterConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.SMS_SENDER_ENABLED !== 'true') {
      this.logger.warn('SMS sender disabled (SMS_SENDER_ENABLED=false); requests wait in JetStream');
      return;
    }
    await this.consumers.start({
      durable: SMS_SENDER_CONSUMER,
      stream: streamOf(ServiceName.COUNTER),
      filterSubject: EventSubjects.smsRequested,
      messageClass: SmsRequestedEvent,
      orderingKey: (e) => e.smsId,
      handle: (event, manager) => this.sender.deliver(event, manager),
    });
  }
}
