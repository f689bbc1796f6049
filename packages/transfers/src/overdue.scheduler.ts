import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, SERVICE_CONFIG, type BaseServiceConfig, type Logger } from '@onewindow/platform';
import { TransfersService } from './transfers.service.js';

/** Runs the overdue-transfer job at boot and then every TRANSFER_JOB_INTERVAL_MS (typed config; default 10 min; 0 = boot only). */
@Injectable()
export class TransferOverdueScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly transfers: TransfersService,
    @Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.TRANSFER_JOB_INTERVAL_MS;
    const run = () =>
      this.transfers
        .flagOverdue()
        .then((r) => r.flagged && this.logger.info(r, 'overdue transfers flagged'))
        .catch((err) => this.logger.warn({ err: String(err) }, 'transfer overdue job failed'));
    setTimeout(run, 1000).unref();
    if (interval > 0) this.timer = setInterval(run, interval);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
