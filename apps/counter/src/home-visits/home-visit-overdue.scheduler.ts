import { periodicJob } from '@onewindow/platform';
import { HomeVisitService } from './home-visit.service.js';

/** Flags open home visits past their deadline as overdue, at boot and every DEADLINE_JOB_INTERVAL_MS (0 = boot only). */
export const HomeVisitOverdueScheduler = periodicJob<HomeVisitService>({
  name: 'home visit overdue job',
  uses: HomeVisitService,
  schedule: (c) => ({ intervalMs: c.DEADLINE_JOB_INTERVAL_MS }),
  run: async (visits) => {
    const r = await visits.flagOverdue('上门服务期限检查');
    return r.flagged || r.cleared ? { ...r } : null;
  },
});
