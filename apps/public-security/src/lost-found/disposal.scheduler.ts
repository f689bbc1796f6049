import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, PeriodicJob, type Logger, SERVICE_CONFIG, systemActor } from '@onewindow/platform';
import type { PublicSecurityConfig } from '../config.js';
import { LostAndFoundService } from './lost-found.service.js';

/** The scheduled job's identity in history rows. */
export const DISPOSAL_JOB_ACTOR = systemActor('system:lost-found-disposal', '系统（招领期满处理）');

/**
 * Disposes of items whose claim year is over, for the whole bureau: shortly after boot and then
 * every LOST_FOUND_DISPOSAL_INTERVAL_MS (0 = only supervisors run it, via disposeUnclaimed).
 */
@Injectable()
export class DisposalScheduler extends PeriodicJob {
  constructor(
    private readonly lostAndFound: LostAndFoundService,
    @Inject(SERVICE_CONFIG) private readonly config: PublicSecurityConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'lost-and-found disposal job');
  }

  protected schedule() {
    return { intervalMs: this.config.LOST_FOUND_DISPOSAL_INTERVAL_MS, firstRunAfterMs: 5_000, skipWhenDisabled: true };
  }

  protected async runOnce() {
    const r = await this.lostAndFound.disposeUnclaimed(DISPOSAL_JOB_ACTOR, { system: true });
    return r.items.length ? { disposed: r.items.length, today: r.today } : null;
  }
}
