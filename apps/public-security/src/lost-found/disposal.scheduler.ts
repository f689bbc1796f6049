import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, type Logger, SERVICE_CONFIG, systemActor } from '@onewindow/platform';
import type { PublicSecurityConfig } from '../config.js';
import { LostAndFoundService } from './lost-found.service.js';

/** The scheduled job's identity in history rows. */
export const DISPOSAL_JOB_ACTOR = systemActor('system:lost-found-disposal', '系统（招领期满处理）');

/**
 * Disposes of items whose claim year is over, for the whole bureau: shortly after boot and then
 * every LOST_FOUND_DISPOSAL_INTERVAL_MS (0 = only supervisors run it, via disposeUnclaimed).
 */
@Injectable()
export class DisposalScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private first?: NodeJS.Timeout;

  constructor(
    private readonly lostAndFound: LostAndFoundService,
    @Inject(SERVICE_CONFIG) private readonly config: PublicSecurityConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.LOST_FOUND_DISPOSAL_INTERVAL_MS;
    if (interval <= 0) return;
    const run = () =>
      this.lostAndFound
        .disposeUnclaimed(DISPOSAL_JOB_ACTOR, { system: true })
        .then((r) => r.items.length && this.logger.info({ disposed: r.items.length, today: r.today }, 'unclaimed found items disposed of'))
        .catch((err) => this.logger.warn({ err: String(err) }, 'lost-and-found disposal job failed'));
    this.first = setTimeout(run, 5_000);
    this.first.unref();
    this.timer = setInterval(run, interval);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.first) clearTimeout(this.first);
    if (this.timer) clearInterval(this.timer);
  }
}
