import { Injectable } from '@nestjs/common';
import type { Jurisdiction } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { OPEN_ITEM_STATUSES, type FoundItemCategory, type FoundItemStatus, type HandedInBy, type LostReportStatus } from './lost-found.constants.js';
import { FoundItemBatchEntity, FoundItemClaimEntity, FoundItemEntity, LostFoundEventEntity, LostReportEntity } from './lost-found.entity.js';

export interface FoundItemFilter {
  category?: FoundItemCategory;
  keyword?: string;
  foundFrom?: string;
  foundTo?: string;
  place?: string;
  statuses: readonly FoundItemStatus[];
  handedInBy?: HandedInBy;
  batchReference?: string;
}

export interface LostReportFilter {
  category?: FoundItemCategory;
  keyword?: string;
  status?: LostReportStatus;
}

export interface Page {
  limit: number;
  offset: number;
}

/** `%` and `_` typed by a clerk are searched literally. */
function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Storage of the lost-and-found platform. Every method takes the caller's EntityManager; reads
 * that return claimants' or reporters' data take a jurisdiction.
 */
@Injectable()
export class LostFoundRepository {
  async nextItemNumber(manager: EntityManager, today: string): Promise<string> {
    const [row] = (await manager.query(`SELECT nextval('found_item_number_seq') AS n`)) as { n: string }[];
    return `SW${today.replace(/-/g, '')}${String(row!.n).padStart(6, '0')}`;
  }

  async nextBatchReference(manager: EntityManager, today: string): Promise<string> {
    const [row] = (await manager.query(`SELECT nextval('found_item_batch_seq') AS n`)) as { n: string }[];
    return `JS${today.replace(/-/g, '')}${String(row!.n).padStart(6, '0')}`;
  }

  async findBatch(manager: EntityManager, reference: string): Promise<FoundItemBatchEntity | null> {
    return manager.getRepository(FoundItemBatchEntity).findOne({ where: { reference } });
  }

  async insertBatch(manager: EntityManager, batch: Omit<FoundItemBatchEntity, 'id' | 'registeredAt'>): Promise<FoundItemBatchEntity> {
    const repo = manager.getRepository(FoundItemBatchEntity);
    return repo.save(repo.create(batch));
  }

  async insertItems(manager: EntityManager, items: Omit<FoundItemEntity, 'id' | 'version' | 'createdAt' | 'updatedAt'>[]): Promise<FoundItemEntity[]> {
    const repo = manager.getRepository(FoundItemEntity);
    return repo.save(items.map((i) => repo.create(i)));
  }

  async saveItem(manager: EntityManager, item: FoundItemEntity): Promise<FoundItemEntity> {
    return manager.getRepository(FoundItemEntity).save(item);
  }

  private itemQuery(manager: EntityManager, scope: Jurisdiction) {
    return manager.getRepository(FoundItemEntity).createQueryBuilder('i').where('i.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` });
  }

  async findItem(manager: EntityManager, number: string, scope: Jurisdiction): Promise<FoundItemEntity | null> {
    return this.itemQuery(manager, scope).andWhere('i.number = :number', { number }).getOne();
  }

  async lockItem(manager: EntityManager, number: string, scope: Jurisdiction): Promise<FoundItemEntity | null> {
    return this.itemQuery(manager, scope).andWhere('i.number = :number', { number }).setLock('pessimistic_write').getOne();
  }

  async search(manager: EntityManager, scope: Jurisdiction, f: FoundItemFilter, page: Page): Promise<[FoundItemEntity[], number]> {
    const qb = this.itemQuery(manager, scope).andWhere('i.status IN (:...statuses)', { statuses: [...f.statuses] });
    if (f.category) qb.andWhere('i.category = :category', { category: f.category });
    if (f.keyword?.trim()) qb.andWhere(`i.description ILIKE :kw ESCAPE '\\'`, { kw: likePattern(f.keyword) });
    if (f.place?.trim()) qb.andWhere(`i.found_place ILIKE :place ESCAPE '\\'`, { place: likePattern(f.place) });
    if (f.foundFrom) qb.andWhere('i.found_on >= :from', { from: f.foundFrom });
    if (f.foundTo) qb.andWhere('i.found_on <= :to', { to: f.foundTo });
    if (f.handedInBy) qb.andWhere('i.handed_in_by = :by', { by: f.handedInBy });
    if (f.batchReference) qb.andWhere('i.batch_reference = :ref', { ref: f.batchReference });
    return qb.orderBy('i.found_on', 'DESC').addOrderBy('i.number', 'DESC').take(page.limit).skip(page.offset).getManyAndCount();
  }

  /** Open items whose claim period ended before `today`, locked; rows another job holds are skipped. */
  async lockDisposable(manager: EntityManager, scope: Jurisdiction, today: string, limit: number): Promise<FoundItemEntity[]> {
    return this.itemQuery(manager, scope)
      .andWhere('i.status IN (:...statuses)', { statuses: [...OPEN_ITEM_STATUSES] })
      .andWhere('i.retention_until < :today', { today })
      .orderBy('i.retention_until', 'ASC')
      .addOrderBy('i.number', 'ASC')
      .take(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  async insertReport(manager: EntityManager, report: Omit<LostReportEntity, 'id' | 'version' | 'createdAt' | 'updatedAt'>): Promise<LostReportEntity> {
    const repo = manager.getRepository(LostReportEntity);
    return repo.save(repo.create(report));
  }

  async saveReport(manager: EntityManager, report: LostReportEntity): Promise<LostReportEntity> {
    return manager.getRepository(LostReportEntity).save(report);
  }

  private reportQuery(manager: EntityManager, scope: Jurisdiction) {
    return manager.getRepository(LostReportEntity).createQueryBuilder('r').where('r.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` });
  }

  async findReport(manager: EntityManager, id: string, scope: Jurisdiction): Promise<LostReportEntity | null> {
    return this.reportQuery(manager, scope).andWhere('r.id = :id', { id }).getOne();
  }

  async lockReport(manager: EntityManager, id: string, scope: Jurisdiction): Promise<LostReportEntity | null> {
    return this.reportQuery(manager, scope).andWhere('r.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async findReportsByIds(manager: EntityManager, ids: string[], scope: Jurisdiction): Promise<LostReportEntity[]> {
    if (!ids.length) return [];
    return this.reportQuery(manager, scope).andWhere('r.id IN (:...ids)', { ids }).getMany();
  }

  async searchReports(manager: EntityManager, scope: Jurisdiction, f: LostReportFilter, page: Page): Promise<[LostReportEntity[], number]> {
    const qb = this.reportQuery(manager, scope);
    if (f.status) qb.andWhere('r.status = :status', { status: f.status });
    if (f.category) qb.andWhere('r.category = :category', { category: f.category });
    if (f.keyword?.trim()) qb.andWhere(`(r.description ILIKE :kw ESCAPE '\\' OR r.lost_place ILIKE :kw ESCAPE '\\')`, { kw: likePattern(f.keyword) });
    return qb.orderBy('r.created_at', 'DESC').take(page.limit).skip(page.offset).getManyAndCount();
  }

  async findReportsForPerson(manager: EntityManager, idNumber: string, scope: Jurisdiction): Promise<LostReportEntity[]> {
    return this.reportQuery(manager, scope).andWhere('r.reporter_id_number = :id', { id: idNumber }).orderBy('r.created_at', 'DESC').getMany();
  }

  async insertClaim(manager: EntityManager, claim: Omit<FoundItemClaimEntity, 'id' | 'createdAt'>): Promise<FoundItemClaimEntity> {
    const repo = manager.getRepository(FoundItemClaimEntity);
    return repo.save(repo.create(claim));
  }

  async findClaimsForItems(manager: EntityManager, itemIds: string[]): Promise<FoundItemClaimEntity[]> {
    if (!itemIds.length) return [];
    return manager.getRepository(FoundItemClaimEntity).createQueryBuilder('c').where('c.found_item_id IN (:...ids)', { ids: itemIds }).orderBy('c.created_at', 'ASC').getMany();
  }

  async findClaimsForPerson(manager: EntityManager, idNumber: string, scope: Jurisdiction): Promise<FoundItemClaimEntity[]> {
    return manager
      .getRepository(FoundItemClaimEntity)
      .createQueryBuilder('c')
      .where('c.claimant_id_number = :id', { id: idNumber })
      .andWhere('c.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .orderBy('c.created_at', 'DESC')
      .getMany();
  }

  async findItemsByIds(manager: EntityManager, ids: string[]): Promise<FoundItemEntity[]> {
    if (!ids.length) return [];
    return manager.getRepository(FoundItemEntity).createQueryBuilder('i').where('i.id IN (:...ids)', { ids }).getMany();
  }

  async appendEvent(manager: EntityManager, event: Omit<LostFoundEventEntity, 'id'>): Promise<void> {
    const repo = manager.getRepository(LostFoundEventEntity);
    await repo.save(repo.create(event));
  }

  async historyOfItems(manager: EntityManager, itemIds: string[]): Promise<LostFoundEventEntity[]> {
    if (!itemIds.length) return [];
    return manager.getRepository(LostFoundEventEntity).createQueryBuilder('e').where('e.found_item_id IN (:...ids)', { ids: itemIds }).orderBy('e.id', 'ASC').getMany();
  }

  async historyOfReports(manager: EntityManager, reportIds: string[]): Promise<LostFoundEventEntity[]> {
    if (!reportIds.length) return [];
    return manager.getRepository(LostFoundEventEntity).createQueryBuilder('e').where('e.lost_report_id IN (:...ids)', { ids: reportIds }).orderBy('e.id', 'ASC').getMany();
  }
}
