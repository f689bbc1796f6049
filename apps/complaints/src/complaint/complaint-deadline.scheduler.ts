import { periodicJob, systemActor } from '@onewindow/platform';
import { ComplaintService } from './complaint.service.js';

const SYSTEM = systemActor('system:complaint-deadlines', '信访期限检查');

/** Flags complaints ON_TIME / DUE_SOON / OVERDUE at boot and then every DEADLINE_JOB_INTERVAL_MS (typed config; 0 = boot only). */
export const ComplaintDeadlineScheduler = periodicJob<ComplaintService>({
  name: 'complaint deadline job',
  uses: ComplaintService,
  schedule: (c) => ({ intervalMs: c.DEADLINE_JOB_INTERVAL_MS }),
  run: async (complaints) => {
    const r = await complaints.flagDeadlines(SYSTEM);
    return r.changed ? { ...r } : null;
  },
});
