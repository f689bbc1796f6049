import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Jurisdiction } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { PersonEntity } from './person.entity.js';

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

  async listByUnit(scope: Jurisdiction, opts: { limit: number; offset: number; status?: string }): Promise<[PersonEntity[], number]> {
    const qb = this.repo()
      .createQueryBuilder('p')
      .where('p.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .orderBy('p.id_number', 'ASC')
      .take(opts.limit)
      .skip(opts.offset);
    if (opts.status) qb.andWhere('p.status = :status', { status: opts.status });
    return qb.getManyAndCount();
  }

  async findHouseholdMembers(householdId: string, scope: Jurisdiction): Promise<PersonEntity[]> {
    return this.repo()
      .createQueryBuilder('p')
      .where('p.household_id = :householdId', { householdId })
      .andWhere('p.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .orderBy('p.birth_date', 'ASC')
      .getMany();
  }

  async save(person: Partial<PersonEntity>, manager: EntityManager): Promise<PersonEntity> {
    return this.repo(manager).save(person);
  }
}
