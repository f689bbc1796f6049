import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogItemEntity } from './catalog-item.entity.js';

export type CatalogItemRow = Pick<CatalogItemEntity, 'code' | 'policeType' | 'service' | 'version' | 'effectiveFrom' | 'position' | 'name' | 'aliases' | 'search' | 'item'>;

/** The catalog index holds no personal data, so its queries take no jurisdiction. */
@Injectable()
export class CatalogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(CatalogItemEntity);
  }

  /** Replace one service's items by a new version: upsert the given ones, drop the rest. */
  async replaceServiceItems(service: string, rows: CatalogItemRow[], manager: EntityManager): Promise<{ dropped: number }> {
    for (const r of rows) {
      await manager.query(
        `INSERT INTO catalog_item (code, police_type, service, version, effective_from, position, name, aliases, search, item, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
         ON CONFLICT (code) DO UPDATE SET police_type = EXCLUDED.police_type, service = EXCLUDED.service, version = EXCLUDED.version,
           effective_from = EXCLUDED.effective_from, position = EXCLUDED.position, name = EXCLUDED.name, aliases = EXCLUDED.aliases,
           search = EXCLUDED.search, item = EXCLUDED.item, updated_at = now()`,
        [r.code, r.policeType, r.service, r.version, r.effectiveFrom, r.position, r.name, r.aliases, r.search, JSON.stringify(r.item)],
      );
    }
    const result = await this.repo(manager)
      .createQueryBuilder()
      .delete()
      .where('service = :service', { service })
      .andWhere(rows.length ? 'code NOT IN (:...codes)' : 'TRUE', { codes: rows.map((r) => r.code) })
      .execute();
    return { dropped: result.affected ?? 0 };
  }

  /**
   * Items whose search text contains the normalised keyword (or every item), optionally of one
   * police type, in index order. Ranking happens in the service.
   */
  async findMatching(opts: { normalizedKeyword?: string; policeType?: string; policeTypeOrder: readonly string[] }): Promise<CatalogItemEntity[]> {
    const qb = this.repo().createQueryBuilder('c');
    if (opts.normalizedKeyword) {
      qb.andWhere(`c.search LIKE :k ESCAPE '\\'`, { k: `%${opts.normalizedKeyword.replace(/[\\%_]/g, (m) => `\\${m}`)}%` });
    }
    if (opts.policeType) qb.andWhere('c.police_type = :pt', { pt: opts.policeType });
    const rows = await qb.getMany();
    const order = (p: string) => {
      const i = opts.policeTypeOrder.indexOf(p);
      return i < 0 ? opts.policeTypeOrder.length : i;
    };
    return rows.sort((a, b) => order(a.policeType) - order(b.policeType) || a.position - b.position);
  }

  async findByCode(code: string): Promise<CatalogItemEntity | null> {
    return this.repo().findOne({ where: { code } });
  }
}
