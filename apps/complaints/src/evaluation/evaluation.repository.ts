import { Injectable } from '@nestjs/common';
import type { Jurisdiction } from '@onewindow/platform';
import { type EntityManager } from 'typeorm';
import {
  EvaluationEntity, InboundSmsEntity, RatingDeviceEntity, RatingPairingEntity, SmsInvitationEntity, WindowVisitEntity,
} from './evaluation.entity.js';

export type NewEvaluation = Omit<EvaluationEntity, 'id'>;

/** Evaluations, visits, rating screens and SMS invitations: the caller's EntityManager; personal-data reads take a jurisdiction. */
@Injectable()
export class EvaluationRepository {
  async insertPairing(manager: EntityManager, p: Omit<RatingPairingEntity, 'id'>): Promise<void> {
    await manager.getRepository(RatingPairingEntity).insert(p);
  }

  async findPairingByHash(manager: EntityManager, codeHash: string): Promise<RatingPairingEntity | null> {
    return manager.getRepository(RatingPairingEntity).createQueryBuilder('p').where('p.code_hash = :codeHash', { codeHash }).setLock('pessimistic_write').getOne();
  }

  async markPairingUsed(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.getRepository(RatingPairingEntity).update({ id }, { usedAt: at });
  }

  async insertDevice(manager: EntityManager, d: Omit<RatingDeviceEntity, 'id' | 'createdAt'>): Promise<void> {
    await manager.getRepository(RatingDeviceEntity).insert(d);
  }

  async findDeviceByHash(manager: EntityManager, tokenHash: string): Promise<RatingDeviceEntity | null> {
    return manager.getRepository(RatingDeviceEntity).findOneBy({ tokenHash });
  }

  async revokeDevices(manager: EntityManager, unitCode: string, windowNo: string, at: Date): Promise<number> {
    const r = await manager.getRepository(RatingDeviceEntity).createQueryBuilder().update().set({ revokedAt: at })
      .where('unit_code = :unitCode AND window_no = :windowNo AND revoked_at IS NULL', { unitCode, windowNo }).execute();
    return r.affected ?? 0;
  }

  /** A new visit replaces whatever the window's screen showed. */
  async supersedeVisits(manager: EntityManager, unitCode: string, windowNo: string): Promise<void> {
    await manager.getRepository(WindowVisitEntity).update({ unitCode, windowNo, status: 'PRESENTED' }, { status: 'SUPERSEDED' });
  }

  async insertVisit(manager: EntityManager, v: Omit<WindowVisitEntity, 'id'>): Promise<WindowVisitEntity> {
    const repo = manager.getRepository(WindowVisitEntity);
    return repo.save(repo.create(v));
  }

  async currentVisit(manager: EntityManager, unitCode: string, windowNo: string): Promise<WindowVisitEntity | null> {
    return manager.getRepository(WindowVisitEntity).findOne({ where: { unitCode, windowNo, status: 'PRESENTED' }, order: { presentedAt: 'DESC' } });
  }

  async findVisit(manager: EntityManager, id: string, opts: { lock?: boolean } = {}): Promise<WindowVisitEntity | null> {
    const qb = manager.getRepository(WindowVisitEntity).createQueryBuilder('v').where('v.id = :id', { id });
    if (opts.lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async markVisitRated(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(WindowVisitEntity).update({ id }, { status: 'RATED' });
  }

  async evaluationOf(manager: EntityManager, applicationNumber: string): Promise<EvaluationEntity | null> {
    return manager.getRepository(EvaluationEntity).findOneBy({ applicationNumber });
  }

  /** Inserts unless the matter already has one (one per matter); null when it had. */
  async insertEvaluation(manager: EntityManager, e: NewEvaluation): Promise<EvaluationEntity | null> {
    const r = await manager.getRepository(EvaluationEntity).createQueryBuilder().insert().values(e as never).orIgnore().returning('*').execute();
    const id = (r.raw as { id?: string }[])[0]?.id;
    return id ? manager.getRepository(EvaluationEntity).findOneByOrFail({ id }) : null;
  }

  /** A person's evaluations for the 360° view (by the unit evaluated: the caller's city). */
  async findByApplicant(manager: EntityManager, idNumber: string, scope: Jurisdiction): Promise<EvaluationEntity[]> {
    return manager.getRepository(EvaluationEntity).createQueryBuilder('e')
      .where('e.applicant_id_number = :idNumber', { idNumber })
      .andWhere('e.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .orderBy('e.evaluated_at', 'DESC').getMany();
  }

  /** Inserts the invitation unless the matter already has one; whether it was new. */
  async insertInvitation(manager: EntityManager, i: Omit<SmsInvitationEntity, 'id'>): Promise<boolean> {
    const r = await manager.getRepository(SmsInvitationEntity).createQueryBuilder().insert().values(i as never).orIgnore().returning('id').execute();
    return (r.raw as unknown[]).length > 0;
  }

  /** The newest unanswered invitation sent to a phone since `since` (older ones no longer take replies). */
  async openInvitationOf(manager: EntityManager, phone: string, since: Date): Promise<SmsInvitationEntity | null> {
    return manager.getRepository(SmsInvitationEntity).createQueryBuilder('i')
      .where('i.phone = :phone AND i.answered_at IS NULL AND i.invited_at >= :since', { phone, since })
      .orderBy('i.invited_at', 'DESC').setLock('pessimistic_write').getOne();
  }

  async markInvitationAnswered(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.getRepository(SmsInvitationEntity).update({ id }, { answeredAt: at });
  }

  async findInbound(manager: EntityManager, messageId: string): Promise<InboundSmsEntity | null> {
    return manager.getRepository(InboundSmsEntity).findOneBy({ messageId });
  }

  async insertInbound(manager: EntityManager, messageId: string, evaluationId: string): Promise<void> {
    await manager.getRepository(InboundSmsEntity).insert({ messageId, evaluationId });
  }
}
