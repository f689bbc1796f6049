import { periodicJob } from '@onewindow/platform';
import { CaseworkService } from './casework.service.js';

/** Runs the deadline flagging job at boot and then every DEADLINE_JOB_INTERVAL_MS (typed config; default 10 min; 0 = boot only). */
export const DeadlineScheduler = periodicJob<CaseworkService>({
  name: 'deadline job',
  uses: CaseworkService,
  schedule: (c) => ({ intervalMs: c.DEADLINE_JOB_INTERVAL_MS }),
  run: async (casework) => {
    const r = await casework.flagDeadlines();
    return r.changed ? { ...r } : null;
  },
});
