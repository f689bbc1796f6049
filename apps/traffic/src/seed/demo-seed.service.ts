import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LOGGER, SERVICE_CONFIG, type BaseServiceConfig, type Logger } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { seedDemoTraffic } from './demo-traffic.js';

/** Seeds the demo licences, vehicles and violation in demo and test mode, once migrations have run. */
@Injectable()
export class DemoTrafficSeedService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.APP_MODE === 'production') return;
    const result = await this.dataSource.transaction((manager) => seedDemoTraffic(manager));
    if (result.licences || result.vehicles || result.violations) this.logger.info(result, 'demo traffic records seeded');
  }
}
