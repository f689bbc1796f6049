import { Injectable } from '@nestjs/common';
import type { Jurisdiction } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { ComplaintDeductionEntity } from './deduction.entity.js';

export type NewDeduction = Omit<ComplaintDeductionEntity, 'id' | 'createdAt' | 'reversedOn' | 'reversedBy' | 'reversalReason'>;

/** Point deductions; every query that lists them takes the caller's jurisdiction (the deduction's unit). */
@Injectable()
export class DeductionRepository {
  private qb(manager: EntityManager, scope: Jurisdiction) {
    return manager.getRepository(ComplaintDeductionEntity).createQueryBuilder('d').where('d.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` });
  }

  async findActiveOfComplaint(manager: EntityManager, complaintId: string): Promise<ComplaintDeductionEntity | null> {
    return manager.getRepository(ComplaintDeductionEntity).createQueryBuilder('d').where('d.complaint_id = :complaintId', { complaintId }).andWhere('d.reversed_on IS NULL').setLock('pessimistic_write').getOne();
  }

  async findById(manager: EntityManager, id: string, scope: Jurisdiction, opts: { lock?: boolean } = {}): Promise<ComplaintDeductionEntity | null> {
    const qb = this.qb(manager, scope).andWhere('d.id = :id', { id });
    if (opts.lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** A year's deductions in scope, reversed ones included (they stay on the record), newest first. */
  async listOfYear(manager: EntityManager, scope: Jurisdiction, year: number): Promise<ComplaintDeductionEntity[]> {
    return this.qb(manager, scope).andWhere('d.year = :year', { year }).orderBy('d.deducted_on', 'DESC').addOrderBy('d.complaint_number', 'DESC').getMany();
  }

  /** Deductions made in [from, to] in scope (the monthly analysis). */
  async listMadeBetween(manager: EntityManager, scope: Jurisdiction, from: string, to: string): Promise<ComplaintDeductionEntity[]> {
    return this.qb(manager, scope).andWhere('d.deducted_on BETWEEN :from AND :to', { from, to }).getMany();
  }

  /** The officer's standing deductions in a year, bureau-wide (a consequence follows the officer, not the unit). */
  async countActiveOfOfficer(manager: EntityManager, officerUsername: string, year: number): Promise<number> {
    return manager.getRepository(ComplaintDeductionEntity).createQueryBuilder('d')
      .where('d.officer_username = :officerUsername AND d.year = :year AND d.reversed_on IS NULL', { officerUsername, year }).getCount();
  }

  async insert(manager: EntityManager, d: NewDeduction): Promise<ComplaintDeductionEntity> {
    const repo = manager.getRepository(ComplaintDeductionEntity);
    return repo.save(repo.create({ ...d, reversedOn: null, reversedBy: null, reversalReason: null }));
  }

  async save(manager: EntityManager, d: ComplaintDeductionEntity): Promise<ComplaintDeductionEntity> {
    return manager.getRepository(ComplaintDeductionEntity).save(d);
  }
}
