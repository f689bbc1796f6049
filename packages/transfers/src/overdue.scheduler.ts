import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, PeriodicJob, SERVICE_CONFIG, type BaseServiceConfig, type Logger } from '@onewindow/platform';
import { TransfersService } from './transfers.service.js';

/** Runs the overdue-transfer job at boot and then every TRANSFER_JOB_INTERVAL_MS (typed config; default 10 min; 0 = boot only). */
@Injectable()
export class TransferOverdueScheduler extends PeriodicJob {
  constructor(
    private readonly transfers: TransfersService,
    @Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'transfer overdue job');
  }

  protected schedule() {
    return { intervalMs: this.config.TRANSFER_JOB_INTERVAL_MS };
  }

  protected async runOnce() {
    const r = await this.transfers.flagOverdue();
    return r.flagged ? { ...r } : null;
  }
}
