import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { Jurisdiction } from '@onewindow/platform';
import { ApplicationEntity, ApplicationEventEntity } from './application.entity.js';

/** Storage of applications and their timelines. Reads of personal data take the caller's jurisdiction. */
@Injectable()
export class ApplicationRepository {
  async findByIdempotencyKey(manager: EntityManager, key: string): Promise<ApplicationEntity | null> {
    return manager.getRepository(ApplicationEntity).findOne({ where: { idempotencyKey: key } });
  }

  /** Locks the row for the rest of the transaction (transitions are serialised per application). */
  async lockByNumber(manager: EntityManager, number: string, scope: Jurisdiction): Promise<ApplicationEntity | null> {
    return manager
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.number = :number', { number })
      .andWhere('a.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .getOne();
  }

  async findByNumber(manager: EntityManager, number: string, scope: Jurisdiction): Promise<ApplicationEntity | null> {
    return manager
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .where('a.number = :number', { number })
      .andWhere('a.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .getOne();
  }

  /**
   * Cases whose clock may still run, for the deadline job (no personal data leaves the service
   * through it): before a decision, and approved or made but not yet at the item's clock stop
   * (deadlineStateOf decides; an ID card runs until it is made).
   */
  async findOpen(manager: EntityManager): Promise<ApplicationEntity[]> {
    return manager
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .where(`a.status IN ('ACCEPTED','IN_REVIEW','SUPPLEMENT_REQUESTED','APPROVED','READY_FOR_PICKUP')`)
      .orderBy('a.deadline', 'ASC')
      .getMany();
  }

  /** Open cases with a provisional deadline (a year without published calendar data). */
  async findOpenProvisional(manager: EntityManager): Promise<Pick<ApplicationEntity, 'id'>[]> {
    return manager
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .select(['a.id'])
      .where(`a.status IN ('ACCEPTED','IN_REVIEW','SUPPLEMENT_REQUESTED','APPROVED','READY_FOR_PICKUP')`)
      .andWhere('(a.deadline_provisional OR a.statutory_deadline_provisional)')
      .orderBy('a.deadline', 'ASC')
      .getMany();
  }

  /**
   * Serialises acceptances of one person for one item until the transaction ends, so that two
   * concurrent submissions cannot both see "nothing open" (transaction-scoped advisory lock).
   */
  async lockApplicantItem(manager: EntityManager, applicantIdNumber: string, itemCode: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`open-application:${itemCode}:${applicantIdNumber}`]);
  }

  /** The applicant's open applications for an item (same statuses as findOpen), oldest first. */
  async findOpenOfApplicant(manager: EntityManager, applicantIdNumber: string, itemCode: string): Promise<ApplicationEntity[]> {
    return manager
      .getRepository(ApplicationEntity)
      .createQueryBuilder('a')
      .where('a.applicant_id_number = :applicantIdNumber', { applicantIdNumber })
      .andWhere('a.item_code = :itemCode', { itemCode })
      .andWhere(`a.status IN ('ACCEPTED','IN_REVIEW','SUPPLEMENT_REQUESTED','APPROVED','READY_FOR_PICKUP')`)
      .orderBy('a.accepted_at', 'ASC')
      .getMany();
  }

  /**
   * Inserts a new application unless its idempotency key is stored already: then null, and the
   * caller answers with the stored one (the key check folded into the insert, decision 0039).
   * The number (`<prefix><yyyymmdd><sequence, at least 6 digits>`) is drawn from the sequence inside
   * the same statement: one round trip fewer. `ON CONFLICT DO NOTHING` names no constraint here
   * (TypeORM's builder cannot): a null for which no stored key is found is another unique value
   * taken, which the caller reports as an error.
   */
  async insertUnlessKeyStored(
    manager: EntityManager, app: Omit<Partial<ApplicationEntity>, 'number'>, numbering: { prefix: string; today: string },
  ): Promise<ApplicationEntity | null> {
    const repo = manager.getRepository(ApplicationEntity);
    const entity = repo.create(app);
    // The builder fills the generated columns (id, version, timestamps) into this very object.
    const values = Object.assign(entity, {
      number: () => `(SELECT :numberPrefix || lpad(s.n::text, greatest(6, length(s.n::text)), '0') FROM (SELECT nextval('application_number_seq') AS n) s)`,
    }) as unknown as QueryDeepPartialEntity<ApplicationEntity>;
    const result = await repo
      .createQueryBuilder()
      .insert()
      .values(values)
      .setParameter('numberPrefix', `${numbering.prefix}${numbering.today.replace(/-/g, '')}`)
      .orIgnore()
      .returning(['number'])
      .execute();
    const [row] = result.raw as { number: string }[];
    if (!row) return null;
    entity.number = row.number;
    return entity;
  }

  async save(manager: EntityManager, app: ApplicationEntity): Promise<ApplicationEntity> {
    return manager.getRepository(ApplicationEntity).save(app);
  }

  async appendEvent(manager: EntityManager, event: Partial<ApplicationEventEntity>): Promise<void> {
    await manager.getRepository(ApplicationEventEntity).save(manager.getRepository(ApplicationEventEntity).create(event));
  }

  async timeline(manager: EntityManager, applicationId: string): Promise<ApplicationEventEntity[]> {
    return manager.getRepository(ApplicationEventEntity).find({ where: { applicationId }, order: { id: 'ASC' } });
  }
}
