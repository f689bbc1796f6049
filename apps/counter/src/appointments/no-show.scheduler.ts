import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, PeriodicJob, SERVICE_CONFIG, type BaseServiceConfig, type Logger } from '@onewindow/platform';
import { AppointmentService } from './appointment.service.js';

/** Marks bookings of past days never checked in as no-shows (爽约), at boot and every DEADLINE_JOB_INTERVAL_MS. */
@Injectable()
export class AppointmentNoShowScheduler extends PeriodicJob {
  constructor(
    private readonly appointments: AppointmentService,
    @Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'appointment no-show job');
  }

  protected schedule() {
    return { intervalMs: this.config.DEADLINE_JOB_INTERVAL_MS };
  }

  protected async runOnce() {
    const noShows = await this.appointments.flagNoShows();
    return noShows ? { noShows } : null;
  }
}
