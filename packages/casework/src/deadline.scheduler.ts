import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, SERVICE_CONFIG, type BaseServiceConfig, type Logger } from '@onewindow/platform';
import { CaseworkService } from './casework.service.js';

/** Runs the deadline flagging job at boot and then every DEADLINE_JOB_INTERVAL_MS (typed config; default 10 min; 0 = boot only). */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly casework: CaseworkService,
    @Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.DEADLINE_JOB_INTERVAL_MS;
    const run = () =>
      this.casework
        .flagDeadlines()
        .then((r) => r.changed && this.logger.info(r, 'deadline states updated'))
        .catch((err) => this.logger.warn({ err: String(err) }, 'deadline job failed'));
    setTimeout(run, 1000).unref();
    if (interval > 0) this.timer = setInterval(run, interval);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
