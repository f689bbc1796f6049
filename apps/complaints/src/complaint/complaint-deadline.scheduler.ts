import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, SERVICE_CONFIG, systemActor, type BaseServiceConfig, type Logger } from '@onewindow/platform';
import { ComplaintService } from './complaint.service.js';

const SYSTEM = systemActor('system:complaint-deadlines', '信访期限检查');

/** Flags complaints ON_TIME / DUE_SOON / OVERDUE at boot and then every DEADLINE_JOB_INTERVAL_MS (typed config; 0 = boot only). */
@Injectable()
export class ComplaintDeadlineScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly complaints: ComplaintService,
    @Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.DEADLINE_JOB_INTERVAL_MS;
    const run = () =>
      this.complaints
        .flagDeadlines(SYSTEM)
        .then((r) => r.changed && this.logger.info(r, 'complaint deadline states updated'))
        .catch((err) => this.logger.warn({ err: String(err) }, 'complaint deadline job failed'));
    setTimeout(run, 1000).unref();
    if (interval > 0) this.timer = setInterval(run, interval);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
