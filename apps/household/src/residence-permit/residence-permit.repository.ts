import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Jurisdiction } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { ResidencePermitEndorsementEntity, ResidencePermitEntity, type ResidencePermitStatus } from './residence-permit.entity.js';

export type NewResidencePermit = Pick<
  ResidencePermitEntity,
  'permitNumber' | 'holderIdNumber' | 'holderName' | 'holderPhone' | 'address' | 'issuingUnitCode' | 'issuingUnitName' | 'issuedOn' | 'validUntil' | 'applicationNumber' | 'replacesPermitNumber'
>;

/**
 * The residence permit register. Reads of personal data take the caller's jurisdiction (a prefix
 * of the issuing unit's code); writes run on the casework transaction's EntityManager.
 */
@Injectable()
export class ResidencePermitRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A holder's permits, newest first, with their endorsements. */
  async findByHolder(holderIdNumber: string, scope: Jurisdiction, manager?: EntityManager): Promise<{ permit: ResidencePermitEntity; endorsements: ResidencePermitEndorsementEntity[] }[]> {
    const m = manager ?? this.dataSource.manager;
    const permits = await m
      .getRepository(ResidencePermitEntity)
      .createQueryBuilder('r')
      .where('r.holder_id_number = :holderIdNumber', { holderIdNumber })
      .andWhere('r.issuing_unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .orderBy('r.issued_on', 'DESC')
      .addOrderBy('r.created_at', 'DESC')
      .getMany();
    if (!permits.length) return [];
    const endorsements = await m
      .getRepository(ResidencePermitEndorsementEntity)
      .createQueryBuilder('e')
      .where('e.permit_id IN (:...ids)', { ids: permits.map((p) => p.id) })
      .orderBy('e.endorsed_on', 'ASC')
      .getMany();
    return permits.map((permit) => ({ permit, endorsements: endorsements.filter((e) => e.permitId === permit.id) }));
  }

  /** The holder's card in use, locked for the transaction (at most one: a partial unique index). */
  async lockCurrent(holderIdNumber: string, scope: Jurisdiction, manager: EntityManager): Promise<ResidencePermitEntity | null> {
    return manager
      .getRepository(ResidencePermitEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.holder_id_number = :holderIdNumber', { holderIdNumber })
      .andWhere('r.issuing_unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .andWhere(`r.status = 'VALID'`)
      .getOne();
  }

  async wasWrittenBy(applicationNumber: string, manager: EntityManager): Promise<boolean> {
    const [row] = (await manager.query(
      `SELECT 1 FROM residence_permit WHERE application_number = $1 UNION ALL SELECT 1 FROM residence_permit_endorsement WHERE application_number = $1 LIMIT 1`,
      [applicationNumber],
    )) as unknown[];
    return row !== undefined;
  }

  /** Next card number of an address code and year, serialised by a transaction-scoped advisory lock. */
  async nextPermitNumber(regionCode: string, year: string, manager: EntityManager): Promise<string> {
    const prefix = regionCode + year;
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`residence-permit-number:${prefix}`]);
    const [row] = (await manager.query(
      `SELECT coalesce(max(substr(permit_number, $2)::int), 0) AS last FROM residence_permit WHERE permit_number LIKE $1 AND length(permit_number) = $3`,
      [`${prefix}%`, prefix.length + 1, prefix.length + 6],
    )) as { last: number }[];
    return prefix + String((row?.last ?? 0) + 1).padStart(6, '0');
  }

  async insert(permit: NewResidencePermit, manager: EntityManager): Promise<ResidencePermitEntity> {
    const repo = manager.getRepository(ResidencePermitEntity);
    return repo.save(repo.create({ ...permit, status: 'VALID' }));
  }

  async close(permitId: string, status: Exclude<ResidencePermitStatus, 'VALID'>, manager: EntityManager): Promise<void> {
    await manager.getRepository(ResidencePermitEntity).update({ id: permitId }, { status });
  }

  async endorse(permit: ResidencePermitEntity, e: Pick<ResidencePermitEndorsementEntity, 'endorsedOn' | 'validUntil' | 'applicationNumber' | 'unitCode'> & { address?: string }, manager: EntityManager): Promise<void> {
    await manager.getRepository(ResidencePermitEndorsementEntity).insert({
      permitId: permit.id, endorsedOn: e.endorsedOn, previousValidUntil: permit.validUntil, validUntil: e.validUntil, applicationNumber: e.applicationNumber, unitCode: e.unitCode,
    });
    await manager.getRepository(ResidencePermitEntity).update({ id: permit.id }, { validUntil: e.validUntil, ...(e.address ? { address: e.address } : {}) });
  }
}
