import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LOGGER, SERVICE_CONFIG, type BaseServiceConfig, type Logger } from '@onewindow/platform';
import { DataSource } from 'typeorm';
import { CHECKLIST_TEMPLATES } from './inspection/checklists.data.js';
import { DEMO_INSPECTORS } from './random-inspection/roster.data.js';
import { SupervisionInspectorEntity, SupervisionTemplateEntity } from './supervision.entities.js';

/**
 * At boot: version 1 of each checklist template from checklists.data.ts when missing (idempotent,
 * safe with several instances), and — outside production, when the roster is empty — the demo
 * inspector roster.
 */
@Injectable()
export class SupervisionSeedService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const templates = this.dataSource.getRepository(SupervisionTemplateEntity);
    for (const t of CHECKLIST_TEMPLATES) {
      await templates.createQueryBuilder().insert().values({ code: t.code, version: 1, name: t.name, cadence: t.cadence, items: t.items, publishedBy: '系统初始化' }).orIgnore().execute();
    }
    if (this.config.APP_MODE === 'production') return;
    const roster = this.dataSource.getRepository(SupervisionInspectorEntity);
    if ((await roster.count()) > 0) return;
    await roster.createQueryBuilder().insert().values(DEMO_INSPECTORS.map((i) => ({ ...i, active: true }))).orIgnore().execute();
    this.logger.info({ inspectors: DEMO_INSPECTORS.length }, 'supervision: demo inspector roster seeded');
  }
}
