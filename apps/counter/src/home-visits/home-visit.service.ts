import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkingCalendar } from '@onewindow/calendar';
import {
  EventSubjects, Role, stationUnitType, withinJurisdiction, type HomeVisitChangedEvent, type HomeVisitReason, type HomeVisitStatus, type Identity, type PoliceType,
} from '@onewindow/contracts';
import { validateIdNumber } from '@onewindow/id-number';
import { AuditService, BusinessClock, DomainException, hasRole, jurisdictionOf, OutboxService } from '@onewindow/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { CatalogIndexService } from '../catalog/catalog-index.service.js';
import { TransactionRunner } from '../common/transaction-runner.js';
import { InboxApplicationEntity } from '../inbox/inbox-application.entity.js';
import { HomeVisitEntity, HomeVisitOfficerEntity, type HomeVisitHistoryEntry } from './home-visit.entities.js';
import { HomeVisitErrorCode, HomeVisitException } from './home-visit.exception.js';
import type { AssignHomeVisitInput, RecordHomeVisitOutcomeInput, RequestHomeVisitInput, ScheduleHomeVisitInput } from './home-visit.model.js';
import { chinaDate, homeVisitDeadline, isHomeVisitOverdue, nextHomeVisitStatus, scheduleProblem, STATUS_LABEL, type HomeVisitStep } from './home-visit.rules.js';

export interface HomeVisitFilter {
  unitCode?: string;
  status?: string;
  overdueOnly: boolean;
  mine: boolean;
  limit: number;
  offset: number;
}

/**
 * 上门服务 (出诊式): a station's window records the request, assigns it to a community officer of
 * the station (the roster), the officer schedules the visit and records the outcome. Every change
 * and its event commit together; the overdue job flags open visits past their deadline.
 */
@Injectable()
export class HomeVisitService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxService,
    private readonly calendar: WorkingCalendar,
    private readonly clock: BusinessClock,
    private readonly audit: AuditService,
    private readonly catalog: CatalogIndexService,
  ) {}

  async request(actor: Identity, input: RequestHomeVisitInput): Promise<HomeVisitEntity> {
    const unitType = actor.unitCode.length === 9 ? stationUnitType(actor.unitCode) : undefined;
    if (!unitType) throw new HomeVisitException(HomeVisitErrorCode.UNIT_INVALID, '上门服务须由派出所窗口登记（本单位未登记城区/农村类型）', { unitCode: actor.unitCode });
    const id = validateIdNumber(input.citizenIdNumber);
    if (!id.valid) throw DomainException.validation(`群众身份证号码不正确：${id.message}`, { field: 'citizenIdNumber' });
    if (input.reason === 'OTHER' && !input.reasonNote?.trim()) throw DomainException.validation('上门原因为"其他"时请填写情况说明', { field: 'reasonNote' });
    const item = await this.catalog.findItem(input.itemCode);
    if (!item) throw new HomeVisitException(HomeVisitErrorCode.ITEM_UNKNOWN, '事项目录中没有这个事项', { itemCode: input.itemCode });

    const requestedOn = this.clock.today();
    const deadline = homeVisitDeadline(this.calendar, requestedOn, unitType);
    const now = this.clock.now();
    return this.tx.run(async (m) => {
      const number = await this.nextNumber(m, requestedOn);
      const visit: HomeVisitEntity = {
        id: randomUUID(), number, unitCode: actor.unitCode, unitType, policeType: item.policeType, itemCode: item.item.code, itemName: item.item.name,
        citizenName: input.citizenName.trim(), citizenIdNumber: id.normalized, phone: input.phone, address: input.address.trim(),
        reason: input.reason, reasonNote: input.reasonNote?.trim() || null, requestedOn, requestedByAccount: actor.username, requestedByName: actor.displayName,
        dueDays: deadline.days, deadline: deadline.date, deadlineProvisional: deadline.provisional, status: 'REQUESTED',
        officerAccount: null, officerName: null, scheduledAt: null, applicationNumber: null, outcomeNote: null, closedOn: null, overdue: false,
        history: [{ at: now.toISOString(), actorName: actor.displayName, action: '登记申请', note: `${unitType === 'URBAN' ? '城区' : '农村地区'} ${deadline.days} 个工作日内上门，至 ${deadline.date}` }],
        version: 1, createdAt: now, updatedAt: now,
      };
      await m.getRepository(HomeVisitEntity).insert(visit);
      await this.announce(m, visit);
      return visit;
    });
  }

  async assign(actor: Identity, input: AssignHomeVisitInput): Promise<HomeVisitEntity> {
    return this.step(actor, input.visitId, 'ASSIGN', async (m, v) => {
      const officer = await m.getRepository(HomeVisitOfficerEntity).findOneBy({ account: input.officerAccount.trim(), active: true });
      if (!officer || officer.unitCode !== v.unitCode) {
        throw new HomeVisitException(HomeVisitErrorCode.OFFICER_NOT_IN_ROSTER, '该民警不在本所社区民警名录中', { officerAccount: input.officerAccount });
      }
      const reassigned = v.officerAccount !== null;
      v.officerAccount = officer.account;
      v.officerName = officer.name;
      v.scheduledAt = null;
      return { action: reassigned ? '改派' : '派单', note: `${officer.name}（${officer.area || officer.account}）` };
    });
  }

  async schedule(actor: Identity, input: ScheduleHomeVisitInput): Promise<HomeVisitEntity> {
    return this.step(actor, input.visitId, 'SCHEDULE', async (m, v) => {
      await this.assertAssignedOfficer(m, actor, v);
      const at = new Date(input.scheduledAt);
      const problem = scheduleProblem(at, this.clock.now(), v.requestedOn, v.deadline);
      if (problem) throw new HomeVisitException(HomeVisitErrorCode.SCHEDULE_INVALID, problem, { scheduledAt: input.scheduledAt });
      const rescheduled = v.scheduledAt !== null;
      v.scheduledAt = at;
      return { action: rescheduled ? '改约上门时间' : '预约上门时间', note: formatChinaTime(at) };
    });
  }

  async recordOutcome(actor: Identity, input: RecordHomeVisitOutcomeInput): Promise<HomeVisitEntity> {
    const note = input.outcomeNote?.trim() || null;
    if (input.outcome === 'DONE' && !input.applicationNumber?.trim()) {
      throw new HomeVisitException(HomeVisitErrorCode.OUTCOME_INVALID, '已上门受理须填写受理的申请编号');
    }
    if (input.outcome === 'NOT_POSSIBLE' && !note) throw new HomeVisitException(HomeVisitErrorCode.OUTCOME_INVALID, '无法上门须写明原因');
    return this.step(actor, input.visitId, input.outcome, async (m, v) => {
      await this.assertAssignedOfficer(m, actor, v);
      if (input.outcome === 'DONE') {
        const number = input.applicationNumber!.trim();
        const app = await m.getRepository(InboxApplicationEntity).findOneBy({ number });
        if (!app || !withinJurisdiction(jurisdictionOf(actor).unitPrefix, app.unitCode)) {
          throw new HomeVisitException(HomeVisitErrorCode.APPLICATION_NOT_FOUND, '未找到该申请（或不在本所）；请先在上门时受理，再登记结果', { applicationNumber: number });
        }
        if (app.applicantIdNumber !== v.citizenIdNumber) {
          throw new HomeVisitException(HomeVisitErrorCode.APPLICATION_MISMATCH, '该申请的申请人不是本次上门服务的群众', { applicationNumber: number });
        }
        v.applicationNumber = number;
      }
      v.outcomeNote = note;
      v.closedOn = this.clock.today();
      return input.outcome === 'DONE' ? { action: '上门受理', note: `申请编号 ${v.applicationNumber}${note ? `；${note}` : ''}` } : { action: '无法上门', note };
    });
  }

  /** Visits in the caller's jurisdiction (narrowed to `unitCode`), `mine` = assigned to the caller; overdue first, then by deadline. */
  async list(actor: Identity, filter: HomeVisitFilter): Promise<{ rows: HomeVisitEntity[]; total: number; overdue: number }> {
    const prefix = this.narrowed(actor, filter.unitCode);
    const q = this.dataSource.getRepository(HomeVisitEntity).createQueryBuilder('v').where('v.unit_code LIKE :p', { p: `${prefix}%` });
    if (filter.mine) q.andWhere('v.officer_account = :me', { me: actor.username });
    if (filter.status) q.andWhere('v.status = :s', { s: filter.status });
    const overdue = await q.clone().andWhere('v.overdue').getCount();
    if (filter.overdueOnly) q.andWhere('v.overdue');
    const [rows, total] = await q.orderBy('v.overdue', 'DESC').addOrderBy('v.deadline', 'ASC').addOrderBy('v.number', 'ASC')
      .take(filter.limit).skip(filter.offset).getManyAndCount();
    return { rows, total, overdue };
  }

  /** One visit in full (name, ID number, phone, address): an audited read. */
  async read(actor: Identity, id: string, purpose: string): Promise<HomeVisitEntity> {
    const v = await this.dataSource.getRepository(HomeVisitEntity).findOneBy({ id });
    const found = v !== null && withinJurisdiction(jurisdictionOf(actor).unitPrefix, v.unitCode);
    await this.audit.record(actor, {
      action: 'HOME_VISIT_READ', subjectType: 'HOME_VISIT', subjectRef: found ? v.number : id, purpose, outcome: found ? 'SUCCESS' : 'FAILURE',
    });
    if (!found) throw new HomeVisitException(HomeVisitErrorCode.NOT_FOUND, '未找到该上门服务（或不在您的辖区）', { id });
    return v;
  }

  /** The community officers of the caller's jurisdiction with their open visits. */
  async officers(actor: Identity): Promise<(HomeVisitOfficerEntity & { openVisits: number })[]> {
    const prefix = jurisdictionOf(actor).unitPrefix;
    const rows: (HomeVisitOfficerEntity & { open_visits: string })[] = await this.dataSource.query(
      `SELECT o.account, o.name, o.unit_code AS "unitCode", o.area, o.active,
              (SELECT count(*) FROM home_visit v WHERE v.officer_account = o.account AND v.status IN ('ASSIGNED', 'SCHEDULED')) AS open_visits
         FROM home_visit_officer o WHERE o.active AND o.unit_code LIKE $1 ORDER BY o.unit_code, o.account`,
      [`${prefix}%`],
    );
    return rows.map((r) => ({ account: r.account, name: r.name, unitCode: r.unitCode, area: r.area, active: r.active, openVisits: Number(r.open_visits) }));
  }

  /** The deadline job: flag open visits past their deadline, unflag the rest; one event per change. */
  async flagOverdue(actorName: string): Promise<{ flagged: number; cleared: number }> {
    const today = this.clock.today();
    return this.tx.run(async (m) => {
      const rows = await m.getRepository(HomeVisitEntity).createQueryBuilder('v').setLock('pessimistic_write')
        .where(`(v.overdue = false AND v.status NOT IN ('DONE', 'NOT_POSSIBLE') AND v.deadline < :today) OR (v.overdue = true AND (v.status IN ('DONE', 'NOT_POSSIBLE') OR v.deadline >= :today))`, { today })
        .getMany();
      let flagged = 0;
      for (const v of rows) {
        v.overdue = isHomeVisitOverdue(v.status as HomeVisitStatus, v.deadline, today);
        if (v.overdue) {
          flagged++;
          v.history = [...v.history, { at: this.clock.now().toISOString(), actorName, action: '已超期', note: `办结期限 ${v.deadline} 已过` }];
        }
        v.version++;
        v.updatedAt = this.clock.now();
        await m.getRepository(HomeVisitEntity).save(v);
        await this.announce(m, v);
      }
      return { flagged, cleared: rows.length - flagged };
    });
  }

  private async step(
    actor: Identity, id: string, step: HomeVisitStep,
    apply: (m: EntityManager, v: HomeVisitEntity) => Promise<Omit<HomeVisitHistoryEntry, 'at' | 'actorName'>>,
  ): Promise<HomeVisitEntity> {
    return this.tx.run(async (m) => {
      const v = await m.getRepository(HomeVisitEntity).createQueryBuilder('v').setLock('pessimistic_write').where('v.id = :id', { id }).getOne();
      if (!v || !withinJurisdiction(jurisdictionOf(actor).unitPrefix, v.unitCode)) throw new HomeVisitException(HomeVisitErrorCode.NOT_FOUND, '未找到该上门服务（或不在您的辖区）', { id });
      const next = nextHomeVisitStatus(v.status as HomeVisitStatus, step);
      if (!next) {
        throw new HomeVisitException(HomeVisitErrorCode.INVALID_TRANSITION, `该上门服务当前为"${STATUS_LABEL[v.status as HomeVisitStatus]}"，不能进行此操作`, { status: v.status, step });
      }
      const entry = await apply(m, v);
      const now = this.clock.now();
      v.status = next;
      v.overdue = isHomeVisitOverdue(next, v.deadline, this.clock.today());
      v.history = [...v.history, { at: now.toISOString(), actorName: actor.displayName, ...entry }];
      v.version++;
      v.updatedAt = now;
      await m.getRepository(HomeVisitEntity).save(v);
      await this.announce(m, v);
      return v;
    });
  }

  /** Only the officer the visit is assigned to, while on the station's roster, schedules and records outcomes. */
  private async assertAssignedOfficer(m: EntityManager, actor: Identity, v: HomeVisitEntity): Promise<void> {
    const onRoster = await m.getRepository(HomeVisitOfficerEntity).findOneBy({ account: actor.username, active: true, unitCode: v.unitCode });
    if (!hasRole(actor, Role.OFFICER) || !onRoster || v.officerAccount !== actor.username) {
      throw new HomeVisitException(HomeVisitErrorCode.NOT_ASSIGNED_OFFICER, '只有承接该上门服务的社区民警可以预约和登记结果', { officerAccount: v.officerAccount });
    }
  }

  private async nextNumber(m: EntityManager, day: string): Promise<string> {
    const compact = day.replaceAll('-', '');
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`home_visit_number:${compact}`]);
    const rows: { n: string }[] = await m.query(`SELECT count(*) AS n FROM home_visit WHERE number LIKE $1`, [`SM-${compact}-%`]);
    return `SM-${compact}-${String(Number(rows[0]!.n) + 1).padStart(4, '0')}`;
  }

  private async announce(m: EntityManager, v: HomeVisitEntity): Promise<void> {
    const event: HomeVisitChangedEvent = {
      visitId: v.id, visitNumber: v.number, unitCode: v.unitCode, policeType: v.policeType as PoliceType, itemCode: v.itemCode, itemName: v.itemName, status: v.status as HomeVisitStatus,
      reason: v.reason as HomeVisitReason, deadline: v.deadline, overdue: v.overdue, closedOn: v.closedOn, applicationNumber: v.applicationNumber,
      version: v.version, at: v.updatedAt.toISOString(),
    };
    await this.outbox.enqueue(m, EventSubjects.homeVisitChanged, event);
  }

  private narrowed(actor: Identity, unitCode?: string): string {
    const own = jurisdictionOf(actor).unitPrefix;
    if (!unitCode) return own;
    if (!withinJurisdiction(own, unitCode)) throw DomainException.outOfJurisdiction();
    return unitCode;
  }
}

/** 2026-03-20 09:30 in China time. */
export function formatChinaTime(at: Date): string {
  return `${chinaDate(at)} ${new Date(at.getTime() + 8 * 3600_000).toISOString().slice(11, 16)}`;
}
