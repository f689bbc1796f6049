import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, PeriodicJob, SERVICE_CONFIG, systemActor, type BaseServiceConfig, type Logger } from '@onewindow/platform';
import { ComplaintService } from './complaint.service.js';

const SYSTEM = systemActor('system:complaint-deadlines', '信访期限检查');

/** Flags complaints ON_TIME / DUE_SOON / OVERDUE at boot and then every DEADLINE_JOB_INTERVAL_MS (typed config; 0 = boot only). */
@Injectable()
export class ComplaintDeadlineScheduler extends PeriodicJob {
  constructor(
    private readonly complaints: ComplaintService,
    @Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'complaint deadline job');
  }

  protected schedule() {
    return { intervalMs: this.config.DEADLINE_JOB_INTERVAL_MS };
  }

  protected async runOnce() {
    const r = await this.complaints.flagDeadlines(SYSTEM);
    return r.changed ? { ...r } : null;
  }
}
