import { jest } from '@jest/globals';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createLogger, LOGGER } from '../logging/logger.js';
import { SERVICE_CONFIG } from '../service/platform.module.js';
import { periodicJob, PeriodicJob, type PeriodicJobSchedule } from './periodic-job.js';

class CountingJob extends PeriodicJob {
  runs = 0;
  constructor(
    private readonly plan: PeriodicJobSchedule,
    private readonly failFirst = false,
  ) {
    super(createLogger('periodic-job-spec', 'silent'), 'counting job');
  }
  protected schedule() {
    return this.plan;
  }
  protected async runOnce() {
    this.runs += 1;
    if (this.failFirst && this.runs === 1) throw new Error('boom');
    return { runs: this.runs };
  }
}

describe('PeriodicJob (the one shape of scheduled jobs)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs once shortly after boot when the interval is 0', async () => {
    const job = new CountingJob({ intervalMs: 0 });
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(999);
    expect(job.runs).toBe(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(job.runs).toBe(1);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(job.runs).toBe(1);
    job.onApplicationShutdown();
  });

  it('runs on its interval, carries on after a failed run, and stops on shutdown', async () => {
    const job = new CountingJob({ intervalMs: 10_000 }, true);
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(1000); // boot run fails
    await jest.advanceTimersByTimeAsync(20_000);
    expect(job.runs).toBe(3);
    job.onApplicationShutdown();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(job.runs).toBe(3);
  });

  it('a job disabled by configuration does not run at all when it says so', async () => {
    const job = new CountingJob({ intervalMs: 0, skipWhenDisabled: true, firstRunAfterMs: 5000 });
    job.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(job.runs).toBe(0);
  });
});

@Injectable()
class FlaggingService {
  calls = 0;
  async flag() {
    this.calls += 1;
    return { changed: this.calls };
  }
}

describe('periodicJob (a job declared as data, provided by Nest)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('gets its service and interval injected and runs at boot and on the interval until shutdown', async () => {
    const Job = periodicJob<FlaggingService>({
      name: 'flagging job', uses: FlaggingService, schedule: (c) => ({ intervalMs: c.DEADLINE_JOB_INTERVAL_MS }), run: (s) => s.flag(),
    });
    @Module({
      providers: [FlaggingService, Job, { provide: SERVICE_CONFIG, useValue: { DEADLINE_JOB_INTERVAL_MS: 5_000 } }, { provide: LOGGER, useValue: createLogger('periodic-job-spec', 'silent') }],
    })
    class JobModule {}
    const app = await NestFactory.createApplicationContext(JobModule, { logger: false });
    const service = app.get(FlaggingService);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(service.calls).toBe(1);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(service.calls).toBe(3);
    await app.close();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(service.calls).toBe(3);
  });
});
