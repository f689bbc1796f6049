import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Jurisdiction } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../common/transaction-runner.js';
import { OneTimeNoticeEntity } from './one-time-notice.entity.js';

@Injectable()
export class OneTimeNoticeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(OneTimeNoticeEntity);
  }

  /** Next sequence number of a unit on a day; the row lock serialises concurrent issues. */
  async nextSequence(unitCode: string, day: string, manager: EntityManager): Promise<number> {
    const rows = rowsOf<{ last_value: number }>(
      await manager.query(
        `INSERT INTO one_time_notice_sequence (unit_code, day, last_value) VALUES ($1, $2, 1)
         ON CONFLICT (unit_code, day) DO UPDATE SET last_value = one_time_notice_sequence.last_value + 1
         RETURNING last_value`,
        [unitCode, day],
      ),
    );
    return Number(rows[0]!.last_value);
  }

  async insert(notice: Omit<OneTimeNoticeEntity, 'issuedAt' | 'status' | 'resolvedApplicationNumber' | 'resolvedAt'>, manager: EntityManager): Promise<OneTimeNoticeEntity> {
    await this.repo(manager).insert(notice);
    return this.repo(manager).findOneOrFail({ where: { number: notice.number } });
  }

  async findByNumber(number: string, scope: Jurisdiction, manager?: EntityManager): Promise<OneTimeNoticeEntity | null> {
    return this.repo(manager)
      .createQueryBuilder('n')
      .where('n.number = :number', { number })
      .andWhere('n.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .getOne();
  }

  /** Marks an open notice resolved by an accepted application; false when it was not open. */
  async resolve(number: string, applicationNumber: string, manager: EntityManager): Promise<boolean> {
    const result = await this.repo(manager)
      .createQueryBuilder()
      .update()
      .set({ status: 'RESOLVED', resolvedApplicationNumber: applicationNumber, resolvedAt: () => 'now()' })
      .where('number = :number AND status = :open', { number, open: 'OPEN' })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Notices issued to one applicant within the scope, newest first (for the citizen 360° view). */
  async findByApplicant(idNumber: string, scope: Jurisdiction): Promise<OneTimeNoticeEntity[]> {
    return this.repo()
      .createQueryBuilder('n')
      .where('n.applicant_id_number = :idNumber', { idNumber })
      .andWhere('n.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .orderBy('n.issued_at', 'DESC')
      .limit(50)
      .getMany();
  }
}
