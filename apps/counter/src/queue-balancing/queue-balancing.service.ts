import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventSubjects, policeUnitName, QueueRebalanceChangedEvent, QueueWindowChangedEvent, withinJurisdiction, type Identity } from '@onewindow/contracts';
import { BusinessClock, DomainException, jurisdictionOf, OutboxService } from '@onewindow/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { TransactionRunner } from '../common/transaction-runner.js';
import { DEFAULT_THRESHOLDS, findRebalancing, reconcileSituations, validThresholds, type BalancingThresholds } from './balancing-rules.js';
import { queueFigures, type FigureRow } from './figures.js';
import { HallRepository } from './hall.repository.js';
import { QueueBalancingErrorCode, QueueBalancingException } from './queue-balancing.exception.js';
import { QueueBalancingSettingEntity, QueueRebalanceProposalEntity } from './queue-balancing.entities.js';

/** The longest period the figures cover in one query (a month of a district's tickets stays small). */
export const MAX_FIGURE_DAYS = 31;
const DAY = 86_400_000;

export interface LabelledRow extends FigureRow {
  label: string;
  unitCode?: string;
}

export interface HallFigures {
  unitCode: string;
  unitName: string;
  from: string;
  to: string;
  total: LabelledRow;
  byHour: LabelledRow[];
  byGroup: LabelledRow[];
  byWindow: LabelledRow[];
}

export interface EvaluationResult {
  created: QueueRebalanceProposalEntity[];
  expired: number;
  ended: number;
}

/**
 * 忙闲调配 and 排队统计. Figures: computed from the queue's ticket timestamps for a period and a unit
 * (pure `queueFigures`). Balancing: per station with tickets waiting, the pure rule against a
 * snapshot taken in one transaction (under a per-station advisory lock, so two instances of the job
 * do not both propose); proposals once per situation; a supervisor accepts (the windows serve the
 * group as well, logged in the queue's window log) or declines with a reason. Every change of a
 * proposal and its event commit together.
 */
@Injectable()
export class QueueBalancingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly clock: BusinessClock,
    private readonly hall: HallRepository,
  ) {}

  // ---- figures ----

  async figures(actor: Identity, input: { unitCode?: string; from?: string; to?: string }): Promise<HallFigures> {
    const prefix = this.narrowed(actor, input.unitCode);
    const to = input.to ?? this.clock.today();
    const from = input.from ?? to;
    const days = (Date.parse(to) - Date.parse(from)) / DAY;
    if (!(days >= 0) || days >= MAX_FIGURE_DAYS) throw new QueueBalancingException(QueueBalancingErrorCode.PERIOD_INVALID, `统计期间须为 1–${MAX_FIGURE_DAYS} 天，结束日期不早于开始日期`, { from, to });
    const tickets = await this.hall.ticketTimes(prefix, from, to);
    const names = await this.hall.groupNames(prefix);
    const multi = new Set(tickets.map((t) => t.unitCode)).size > 1;
    const unitOf = (key: string) => key.slice(0, key.indexOf(':'));
    const where = (unit: string) => (multi ? `${policeUnitName(unit)} ` : '');
    // Groups and windows are per station: key them by station so two halls' "A" or "1号" stay apart.
    const f = queueFigures(tickets.map((t) => ({ ...t, groupCode: `${t.unitCode}:${t.groupCode}`, windowId: t.windowNumber === null ? null : `${t.unitCode}:${String(t.windowNumber).padStart(4, '0')}` })));
    return {
      unitCode: prefix, unitName: policeUnitName(prefix), from, to, total: { ...f.total, label: '合计' },
      byHour: f.byHour.map((r) => ({ ...r, label: `${r.key.padStart(2, '0')}:00` })),
      byGroup: f.byGroup.map((r) => {
        const unit = unitOf(r.key), code = r.key.slice(unit.length + 1);
        return { ...r, key: code, unitCode: unit, label: `${where(unit)}${names.get(r.key) ?? code}` };
      }),
      byWindow: f.byWindow.map((r) => {
        const unit = unitOf(r.key), n = Number(r.key.slice(unit.length + 1));
        return { ...r, key: String(n), unitCode: unit, label: `${where(unit)}${n}号窗口` };
      }),
    };
  }

  // ---- thresholds ----

  async thresholds(actor: Identity, unitCode: string): Promise<BalancingThresholds & { unitCode: string; custom: boolean }> {
    const station = this.station(actor, unitCode);
    return this.thresholdsOf(this.dataSource.manager, station);
  }

  async setThresholds(actor: Identity, input: BalancingThresholds & { unitCode: string }): Promise<BalancingThresholds & { unitCode: string; custom: boolean }> {
    const station = this.station(actor, input.unitCode);
    const t: BalancingThresholds = { minWaiting: input.minWaiting, maxWaitMinutes: input.maxWaitMinutes, shortQueue: input.shortQueue, targetPerWindow: input.targetPerWindow };
    if (!validThresholds(t)) throw new QueueBalancingException(QueueBalancingErrorCode.THRESHOLDS_INVALID, '调配阈值超出范围', t);
    await this.dataSource.getRepository(QueueBalancingSettingEntity).upsert({ unitCode: station, ...t, updatedBy: actor.displayName, updatedAt: this.clock.now() }, ['unitCode']);
    return { unitCode: station, ...t, custom: true };
  }

  private async thresholdsOf(m: EntityManager, unitCode: string): Promise<BalancingThresholds & { unitCode: string; custom: boolean }> {
    const row = await m.getRepository(QueueBalancingSettingEntity).findOneBy({ unitCode });
    if (!row) return { unitCode, ...DEFAULT_THRESHOLDS, custom: false };
    return { unitCode, minWaiting: row.minWaiting, maxWaitMinutes: row.maxWaitMinutes, shortQueue: row.shortQueue, targetPerWindow: row.targetPerWindow, custom: true };
  }

  // ---- balancing ----

  /** The periodic job: every station with tickets waiting today or a situation still open. */
  async evaluateAll(): Promise<EvaluationResult> {
    const stations = await this.hall.busyStations(this.dataSource.manager, this.clock.today());
    const total: EvaluationResult = { created: [], expired: 0, ended: 0 };
    for (const s of stations) {
      const r = await this.evaluateStation(s, 'JOB');
      total.created.push(...r.created);
      total.expired += r.expired;
      total.ended += r.ended;
    }
    return total;
  }

  /** On demand (a supervisor's 立即检查), for one station in the caller's jurisdiction. */
  async evaluate(actor: Identity, unitCode: string): Promise<EvaluationResult> {
    return this.evaluateStation(this.station(actor, unitCode), 'ON_DEMAND');
  }

  private async evaluateStation(unitCode: string, trigger: 'JOB' | 'ON_DEMAND'): Promise<EvaluationResult> {
    return this.tx.run(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`queue_rebalance:${unitCode}`]);
      const now = this.clock.now();
      const thresholds = await this.thresholdsOf(m, unitCode);
      const findings = findRebalancing(await this.hall.groupLoads(m, unitCode, this.clock.today()), await this.hall.windows(m, unitCode), thresholds, now);
      const open = await m.getRepository(QueueRebalanceProposalEntity).createQueryBuilder('p')
        .where('p.unit_code = :u AND p.situation_ended_at IS NULL', { u: unitCode }).setLock('pessimistic_write').getMany();
      const plan = reconcileSituations(findings, open.map((p) => ({ proposalId: p.id, groupCode: p.groupCode, status: p.status })));
      const created: QueueRebalanceProposalEntity[] = [];
      for (const f of plan.create) {
        const p: QueueRebalanceProposalEntity = {
          id: randomUUID(), unitCode, groupCode: f.groupCode, status: 'OPEN', waiting: f.waiting, oldestWaitMinutes: f.oldestWaitMinutes, servingWindows: f.servingWindows,
          windows: f.windows, reason: f.reason, trigger, proposedAt: now, decidedAt: null, decidedBySub: null, decidedByName: null, decisionReason: null,
          appliedWindowIds: [], situationEndedAt: null, version: 1, updatedAt: now,
        };
        await m.getRepository(QueueRebalanceProposalEntity).insert(p);
        await this.announce(m, p);
        created.push(p);
      }
      for (const p of open.filter((o) => plan.expire.includes(o.id) || plan.end.includes(o.id))) {
        if (p.status === 'OPEN') p.status = 'EXPIRED';
        p.situationEndedAt = now;
        p.version++;
        p.updatedAt = now;
        await m.getRepository(QueueRebalanceProposalEntity).save(p);
        if (p.status === 'EXPIRED' && plan.expire.includes(p.id)) await this.announce(m, p);
      }
      return { created, expired: plan.expire.length, ended: plan.end.length };
    });
  }

  async proposals(actor: Identity, filter: { unitCode?: string; status?: string; limit: number; offset: number }): Promise<[QueueRebalanceProposalEntity[], number]> {
    const prefix = this.narrowed(actor, filter.unitCode);
    const q = this.dataSource.getRepository(QueueRebalanceProposalEntity).createQueryBuilder('p').where('p.unit_code LIKE :p', { p: `${prefix}%` });
    if (filter.status) q.andWhere('p.status = :s', { s: filter.status });
    return q.orderBy(`(p.status = 'OPEN')`, 'DESC').addOrderBy('p.proposed_at', 'DESC').addOrderBy('p.id', 'ASC').take(filter.limit).skip(filter.offset).getManyAndCount();
  }

  /** 采纳: the proposed windows serve the group as well; 不采纳: a reason is required. Recorded: who, when, what. */
  async decide(actor: Identity, input: { proposalId: string; accept: boolean; reason?: string }): Promise<QueueRebalanceProposalEntity> {
    const reason = input.reason?.trim() || null;
    if (!input.accept && !reason) throw new QueueBalancingException(QueueBalancingErrorCode.REASON_REQUIRED, '不采纳调配建议须填写理由');
    return this.tx.run(async (m) => {
      const p = await m.getRepository(QueueRebalanceProposalEntity).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id: input.proposalId }).getOne();
      if (!p || !withinJurisdiction(jurisdictionOf(actor).unitPrefix, p.unitCode)) throw new QueueBalancingException(QueueBalancingErrorCode.PROPOSAL_NOT_FOUND, '未找到该调配建议（或不在您的辖区）', { id: input.proposalId });
      if (p.status !== 'OPEN') throw new QueueBalancingException(QueueBalancingErrorCode.ALREADY_DECIDED, `该调配建议已${STATUS_LABEL[p.status] ?? p.status}`, { status: p.status });
      const now = this.clock.now();
      if (input.accept) {
        const changed = await this.hall.addGroupToWindows(m, p.unitCode, p.windows.map((w) => w.windowId), p.groupCode, actor.sub, `忙闲调配：增加办理 ${p.groupCode}`, now);
        p.appliedWindowIds = changed.map((w) => w.id);
        // The queue's own window event, as when the queue changes a window's groups: the hall display and queue bars follow it.
        for (const w of changed) {
          const event: QueueWindowChangedEvent = {
            windowId: w.id, unitCode: p.unitCode, windowNumber: w.number, action: 'GROUPS_CHANGED', state: w.state, pauseReason: w.pauseReason, servesAll: false,
            groupCodes: w.groupCodes, clerkSub: w.clerkSub, version: w.version, at: now.toISOString(),
          };
          await this.outbox.enqueue(m, EventSubjects.queueWindowChanged, event);
        }
      }
      p.status = input.accept ? 'ACCEPTED' : 'DECLINED';
      p.decidedAt = now;
      p.decidedBySub = actor.sub;
      p.decidedByName = actor.displayName;
      p.decisionReason = reason;
      p.version++;
      p.updatedAt = now;
      await m.getRepository(QueueRebalanceProposalEntity).save(p);
      await this.announce(m, p);
      return p;
    });
  }

  private async announce(m: EntityManager, p: QueueRebalanceProposalEntity): Promise<void> {
    const event: QueueRebalanceChangedEvent = {
      proposalId: p.id, unitCode: p.unitCode, groupCode: p.groupCode, status: p.status as QueueRebalanceChangedEvent['status'],
      windowIds: p.status === 'ACCEPTED' ? p.appliedWindowIds : p.windows.map((w) => w.windowId), waiting: p.waiting, version: p.version, at: p.updatedAt.toISOString(),
    };
    await this.outbox.enqueue(m, EventSubjects.queueRebalanceChanged, event);
  }

  /** The caller's jurisdiction, narrowed to `unitCode` when given (which must lie inside it). */
  private narrowed(actor: Identity, unitCode?: string): string {
    const own = jurisdictionOf(actor).unitPrefix;
    if (!unitCode) return own;
    if (!withinJurisdiction(own, unitCode)) throw DomainException.outOfJurisdiction();
    return unitCode;
  }

  /** One station (派出所, 9 digits) inside the caller's jurisdiction: thresholds and proposals are per hall. */
  private station(actor: Identity, unitCode: string): string {
    if (!/^\d{9}$/.test(unitCode)) throw new QueueBalancingException(QueueBalancingErrorCode.STATION_REQUIRED, '请选择一个派出所', { unitCode });
    return this.narrowed(actor, unitCode);
  }
}

export const STATUS_LABEL: Record<string, string> = { OPEN: '待决定', ACCEPTED: '采纳', DECLINED: '不采纳', EXPIRED: '失效' };
