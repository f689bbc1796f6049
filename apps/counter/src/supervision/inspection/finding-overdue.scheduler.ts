import { periodicJob } from '@onewindow/platform';
import { InspectionService } from './inspection.service.js';

/** Flags findings 整改中 past their rectification deadline as overdue, at boot and every DEADLINE_JOB_INTERVAL_MS (0 = boot only). */
export const FindingOverdueScheduler = periodicJob<InspectionService>({
  name: 'supervision finding overdue job',
  uses: InspectionService,
  schedule: (c) => ({ intervalMs: c.DEADLINE_JOB_INTERVAL_MS }),
  run: async (inspections) => {
    const r = await inspections.flagOverdue('督察整改期限检查');
    return r.flagged || r.cleared ? { ...r } : null;
  },
});
