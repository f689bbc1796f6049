import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, PeriodicJob, SERVICE_CONFIG, type BaseServiceConfig, type Logger } from '@onewindow/platform';
import { HomeVisitService } from './home-visit.service.js';

/** Flags open home visits past their deadline as overdue, at boot and every DEADLINE_JOB_INTERVAL_MS (0 = boot only). */
@Injectable()
export class HomeVisitOverdueScheduler extends PeriodicJob {
  constructor(
    private readonly visits: HomeVisitService,
    @Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'home visit overdue job');
  }

  protected schedule() {
    return { intervalMs: this.config.DEADLINE_JOB_INTERVAL_MS };
  }

  protected async runOnce() {
    const r = await this.visits.flagOverdue('上门服务期限检查');
    return r.flagged || r.cleared ? { ...r } : null;
  }
}
