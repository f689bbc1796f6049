import { Injectable } from '@nestjs/common';
import type { Jurisdiction } from '@onewindow/platform';
import { In, type EntityManager } from 'typeorm';
import { DOCUMENT_NUMBER_PREFIX, type DocumentKind, type DocumentStatus, type EndorsementType } from './document-kinds.js';
import { EndorsementEntity } from './endorsement.entity.js';
import { SelfServiceEndorsementEntity } from './self-service-endorsement.entity.js';
import { TravelDocumentEntity } from './travel-document.entity.js';

export type NewTravelDocument = Pick<
  TravelDocumentEntity,
  'number' | 'kind' | 'holderIdNumber' | 'issuedOn' | 'validUntil' | 'unitCode' | 'applicationNumber' | 'replacesDocumentId'
>;
export type NewEndorsement = Omit<EndorsementEntity, 'id' | 'createdAt'>;
export type NewSelfServiceEndorsement = Omit<SelfServiceEndorsementEntity, 'id'>;

/**
 * The documents register (travel_document, endorsement, self_service_endorsement). Every method
 * takes the EntityManager of the caller's transaction (casework, transfer worker, read), so the
 * repository has no state and can be built anywhere. Reads that return personal data take the
 * caller's jurisdiction (a unit-code prefix matched against the issuing unit).
 */
@Injectable()
export class DocumentRegisterRepository {
  async findByHolder(manager: EntityManager, holderIdNumber: string, scope: Jurisdiction): Promise<TravelDocumentEntity[]> {
    return manager
      .getRepository(TravelDocumentEntity)
      .createQueryBuilder('d')
      .where('d.holder_id_number = :holderIdNumber', { holderIdNumber })
      .andWhere('d.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .orderBy('d.issued_on', 'DESC')
      .addOrderBy('d.created_at', 'DESC')
      .getMany();
  }

  async findByNumber(manager: EntityManager, number: string, scope: Jurisdiction): Promise<TravelDocumentEntity | null> {
    return manager
      .getRepository(TravelDocumentEntity)
      .createQueryBuilder('d')
      .where('d.number = :number', { number })
      .andWhere('d.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .getOne();
  }

  /** The holder's valid document of one kind (status VALID; the caller checks the dates). */
  async findValid(manager: EntityManager, holderIdNumber: string, kind: DocumentKind, scope: Jurisdiction, lock = false): Promise<TravelDocumentEntity | null> {
    const qb = manager
      .getRepository(TravelDocumentEntity)
      .createQueryBuilder('d')
      .where('d.holder_id_number = :holderIdNumber', { holderIdNumber })
      .andWhere('d.kind = :kind', { kind })
      .andWhere(`d.status = 'VALID'`)
      .andWhere('d.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** The document an application produced (the application was already resolved within the caller's jurisdiction). */
  async findByApplication(manager: EntityManager, applicationNumber: string): Promise<TravelDocumentEntity | null> {
    return manager.getRepository(TravelDocumentEntity).findOne({ where: { applicationNumber } });
  }

  async nextNumber(manager: EntityManager, kind: DocumentKind): Promise<string> {
    const [row] = (await manager.query(`SELECT nextval('travel_document_number_seq') AS n`)) as { n: string }[];
    return `${DOCUMENT_NUMBER_PREFIX[kind]}${String(row!.n).padStart(8, '0')}`;
  }

  async insert(manager: EntityManager, doc: NewTravelDocument): Promise<TravelDocumentEntity> {
    const repo = manager.getRepository(TravelDocumentEntity);
    return repo.save(repo.create({ ...doc, status: 'VALID', statusChangedOn: null, statusReason: null }));
  }

  /**
   * Ends the holder's valid document of one kind, whichever unit issued it (a renewal or
   * replacement supersedes it). Returns the ids ended — no personal data leaves here.
   */
  async closeValid(manager: EntityManager, holderIdNumber: string, kind: DocumentKind, status: Exclude<DocumentStatus, 'VALID'>, on: string, reason: string): Promise<string[]> {
    const r = await manager
      .createQueryBuilder()
      .update(TravelDocumentEntity)
      .set({ status, statusChangedOn: on, statusReason: reason })
      .where('holder_id_number = :holderIdNumber', { holderIdNumber })
      .andWhere('kind = :kind', { kind })
      .andWhere(`status = 'VALID'`)
      .returning(['id'])
      .execute();
    return (r.raw as { id: string }[]).map((row) => row.id);
  }

  /**
   * Cancels every valid document of the holder, whichever unit issued it (the holder's hukou was
   * cancelled on death). Returns the kinds cancelled, one entry per document; no numbers leave here.
   */
  async cancelAllValid(manager: EntityManager, holderIdNumber: string, on: string, reason: string): Promise<{ id: string; kind: DocumentKind }[]> {
    const r = await manager
      .createQueryBuilder()
      .update(TravelDocumentEntity)
      .set({ status: 'CANCELLED', statusChangedOn: on, statusReason: reason })
      .where('holder_id_number = :holderIdNumber', { holderIdNumber })
      .andWhere(`status = 'VALID'`)
      .returning(['id', 'kind'])
      .execute();
    return r.raw as { id: string; kind: DocumentKind }[];
  }

  /**
   * Put cancelled documents back in use (a revoked death cancellation): only those still
   * CANCELLED; VALID again, or EXPIRED if their validity ended meanwhile. Returns what was restored.
   */
  async restoreCancelled(manager: EntityManager, ids: readonly string[], on: string, reason: string): Promise<{ id: string; kind: DocumentKind; status: DocumentStatus }[]> {
    if (!ids.length) return [];
    const r = await manager
      .createQueryBuilder()
      .update(TravelDocumentEntity)
      .set({ status: () => `CASE WHEN valid_until < CAST(:on AS date) THEN 'EXPIRED' ELSE 'VALID' END`, statusChangedOn: on, statusReason: reason })
      .where('id IN (:...ids)', { ids: [...ids] })
      .andWhere(`status = 'CANCELLED'`)
      .setParameter('on', on)
      .returning(['id', 'kind', 'status'])
      .execute();
    return r.raw as { id: string; kind: DocumentKind; status: DocumentStatus }[];
  }

  async findEndorsements(manager: EntityManager, documentIds: readonly string[]): Promise<EndorsementEntity[]> {
    if (!documentIds.length) return [];
    return manager.getRepository(EndorsementEntity).find({ where: { documentId: In([...documentIds]) }, order: { issuedOn: 'DESC', createdAt: 'DESC' } });
  }

  /** Whether the holder was ever given an endorsement of this type (self-service renewals need one). */
  async hasEndorsementOfType(manager: EntityManager, holderIdNumber: string, type: EndorsementType, scope: Jurisdiction): Promise<boolean> {
    const n = await manager
      .getRepository(EndorsementEntity)
      .createQueryBuilder('e')
      .where('e.holder_id_number = :holderIdNumber', { holderIdNumber })
      .andWhere('e.type = :type', { type })
      .andWhere('e.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .getCount();
    return n > 0;
  }

  async findEndorsementByApplication(manager: EntityManager, applicationNumber: string): Promise<EndorsementEntity | null> {
    return manager.getRepository(EndorsementEntity).findOne({ where: { applicationNumber } });
  }

  async insertEndorsement(manager: EntityManager, e: NewEndorsement): Promise<EndorsementEntity> {
    const repo = manager.getRepository(EndorsementEntity);
    return repo.save(repo.create(e));
  }

  async insertSelfService(manager: EntityManager, record: NewSelfServiceEndorsement): Promise<void> {
    await manager.getRepository(SelfServiceEndorsementEntity).insert(record);
  }
}
