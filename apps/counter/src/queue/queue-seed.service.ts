import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LOGGER, SERVICE_CONFIG, type BaseServiceConfig, type Logger } from '@onewindow/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { QueueWindowEntity } from './queue.entities.js';
import { QueueRepository } from './queue.repository.js';
import { DEMO_WINDOWS } from './service-groups.data.js';

/**
 * Outside production, at boot: the default service groups and the demo windows of the demo
 * stations, when a station has none (idempotent; several instances may race: unique keys decide).
 * In production a station's groups appear on first use (QueueRepository.groups) and its windows
 * are created at the desk.
 */
@Injectable()
export class QueueSeedService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: QueueRepository,
    @Inject(SERVICE_CONFIG) private readonly config: BaseServiceConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.APP_MODE === 'production') return;
    const m = this.dataSource.manager;
    const windows = m.getRepository(QueueWindowEntity);
    let seeded = 0;
    for (const unitCode of [...new Set(DEMO_WINDOWS.map((w) => w.unitCode))]) {
      await this.repo.groups(unitCode, m);
      if ((await windows.count({ where: { unitCode } })) > 0) continue;
      const rows = DEMO_WINDOWS.filter((w) => w.unitCode === unitCode).map((w) => ({ ...w, id: randomUUID(), state: 'CLOSED' }));
      await windows.createQueryBuilder().insert().values(rows).orIgnore().execute();
      seeded += rows.length;
    }
    if (seeded) this.logger.info({ windows: seeded }, 'queue: demo windows seeded');
  }
}
