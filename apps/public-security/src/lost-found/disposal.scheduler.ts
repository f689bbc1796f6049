import { periodicJob, systemActor } from '@onewindow/platform';
import type { PublicSecurityConfig } from '../config.js';
import { LostAndFoundService } from './lost-found.service.js';

/** The scheduled job's identity in history rows. */
export const DISPOSAL_JOB_ACTOR = systemActor('system:lost-found-disposal', '系统（招领期满处理）');

/**
 * Disposes of items whose claim year is over, for the whole bureau: shortly after boot and then
 * every LOST_FOUND_DISPOSAL_INTERVAL_MS (0 = only supervisors run it, via disposeUnclaimed).
 */
export const DisposalScheduler = periodicJob<LostAndFoundService, PublicSecurityConfig>({
  name: 'lost-and-found disposal job',
  uses: LostAndFoundService,
  schedule: (c) => ({ intervalMs: c.LOST_FOUND_DISPOSAL_INTERVAL_MS, firstRunAfterMs: 5_000, skipWhenDisabled: true }),
  run: async (lostAndFound) => {
    const r = await lostAndFound.disposeUnclaimed(DISPOSAL_JOB_ACTOR, { system: true });
    return r.items.length ? { disposed: r.items.length, today: r.today } : null;
  },
});
