import { streamOf } from '@onewindow/contracts';
import { EVENT_ID_HEADER, type NatsService } from '@onewindow/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { DataSource, EntityManager } from 'typeorm';
import { aggregateTableDdl, AGGREGATE_TABLE } from './report-columns.js';
import { FACT_TABLE, ReportFolder } from './report-folder.js';
import type { WorkingDays } from './report-fold.js';
import { reportSources, type ReportSource } from './report-sources.js';

export interface RebuildResult {
  month: string;
  /** Messages read from the streams. */
  read: number;
  /** Messages folded into the scratch tables (the ones the live consumers had folded). */
  folded: number;
  /** Aggregate rows of the month written. */
  rows: number;
  millis: number;
}

type Nats = Pick<NatsService, 'js' | 'manager' | 'stream' | 'subject'>;

/** The parts of a JetStream message the replay reads. */
interface JsMsg {
  seq: number;
  subject: string;
  headers?: { get(key: string): string };
  info: { stream: string; pending: number };
  json<T>(): T;
}

const SCRATCH = { figures: 'report_figures_rebuild', facts: 'report_fact_rebuild' };
const CHUNK = 500;

/**
 * Rebuilds one month of the aggregates from the event history (decision 0016): every source
 * stream is read from its start through an ordered ephemeral consumer, folded by the same
 * ReportFolder into scratch tables, and that month's rows of `report_figures` are replaced — all in
 * one transaction.
 *
 * Consistency with the live fold: the transaction first locks `report_fact` against writers, so no
 * live fold commits meanwhile, and folds exactly the messages the live consumers had folded (their
 * inbox rows). A message the live consumer folds later moves the rebuilt figures by its delta, as it
 * would have moved the old ones.
 */
export class ReportRebuilder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly nats: Nats,
    private readonly calendar: WorkingDays,
    private readonly log: (msg: string) => void = () => undefined,
  ) {}

  async rebuild(month: string): Promise<RebuildResult> {
    const started = Date.now();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const result: RebuildResult = { month, read: 0, folded: 0, rows: 0, millis: 0 };
    try {
      await runner.startTransaction();
      const manager = runner.manager;
      await manager.query(`${aggregateTableDdl(SCRATCH.figures, { temporary: true })} ON COMMIT DROP`);
      await manager.query(`CREATE TEMPORARY TABLE ${SCRATCH.facts} (LIKE ${FACT_TABLE} INCLUDING ALL) ON COMMIT DROP`);
      // SHARE mode: live folds (which write report_fact) wait until this transaction ends.
      await manager.query(`LOCK TABLE ${FACT_TABLE} IN SHARE MODE`);
      const folder = new ReportFolder(this.calendar, SCRATCH);
      for (const source of reportSources()) {
        const { read, folded } = await this.replay(source, folder, manager);
        result.read += read;
        result.folded += folded;
        if (read) this.log(`${source.durable}: ${read} read, ${folded} folded`);
      }
      await manager.query(`DELETE FROM ${AGGREGATE_TABLE} WHERE month = $1`, [month]);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO ${AGGREGATE_TABLE} SELECT * FROM ${SCRATCH.figures} WHERE month = $1 RETURNING 1`,
        [month],
      );
      result.rows = inserted.length;
      await runner.commitTransaction();
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw err;
    } finally {
      await runner.release();
    }
    result.millis = Date.now() - started;
    return result;
  }

  /** Reads one source's subject from the start of its stream and folds what its live consumer folded. */
  private async replay(source: ReportSource, folder: ReportFolder, manager: EntityManager): Promise<{ read: number; folded: number }> {
    const stream = this.nats.stream(streamOf(source.service).name);
    try {
      await this.nats.manager.streams.info(stream);
    } catch {
      return { read: 0, folded: 0 }; // the service never published anything
    }
    const consumer = await this.nats.js.consumers.get(stream, { filter_subjects: this.nats.subject(source.filterSubject) });
    const info = await consumer.info();
    if (info.num_pending === 0) return { read: 0, folded: 0 };
    let read = 0;
    let folded = 0;
    let chunk: JsMsg[] = [];
    const flush = async () => {
      folded += await this.foldChunk(source, folder, manager, chunk);
      chunk = [];
    };
    const messages = await consumer.consume({ max_messages: CHUNK });
    try {
      for await (const m of messages) {
        chunk.push(m);
        read++;
        if (chunk.length >= CHUNK) await flush();
        if (m.info.pending === 0) break;
      }
      await flush();
    } finally {
      await messages.close();
    }
    return { read, folded };
  }

  private async foldChunk(source: ReportSource, folder: ReportFolder, manager: EntityManager, chunk: JsMsg[]): Promise<number> {
    if (chunk.length === 0) return 0;
    const idOf = (m: JsMsg) => m.headers?.get(EVENT_ID_HEADER) || `${m.info.stream}:${m.seq}`;
    const rows: { message_id: string }[] = await manager.query(`SELECT message_id FROM inbox WHERE consumer = $1 AND message_id = ANY($2)`, [
      source.durable,
      chunk.map(idOf),
    ]);
    const seen = new Set(rows.map((r) => r.message_id));
    let folded = 0;
    for (const m of chunk) {
      if (!seen.has(idOf(m))) continue;
      seen.delete(idOf(m)); // a duplicate publish with the same id was folded once
      const event = plainToInstance(source.messageClass, m.json<object>());
      const errors = await validate(event, { whitelist: true, forbidUnknownValues: true });
      if (errors.length) continue;
      await source.fold(folder, manager, event, m.subject);
      folded++;
    }
    return folded;
  }
}
