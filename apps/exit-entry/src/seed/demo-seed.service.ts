import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LOGGER, SERVICE_CONFIG, type Logger } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import type { ExitEntryConfig } from '../config.js';
import { seedDemoData } from './demo-seed.js';

/** Seeds the demo documents once migrations have run, before the service starts listening. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ExitEntryConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await seedDemoData(this.dataSource, this.config.APP_MODE, this.logger);
  }
}
