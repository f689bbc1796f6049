import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rowsOf } from '../common/transaction-runner.js';
import {
  QueuePriorityReasonEntity, QueueServiceGroupEntity, QueueStationSettingEntity, QueueTicketEntity, QueueTicketLogEntity, QueueWindowEntity, QueueWindowLogEntity,
} from './queue.entities.js';
import { DEFAULT_SERVICE_GROUPS } from './service-groups.data.js';
import { DEFAULT_STATION_SETTING } from './ticket-state.js';

export interface StationSetting {
  priorityCap: number;
  maxRecalls: number;
  notifyAhead: number;
}

export interface CallHead {
  id: string;
  priority: boolean;
  lineAt: Date;
  seq: number;
}

export interface PendingNotice {
  id: string;
  number: string;
  notifyPhone: string;
  ahead: number;
}

/** Which waiting tickets a window may call: its groups (or all), or tickets transferred to it. */
export interface WindowScope {
  unitCode: string;
  businessDate: string;
  windowId: string;
  servesAll: boolean;
  groupCodes: string[];
}

/** "Tickets ahead" as the hall calls them: priority first, then line order (call-order.ts ticketsAhead). */
const AHEAD_SQL = `(SELECT count(*)::int FROM queue_ticket o
   WHERE o.unit_code = t.unit_code AND o.business_date = t.business_date AND o.group_code = t.group_code AND o.state = 'WAITING' AND o.id <> t.id
     AND CASE WHEN o.priority = t.priority THEN (o.line_at, o.seq) < (t.line_at, t.seq) ELSE o.priority END)`;

/** The queue's tables. Every query is scoped to one station (unit_code). */
@Injectable()
export class QueueRepository {
  // ---- groups, settings, reasons ----

  /** The station's groups; the default set is created the first time a station is used. */
  async groups(unitCode: string, manager: EntityManager): Promise<QueueServiceGroupEntity[]> {
    const repo = manager.getRepository(QueueServiceGroupEntity);
    let rows = await repo.find({ where: { unitCode, active: true }, order: { position: 'ASC', prefix: 'ASC' } });
    if (rows.length === 0 && (await repo.count({ where: { unitCode } })) === 0) {
      await repo.createQueryBuilder().insert()
        .values(DEFAULT_SERVICE_GROUPS.map((g, i) => ({ unitCode, code: g.code, prefix: g.prefix, name: g.name, policeTypes: g.policeTypes, itemCodes: [], position: i + 1, active: true })))
        .orIgnore().execute();
      rows = await repo.find({ where: { unitCode, active: true }, order: { position: 'ASC', prefix: 'ASC' } });
    }
    return rows;
  }

  async setting(unitCode: string, manager: EntityManager): Promise<StationSetting> {
    const row = await manager.getRepository(QueueStationSettingEntity).findOne({ where: { unitCode } });
    return row ? { priorityCap: row.priorityCap, maxRecalls: row.maxRecalls, notifyAhead: row.notifyAhead } : { ...DEFAULT_STATION_SETTING };
  }

  async saveSetting(unitCode: string, s: StationSetting, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO queue_station_setting (unit_code, priority_cap, max_recalls, notify_ahead) VALUES ($1, $2, $3, $4)
       ON CONFLICT (unit_code) DO UPDATE SET priority_cap = $2, max_recalls = $3, notify_ahead = $4, updated_at = now()`,
      [unitCode, s.priorityCap, s.maxRecalls, s.notifyAhead],
    );
  }

  async priorityReasons(manager: EntityManager): Promise<QueuePriorityReasonEntity[]> {
    return manager.getRepository(QueuePriorityReasonEntity).find({ where: { active: true }, order: { position: 'ASC' } });
  }

  // ---- windows ----

  async windows(unitCode: string, manager: EntityManager): Promise<QueueWindowEntity[]> {
    return manager.getRepository(QueueWindowEntity).find({ where: { unitCode }, order: { number: 'ASC' } });
  }

  async findWindow(id: string, manager: EntityManager, lock = false): Promise<QueueWindowEntity | null> {
    const qb = manager.getRepository(QueueWindowEntity).createQueryBuilder('w').where('w.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async findWindowByNumber(unitCode: string, number: number, manager: EntityManager): Promise<QueueWindowEntity | null> {
    return manager.getRepository(QueueWindowEntity).findOne({ where: { unitCode, number } });
  }

  /** The window a clerk is signed in at, locked for the transaction (serialises one window's actions). */
  async findWindowOfClerk(clerkSub: string, manager: EntityManager, lock = false): Promise<QueueWindowEntity | null> {
    const qb = manager.getRepository(QueueWindowEntity).createQueryBuilder('w').where('w.clerk_sub = :clerkSub', { clerkSub });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async insertWindow(w: QueueWindowEntity, manager: EntityManager): Promise<void> {
    await manager.getRepository(QueueWindowEntity).insert(w);
  }

  async saveWindow(w: QueueWindowEntity, manager: EntityManager): Promise<void> {
    w.version += 1;
    w.updatedAt = new Date();
    await manager.getRepository(QueueWindowEntity).save(w);
  }

  async logWindow(entry: Omit<QueueWindowLogEntity, 'id'>, manager: EntityManager): Promise<void> {
    await manager.getRepository(QueueWindowLogEntity).insert(entry);
  }

  // ---- tickets ----

  /** The next number of a group for the day (one upsert: concurrent takers get distinct numbers). */
  async nextSeq(unitCode: string, businessDate: string, groupCode: string, manager: EntityManager): Promise<number> {
    const [row] = rowsOf<{ last_seq: number }>(await manager.query(
      `INSERT INTO queue_ticket_counter (unit_code, business_date, group_code, last_seq) VALUES ($1, $2, $3, 1)
       ON CONFLICT (unit_code, business_date, group_code) DO UPDATE SET last_seq = queue_ticket_counter.last_seq + 1
       RETURNING last_seq`,
      [unitCode, businessDate, groupCode],
    ));
    return row!.last_seq;
  }

  async insertTicket(t: QueueTicketEntity, manager: EntityManager): Promise<void> {
    await manager.getRepository(QueueTicketEntity).insert(t);
  }

  async saveTicket(t: QueueTicketEntity, manager: EntityManager): Promise<void> {
    t.version += 1;
    t.updatedAt = new Date();
    await manager.getRepository(QueueTicketEntity).save(t);
  }

  async findTicket(id: string, manager: EntityManager, lock = false): Promise<QueueTicketEntity | null> {
    const qb = manager.getRepository(QueueTicketEntity).createQueryBuilder('t').where('t.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async findTickets(ids: string[], manager: EntityManager): Promise<QueueTicketEntity[]> {
    if (ids.length === 0) return [];
    return manager.getRepository(QueueTicketEntity).createQueryBuilder('t').where('t.id IN (:...ids)', { ids }).getMany();
  }

  async logTicket(entry: Omit<QueueTicketLogEntity, 'id'>, manager: EntityManager): Promise<void> {
    await manager.getRepository(QueueTicketLogEntity).insert(entry);
  }

  /**
   * The head of each class (priority, ordinary) of the tickets a window may call, locked with SKIP
   * LOCKED: two windows calling at once never get the same ticket — the second skips the row the
   * first holds and takes the next.
   */
  async callHeads(scope: WindowScope, manager: EntityManager): Promise<CallHead[]> {
    const heads: CallHead[] = [];
    for (const priority of [true, false]) {
      const [row] = rowsOf<{ id: string; priority: boolean; line_at: Date; seq: number }>(await manager.query(
        `SELECT id, priority, line_at, seq FROM queue_ticket
         WHERE unit_code = $1 AND business_date = $2 AND state = 'WAITING' AND priority = $3
           AND (target_window_id = $4 OR (target_window_id IS NULL AND ($5 OR group_code = ANY($6::text[]))))
         ORDER BY line_at, seq, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [scope.unitCode, scope.businessDate, priority, scope.windowId, scope.servesAll, scope.groupCodes],
      ));
      if (row) heads.push({ id: row.id, priority: row.priority, lineAt: new Date(row.line_at), seq: row.seq });
    }
    return heads;
  }

  /** Waiting tickets of a station's day in call order (priority first, then line order). */
  async waiting(unitCode: string, businessDate: string, manager: EntityManager, limit = 500): Promise<QueueTicketEntity[]> {
    return manager.getRepository(QueueTicketEntity).createQueryBuilder('t')
      .where('t.unit_code = :unitCode AND t.business_date = :businessDate AND t.state = :state', { unitCode, businessDate, state: 'WAITING' })
      .orderBy('t.priority', 'DESC').addOrderBy('t.line_at', 'ASC').addOrderBy('t.seq', 'ASC').limit(limit).getMany();
  }

  /** Waiting counts per group of a station's day. */
  async waitingCounts(unitCode: string, businessDate: string, manager: EntityManager): Promise<Map<string, { waiting: number; priority: number }>> {
    const rows = rowsOf<{ group_code: string; waiting: number; priority: number }>(await manager.query(
      `SELECT group_code, count(*)::int AS waiting, count(*) FILTER (WHERE priority)::int AS priority FROM queue_ticket
       WHERE unit_code = $1 AND business_date = $2 AND state = 'WAITING' GROUP BY group_code`,
      [unitCode, businessDate],
    ));
    return new Map(rows.map((r) => [r.group_code, { waiting: r.waiting, priority: r.priority }]));
  }

  /** Tickets at a window now (called or being served), newest call first. */
  async atWindows(unitCode: string, businessDate: string, manager: EntityManager): Promise<QueueTicketEntity[]> {
    return manager.getRepository(QueueTicketEntity).createQueryBuilder('t')
      .where('t.unit_code = :unitCode AND t.business_date = :businessDate AND t.state IN (:...states)', { unitCode, businessDate, states: ['CALLED', 'SERVING'] })
      .orderBy('t.called_at', 'DESC').getMany();
  }

  async aheadOf(ticketId: string, manager: EntityManager): Promise<number> {
    const [row] = rowsOf<{ ahead: number }>(await manager.query(`SELECT ${AHEAD_SQL} AS ahead FROM queue_ticket t WHERE t.id = $1`, [ticketId]));
    return row?.ahead ?? 0;
  }

  /** Waiting holders who asked for "前面还有 N 人" and have not been texted, with their count ahead (locked). */
  async pendingNotices(unitCode: string, businessDate: string, manager: EntityManager): Promise<PendingNotice[]> {
    const rows = rowsOf<{ id: string; number: string; notify_phone: string; ahead: number }>(await manager.query(
      `SELECT t.id, t.number, t.notify_phone, ${AHEAD_SQL} AS ahead FROM queue_ticket t
       WHERE t.unit_code = $1 AND t.business_date = $2 AND t.state = 'WAITING' AND t.notify_phone IS NOT NULL AND t.notify_sent_at IS NULL
       FOR UPDATE OF t SKIP LOCKED`,
      [unitCode, businessDate],
    ));
    return rows.map((r) => ({ id: r.id, number: r.number, notifyPhone: r.notify_phone, ahead: r.ahead }));
  }

  async setNotifyPhone(id: string, phone: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(QueueTicketEntity).update({ id }, { notifyPhone: phone });
  }

  async markNotified(id: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.getRepository(QueueTicketEntity).update({ id }, { notifySentAt: at });
  }
}
