import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { WorkingCalendar } from '@onewindow/calendar';
import { streamOf } from '@onewindow/contracts';
import { EventConsumerHost, LOGGER, type Logger } from '@onewindow/platform';
import { ReportFolder } from './report-folder.js';
import { reportSources } from './report-sources.js';

/**
 * The live fold: a durable consumer per source (`counter-report-*`), each event folded in the
 * transaction of its inbox row, so a redelivery is a no-op and a replayed or older snapshot moves
 * nothing (fact versions).
 */
@Injectable()
export class ReportConsumers implements OnApplicationBootstrap {
  private readonly folder: ReportFolder;

  constructor(
    private readonly consumers: EventConsumerHost,
    calendar: WorkingCalendar,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.folder = new ReportFolder(calendar);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const source of reportSources()) {
      await this.consumers.start({
        durable: source.durable,
        stream: streamOf(source.service),
        filterSubject: source.filterSubject,
        messageClass: source.messageClass,
        handle: async (event, manager, meta) => {
          const { ignored } = await source.fold(this.folder, manager, event, meta.subject);
          if (ignored) this.logger.warn({ durable: source.durable, subject: meta.subject, messageId: meta.messageId, ignored }, 'report: event not folded');
        },
      });
    }
  }
}
