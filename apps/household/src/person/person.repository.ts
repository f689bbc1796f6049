import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Jurisdiction } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { HouseholdEntity } from '../household/household.entity.js';
import { PersonEntity, type PersonStatus } from './person.entity.js';

/** Population register access. Every query that returns personal data takes the caller's jurisdiction. */
@Injectable()
export class PersonRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(PersonEntity);
  }

  /** Exact lookup by ID number within the jurisdiction prefix. */
  async findByIdNumber(idNumber: string, scope: Jurisdiction, manager?: EntityManager): Promise<PersonEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.household', 'h')
      .where('p.id_number = :idNumber', { idNumber })
      .andWhere('p.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .getOne();
  }

  /** Several persons by ID number in one query (batched entity references), within the jurisdiction prefix. */
  async findManyByIdNumbers(idNumbers: readonly string[], scope: Jurisdiction): Promise<PersonEntity[]> {
    if (!idNumbers.length) return [];
    return this.repo()
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.household', 'h')
      .where('p.id_number IN (:...idNumbers)', { idNumbers: [...new Set(idNumbers)] })
      .andWhere('p.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .getMany();
  }

  /** One page of the persons registered in the jurisdiction, by ID number, with their household. */
  async listByUnit(scope: Jurisdiction, opts: { limit: number; offset: number; status?: PersonStatus }): Promise<[PersonEntity[], number]> {
    const qb = this.repo()
      .createQueryBuilder('p')
      .leftJoinAndSelect('p.household', 'h')
      .where('p.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .orderBy('p.id_number', 'ASC')
      // many-to-one join: rows are not multiplied, so plain LIMIT/OFFSET is exact (and cheaper than take/skip).
      .limit(opts.limit)
      .offset(opts.offset);
    if (opts.status) qb.andWhere('p.status = :status', { status: opts.status });
    return Promise.all([qb.getMany(), qb.getCount()]);
  }

  async findHouseholdByNumber(householdNumber: string, scope: Jurisdiction): Promise<HouseholdEntity | null> {
    return this.dataSource.manager
      .getRepository(HouseholdEntity)
      .createQueryBuilder('h')
      .where('h.household_number = :householdNumber', { householdNumber })
      .andWhere('h.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .getOne();
  }

  async findHouseholdMembers(householdId: string, scope: Jurisdiction): Promise<PersonEntity[]> {
    return this.repo()
      .createQueryBuilder('p')
      .where('p.household_id = :householdId', { householdId })
      .andWhere('p.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .orderBy('p.birth_date', 'ASC')
      .getMany();
  }

  /** Register a status change (death cancellation, move-out); returns the number of rows changed. */
  async updateStatus(
    idNumber: string,
    scope: Jurisdiction,
    change: { status: PersonStatus; deceasedOn?: string | null },
    manager: EntityManager,
  ): Promise<number> {
    const r = await this.repo(manager)
      .createQueryBuilder()
      .update(PersonEntity)
      .set({ status: change.status, deceasedOn: change.deceasedOn ?? null })
      .where('id_number = :idNumber', { idNumber })
      .andWhere('unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .execute();
    return r.affected ?? 0;
  }

  async save(person: Partial<PersonEntity>, manager: EntityManager): Promise<PersonEntity> {
    return this.repo(manager).save(person);
  }
}
