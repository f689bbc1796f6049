import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, PeriodicJob, SERVICE_CONFIG, type BaseServiceConfig, type Logger } from '@onewindow/platform';
import { CallbackService } from './callback.service.js';

/** Flags 回访核实 tasks ON_TIME / DUE_SOON / OVERDUE at boot and every DEADLINE_JOB_INTERVAL_MS (the platform's deadline job). */
@Injectable()
export class CallbackDeadlineScheduler extends PeriodicJob {
  constructor(
    private readonly callbacks: CallbackService,
    @Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'callback deadline job');
  }

  protected schedule() {
    return { intervalMs: this.config.DEADLINE_JOB_INTERVAL_MS };
  }

  protected async runOnce() {
    const r = await this.callbacks.flagDeadlines();
    return r.changed ? { ...r } : null;
  }
}
