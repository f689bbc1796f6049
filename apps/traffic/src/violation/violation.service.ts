import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PoliceType, Role, type Identity } from '@onewindow/contracts';
import { validateIdNumber } from '@onewindow/id-number';
import { AuditService, cityScope, DomainException, hasRole, type Jurisdiction } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { DrivingLicenceRepository } from '../driving-licence/driving-licence.repository.js';
import { ViolationErrorCode as Code, ViolationException } from './violation.exception.js';
import { normalizePlate, PLATE_PATTERN } from '../vehicle/vehicle-identifiers.js';
import { VehicleRepository } from '../vehicle/vehicle.repository.js';
import type { ViolationEntity } from './violation.entity.js';
import { ViolationRepository } from './violation.repository.js';

export interface ViolationQuery {
  plate?: string;
  idNumber?: string;
  purpose: string;
}

export interface ViolationHandling {
  id: string;
  decisionNumber?: string;
  paymentReference?: string;
  driverIdNumber?: string;
}

/** 违法查询 and 违法处理: every query and every handling is audited. */
@Injectable()
export class ViolationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly violations: ViolationRepository,
    private readonly vehicles: VehicleRepository,
    private readonly licences: DrivingLicenceRepository,
    private readonly audit: AuditService,
  ) {}

  /** Violations of one plate, or of one person (their licence and the vehicles they own), city-wide. */
  async query(actor: Identity, q: ViolationQuery): Promise<ViolationEntity[]> {
    const hasPlate = !!q.plate?.trim();
    const hasId = !!q.idNumber?.trim();
    if (hasPlate === hasId) throw new ViolationException(Code.QUERY_TARGET_REQUIRED, '请按号牌号码或身份证号码之一查询');
    const scope = cityScope(actor);
    const manager = this.dataSource.manager;
    let subjectType: 'VEHICLE' | 'PERSON';
    let subjectRef: string;
    let found: ViolationEntity[];
    if (hasPlate) {
      subjectType = 'VEHICLE';
      subjectRef = normalizePlate(q.plate!);
      if (!PLATE_PATTERN.test(subjectRef)) throw DomainException.validation('号牌号码格式不正确，例如 川A12345');
      found = await this.violations.findByPlate(manager, subjectRef, scope);
    } else {
      subjectType = 'PERSON';
      subjectRef = normalizedIdNumber(q.idNumber!);
      found = await this.forPerson(manager, subjectRef, scope);
    }
    await this.audit.record(actor, {
      action: 'VIOLATION_QUERY',
      subjectType,
      subjectRef,
      purpose: q.purpose.trim(),
      details: { returned: found.length },
    });
    return found;
  }

  /** The person's violations (licence or owned plates); `unpaidOnly` for the citizen section. */
  async forPerson(manager: EntityManager, idNumber: string, scope: Jurisdiction, opts: { unpaidOnly?: boolean } = {}): Promise<ViolationEntity[]> {
    const plates = (await this.vehicles.findCurrentByOwner(manager, idNumber, scope)).map((v) => v.plateNumber);
    return this.violations.findForPerson(manager, idNumber, plates, scope, opts);
  }

  /**
   * 违法处理 at the window or by a traffic officer: a decision number records the penalty decision
   * (简易程序处罚决定) and adds the points to the driver's licence; a payment reference records the
   * fine as paid (after, or together with, the decision). Audited in the same transaction.
   */
  async handle(actor: Identity, h: ViolationHandling): Promise<ViolationEntity> {
    if (!hasRole(actor, Role.CLERK) && !(hasRole(actor, Role.OFFICER) && actor.policeType === PoliceType.TRAFFIC)) {
      throw DomainException.forbidden('仅窗口人员和交管民警可以处理交通违法');
    }
    const decisionNumber = h.decisionNumber?.trim() || undefined;
    const paymentReference = h.paymentReference?.trim() || undefined;
    if (!decisionNumber && !paymentReference) throw new ViolationException(Code.HANDLING_REFERENCE_REQUIRED, '请填写处罚决定书编号或缴款凭证号');
    const scope = cityScope(actor);
    return this.dataSource.transaction(async (manager) => {
      const v = await this.violations.lockById(manager, h.id, scope);
      if (!v) throw new ViolationException(Code.VIOLATION_NOT_FOUND, '未找到该违法记录（或不在本市）');
      if (v.status === 'PAID') throw new ViolationException(Code.VIOLATION_ALREADY_PAID, `该违法记录已于${v.paidAt ? new Date(v.paidAt).toISOString().slice(0, 10) : '此前'}缴款`);
      const now = new Date();
      let pointsRecordedOn: string | null = null;
      if (decisionNumber) {
        if (v.status !== 'OPEN') throw new ViolationException(Code.VIOLATION_ALREADY_DECIDED, `该违法记录已作出处罚决定（${v.decisionNumber}）`);
        await this.assertReferenceFree(manager, 'decision_number', decisionNumber, v.id);
        const driver = await this.driverOf(manager, v, h.driverIdNumber, scope);
        if (driver && v.points > 0) {
          const licence = await this.licences.findCurrent(manager, driver, scope, true);
          if (!licence) throw new ViolationException(Code.LICENCE_NOT_FOUND, '驾驶人档案中没有该驾驶人的有效驾驶证，无法记分');
          await this.licences.update(manager, licence.id, { points: licence.points + v.points });
          pointsRecordedOn = licence.number;
        }
        v.licenceNumber = driver ?? v.licenceNumber;
        v.decisionNumber = decisionNumber;
        v.decidedAt = now;
        v.status = 'DECIDED';
      }
      if (paymentReference) {
        if (v.status !== 'DECIDED') throw new ViolationException(Code.VIOLATION_NOT_DECIDED, '须先作出处罚决定，再登记缴款');
        await this.assertReferenceFree(manager, 'payment_reference', paymentReference, v.id);
        v.paymentReference = paymentReference;
        v.paidAt = now;
        v.status = 'PAID';
      }
      v.handledBy = actor.username;
      const saved = await this.violations.save(manager, v);
      await this.audit.record(
        actor,
        {
          action: 'VIOLATION_HANDLE',
          subjectType: 'VIOLATION',
          subjectRef: v.id,
          purpose: '交通违法处理',
          details: { decisionNumber: decisionNumber ?? null, paymentReference: paymentReference ?? null, status: v.status, points: v.points, pointsRecordedOn },
        },
        manager,
      );
      return saved;
    });
  }

  /**
   * Who receives the points: the driver recorded on the violation; for a camera record without
   * one, the driver named at the window, else the vehicle's owner (a person, not an organisation).
   */
  private async driverOf(manager: EntityManager, v: ViolationEntity, named: string | undefined, scope: Jurisdiction): Promise<string | null> {
    if (v.licenceNumber) return v.licenceNumber;
    if (named?.trim()) return normalizedIdNumber(named);
    if (!v.plateNumber) return null;
    const vehicle = await this.vehicles.findCurrentByPlate(manager, v.plateNumber, scope);
    const owner = vehicle ? validateIdNumber(vehicle.ownerIdNumber) : undefined;
    if (!owner?.valid) throw new ViolationException(Code.LICENCE_NOT_FOUND, '无法确定接受处理的驾驶人，请填写驾驶人身份证号码');
    return owner.normalized;
  }

  private async assertReferenceFree(manager: EntityManager, column: 'decision_number' | 'payment_reference', value: string, id: string): Promise<void> {
    if (await this.violations.referenceInUse(manager, column, value, id)) {
      throw new ViolationException(Code.REFERENCE_IN_USE, `${column === 'decision_number' ? '处罚决定书编号' : '缴款凭证号'} ${value} 已登记在其他违法记录上`);
    }
  }
}

export function normalizedIdNumber(value: string): string {
  const check = validateIdNumber(value);
  if (!check.valid) throw new ViolationException(Code.INVALID_ID_NUMBER, `身份证号码无效：${check.message}`, { reason: check.reason });
  return check.normalized;
}
