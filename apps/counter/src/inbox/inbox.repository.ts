import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Jurisdiction } from '@onewindow/platform';
import { DataSource, In, type EntityManager } from 'typeorm';
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

  /**
   * The caller's unit only: overdue first, then due soon, on time, paused, done; within each, by
   * deadline and number. The rank depends on today (an open case past its deadline is overdue), so
   * no index can hold the order itself; sorting every row of the unit was a sort of the whole
   * jurisdiction per page (800,000 rows at 5 M applications, tens of seconds — docs/performance.md,
   * Scale). Instead each rank is its own branch read in (deadline, number) order from
   * `inbox_application_state_deadline_idx` and cut at offset + limit rows, and only the page is merged:
   * a page reads at most 7 × (offset + limit) matching index entries. The total is a count over the filter
   * (the scope index). Same order as effectiveDeadlineState (deadline-state.ts).
   */
  async list(scope: Jurisdiction, f: InboxFilter): Promise<[InboxApplicationEntity[], number]> {
    const params: unknown[] = [`${scope.unitPrefix}%`];
    const where = ['a.unit_code LIKE $1'];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (f.status) where.push(`a.status = ${param(f.status)}`);
    if (f.policeType) where.push(`a.police_type = ${param(f.policeType)}`);
    if (f.search) {
      const search = param(f.search);
      where.push(`(a.number = ${search} OR a.applicant_id_number = ${search})`);
    }
    const filter = where.join(' AND ');
    const total = rowsOf<{ total: number }>(await this.dataSource.query(`SELECT count(*)::int AS total FROM inbox_application a WHERE ${filter}`, params))[0]?.total ?? 0;
    if (total <= f.offset) return [[], total];

    const today = param(f.today);
    const cut = param(f.offset + f.limit);
    const branch = (rank: number, predicate: string) =>
      `(SELECT a.number, a.deadline, ${rank} AS rank FROM inbox_application a WHERE ${filter} AND ${predicate} ORDER BY a.deadline, a.number LIMIT ${cut})`;
    // One branch per stored deadline state (an equality on the index's first column), so each is an
    // ordered range scan of inbox_application_state_deadline_idx that stops after `cut` rows. The
    // states are the five of DEADLINE_STATES (the projection only ever stores those).
    const before = `a.deadline < CAST(${today} AS date)`;
    const from = `a.deadline >= CAST(${today} AS date)`;
    const ranked = [
      branch(0, `a.deadline_state = 'ON_TIME' AND ${before}`),
      branch(0, `a.deadline_state = 'DUE_SOON' AND ${before}`),
      branch(0, `a.deadline_state = 'OVERDUE'`),
      branch(1, `a.deadline_state = 'DUE_SOON' AND ${from}`),
      branch(2, `a.deadline_state = 'ON_TIME' AND ${from}`),
      branch(3, `a.deadline_state = 'PAUSED'`),
      branch(4, `a.deadline_state = 'DONE'`),
    ];
    const page = rowsOf<{ number: string }>(
      await this.dataSource.query(`SELECT number FROM (${ranked.join(' UNION ALL ')}) r ORDER BY rank, deadline, number LIMIT ${param(f.limit)} OFFSET ${param(f.offset)}`, params),
    );
    if (page.length === 0) return [[], total];
    const byNumber = new Map((await this.repo().findBy({ number: In(page.map((r) => r.number)) })).map((e) => [e.number, e]));
    return [page.map((r) => byNumber.get(r.number)).filter((e): e is InboxApplicationEntity => e !== undefined), total];
  }
}
