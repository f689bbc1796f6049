import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, PeriodicJob, SERVICE_CONFIG, type Logger } from '@onewindow/platform';
import type { CounterConfig } from '../config.js';
import { QueueBalancingService } from './queue-balancing.service.js';

/** Checks every busy hall for a group waiting past its thresholds while windows idle, at boot and every QUEUE_BALANCING_INTERVAL_MS. */
@Injectable()
export class RebalanceScheduler extends PeriodicJob {
  constructor(
    private readonly balancing: QueueBalancingService,
    @Inject(SERVICE_CONFIG) private readonly config: CounterConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(logger, 'queue balancing job');
  }

  protected schedule() {
    return { intervalMs: this.config.QUEUE_BALANCING_INTERVAL_MS };
  }

  protected async runOnce() {
    const r = await this.balancing.evaluateAll();
    return r.created.length || r.expired || r.ended ? { proposed: r.created.length, expired: r.expired, ended: r.ended } : null;
  }
}
