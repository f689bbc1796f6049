import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { findItem, loadCatalogFile, type Catalog, type CatalogItem } from '@onewindow/catalog';
import { EventSubjects, type CatalogPublishedEvent } from '@onewindow/contracts';
import { LOGGER, OutboxService, type Logger } from '@onewindow/platform';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CatalogPublicationEntity } from './application.entity.js';
import { CaseworkErrorCode, CaseworkException } from './casework.exception.js';
import { CASEWORK_OPTIONS, type CaseworkOptions } from './casework.options.js';

/**
 * This police type's service catalog, loaded (and validated) from its versioned data file at boot,
 * and announced once per content version to the counter's unified index through the outbox.
 */
@Injectable()
export class PoliceTypeCatalogService implements OnApplicationBootstrap {
  readonly catalog: Catalog;
  private readonly contentHash: string;

  constructor(
    @Inject(CASEWORK_OPTIONS) private readonly options: CaseworkOptions,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.catalog = loadCatalogFile(options.catalogPath);
    if (this.catalog.policeType !== options.policeType) throw new Error(`catalog ${options.catalogPath} is not of ${options.policeType}`);
    this.contentHash = createHash('sha256').update(JSON.stringify(this.catalog)).digest('hex');
  }

  findItem(code: string): CatalogItem | undefined {
    return findItem(this.catalog, code);
  }

  getItem(code: string): CatalogItem {
    const item = findItem(this.catalog, code);
    if (!item) throw new CaseworkException(CaseworkErrorCode.ITEM_NOT_FOUND, `本警种事项目录中没有事项 ${code}`);
    return item;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.publishIfChanged();
  }

  /** Announce the catalog unless this exact content was announced before. */
  async publishIfChanged(): Promise<boolean> {
    const published = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(CatalogPublicationEntity);
      const last = await repo.findOne({ where: {}, order: { id: 'DESC' } });
      if (last?.contentHash === this.contentHash) return false;
      await repo.insert({ version: this.catalog.version, contentHash: this.contentHash });
      const event: CatalogPublishedEvent = {
        service: this.options.service,
        policeType: this.options.policeType,
        version: this.catalog.version,
        effectiveFrom: this.catalog.effectiveFrom,
        items: this.catalog.items.map((i) => ({ code: i.code, name: i.name, item: JSON.parse(JSON.stringify(i)) as Record<string, unknown> })),
      };
      await this.outbox.enqueue(manager, EventSubjects.catalogPublished(this.options.service), event);
      return true;
    });
    if (published) {
      this.logger.info({ version: this.catalog.version, items: this.catalog.items.length }, 'catalog published');
      this.outbox.notifyCommitted();
    }
    return published;
  }
}
