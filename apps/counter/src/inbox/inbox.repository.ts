import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Jurisdiction } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../common/transaction-runner.js';
import { InboxApplicationEntity } from './inbox-application.entity.js';

export type InboxRow = Omit<InboxApplicationEntity, 'projectedAt'>;

export interface InboxFilter {
  status?: string;
  policeType?: string;
  /** Exact application number or applicant ID number (already upper-cased). */
  search?: string;
  /** Business date, for the overdue rule. */
  today: string;
  limit: number;
  offset: number;
}

/** SQL twin of effectiveDeadlineState. */
const EFFECTIVE_STATE = `CASE WHEN a.deadline_state IN ('DONE', 'PAUSED') THEN a.deadline_state
  WHEN a.deadline < CAST(:today AS date) THEN 'OVERDUE' ELSE a.deadline_state END`;

@Injectable()
export class InboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(InboxApplicationEntity);
  }

  /**
   * Upsert unless the stored snapshot is newer: an older version never overwrites a newer one;
   * the same version is re-applied harmlessly. True when the row now holds this version.
   */
  async upsertUnlessOlder(r: InboxRow, manager: EntityManager): Promise<boolean> {
    const rows = rowsOf(
      await manager.query(
        `INSERT INTO inbox_application (number, police_type, service, item_code, item_name, applicant_id_number, applicant_name, status,
           unit_code, deadline, deadline_state, version, snapshot, updated_at, projected_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now())
         ON CONFLICT (number) DO UPDATE SET police_type = EXCLUDED.police_type, service = EXCLUDED.service, item_code = EXCLUDED.item_code,
           item_name = EXCLUDED.item_name, applicant_id_number = EXCLUDED.applicant_id_number, applicant_name = EXCLUDED.applicant_name,
           status = EXCLUDED.status, unit_code = EXCLUDED.unit_code, deadline = EXCLUDED.deadline, deadline_state = EXCLUDED.deadline_state,
           version = EXCLUDED.version, snapshot = EXCLUDED.snapshot, updated_at = EXCLUDED.updated_at, projected_at = now()
         WHERE inbox_application.version <= EXCLUDED.version
         RETURNING number`,
        [r.number, r.policeType, r.service, r.itemCode, r.itemName, r.applicantIdNumber, r.applicantName, r.status, r.unitCode,
          r.deadline, r.deadlineState, r.version, JSON.stringify(r.snapshot), r.updatedAt],
      ),
    );
    return rows.length === 1;
  }

  /** Which service owns an application (no personal data, so no jurisdiction). */
  async findServiceOf(number: string): Promise<{ service: string; unitCode: string } | null> {
    const row = await this.repo().findOne({ where: { number }, select: { service: true, unitCode: true } });
    return row ? { service: row.service, unitCode: row.unitCode } : null;
  }

  async findByNumber(number: string, scope: Jurisdiction): Promise<InboxApplicationEntity | null> {
    return this.repo()
      .createQueryBuilder('a')
      .where('a.number = :number', { number })
      .andWhere('a.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .getOne();
  }

  /** The caller's unit only: overdue first, then due soon, then by deadline. */
  async list(scope: Jurisdiction, f: InboxFilter): Promise<[InboxApplicationEntity[], number]> {
    const qb = this.repo()
      .createQueryBuilder('a')
      .where('a.unit_code LIKE :prefix', { prefix: `${scope.unitPrefix}%` })
      .setParameter('today', f.today);
    if (f.status) qb.andWhere('a.status = :status', { status: f.status });
    if (f.policeType) qb.andWhere('a.police_type = :policeType', { policeType: f.policeType });
    if (f.search) qb.andWhere('(a.number = :search OR a.applicant_id_number = :search)', { search: f.search });
    qb.addSelect(
      `CASE ${EFFECTIVE_STATE} WHEN 'OVERDUE' THEN 0 WHEN 'DUE_SOON' THEN 1 WHEN 'ON_TIME' THEN 2 WHEN 'PAUSED' THEN 3 ELSE 4 END`,
      'state_rank',
    )
      .orderBy('state_rank', 'ASC')
      .addOrderBy('a.deadline', 'ASC')
      .addOrderBy('a.number', 'ASC')
      .limit(f.limit)
      .offset(f.offset);
    return qb.getManyAndCount();
  }
}
