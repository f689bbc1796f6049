import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, PeriodicJob, SERVICE_CONFIG, type BaseServiceConfig, type Logger } from '@onewindow/platform';
import { InspectionService } from './inspection.service.js';

/** Flags findings 整改中 past their rectification deadline as overdue, at boot and every DEADLINE_JOB_INTERVAL_MS (0 = boot only). */
@Injectable()
export class FindingOverdueScheduler extends PeriodicJob {
  constructor(
    private readonly inspections: InspectionService,
    @Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'supervision finding overdue job');
  }

  protected schedule() {
    return { intervalMs: this.config.DEADLINE_JOB_INTERVAL_MS };
  }

  protected async runOnce() {
    const r = await this.inspections.flagOverdue('督察整改期限检查');
    return r.flagged || r.cleared ? { ...r } : null;
  }
}
