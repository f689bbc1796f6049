import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../common/transaction-runner.js';
import type { GroupLoad, WindowSnapshot } from './balancing-rules.js';
import type { TicketTimes } from './figures.js';

export interface ChangedWindow {
  id: string;
  number: number;
  state: string;
  pauseReason: string | null;
  groupCodes: string[];
  clerkSub: string | null;
  version: number;
}

/**
 * Reads (and, on an accepted proposal, changes) the queue's own tables — queue_ticket,
 * queue_window, queue_service_group, queue_window_log — in SQL. The queue module owns them; this is
 * the one place the balancing module touches them, so a change of the queue's schema shows here.
 * Every query takes the station or unit prefix: the caller's jurisdiction is a required argument.
 */
@Injectable()
export class HallRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Tickets of the period in the units under `unitPrefix`, for the figures. */
  async ticketTimes(unitPrefix: string, from: string, to: string): Promise<(TicketTimes & { unitCode: string; windowNumber: number | null })[]> {
    const rows: { unit_code: string; group_code: string; window_id: string | null; window_number: number | null; taken_at: Date; first_called_at: Date | null; started_at: Date | null; finished_at: Date | null; no_show: boolean }[] =
      await this.dataSource.query(
        `SELECT unit_code, group_code, window_id, window_number, taken_at, first_called_at, started_at, finished_at, (state = 'NO_SHOW') AS no_show
           FROM queue_ticket WHERE unit_code LIKE $1 AND business_date BETWEEN $2 AND $3`,
        [`${unitPrefix}%`, from, to],
      );
    return rows.map((r) => ({
      unitCode: r.unit_code, groupCode: r.group_code, windowId: r.window_id, windowNumber: r.window_number, issuedAt: r.taken_at, calledAt: r.first_called_at,
      finishedAt: r.finished_at, servedFrom: r.started_at, noShow: r.no_show,
    }));
  }

  /** Group names per station and code. */
  async groupNames(unitPrefix: string): Promise<Map<string, string>> {
    const rows: { unit_code: string; code: string; name: string }[] = await this.dataSource.query(`SELECT unit_code, code, name FROM queue_service_group WHERE unit_code LIKE $1`, [`${unitPrefix}%`]);
    return new Map(rows.map((r) => [`${r.unit_code}:${r.code}`, r.name]));
  }

  /** Stations with tickets waiting today, or with a situation still open. */
  async busyStations(m: EntityManager, businessDate: string): Promise<string[]> {
    const rows: { unit_code: string }[] = await m.query(
      `SELECT DISTINCT unit_code FROM queue_ticket WHERE state = 'WAITING' AND business_date = $1
       UNION SELECT DISTINCT unit_code FROM queue_rebalance_proposal WHERE situation_ended_at IS NULL ORDER BY 1`,
      [businessDate],
    );
    return rows.map((r) => r.unit_code);
  }

  async groupLoads(m: EntityManager, unitCode: string, businessDate: string): Promise<GroupLoad[]> {
    const rows: { group_code: string; waiting: string; oldest: Date | null }[] = await m.query(
      `SELECT group_code, count(*) AS waiting, min(line_at) AS oldest FROM queue_ticket
        WHERE unit_code = $1 AND business_date = $2 AND state = 'WAITING' GROUP BY group_code`,
      [unitCode, businessDate],
    );
    return rows.map((r) => ({ groupCode: r.group_code, waiting: Number(r.waiting), oldestIssuedAt: r.oldest }));
  }

  async windows(m: EntityManager, unitCode: string): Promise<WindowSnapshot[]> {
    const rows: { id: string; number: number; state: string; staffed: boolean; group_codes: string[]; serves_all: boolean; serving: boolean }[] = await m.query(
      `SELECT id, number, state, (clerk_sub IS NOT NULL) AS staffed, group_codes, serves_all, (current_ticket_id IS NOT NULL) AS serving
         FROM queue_window WHERE unit_code = $1 ORDER BY number`,
      [unitCode],
    );
    return rows.map((r) => ({ windowId: r.id, number: r.number, state: r.state, staffed: r.staffed, groupCodes: r.group_codes, allGroups: r.serves_all, serving: r.serving }));
  }

  /**
   * An accepted proposal: the window serves `groupCode` as well (appended to its groups), logged in
   * the queue's window log like any change of groups. Returns the windows changed (a window gone or
   * already serving the group is skipped).
   */
  async addGroupToWindows(m: EntityManager, unitCode: string, windowIds: string[], groupCode: string, actorSub: string, reason: string, at: Date): Promise<ChangedWindow[]> {
    if (!windowIds.length) return [];
    const rows = rowsOf<{ id: string; number: number; state: string; pause_reason: string | null; group_codes: string[]; clerk_sub: string | null; version: number }>(await m.query(
      `UPDATE queue_window SET group_codes = array_append(group_codes, $3::text), version = version + 1, updated_at = $4
        WHERE unit_code = $1 AND id = ANY($2::uuid[]) AND NOT serves_all AND NOT ($3::text = ANY(group_codes))
        RETURNING id, number, state, pause_reason, group_codes, clerk_sub, version`,
      [unitCode, windowIds, groupCode, at],
    ));
    for (const w of rows) {
      await m.query(
        `INSERT INTO queue_window_log (window_id, unit_code, window_number, action, state, reason, clerk_sub, actor_sub, at) VALUES ($1, $2, $3, 'GROUPS_CHANGED', $4, $5, $6, $7, $8)`,
        [w.id, unitCode, w.number, w.state, reason, w.clerk_sub, actorSub, at],
      );
    }
    return rows.map((w) => ({ id: w.id, number: w.number, state: w.state, pauseReason: w.pause_reason, groupCodes: w.group_codes, clerkSub: w.clerk_sub, version: w.version }));
  }
}
