import { Injectable } from '@nestjs/common';
import type { TransferKind } from '@onewindow/contracts';
import type { EntityManager } from 'typeorm';
import { TransferEntity, type TransferDirection } from './transfer.entity.js';

/** Storage of this service's side of transfers. Rules live in TransfersService. */
@Injectable()
export class TransferRepository {
  /** Insert one side unless it exists (a redelivered request is a no-op). True when inserted. */
  async insertIfAbsent(manager: EntityManager, row: Partial<TransferEntity>): Promise<boolean> {
    const r = await manager.createQueryBuilder().insert().into(TransferEntity).values(row as never).orIgnore().returning(['id']).execute();
    return (r.raw as unknown[]).length === 1;
  }

  /** Locks one side for the rest of the transaction (changes are serialised per transfer). */
  async lock(manager: EntityManager, transferId: string, direction: TransferDirection): Promise<TransferEntity | null> {
    return manager
      .getRepository(TransferEntity)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.transfer_id = :transferId AND t.direction = :direction', { transferId, direction })
      .getOne();
  }

  async lockById(manager: EntityManager, id: string): Promise<TransferEntity | null> {
    return manager.getRepository(TransferEntity).createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :id', { id }).getOne();
  }

  async save(manager: EntityManager, row: TransferEntity): Promise<TransferEntity> {
    return manager.getRepository(TransferEntity).save(row);
  }

  /** This service's side of the transfers of one of its cases, oldest first. */
  async findByCase(manager: EntityManager, caseRef: string, direction: TransferDirection, kind?: TransferKind): Promise<TransferEntity[]> {
    const qb = manager
      .getRepository(TransferEntity)
      .createQueryBuilder('t')
      .where('t.case_ref = :caseRef AND t.direction = :direction', { caseRef, direction });
    if (kind) qb.andWhere('t.kind = :kind', { kind });
    return qb.orderBy('t.requested_at', 'ASC').addOrderBy('t.id', 'ASC').getMany();
  }

  /** Ids of open, not yet flagged transfers whose requested deadline is before `today` (both sides). */
  async findOverdueCandidates(manager: EntityManager, today: string): Promise<string[]> {
    const rows = await manager
      .getRepository(TransferEntity)
      .createQueryBuilder('t')
      .select('t.id', 'id')
      .where(`t.status IN ('REQUESTED', 'ACKNOWLEDGED') AND NOT t.overdue AND t.requested_deadline < CAST(:today AS date)`, { today })
      .orderBy('t.requested_deadline', 'ASC')
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }
}
