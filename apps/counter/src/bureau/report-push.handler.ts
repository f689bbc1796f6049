import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { EventSubjects, ReportClosedEvent, ServiceName, streamOf } from '@onewindow/contracts';
import { EventConsumerHost, LOGGER, type Logger } from '@onewindow/platform';
import { ReportPushService } from './report-push.service.js';

export const REPORT_PUSH_CONSUMER = 'counter-report-push';

/** Durable consumer of `counter.v1.report.closed`: pushes each closed version to the bureau. Without BUREAU_URL it does not start and versions wait in JetStream. */
@Injectable()
export class ReportPushHandler implements OnApplicationBootstrap {
  constructor(
    private readonly consumers: EventConsumerHost,
    private readonly push: ReportPushService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.push.enabled) {
      this.logger.info('report push to the bureau not configured (BUREAU_URL/BUREAU_DISTRICT_CODE); closed months wait in JetStream');
      return;
    }
    await this.consumers.start({
      durable: REPORT_PUSH_CONSUMER,
      stream: streamOf(ServiceName.COUNTER),
      filterSubject: EventSubjects.reportClosed,
      messageClass: ReportClosedEvent,
      orderingKey: (e) => `${e.districtCode}:${e.month}`,
      handle: (event, manager) => this.push.deliver(event, manager),
    });
  }
}
