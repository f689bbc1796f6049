import type { FactoryProvider, OnApplicationBootstrap, OnApplicationShutdown, Type } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { BaseServiceConfig } from '../config/config.js';
import { LOGGER, type Logger } from '../logging/logger.js';
import { SERVICE_CONFIG } from '../service/platform.module.js';
import { jobDuration, jobLastSuccess, jobRuns } from '../observability/metrics.js';
import { JobLease } from './job-lease.js';

/** How a periodic job runs: the first run after `firstRunAfterMs`, then every `intervalMs`. */
export interface PeriodicJobSchedule {
  /** 0: the boot-time run only. */
  intervalMs: number;
  /** Delay of the first run after boot (default 1 s, so the service is ready to answer first). */
  firstRunAfterMs?: number;
  /** No boot-time run either when the interval is 0 (a job a person starts by hand). */
  skipWhenDisabled?: boolean;
}

/**
 * The one shape of a service's scheduled jobs (deadline flags, overdue transfers, disposal): run
 * shortly after boot and then on an interval from the typed config, log what changed, log a failure
 * and carry on, stop the timers on shutdown. A subclass says only what one run does. With a
 * `JobLease`, passes never overlap across replicas and a scheduled pass runs once per interval
 * whatever the number of replicas (job-lease.ts).
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private first?: NodeJS.Timeout;
  private timer?: NodeJS.Timeout;

  protected constructor(
    protected readonly logger: Logger,
    private readonly jobName: string,
    private readonly lease?: JobLease,
  ) {}

  protected abstract schedule(): PeriodicJobSchedule;

  /** One run; returns what to log when it changed something, or null. */
  protected abstract runOnce(): Promise<Record<string, unknown> | null>;

  onApplicationBootstrap(): void {
    const { intervalMs, firstRunAfterMs = 1000, skipWhenDisabled = false } = this.schedule();
    if (intervalMs <= 0 && skipWhenDisabled) return;
    const run = (minGapMs?: number) =>
      this.pass(minGapMs)
        .then((changed) => changed && this.logger.info(changed, `${this.jobName}: done`))
        .catch((err) => this.logger.warn({ err: String(err) }, `${this.jobName}: failed`));
    this.first = setTimeout(() => run(), firstRunAfterMs);
    this.first.unref();
    if (intervalMs > 0) {
      // A little less than the interval, so a replica whose timer fires slightly early still runs.
      this.timer = setInterval(() => run(Math.floor(intervalMs * 0.8)), intervalMs);
      this.timer.unref();
    }
  }

  private async pass(minGapMs?: number): Promise<Record<string, unknown> | null> {
    const job = this.jobName;
    const measured = async () => {
      const end = jobDuration.startTimer({ job });
      try {
        const result = await this.runOnce();
        jobRuns.inc({ job, outcome: 'done' });
        jobLastSuccess.set({ job }, Date.now() / 1000);
        return result;
      } catch (err) {
        jobRuns.inc({ job, outcome: 'failed' });
        throw err;
      } finally {
        end();
      }
    };
    if (!this.lease) return measured();
    const outcome = await this.lease.run(this.jobName, measured, { minGapMs });
    if (!outcome.ran) {
      jobRuns.inc({ job, outcome: 'skipped' });
      this.logger.debug({ reason: outcome.reason }, `${this.jobName}: skipped (another replica has it)`);
      return null;
    }
    return outcome.result;
  }

  onApplicationShutdown(): void {
    if (this.first) clearTimeout(this.first);
    if (this.timer) clearInterval(this.timer);
  }
}

/** A periodic job declared as data: its name, the provider one run calls, its schedule from the typed config. */
export interface PeriodicJobDefinition<S, C extends BaseServiceConfig = BaseServiceConfig> {
  /** The job's name in its log lines (`<name>: done`, `<name>: failed`). */
  name: string;
  /** The provider whose method one run calls. */
  uses: Type<S>;
  schedule: (config: C) => PeriodicJobSchedule;
  /** One run; returns what to log when it changed something, or null. */
  run: (service: S) => Promise<Record<string, unknown> | null>;
}

class DeclaredPeriodicJob<S, C extends BaseServiceConfig> extends PeriodicJob {
  constructor(
    logger: Logger,
    private readonly definition: PeriodicJobDefinition<S, C>,
    private readonly service: S,
    private readonly config: C,
    lease?: JobLease,
  ) {
    super(logger, definition.name, lease);
  }

  protected schedule(): PeriodicJobSchedule {
    return this.definition.schedule(this.config);
  }

  protected runOnce(): Promise<Record<string, unknown> | null> {
    return this.definition.run(this.service);
  }
}

/**
 * A `PeriodicJob` as a Nest provider (put it in a module's `providers`): the service, the config
 * and the logger are injected, so a feature's job is its name, its interval and the one call it makes.
 */
export function periodicJob<S, C extends BaseServiceConfig = BaseServiceConfig>(definition: PeriodicJobDefinition<S, C>): FactoryProvider<PeriodicJob> {
  return {
    provide: `periodic-job:${definition.name}`,
    useFactory: (service: S, config: C, logger: Logger, dataSource?: DataSource) =>
      new DeclaredPeriodicJob(logger, definition, service, config, dataSource ? new JobLease(dataSource) : undefined),
    inject: [definition.uses, SERVICE_CONFIG, LOGGER, { token: getDataSourceToken(), optional: true }],
  };
}
