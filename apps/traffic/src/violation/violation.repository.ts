import { Injectable } from '@nestjs/common';
import type { Jurisdiction } from '@onewindow/platform';
import { Brackets, type EntityManager } from 'typeorm';
import { ViolationEntity, type ViolationStatus } from './violation.entity.js';

export type NewViolation = Omit<ViolationEntity, 'id' | 'createdAt' | 'updatedAt'>;
const UNPAID: ViolationStatus[] = ['OPEN', 'DECIDED'];

/** Violation register: the caller's EntityManager, the caller's jurisdiction on every query. */
@Injectable()
export class ViolationRepository {
  private qb(manager: EntityManager, scope: Jurisdiction) {
    return manager
      .getRepository(ViolationEntity)
      .createQueryBuilder('x')
      .where('x.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` });
  }

  /** Violations of a plate, newest first. */
  async findByPlate(manager: EntityManager, plate: string, scope: Jurisdiction, opts: { unpaidOnly?: boolean } = {}): Promise<ViolationEntity[]> {
    const qb = this.qb(manager, scope).andWhere('x.plate_number = :plate', { plate });
    if (opts.unpaidOnly) qb.andWhere('x.status IN (:...unpaid)', { unpaid: UNPAID });
    return qb.orderBy('x.occurred_at', 'DESC').getMany();
  }

  /** Violations on the person's licence or on the plates they own, newest first. */
  async findForPerson(manager: EntityManager, idNumber: string, plates: string[], scope: Jurisdiction, opts: { unpaidOnly?: boolean } = {}): Promise<ViolationEntity[]> {
    const qb = this.qb(manager, scope).andWhere(
      new Brackets((w) => {
        w.where('x.licence_number = :idNumber', { idNumber });
        if (plates.length) w.orWhere('x.plate_number IN (:...plates)', { plates });
      }),
    );
    if (opts.unpaidOnly) qb.andWhere('x.status IN (:...unpaid)', { unpaid: UNPAID });
    return qb.orderBy('x.occurred_at', 'DESC').getMany();
  }

  async lockById(manager: EntityManager, id: string, scope: Jurisdiction): Promise<ViolationEntity | null> {
    return this.qb(manager, scope).andWhere('x.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** Whether another violation already carries this decision number or payment reference. */
  async referenceInUse(manager: EntityManager, column: 'decision_number' | 'payment_reference', value: string, exceptId: string): Promise<boolean> {
    const [row] = (await manager.query(`SELECT EXISTS (SELECT 1 FROM violation WHERE ${column} = $1 AND id <> $2) AS used`, [value, exceptId])) as { used: boolean }[];
    return row!.used;
  }

  async save(manager: EntityManager, violation: ViolationEntity): Promise<ViolationEntity> {
    return manager.getRepository(ViolationEntity).save(violation);
  }

  async insert(manager: EntityManager, violation: NewViolation): Promise<void> {
    await manager.getRepository(ViolationEntity).insert(violation);
  }
}
