import { DomainException } from '../errors/domain.exception.js';

/**
 * The bureau's business date and time (Asia/Shanghai). Demo and test deployments may pin the date
 * with CLOCK_FIXED_DATE (YYYY-MM-DD) to replay a scenario across a holiday; production refuses it.
 */
export class BusinessClock {
  constructor(private readonly fixedDate?: string, mode?: string) {
    if (fixedDate && mode === 'production') throw DomainException.validation('CLOCK_FIXED_DATE is not allowed in production');
  }

  now(): Date {
    if (!this.fixedDate) return new Date();
    // Keep the real time of day in China on the pinned China date, so ordering of events still works
    // and the instant's China date is the pinned one at any hour (16:00–24:00 UTC is already tomorrow in China).
    const chinaTimeOfDay = new Date(Date.now() + 8 * 3600_000).toISOString().slice(11, 23);
    return new Date(`${this.fixedDate}T${chinaTimeOfDay}+08:00`);
  }

  /** Today's date in China (UTC+8), YYYY-MM-DD. */
  today(): string {
    if (this.fixedDate) return this.fixedDate;
    return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  }
}
