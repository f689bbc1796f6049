import type {
  ApplicationSnapshot, ComplaintChangedEvent, EvaluationRecordedEvent, HomeVisitChangedEvent, NoticeIssuedEvent, SmsDeliveredEvent, TransferEvent,
} from '@onewindow/contracts';
import type { EntityManager } from 'typeorm';
import { AGGREGATE_TABLE, METRIC_COLUMNS } from './report-columns.js';
import {
  contributionDelta, contributionOf, reduceApplication, reduceComplaint, reduceEvaluation, reduceHomeVisit, reduceNotice, reduceSms, reduceTransfer,
  type FactKind, type FactReducer, type FactState, type FigureCell, type WorkingDays,
} from './report-fold.js';

export const FACT_TABLE = 'report_fact';

/** The tables a folder writes: the live ones, or a rebuild's scratch tables. */
export interface FoldTables {
  figures: string;
  facts: string;
}

export const LIVE_TABLES: FoldTables = { figures: AGGREGATE_TABLE, facts: FACT_TABLE };

/**
 * Folds source events into the aggregates (decision 0016), in the caller's transaction (the
 * consumer's, with its inbox row): lock the fact, reduce it, apply the difference of its
 * contribution to the aggregate table, store it. The same code folds the live consumers' events and
 * a rebuild's replay into scratch tables. Needs only an EntityManager: usable without NATS (bench).
 */
export class ReportFolder {
  constructor(
    private readonly calendar: WorkingDays,
    private readonly tables: FoldTables = LIVE_TABLES,
  ) {}

  foldApplication(manager: EntityManager, s: ApplicationSnapshot): Promise<boolean> {
    return this.fold(manager, 'application', s.number, reduceApplication(s, this.calendar));
  }

  foldTransfer(manager: EntityManager, e: TransferEvent): Promise<boolean> {
    return this.fold(manager, 'transfer', e.event.transferId, reduceTransfer(e));
  }

  foldEvaluation(manager: EntityManager, e: EvaluationRecordedEvent): Promise<boolean> {
    return this.fold(manager, 'evaluation', e.evaluationId, reduceEvaluation(e));
  }

  foldComplaint(manager: EntityManager, e: ComplaintChangedEvent): Promise<boolean> {
    return this.fold(manager, 'complaint', e.number, reduceComplaint(e));
  }

  foldNotice(manager: EntityManager, e: NoticeIssuedEvent): Promise<boolean> {
    return this.fold(manager, 'notice', e.noticeNumber, reduceNotice(e));
  }

  foldSms(manager: EntityManager, e: SmsDeliveredEvent): Promise<boolean> {
    return this.fold(manager, 'sms', e.smsId, reduceSms(e));
  }

  foldHomeVisit(manager: EntityManager, e: HomeVisitChangedEvent): Promise<boolean> {
    return this.fold(manager, 'homeVisit', e.visitId, reduceHomeVisit(e));
  }

  /** True when the figures moved (the fact changed). */
  async fold<S extends FactState>(manager: EntityManager, kind: FactKind, key: string, reduce: FactReducer<S>): Promise<boolean> {
    const rows: { version: number; state: S; contribution: FigureCell[] }[] = await manager.query(
      `SELECT version, state, contribution FROM ${this.tables.facts} WHERE kind = $1 AND fact_key = $2 FOR UPDATE`,
      [kind, key],
    );
    const previous = rows[0] ?? null;
    const next = reduce(previous ? { version: previous.version, state: previous.state } : null);
    if (!next) return false;
    const contribution = contributionOf(kind, next.state);
    const fact = [kind, key, next.version, JSON.stringify(next.state), JSON.stringify(contribution)];
    // The fact is stored in the same statement as the figures move (a data-modifying WITH): one round trip fewer.
    const storeFact = previous
      ? `UPDATE ${this.tables.facts} SET version = $3, state = $4, contribution = $5, updated_at = now() WHERE kind = $1 AND fact_key = $2`
      : // A plain insert: two first events of one fact racing (a transfer's request and completion on
        // two streams) make one transaction fail and be retried by the consumer, never count twice.
        `INSERT INTO ${this.tables.facts} (kind, fact_key, version, state, contribution) VALUES ($1, $2, $3, $4, $5)`;
    await this.applyDelta(manager, contributionDelta(previous?.contribution ?? [], contribution), { sql: storeFact, params: fact });
    return true;
  }

  /**
   * Adds the deltas to the aggregate rows (created at 0 when new), in one statement, together with
   * `alongside` (a statement numbering its parameters from $1) when given.
   */
  private async applyDelta(manager: EntityManager, delta: FigureCell[], alongside: { sql: string; params: unknown[] }): Promise<void> {
    if (delta.length === 0) {
      await manager.query(alongside.sql, alongside.params);
      return;
    }
    const params: unknown[] = [...alongside.params];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const values = delta.map(
      (c) =>
        `(${p(c.month)}, ${p(c.unitCode)}, ${p(c.policeType)}, ${p(c.itemCode)}, ${p(c.itemName)}, ${METRIC_COLUMNS.map(({ key }) => `${p(c.metrics[key] ?? 0)}::int`).join(', ')})`,
    );
    const cols = METRIC_COLUMNS.map(({ column }) => column);
    const t = this.tables.figures;
    await manager.query(
      `WITH stored_fact AS (${alongside.sql})
       INSERT INTO ${t} AS t (month, unit_code, police_type, item_code, item_name, ${cols.join(', ')})
       VALUES ${values.join(', ')}
       ON CONFLICT (month, unit_code, police_type, item_code) DO UPDATE SET
         item_name = COALESCE(EXCLUDED.item_name, t.item_name),
         ${cols.map((c) => `${c} = t.${c} + EXCLUDED.${c}`).join(', ')}`,
      params,
    );
  }
}
