import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LOGGER, SERVICE_CONFIG, type BaseServiceConfig, type Logger } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { HomeVisitOfficerEntity } from './home-visit.entities.js';
import { DEMO_COMMUNITY_OFFICERS } from './roster.data.js';

/** Outside production, when the roster is empty: the demo community officers (idempotent). */
@Injectable()
export class HomeVisitSeedService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.APP_MODE === 'production') return;
    const roster = this.dataSource.getRepository(HomeVisitOfficerEntity);
    if ((await roster.count()) > 0) return;
    await roster.createQueryBuilder().insert().values(DEMO_COMMUNITY_OFFICERS.map((o) => ({ ...o, active: true }))).orIgnore().execute();
    this.logger.info({ officers: DEMO_COMMUNITY_OFFICERS.length }, 'home visits: demo community-officer roster seeded');
  }
}
