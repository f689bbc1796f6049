import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Jurisdiction } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { TransferViewEntity } from './transfer-view.entity.js';

export interface TransferViewFilter {
  /** Perspective service: the police type the direction is relative to. */
  service?: string;
  direction?: 'INBOUND' | 'OUTBOUND';
  status?: string;
  overdueOnly?: boolean;
  limit: number;
  offset: number;
}

/** Open transfers flagged overdue come first (督察 sees them at the top). */
const OVERDUE_RANK = `CASE WHEN t.overdue AND t.status IN ('REQUESTED', 'ACKNOWLEDGED') THEN 0 ELSE 1 END`;

@Injectable()
export class TransferViewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(TransferViewEntity);
  }

  /** The row of a transfer, created (empty) if this is the first event seen, and locked. */
  async lockOrCreate(manager: EntityManager, transferId: string, fromService: string, toService: string): Promise<TransferViewEntity> {
    await manager.query(
      `INSERT INTO transfer_view (transfer_id, from_service, to_service, status) VALUES ($1, $2, $3, 'REQUESTED') ON CONFLICT (transfer_id) DO NOTHING`,
      [transferId, fromService, toService],
    );
    return this.repo(manager).createQueryBuilder('t').setLock('pessimistic_write').where('t.transfer_id = :transferId', { transferId }).getOneOrFail();
  }

  async save(manager: EntityManager, row: TransferViewEntity): Promise<void> {
    await this.repo(manager).save(row);
  }

  /** Where to route a command on a transfer (no personal data, so no jurisdiction). */
  async findRouting(transferId: string): Promise<{ fromService: string; toService: string; unitCode: string | null } | null> {
    const row = await this.repo().findOne({ where: { transferId }, select: { fromService: true, toService: true, unitCode: true } });
    return row ? { fromService: row.fromService, toService: row.toService, unitCode: row.unitCode } : null;
  }

  async findById(transferId: string, scope: Jurisdiction): Promise<TransferViewEntity | null> {
    return this.scoped(scope).andWhere('t.transfer_id = :transferId', { transferId }).getOne();
  }

  /** The caller's unit (requesting or handling), open overdue first, then by requested deadline. */
  async list(scope: Jurisdiction, f: TransferViewFilter): Promise<[TransferViewEntity[], number]> {
    const qb = this.scoped(scope);
    if (f.service) {
      if (f.direction === 'OUTBOUND') qb.andWhere('t.from_service = :service', { service: f.service });
      else if (f.direction === 'INBOUND') qb.andWhere('t.to_service = :service', { service: f.service });
      else qb.andWhere('(t.from_service = :service OR t.to_service = :service)', { service: f.service });
    }
    if (f.status) qb.andWhere('t.status = :status', { status: f.status });
    if (f.overdueOnly) qb.andWhere(`t.overdue AND t.status IN ('REQUESTED', 'ACKNOWLEDGED')`);
    return qb
      .addSelect(OVERDUE_RANK, 'overdue_rank')
      .orderBy('overdue_rank', 'ASC')
      .addOrderBy('t.requested_deadline', 'ASC')
      .addOrderBy('t.requested_at', 'ASC')
      .limit(f.limit)
      .offset(f.offset)
      .getManyAndCount();
  }

  /** Only transfers whose request has been seen (they carry the unit) and that touch the caller's unit. */
  private scoped(scope: Jurisdiction) {
    return this.repo()
      .createQueryBuilder('t')
      .where('t.case_ref IS NOT NULL')
      .andWhere('(t.unit_code LIKE :prefix OR t.handled_unit_code LIKE :prefix)', { prefix: `${scope.unitPrefix}%` });
  }
}
