import { periodicJob } from '@onewindow/platform';
import { AppointmentService } from './appointment.service.js';

/** Marks bookings of past days never checked in as no-shows (爽约), at boot and every DEADLINE_JOB_INTERVAL_MS. */
export const AppointmentNoShowScheduler = periodicJob<AppointmentService>({
  name: 'appointment no-show job',
  uses: AppointmentService,
  schedule: (c) => ({ intervalMs: c.DEADLINE_JOB_INTERVAL_MS }),
  run: async (appointments) => {
    const noShows = await appointments.flagNoShows();
    return noShows ? { noShows } : null;
  },
});
