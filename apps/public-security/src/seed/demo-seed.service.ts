import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkingCalendar } from '@onewindow/calendar';
import { BusinessClock, LOGGER, SERVICE_CONFIG, type Logger } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import type { PublicSecurityConfig } from '../config.js';
import { seedDemoData } from './demo-seed.js';

/** Seeds demo data once migrations have run, before the service starts listening. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: PublicSecurityConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly clock: BusinessClock,
    private readonly calendar: WorkingCalendar,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await seedDemoData(this.dataSource, { mode: this.config.APP_MODE, today: this.clock.today(), calendar: this.calendar }, this.logger);
  }
}
