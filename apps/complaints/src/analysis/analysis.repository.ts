import { Injectable } from '@nestjs/common';
import type { Jurisdiction } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { ComplaintEntity } from '../complaint/complaint.entity.js';
import { ComplaintDeductionEntity } from '../deduction/deduction.entity.js';
import type { AnalysedComplaint, AnalysedDeduction } from './analysis.rules.js';

/** The rows one month's analysis reads, in the caller's scope. */
@Injectable()
export class AnalysisRepository {
  /** Complaints received in [previousStart, end], or with an acceptance or answer deadline in [start, end]. */
  async complaints(manager: EntityManager, scope: Jurisdiction, range: { previousStart: string; start: string; end: string }): Promise<AnalysedComplaint[]> {
    return manager
      .getRepository(ComplaintEntity)
      .createQueryBuilder('c')
      .select([
        'c.number', 'c.channel', 'c.kind', 'c.policeType', 'c.unitCode', 'c.receivedOn', 'c.repeatOf', 'c.complainantName', 'c.complainantPhone',
        'c.acceptanceDeadline', 'c.decidedOn', 'c.answerDeadline', 'c.answeredOn', 'c.finding',
      ])
      .where('c.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .andWhere(
        '(c.received_on BETWEEN :previousStart AND :end OR c.acceptance_deadline BETWEEN :start AND :end OR c.answer_deadline BETWEEN :start AND :end)',
        range,
      )
      .orderBy('c.number')
      .getMany();
  }

  async deductions(manager: EntityManager, scope: Jurisdiction, range: { start: string; end: string }): Promise<AnalysedDeduction[]> {
    return manager
      .getRepository(ComplaintDeductionEntity)
      .createQueryBuilder('d')
      .select(['d.unitCode', 'd.policeType', 'd.unitPoints', 'd.reversedOn'])
      .where('d.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .andWhere('d.deducted_on BETWEEN :start AND :end', range)
      .getMany();
  }
}
