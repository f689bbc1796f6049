import { periodicJob } from '@onewindow/platform';
import { CallbackService } from './callback.service.js';

/** Flags 回访核实 tasks ON_TIME / DUE_SOON / OVERDUE at boot and every DEADLINE_JOB_INTERVAL_MS (the platform's deadline job). */
export const CallbackDeadlineScheduler = periodicJob<CallbackService>({
  name: 'callback deadline job',
  uses: CallbackService,
  schedule: (c) => ({ intervalMs: c.DEADLINE_JOB_INTERVAL_MS }),
  run: async (callbacks) => {
    const r = await callbacks.flagDeadlines();
    return r.changed ? { ...r } : null;
  },
});
