import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, PeriodicJob, SERVICE_CONFIG, type BaseServiceConfig, type Logger } from '@onewindow/platform';
import { CaseworkService } from './casework.service.js';

/** Runs the deadline flagging job at boot and then every DEADLINE_JOB_INTERVAL_MS (typed config; default 10 min; 0 = boot only). */
@Injectable()
export class DeadlineScheduler extends PeriodicJob {
  constructor(
    private readonly casework: CaseworkService,
    @Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'deadline job');
  }

  protected schedule() {
    return { intervalMs: this.config.DEADLINE_JOB_INTERVAL_MS };
  }

  protected async runOnce() {
    const r = await this.casework.flagDeadlines();
    return r.changed ? { ...r } : null;
  }
}
