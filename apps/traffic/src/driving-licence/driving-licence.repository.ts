import { Injectable } from '@nestjs/common';
import type { Jurisdiction } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { DrivingLicenceEntity } from './driving-licence.entity.js';

export type NewDrivingLicence = Omit<DrivingLicenceEntity, 'id' | 'createdAt' | 'updatedAt'>;

/**
 * Driving licence register. Stateless: every call runs in the caller's EntityManager (the casework
 * or transfer transaction, or the DataSource's manager for reads); queries returning personal data
 * take the caller's jurisdiction.
 */
@Injectable()
export class DrivingLicenceRepository {
  private qb(manager: EntityManager, scope: Jurisdiction) {
    return manager
      .getRepository(DrivingLicenceEntity)
      .createQueryBuilder('l')
      .where('l.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` });
  }

  /** The holder's current licence (VALID or EXPIRED), if any. */
  async findCurrent(manager: EntityManager, number: string, scope: Jurisdiction, lock = false): Promise<DrivingLicenceEntity | null> {
    const qb = this.qb(manager, scope).andWhere('l.number = :number', { number }).andWhere(`l.status IN ('VALID','EXPIRED')`);
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** The current licence, else the most recently changed one (e.g. CANCELLED), for display. */
  async findLatest(manager: EntityManager, number: string, scope: Jurisdiction): Promise<DrivingLicenceEntity | null> {
    return this.qb(manager, scope)
      .andWhere('l.number = :number', { number })
      .orderBy(`CASE WHEN l.status IN ('VALID','EXPIRED') THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('l.updated_at', 'DESC')
      .getOne();
  }

  async update(manager: EntityManager, id: string, change: Partial<NewDrivingLicence>): Promise<void> {
    await manager.getRepository(DrivingLicenceEntity).update({ id }, change);
  }

  /** Cancels the holder's current licence (注销); returns how many rows changed (0 or 1). */
  async cancelCurrent(manager: EntityManager, number: string, scope: Jurisdiction, reason: string): Promise<number> {
    const r = await manager
      .createQueryBuilder()
      .update(DrivingLicenceEntity)
      .set({ status: 'CANCELLED', statusReason: reason })
      .where('number = :number', { number })
      .andWhere(`status IN ('VALID','EXPIRED')`)
      .andWhere('unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .execute();
    return r.affected ?? 0;
  }

  /** Undo a cancellation (a revoked death cancellation): back to its previous status if still CANCELLED. */
  async restoreCancelled(manager: EntityManager, id: string, previousStatus: 'VALID' | 'EXPIRED', reason: string): Promise<number> {
    const r = await manager
      .createQueryBuilder()
      .update(DrivingLicenceEntity)
      .set({ status: previousStatus, statusReason: reason })
      .where('id = :id', { id })
      .andWhere(`status = 'CANCELLED'`)
      .execute();
    return r.affected ?? 0;
  }

  async insert(manager: EntityManager, licence: NewDrivingLicence): Promise<void> {
    await manager.getRepository(DrivingLicenceEntity).insert(licence);
  }
}
