import { Injectable } from '@nestjs/common';
import type { Jurisdiction } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import type { HolderKind, PermitKind, PermitStatus } from './permit-kinds.js';
import { PermitEntity, PermitEventEntity } from './permit.entity.js';

export interface NewPermit {
  number: string;
  kind: PermitKind;
  holderKind: HolderKind;
  holderIdNumber: string | null;
  holderCreditCode: string | null;
  holderName: string;
  legalRepIdNumber: string | null;
  address: string | null;
  issuedOn: string;
  validUntil: string | null;
  unitCode: string;
  applicationNumber: string | null;
}

export interface PermitFilter {
  kind?: PermitKind;
  status?: PermitStatus;
}

/**
 * The permit register. Every method takes the caller's EntityManager (the casework transaction,
 * a transfer's transaction, a resolver's read) and needs nothing from DI, so the death follow-up
 * worker can use it inside the transfers module's transaction. Reads of a person's permits take a
 * jurisdiction.
 */
@Injectable()
export class PermitRepository {
  private repo(manager: EntityManager) {
    return manager.getRepository(PermitEntity);
  }

  async nextNumber(manager: EntityManager, prefix: string, issuedOn: string): Promise<string> {
    const [row] = (await manager.query(`SELECT nextval('permit_number_seq') AS n`)) as { n: string }[];
    return `${prefix}${issuedOn.slice(0, 4)}${String(row!.n).padStart(6, '0')}`;
  }

  async insert(manager: EntityManager, permit: NewPermit): Promise<PermitEntity> {
    return this.repo(manager).save(this.repo(manager).create({ ...permit, status: 'VALID', statusReason: null }));
  }

  async findByApplication(manager: EntityManager, applicationNumber: string): Promise<PermitEntity | null> {
    return this.repo(manager).findOne({ where: { applicationNumber } });
  }

  async findByNumber(manager: EntityManager, number: string, scope: Jurisdiction): Promise<PermitEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('p')
      .where('p.number = :number', { number })
      .andWhere('p.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .getOne();
  }

  async lockByNumber(manager: EntityManager, number: string, scope: Jurisdiction): Promise<PermitEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.number = :number', { number })
      .andWhere('p.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .getOne();
  }

  /** Permits a person holds or represents as legal representative, newest first. */
  async findForPerson(manager: EntityManager, idNumber: string, scope: Jurisdiction): Promise<PermitEntity[]> {
    return this.repo(manager)
      .createQueryBuilder('p')
      .where('(p.holder_id_number = :id OR p.legal_rep_id_number = :id)', { id: idNumber })
      .andWhere('p.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .orderBy('p.issued_on', 'DESC')
      .addOrderBy('p.number', 'DESC')
      .getMany();
  }

  /** A person's VALID permits and those of companies they represent, locked for the caller's transaction. */
  async lockValidForPerson(manager: EntityManager, idNumber: string, scope: Jurisdiction): Promise<PermitEntity[]> {
    return this.repo(manager)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where(`p.status = 'VALID'`)
      .andWhere('(p.holder_id_number = :id OR p.legal_rep_id_number = :id)', { id: idNumber })
      .andWhere('p.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .orderBy('p.number', 'ASC')
      .getMany();
  }

  /** Permits by id, locked for the rest of the transaction (a revocation puts them back). */
  async lockByIds(manager: EntityManager, ids: readonly string[], scope: Jurisdiction): Promise<PermitEntity[]> {
    if (!ids.length) return [];
    return this.repo(manager)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.id IN (:...ids)', { ids: [...ids] })
      .andWhere('p.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .orderBy('p.number', 'ASC')
      .getMany();
  }

  /** A person already holding a valid permit of one kind (一人一证). */
  async findValidOfKindForPerson(manager: EntityManager, kind: PermitKind, idNumber: string): Promise<PermitEntity | null> {
    return this.repo(manager).findOne({ where: { kind, holderIdNumber: idNumber, status: 'VALID' } });
  }

  async list(manager: EntityManager, scope: Jurisdiction, filter: PermitFilter, page: { limit: number; offset: number }): Promise<[PermitEntity[], number]> {
    const qb = this.repo(manager).createQueryBuilder('p').where('p.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` });
    if (filter.kind) qb.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    return qb.orderBy('p.issued_on', 'DESC').addOrderBy('p.number', 'DESC').take(page.limit).skip(page.offset).getManyAndCount();
  }

  async save(manager: EntityManager, permit: PermitEntity): Promise<PermitEntity> {
    return this.repo(manager).save(permit);
  }

  async appendEvent(manager: EntityManager, event: Omit<PermitEventEntity, 'id' | 'details'> & { details?: Record<string, unknown> }): Promise<void> {
    const repo = manager.getRepository(PermitEventEntity);
    await repo.save(repo.create({ details: {}, ...event }));
  }

  async history(manager: EntityManager, permitIds: string[]): Promise<PermitEventEntity[]> {
    if (!permitIds.length) return [];
    return manager.getRepository(PermitEventEntity).createQueryBuilder('e').where('e.permit_id IN (:...ids)', { ids: permitIds }).orderBy('e.id', 'ASC').getMany();
  }
}
