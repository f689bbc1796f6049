import { periodicJob } from '@onewindow/platform';
import { TransfersService } from './transfers.service.js';

/** Runs the overdue-transfer job at boot and then every TRANSFER_JOB_INTERVAL_MS (typed config; default 10 min; 0 = boot only). */
export const TransferOverdueScheduler = periodicJob<TransfersService>({
  name: 'transfer overdue job',
  uses: TransfersService,
  schedule: (c) => ({ intervalMs: c.TRANSFER_JOB_INTERVAL_MS }),
  run: async (transfers) => {
    const r = await transfers.flagOverdue();
    return r.flagged ? { ...r } : null;
  },
});
