import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { findPoliceUnit, Role, withinJurisdiction, type Identity } from '@onewindow/contracts';
import { AuditService, BusinessClock, DomainException, hasRole, jurisdictionOf, maskerFor } from '@onewindow/platform';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '../../common/transaction-runner.js';
import { InboxApplicationEntity } from '../../inbox/inbox-application.entity.js';
import { isCitySupervisor } from '../inspection/inspection.service.js';
import { SupervisionErrorCode, SupervisionException } from '../supervision.exception.js';
import { SupervisionDrawCaseEntity, SupervisionDrawEntity, SupervisionInspectorEntity } from '../supervision.entities.js';
import type { DrawRandomInspectionInput, RecordRandomInspectionResultInput, SaveInspectorInput } from '../supervision.model.js';
import { drawRandomInspection, type DrawCase } from './draw.js';

/** Statuses of a case that is done with (办结): the pool of 双随机 draws. */
export const CLOSED_CASE_STATUSES = ['CLOSED', 'DELIVERED', 'REJECTED'] as const;

export interface PublishedSummary {
  draw: SupervisionDrawEntity;
  cases: SupervisionDrawCaseEntity[];
}

interface PoolCase extends DrawCase {
  policeType: string;
  itemCode: string;
  itemName: string;
}

/**
 * 双随机一公开: draw N closed cases of a unit and month and M inspectors from the roster with a
 * recorded seed (reproducible), record results per case, publish a summary without personal data.
 */
@Injectable()
export class RandomInspectionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: BusinessClock,
  ) {}

  // ---- roster ----

  async inspectors(): Promise<SupervisionInspectorEntity[]> {
    return this.dataSource.getRepository(SupervisionInspectorEntity).find({ order: { unitCode: 'ASC', account: 'ASC' } });
  }

  async saveInspector(actor: Identity, input: SaveInspectorInput): Promise<SupervisionInspectorEntity> {
    if (!isCitySupervisor(actor)) throw new SupervisionException(SupervisionErrorCode.CITY_SUPERVISOR_ONLY, '仅市局督察可以管理检查人员名录');
    if (!findPoliceUnit(input.unitCode) && !findPoliceUnit(input.unitCode.slice(0, 6))) throw new SupervisionException(SupervisionErrorCode.UNIT_UNKNOWN, '没有这个单位', { unitCode: input.unitCode });
    if (!withinJurisdiction(jurisdictionOf(actor).unitPrefix, input.unitCode)) throw DomainException.outOfJurisdiction();
    const row: SupervisionInspectorEntity = { account: input.account, name: input.name.trim(), unitCode: input.unitCode, active: input.active, updatedAt: this.clock.now() };
    await this.dataSource.getRepository(SupervisionInspectorEntity).upsert(row, ['account']);
    return row;
  }

  // ---- draws ----

  async draw(actor: Identity, input: DrawRandomInspectionInput): Promise<SupervisionDrawEntity> {
    if (!withinJurisdiction(jurisdictionOf(actor).unitPrefix, input.unitPrefix)) throw DomainException.outOfJurisdiction('抽查单位不在您的督察辖区');
    if (!findPoliceUnit(input.unitPrefix)) throw new SupervisionException(SupervisionErrorCode.UNIT_UNKNOWN, '没有这个单位', { unitPrefix: input.unitPrefix });
    if (input.month > this.clock.today().slice(0, 7)) throw new SupervisionException(SupervisionErrorCode.PERIOD_INVALID, '不能抽查未来月份', { month: input.month });
    if (input.caseCount < 1 || input.inspectorCount < 1) throw DomainException.validation('抽取办件数和检查人员数至少为 1');
    const seed = input.seed ?? randomBytes(8).toString('hex');

    const pool: PoolCase[] = (await this.dataSource.getRepository(InboxApplicationEntity).createQueryBuilder('a')
      .select(['a.number', 'a.unitCode', 'a.policeType', 'a.itemCode', 'a.itemName', 'a.snapshot'])
      .where('a.unit_code LIKE :p', { p: `${input.unitPrefix}%` })
      .andWhere('a.status IN (:...s)', { s: [...CLOSED_CASE_STATUSES] })
      .andWhere(`to_char(a.updated_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = :month`, { month: input.month })
      .getMany()).map((a) => ({
      number: a.number, unitCode: a.unitCode, policeType: a.policeType, itemCode: a.itemCode, itemName: a.itemName,
      firstInquiryOwnerSub: String((a.snapshot as { firstInquiryOwnerSub?: unknown }).firstInquiryOwnerSub ?? ''),
    }));
    const roster = (await this.dataSource.getRepository(SupervisionInspectorEntity).find({ where: { active: true } }))
      .map((i) => ({ account: i.account, name: i.name, unitCode: i.unitCode }));

    const outcome = drawRandomInspection({ cases: pool, inspectors: roster, caseCount: input.caseCount, inspectorCount: input.inspectorCount, seed });
    if (!outcome.ok) {
      if (outcome.reason === 'NO_ELIGIBLE_INSPECTOR') {
        throw new SupervisionException(SupervisionErrorCode.NO_ELIGIBLE_INSPECTOR, `办件 ${outcome.caseNumber} 没有可回避的检查人员，请增加检查人员数或更换随机种子`, { seed });
      }
      const cases = outcome.reason === 'CASE_POOL_TOO_SMALL';
      throw new SupervisionException(SupervisionErrorCode.DRAW_POOL_TOO_SMALL,
        cases ? `该单位 ${input.month} 已办结的办件只有 ${pool.length} 件` : `检查人员名录中只有 ${roster.length} 人`,
        { casePoolSize: pool.length, inspectorPoolSize: roster.length });
    }
    const draw: SupervisionDrawEntity = {
      id: randomUUID(), unitPrefix: input.unitPrefix, month: input.month, seed, caseCount: input.caseCount, inspectorCount: input.inspectorCount,
      casePoolSize: pool.length, inspectorPoolSize: roster.length, drawnByName: actor.displayName, drawnAt: this.clock.now(), publishedAt: null,
    };
    await this.tx.run(async (m) => {
      await m.getRepository(SupervisionDrawEntity).insert(draw);
      await m.getRepository(SupervisionDrawCaseEntity).insert(outcome.assignments.map((a, position) => ({
        drawId: draw.id, position: position + 1, caseNumber: a.case.number, unitCode: a.case.unitCode, policeType: a.case.policeType,
        itemCode: a.case.itemCode, itemName: a.case.itemName, inspectorAccount: a.inspector.account, inspectorName: a.inspector.name, result: 'PENDING', note: null,
      })));
      await this.audit.record(actor, {
        action: 'SUPERVISION_RANDOM_DRAW', subjectType: 'SUPERVISION_DRAW', subjectRef: draw.id, purpose: '双随机抽查',
        details: { unitPrefix: draw.unitPrefix, month: draw.month, seed, caseCount: draw.caseCount, inspectorCount: draw.inspectorCount, casePoolSize: pool.length, inspectorPoolSize: roster.length },
      }, m);
    });
    return draw;
  }

  /** Draws of the caller's jurisdiction, narrowed to the draws of `unitCode` and below when given (inside it). */
  async draws(actor: Identity, limit: number, offset: number, unitCode?: string): Promise<[SupervisionDrawEntity[], number]> {
    const own = jurisdictionOf(actor).unitPrefix;
    if (unitCode && !withinJurisdiction(own, unitCode)) throw DomainException.outOfJurisdiction();
    return this.dataSource.getRepository(SupervisionDrawEntity).createQueryBuilder('d')
      .where('d.unit_prefix LIKE :p', { p: `${unitCode ?? own}%` })
      .orderBy('d.drawn_at', 'DESC').take(limit).skip(offset).getManyAndCount();
  }

  async findDraw(actor: Identity, id: string): Promise<SupervisionDrawEntity> {
    const row = await this.dataSource.getRepository(SupervisionDrawEntity).findOneBy({ id });
    if (!row || !withinJurisdiction(jurisdictionOf(actor).unitPrefix, row.unitPrefix)) throw new SupervisionException(SupervisionErrorCode.DRAW_NOT_FOUND, '未找到该抽查（或不在您的辖区）', { id });
    return row;
  }

  async casesOf(drawIds: string[]): Promise<SupervisionDrawCaseEntity[]> {
    if (!drawIds.length) return [];
    return this.dataSource.getRepository(SupervisionDrawCaseEntity).createQueryBuilder('c')
      .where('c.draw_id IN (:...ids)', { ids: drawIds }).orderBy('c.draw_id').addOrderBy('c.position').getMany();
  }

  async recordResult(actor: Identity, input: RecordRandomInspectionResultInput): Promise<SupervisionDrawCaseEntity> {
    if (input.result === 'PENDING') throw DomainException.validation('请选择合格或发现问题');
    return this.tx.run(async (m) => {
      const draw = await m.getRepository(SupervisionDrawEntity).createQueryBuilder('d').setLock('pessimistic_write').where('d.id = :id', { id: input.drawId }).getOne();
      if (!draw || !withinJurisdiction(jurisdictionOf(actor).unitPrefix, draw.unitPrefix)) throw new SupervisionException(SupervisionErrorCode.DRAW_NOT_FOUND, '未找到该抽查（或不在您的辖区）', { id: input.drawId });
      if (draw.publishedAt) throw new SupervisionException(SupervisionErrorCode.DRAW_PUBLISHED, '该抽查结果已公开，不能再修改');
      const c = await m.getRepository(SupervisionDrawCaseEntity).findOneBy({ drawId: draw.id, caseNumber: input.caseNumber });
      if (!c) throw new SupervisionException(SupervisionErrorCode.DRAW_NOT_FOUND, '该办件不在本次抽查中', { caseNumber: input.caseNumber });
      c.result = input.result;
      c.note = input.note?.trim() || null;
      await m.getRepository(SupervisionDrawCaseEntity).save(c);
      return c;
    });
  }

  async publish(actor: Identity, drawId: string): Promise<SupervisionDrawEntity> {
    return this.tx.run(async (m) => {
      const draw = await m.getRepository(SupervisionDrawEntity).createQueryBuilder('d').setLock('pessimistic_write').where('d.id = :id', { id: drawId }).getOne();
      if (!draw || !withinJurisdiction(jurisdictionOf(actor).unitPrefix, draw.unitPrefix)) throw new SupervisionException(SupervisionErrorCode.DRAW_NOT_FOUND, '未找到该抽查（或不在您的辖区）', { id: drawId });
      if (draw.publishedAt) throw new SupervisionException(SupervisionErrorCode.DRAW_PUBLISHED, '该抽查结果已公开');
      const pending = await m.getRepository(SupervisionDrawCaseEntity).countBy({ drawId, result: 'PENDING' });
      if (pending) throw new SupervisionException(SupervisionErrorCode.DRAW_INCOMPLETE, `还有 ${pending} 件未录入检查结果`, { pending });
      draw.publishedAt = this.clock.now();
      await m.getRepository(SupervisionDrawEntity).save(draw);
      return draw;
    });
  }

  /** The public summaries (no personal data: counts per unit, month and service item). */
  async published(limit: number): Promise<PublishedSummary[]> {
    const draws = await this.dataSource.getRepository(SupervisionDrawEntity).createQueryBuilder('d')
      .where('d.published_at IS NOT NULL').orderBy('d.published_at', 'DESC').take(limit).getMany();
    const cases = await this.casesOf(draws.map((d) => d.id));
    return draws.map((draw) => ({ draw, cases: cases.filter((c) => c.drawId === draw.id) }));
  }

  /**
   * The applicant of a drawn case: masked unless `full` (supervisors only); every read audited
   * with its purpose, whether full or masked, found or not.
   */
  async caseParty(actor: Identity, drawId: string, caseNumber: string, purpose: string, full: boolean) {
    const draw = await this.findDraw(actor, drawId);
    const drawn = await this.dataSource.getRepository(SupervisionDrawCaseEntity).findOneBy({ drawId: draw.id, caseNumber });
    const app = drawn ? await this.dataSource.getRepository(InboxApplicationEntity).findOneBy({ number: caseNumber }) : null;
    await this.audit.record(actor, {
      action: 'SUPERVISION_CASE_READ', subjectType: 'APPLICATION', subjectRef: caseNumber, purpose, outcome: app ? 'SUCCESS' : 'FAILURE',
      details: { drawId, full, ...(app ? { applicantIdNumber: maskerFor(false).idNumber(app.applicantIdNumber) } : {}) },
    });
    if (!app) throw new SupervisionException(SupervisionErrorCode.DRAW_NOT_FOUND, '该办件不在本次抽查中', { caseNumber });
    const masker = maskerFor(full && hasRole(actor, Role.SUPERVISOR));
    const snap = app.snapshot as { applicantPhone?: string | null; firstInquiryOwnerName?: string };
    return {
      caseNumber, applicantName: masker.name(app.applicantName)!, applicantIdNumber: masker.idNumber(app.applicantIdNumber),
      applicantPhone: masker.phone(snap.applicantPhone) ?? undefined, firstInquiryOwnerName: snap.firstInquiryOwnerName ?? '', masked: !(full && hasRole(actor, Role.SUPERVISOR)),
    };
  }
}
