import { Injectable } from '@nestjs/common';
import { WorkingCalendar } from '@onewindow/calendar';
import { findPoliceUnit, Role, withinJurisdiction, type Identity } from '@onewindow/contracts';
import { BusinessClock, DomainException, hasRole, jurisdictionOf, OutboxService } from '@onewindow/platform';
import { randomUUID } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { TransactionRunner } from '../../common/transaction-runner.js';
import { SUPERVISION_FINDING_CHANGED, type SupervisionFindingChangedEvent } from '../supervision.events.js';
import { SupervisionErrorCode, SupervisionException } from '../supervision.exception.js';
import {
  SupervisionFindingEntity, SupervisionInspectionEntity, SupervisionTemplateEntity, type FindingHistoryEntry, type InspectionItemResult,
} from '../supervision.entities.js';
import type { PublishInspectionTemplateInput, RecordInspectionInput, ReportRectificationInput, VerifyRectificationInput } from '../supervision.model.js';
import { isFindingOverdue, nextFindingStatus, rectificationDeadline, validRectificationDays, type FindingStatus, type FindingStep } from './finding-rules.js';

/** A city supervisor: SUPERVISOR of the city bureau (4-digit unit code). */
export function isCitySupervisor(actor: Identity): boolean {
  return hasRole(actor, Role.SUPERVISOR) && actor.unitCode.length === 4;
}

export interface FindingFilter {
  unitCode?: string;
  status?: string;
  overdueOnly?: boolean;
  limit: number;
  offset: number;
}

/**
 * Inspections (督察检查) against versioned checklists and the findings they raise, tracked to
 * closure: 整改中 → 已整改 (the unit reports) → 已销号 (the supervisor verifies) or sent back.
 * Every change of a finding and its event commit together.
 */
@Injectable()
export class InspectionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly calendar: WorkingCalendar,
    private readonly clock: BusinessClock,
  ) {}

  // ---- templates ----

  async templates(allVersions: boolean): Promise<SupervisionTemplateEntity[]> {
    const rows = await this.dataSource.getRepository(SupervisionTemplateEntity).find({ order: { code: 'ASC', version: 'DESC' } });
    if (allVersions) return rows;
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(r.code) && seen.add(r.code));
  }

  async latestTemplate(code: string, manager: EntityManager = this.dataSource.manager): Promise<SupervisionTemplateEntity> {
    const row = await manager.getRepository(SupervisionTemplateEntity).findOne({ where: { code }, order: { version: 'DESC' } });
    if (!row) throw new SupervisionException(SupervisionErrorCode.TEMPLATE_UNKNOWN, '没有这个检查模板', { code });
    return row;
  }

  /** A new version of a template (city supervisors only); the old versions stay for the inspections that used them. */
  async publishTemplate(actor: Identity, input: PublishInspectionTemplateInput): Promise<SupervisionTemplateEntity> {
    if (!isCitySupervisor(actor)) throw new SupervisionException(SupervisionErrorCode.CITY_SUPERVISOR_ONLY, '仅市局督察可以发布检查模板');
    const codes = input.items.map((i) => i.code);
    if (new Set(codes).size !== codes.length) throw new SupervisionException(SupervisionErrorCode.TEMPLATE_INVALID, '检查项编码重复', { codes });
    return this.tx.run(async (m) => {
      // Serialise publications of one template (the primary key would refuse the second anyway).
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`supervision_template:${input.code}`]);
      const current = await this.latestTemplate(input.code, m);
      const row = m.getRepository(SupervisionTemplateEntity).create({
        code: input.code, version: current.version + 1, name: current.name, cadence: current.cadence,
        items: input.items.map((i) => ({ code: i.code, text: i.text.trim(), ...(i.method ? { method: i.method.trim() } : {}) })),
        publishedBy: actor.displayName,
      });
      await m.getRepository(SupervisionTemplateEntity).insert(row);
      return row;
    });
  }

  // ---- inspections ----

  async record(actor: Identity, input: RecordInspectionInput): Promise<{ inspection: SupervisionInspectionEntity; findings: SupervisionFindingEntity[] }> {
    const unit = findPoliceUnit(input.unitCode);
    if (!unit || unit.code.length !== 9) throw new SupervisionException(SupervisionErrorCode.UNIT_UNKNOWN, '被检查单位须为已知的派出所', { unitCode: input.unitCode });
    if (!withinJurisdiction(jurisdictionOf(actor).unitPrefix, unit.code)) throw DomainException.outOfJurisdiction('被检查单位不在您的督察辖区');
    const today = this.clock.today();
    const inspectedOn = input.inspectedOn ?? today;
    if (inspectedOn > today) throw DomainException.validation('检查日期不能晚于今天', { inspectedOn });
    const template = await this.latestTemplate(input.templateCode);

    const byCode = new Map(input.results.map((r) => [r.itemCode, r]));
    if (byCode.size !== input.results.length || template.items.some((i) => !byCode.has(i.code)) || input.results.some((r) => !template.items.some((i) => i.code === r.itemCode))) {
      throw new SupervisionException(SupervisionErrorCode.RESULTS_INVALID, `请按模板"${template.name}"第 ${template.version} 版逐项填写结果`, { expected: template.items.map((i) => i.code) });
    }
    for (const r of input.results) {
      if ((r.result === 'PROBLEM') !== Boolean(r.finding)) {
        throw new SupervisionException(SupervisionErrorCode.RESULTS_INVALID, r.finding ? '只有"发现问题"的检查项才填写整改要求' : '发现问题的检查项须写明问题、责任人和整改期限', { itemCode: r.itemCode });
      }
      if (r.finding && !validRectificationDays(r.finding.deadlineDays)) {
        throw new SupervisionException(SupervisionErrorCode.DEADLINE_INVALID, '整改期限为 1–60 个工作日', { itemCode: r.itemCode, deadlineDays: r.finding.deadlineDays });
      }
    }

    const inspection: SupervisionInspectionEntity = {
      id: randomUUID(), templateCode: template.code, templateVersion: template.version, templateName: template.name,
      unitCode: unit.code, inspectedOn, inspectorSub: actor.sub, inspectorName: actor.displayName, inspectorUnit: actor.unitCode,
      results: template.items.map((i): InspectionItemResult => ({ itemCode: i.code, itemText: i.text, result: byCode.get(i.code)!.result, note: byCode.get(i.code)!.note?.trim() || null })),
      note: input.note?.trim() || null, createdAt: new Date(),
    };
    const now = this.clock.now();
    const findings = template.items.flatMap((item): SupervisionFindingEntity[] => {
      const f = byCode.get(item.code)!.finding;
      if (!f) return [];
      const deadline = rectificationDeadline(this.calendar, inspectedOn, f.deadlineDays);
      return [{
        id: randomUUID(), inspectionId: inspection.id, unitCode: unit.code, itemCode: item.code, itemText: item.text, description: f.description.trim(),
        officerAccount: f.officerAccount.trim(), officerName: f.officerName.trim(), deadlineDays: f.deadlineDays, deadline: deadline.date,
        deadlineProvisional: deadline.provisional, status: 'RECTIFYING', rectification: null, overdue: false, // flagged by the overdue job
        history: [{ at: now.toISOString(), actorName: actor.displayName, action: '发现问题', note: `整改期限 ${f.deadlineDays} 个工作日，至 ${deadline.date}` }],
        version: 1, updatedAt: now,
      }];
    });
    await this.tx.run(async (m) => {
      await m.getRepository(SupervisionInspectionEntity).insert(inspection);
      if (findings.length) await m.getRepository(SupervisionFindingEntity).insert(findings);
      for (const f of findings) await this.announce(m, f, template.code);
    });
    return { inspection, findings };
  }

  async inspections(actor: Identity, filter: { unitCode?: string; limit: number; offset: number }): Promise<[SupervisionInspectionEntity[], number]> {
    const prefix = this.narrowed(actor, filter.unitCode);
    return this.dataSource.getRepository(SupervisionInspectionEntity).createQueryBuilder('i')
      .where('i.unit_code LIKE :p', { p: `${prefix}%` })
      .orderBy('i.inspected_on', 'DESC').addOrderBy('i.created_at', 'DESC')
      .take(filter.limit).skip(filter.offset).getManyAndCount();
  }

  async inspection(actor: Identity, id: string): Promise<SupervisionInspectionEntity> {
    const row = await this.dataSource.getRepository(SupervisionInspectionEntity).findOneBy({ id });
    if (!row || !withinJurisdiction(jurisdictionOf(actor).unitPrefix, row.unitCode)) throw new SupervisionException(SupervisionErrorCode.INSPECTION_NOT_FOUND, '未找到该检查记录（或不在您的辖区）', { id });
    return row;
  }

  async findingsOf(inspectionIds: string[]): Promise<SupervisionFindingEntity[]> {
    if (!inspectionIds.length) return [];
    return this.dataSource.getRepository(SupervisionFindingEntity).createQueryBuilder('f')
      .where('f.inspection_id IN (:...ids)', { ids: inspectionIds }).orderBy('f.deadline', 'ASC').getMany();
  }

  // ---- findings ----

  /** Findings in the caller's jurisdiction (a station's users see their own unit's); overdue first, then by deadline. */
  async findings(actor: Identity, filter: FindingFilter): Promise<[SupervisionFindingEntity[], number]> {
    const prefix = this.narrowed(actor, filter.unitCode);
    const q = this.dataSource.getRepository(SupervisionFindingEntity).createQueryBuilder('f').where('f.unit_code LIKE :p', { p: `${prefix}%` });
    if (filter.status) q.andWhere('f.status = :s', { s: filter.status });
    if (filter.overdueOnly) q.andWhere('f.overdue');
    return q.orderBy('f.overdue', 'DESC').addOrderBy('f.deadline', 'ASC').addOrderBy('f.id', 'ASC').take(filter.limit).skip(filter.offset).getManyAndCount();
  }

  /** The unit reports what it did (整改中 → 已整改). */
  async reportRectification(actor: Identity, input: ReportRectificationInput): Promise<SupervisionFindingEntity> {
    return this.step(actor, input.findingId, 'REPORT', (f) => {
      f.rectification = input.rectification.trim();
      return { action: '报告整改', note: f.rectification };
    });
  }

  /** The supervisor closes it (已销号) or sends it back (退回, 整改中 again with the same deadline). */
  async verifyRectification(actor: Identity, input: VerifyRectificationInput): Promise<SupervisionFindingEntity> {
    if (!input.accept && !input.note?.trim()) throw DomainException.validation('退回整改须填写核验意见');
    return this.step(actor, input.findingId, input.accept ? 'VERIFY' : 'SEND_BACK', () => ({ action: input.accept ? '核验销号' : '退回整改', note: input.note?.trim() || null }));
  }

  /** The overdue job: flag findings 整改中 past their deadline, unflag those no longer overdue; one event per change. */
  async flagOverdue(actorName: string): Promise<{ flagged: number; cleared: number }> {
    const today = this.clock.today();
    return this.tx.run(async (m) => {
      const rows = await m.getRepository(SupervisionFindingEntity).createQueryBuilder('f').setLock('pessimistic_write')
        .where(`(f.overdue = false AND f.status = 'RECTIFYING' AND f.deadline < :today) OR (f.overdue = true AND (f.status <> 'RECTIFYING' OR f.deadline >= :today))`, { today })
        .getMany();
      let flagged = 0;
      for (const f of rows) {
        f.overdue = isFindingOverdue(f.status as FindingStatus, f.deadline, today);
        if (f.overdue) {
          flagged++;
          f.history = [...f.history, { at: this.clock.now().toISOString(), actorName, action: '已超期', note: `整改期限 ${f.deadline} 已过` }];
        }
        f.version++;
        f.updatedAt = this.clock.now();
        await m.getRepository(SupervisionFindingEntity).save(f);
        await this.announce(m, f);
      }
      return { flagged, cleared: rows.length - flagged };
    });
  }

  private async step(actor: Identity, id: string, step: FindingStep, apply: (f: SupervisionFindingEntity) => Omit<FindingHistoryEntry, 'at' | 'actorName'>): Promise<SupervisionFindingEntity> {
    return this.tx.run(async (m) => {
      const f = await m.getRepository(SupervisionFindingEntity).createQueryBuilder('f').setLock('pessimistic_write').where('f.id = :id', { id }).getOne();
      if (!f || !withinJurisdiction(jurisdictionOf(actor).unitPrefix, f.unitCode)) throw new SupervisionException(SupervisionErrorCode.FINDING_NOT_FOUND, '未找到该问题（或不在您的辖区）', { id });
      const next = nextFindingStatus(f.status as FindingStatus, step);
      if (!next) throw new SupervisionException(SupervisionErrorCode.FINDING_INVALID_TRANSITION, `该问题当前为"${STATUS_LABEL[f.status as FindingStatus]}"，不能进行此操作`, { status: f.status, step });
      const entry = apply(f);
      f.status = next;
      f.overdue = isFindingOverdue(next, f.deadline, this.clock.today());
      f.history = [...f.history, { at: this.clock.now().toISOString(), actorName: actor.displayName, ...entry }];
      f.version++;
      f.updatedAt = this.clock.now();
      await m.getRepository(SupervisionFindingEntity).save(f);
      await this.announce(m, f);
      return f;
    });
  }

  private async announce(m: EntityManager, f: SupervisionFindingEntity, templateCode?: string): Promise<void> {
    const code = templateCode ?? (await m.getRepository(SupervisionInspectionEntity).findOneByOrFail({ id: f.inspectionId })).templateCode;
    const event: SupervisionFindingChangedEvent = {
      findingId: f.id, inspectionId: f.inspectionId, templateCode: code, unitCode: f.unitCode, itemCode: f.itemCode, status: f.status,
      deadline: f.deadline, overdue: f.overdue, version: f.version, at: f.updatedAt.toISOString(),
    };
    await this.outbox.enqueue(m, SUPERVISION_FINDING_CHANGED, event);
  }

  /** The caller's jurisdiction, narrowed to `unitCode` when given (which must lie inside it). */
  private narrowed(actor: Identity, unitCode?: string): string {
    const own = jurisdictionOf(actor).unitPrefix;
    if (!unitCode) return own;
    if (!withinJurisdiction(own, unitCode)) throw DomainException.outOfJurisdiction();
    return unitCode;
  }
}

export const STATUS_LABEL: Record<FindingStatus, string> = { RECTIFYING: '整改中', RECTIFIED: '已整改', CLOSED: '已销号' };
