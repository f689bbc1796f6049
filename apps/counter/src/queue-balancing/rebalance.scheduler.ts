import { periodicJob } from '@onewindow/platform';
import type { CounterConfig } from '../config.js';
import { QueueBalancingService } from './queue-balancing.service.js';

/** Checks every busy hall for a group waiting past its thresholds while windows idle, at boot and every QUEUE_BALANCING_INTERVAL_MS. */
export const RebalanceScheduler = periodicJob<QueueBalancingService, CounterConfig>({
  name: 'queue balancing job',
  uses: QueueBalancingService,
  schedule: (c) => ({ intervalMs: c.QUEUE_BALANCING_INTERVAL_MS }),
  run: async (balancing) => {
    const r = await balancing.evaluateAll();
    return r.created.length || r.expired || r.ended ? { proposed: r.created.length, expired: r.expired, ended: r.ended } : null;
  },
});
