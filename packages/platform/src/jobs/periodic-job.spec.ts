import { jest } from '@jest/globals';
import { createLogger } from '../logging/logger.js';
import { PeriodicJob, type PeriodicJobSchedule } from './periodic-job.js';

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
