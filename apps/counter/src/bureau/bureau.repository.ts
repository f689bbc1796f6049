import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { BureauReportEntity, ReportCloseEntity, type PushStatus } from './bureau.entities.js';

/** Serialises writers of one district × month (both sides), so versions are assigned and checked one at a time. */
const lockMonth = (manager: EntityManager, districtCode: string, month: string) =>
  manager.query(`SELECT pg_advisory_xact_lock(hashtext('report-month'), hashtext($1))`, [`${districtCode}/${month}`]);

/** District side: closed month versions (report_close). Figures only, no personal data. */
@Injectable()
export class ReportCloseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  lockMonth(manager: EntityManager, districtCode: string, month: string): Promise<unknown> {
    return lockMonth(manager, districtCode, month);
  }

  async newestVersion(manager: EntityManager, districtCode: string, month: string): Promise<number> {
    const [r] = await manager.query<{ v: number | null }[]>(`SELECT max(version) AS v FROM report_close WHERE district_code = $1 AND month = $2`, [districtCode, month]);
    return r?.v ?? 0;
  }

  async insert(manager: EntityManager, row: ReportCloseEntity): Promise<void> {
    await manager.getRepository(ReportCloseEntity).insert(row);
  }

  findById(id: string, manager: EntityManager): Promise<ReportCloseEntity | null> {
    return manager.getRepository(ReportCloseEntity).findOneBy({ id });
  }

  /** Versions of the district's month, newest first. */
  versions(districtCode: string, month: string): Promise<ReportCloseEntity[]> {
    return this.dataSource.getRepository(ReportCloseEntity).find({ where: { districtCode, month }, order: { version: 'DESC' } });
  }

  async markPushed(manager: EntityManager, id: string, status: Exclude<PushStatus, 'PENDING'>, attempts: number, error: string | null, receivedAt: Date | null): Promise<void> {
    await manager.getRepository(ReportCloseEntity).update({ id }, { pushStatus: status, pushAttempts: attempts, lastPushAt: new Date(), pushError: error, bureauReceivedAt: receivedAt });
  }

  /** A failed attempt is recorded even though the consumer's transaction rolls back to retry. */
  async recordAttemptOutsideTransaction(id: string, attempts: number, error: string): Promise<void> {
    await this.dataSource.getRepository(ReportCloseEntity).update({ id }, { pushAttempts: attempts, lastPushAt: new Date(), pushError: error.slice(0, 500) });
  }
}

/** Bureau side: every version received (bureau_report). */
@Injectable()
export class BureauReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  lockMonth(manager: EntityManager, districtCode: string, month: string): Promise<unknown> {
    return lockMonth(manager, districtCode, month);
  }

  findVersion(manager: EntityManager, districtCode: string, month: string, version: number): Promise<BureauReportEntity | null> {
    return manager.getRepository(BureauReportEntity).findOneBy({ districtCode, month, version });
  }

  async newestVersion(manager: EntityManager, districtCode: string, month: string): Promise<number> {
    const [r] = await manager.query<{ v: number | null }[]>(`SELECT max(version) AS v FROM bureau_report WHERE district_code = $1 AND month = $2`, [districtCode, month]);
    return r?.v ?? 0;
  }

  async insert(manager: EntityManager, row: BureauReportEntity): Promise<void> {
    await manager.getRepository(BureauReportEntity).insert(row);
  }

  /** The newest version of each district (under `unitPrefix`) for the month, by district code. */
  newestOfMonth(month: string, unitPrefix: string): Promise<BureauReportEntity[]> {
    return this.dataSource.getRepository(BureauReportEntity).createQueryBuilder('r')
      .distinctOn(['r.districtCode'])
      .where('r.month = :month AND r.districtCode LIKE :prefix', { month, prefix: `${unitPrefix}%` })
      .orderBy('r.districtCode', 'ASC').addOrderBy('r.version', 'DESC')
      .getMany();
  }

  versions(districtCode: string, month: string): Promise<BureauReportEntity[]> {
    return this.dataSource.getRepository(BureauReportEntity).find({ where: { districtCode, month }, order: { version: 'DESC' } });
  }
}
