import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LOGGER, SERVICE_CONFIG, type Logger } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import type { HouseholdConfig } from '../config.js';
import { seedDemoData } from './demo-seed.js';

/** Seeds demo data once migrations have run, before the service starts listening. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: HouseholdConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await seedDemoData(
      this.dataSource,
      {
        mode: this.config.APP_MODE,
        population: this.config.DEMO_POPULATION,
        seed: this.config.DEMO_POPULATION_SEED,
        unitCodes: this.config.DEMO_POPULATION_UNITS.split(','),
      },
      this.logger,
    );
  }
}
