import { Inject, Injectable } from '@nestjs/common';
import type { CatalogPublishedEvent, PoliceType } from '@onewindow/contracts';
import { normalizeKeyword, type CatalogItem } from '@onewindow/catalog';
import { LOGGER, type Logger } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { POLICE_TYPE_ORDER } from '../common/service-routing.js';
import type { CatalogItemEntity } from './catalog-item.entity.js';
import { CatalogException } from './catalog.exception.js';
import { CatalogRepository } from './catalog.repository.js';
import { rankCatalogItems, searchTextOf, validatePublishedCatalog } from './catalog-validation.js';

/** An indexed item with where it came from. */
export interface IndexedItem {
  item: CatalogItem;
  service: string;
  version: string;
  policeType: PoliceType;
}

function toIndexed(row: CatalogItemEntity): IndexedItem {
  return { item: row.item as unknown as CatalogItem, service: row.service, version: row.version, policeType: row.policeType as PoliceType };
}

/** The unified catalog index: fed by every police type's published catalog, searched at the window. */
@Injectable()
export class CatalogIndexService {
  /**
   * Items by code, read at most CACHE_MS ago: every acceptance looks its item up, and the row carries
   * the whole item as JSON. A publish applied here clears it at once; one applied by another replica
   * is seen within CACHE_MS.
   */
  private readonly cache = new Map<string, { at: number; value: IndexedItem | undefined }>();
  /** Bumped by every publish: a read that started before one is not cached. */
  private generation = 0;
  static readonly CACHE_MS = 5_000;

  constructor(private readonly catalog: CatalogRepository, @Inject(LOGGER) private readonly logger: Logger) {}

  /**
   * Apply a published catalog version of one service: valid items replace that service's items,
   * items absent from the version are dropped. Invalid items are logged and left out; a version
   * without a single valid item changes nothing (a broken publish must not empty the window).
   */
  async applyPublished(event: CatalogPublishedEvent, streamService: string, manager: EntityManager): Promise<void> {
    if (event.service !== streamService) {
      this.logger.error({ stream: streamService, service: event.service }, 'catalog event names another service; ignored');
      return;
    }
    const { items, rejected } = validatePublishedCatalog(event);
    for (const r of rejected) this.logger.error({ service: event.service, version: event.version, code: r.code, problems: r.problems }, 'catalog item rejected');
    if (items.length === 0) {
      this.logger.error({ service: event.service, version: event.version }, 'catalog version has no valid item; index unchanged');
      return;
    }
    this.invalidate();
    const { dropped } = await this.catalog.replaceServiceItems(
      event.service,
      items.map((item, position) => ({
        code: item.code,
        policeType: item.policeType,
        service: event.service,
        version: event.version,
        effectiveFrom: event.effectiveFrom,
        position,
        name: item.name,
        aliases: item.aliases,
        search: searchTextOf(item),
        item: JSON.parse(JSON.stringify(item)) as Record<string, unknown>,
      })),
      manager,
    );
    // Again once written (the caller commits right after): a read racing the write is not kept.
    this.invalidate();
    this.logger.info({ service: event.service, version: event.version, items: items.length, rejected: rejected.length, dropped }, 'catalog index updated');
  }

  private invalidate(): void {
    this.generation++;
    this.cache.clear();
  }

  /** Ranked like searchCatalog; an empty keyword lists everything in index order. */
  async search(keyword: string | undefined, policeType: PoliceType | undefined): Promise<IndexedItem[]> {
    const normalized = keyword ? normalizeKeyword(keyword) : '';
    const rows = await this.catalog.findMatching({ normalizedKeyword: normalized || undefined, policeType, policeTypeOrder: POLICE_TYPE_ORDER });
    const indexed = rows.map(toIndexed);
    const byItem = new Map(indexed.map((i) => [i.item, i]));
    return rankCatalogItems(indexed.map((i) => i.item), normalized).map((item) => byItem.get(item)!);
  }

  async findItem(code: string): Promise<IndexedItem | undefined> {
    const key = code.trim().toUpperCase();
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < CatalogIndexService.CACHE_MS) return hit.value;
    const generation = this.generation;
    const row = await this.catalog.findByCode(key);
    const value = row ? toIndexed(row) : undefined;
    // Found items only: an item published a moment later must not be refused for CACHE_MS.
    if (value && generation === this.generation) this.cache.set(key, { at: Date.now(), value });
    return value;
  }

  async getItem(code: string): Promise<IndexedItem> {
    const found = await this.findItem(code);
    if (!found) throw CatalogException.itemNotFound(code);
    return found;
  }
}
