import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PoliceType, Role, type ApplicationSnapshot, type Identity } from '@onewindow/contracts';
import { validateIdNumber } from '@onewindow/id-number';
import { assertOfficerOf, BusinessClock, cityScope, DomainException, hasRole, jurisdictionOf } from '@onewindow/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { validateCreditCode } from '../casework/credit-code.js';
import { PERMIT_STATUS_CHANGES, permitKindOfItem, permitValidUntil, type PermitStatus } from './permit-kinds.js';
import { PermitErrorCode, PermitException } from './permit.exception.js';
import type { PermitEntity, PermitEventEntity } from './permit.entity.js';
import { PermitRepository, type PermitFilter } from './permit.repository.js';

export interface PermitWithHistory {
  permit: PermitEntity;
  history: PermitEventEntity[];
}

/** The permit register: issuing on MARK_READY, reading, and officers' status decisions. */
@Injectable()
export class PermitService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly permits: PermitRepository,
    private readonly clock: BusinessClock,
  ) {}

  /**
   * MARK_READY of a licensing item (制证完成): records the permit, valid from today, once per
   * application, inside the casework transaction. Items that issue no register permit are ignored.
   */
  async issueForApplication(manager: EntityManager, app: ApplicationSnapshot, actor: Identity, today: string): Promise<PermitEntity | null> {
    const spec = permitKindOfItem(app.itemCode);
    if (!spec) return null;
    const existing = await this.permits.findByApplication(manager, app.number);
    if (existing) return existing;
    const form = app.form;
    const text = (key: string) => (typeof form[key] === 'string' && (form[key] as string).trim() ? (form[key] as string).trim() : null);
    const legalRep = text('legalRepIdNumber');
    const legalRepCheck = legalRep ? validateIdNumber(legalRep) : null;
    const code = text('unitCreditCode');
    const codeCheck = code ? validateCreditCode(code) : null;
    const person = spec.holderKind === 'PERSON';
    const permit = await this.permits.insert(manager, {
      number: await this.permits.nextNumber(manager, spec.numberPrefix, today),
      kind: spec.kind,
      holderKind: spec.holderKind,
      holderIdNumber: person ? app.applicantIdNumber : null,
      holderCreditCode: person ? null : codeCheck?.valid ? codeCheck.normalized : null,
      holderName: person ? app.applicantName : text('unitName') ?? text('companyName') ?? app.applicantName,
      legalRepIdNumber: person ? null : legalRepCheck?.valid ? legalRepCheck.normalized : null,
      address: text('premisesAddress'),
      issuedOn: today,
      validUntil: permitValidUntil(spec, today),
      unitCode: app.unitCode,
      applicationNumber: app.number,
    });
    await this.permits.appendEvent(manager, {
      permitId: permit.id, at: this.clock.now(), actorSub: actor.sub, actorName: actor.displayName, action: 'ISSUE',
      fromStatus: null, toStatus: 'VALID', reason: null, details: { applicationNumber: app.number, itemCode: app.itemCode },
    });
    return permit;
  }

  /** One permit by number, city-wide (a licence is checked at any window), with its history. */
  async get(actor: Identity, number: string): Promise<PermitWithHistory> {
    const permit = await this.permits.findByNumber(this.dataSource.manager, number, cityScope(actor));
    if (!permit) throw new PermitException(PermitErrorCode.PERMIT_NOT_FOUND, `未找到许可证 ${number}（或不在本市）`);
    return { permit, history: await this.permits.history(this.dataSource.manager, [permit.id]) };
  }

  /** The register of the caller's own unit; public-security officers and supervisors only. */
  async list(actor: Identity, filter: PermitFilter, page: { limit: number; offset: number }): Promise<{ items: PermitEntity[]; total: number }> {
    if (!hasRole(actor, Role.SUPERVISOR) && !(hasRole(actor, Role.OFFICER) && actor.policeType === PoliceType.PUBLIC_SECURITY)) {
      throw DomainException.forbidden('仅治安民警和督察可以查看许可证登记簿');
    }
    const [items, total] = await this.permits.list(this.dataSource.manager, jurisdictionOf(actor), filter, page);
    return { items, total };
  }

  /** A public-security officer's decision on a permit (suspend, cancel, review, reinstate), in the officer's unit. */
  async changeStatus(actor: Identity, number: string, status: PermitStatus, reason: string | undefined): Promise<PermitWithHistory> {
    assertOfficerOf(actor, PoliceType.PUBLIC_SECURITY);
    const why = reason?.trim() || null;
    if (status !== 'VALID' && !why) throw new PermitException(PermitErrorCode.REASON_REQUIRED, '暂扣、注销或转入核查须填写理由');
    return this.dataSource.transaction(async (manager) => {
      const permit = await this.permits.lockByNumber(manager, number, jurisdictionOf(actor));
      if (!permit) throw new PermitException(PermitErrorCode.PERMIT_NOT_FOUND, `未找到许可证 ${number}（或不在您的辖区）`);
      const from = permit.status;
      if (!PERMIT_STATUS_CHANGES[from].includes(status)) {
        throw new PermitException(PermitErrorCode.PERMIT_STATUS_CHANGE_NOT_ALLOWED, `许可证当前状态为${from}，不能改为${status}`, { from, to: status });
      }
      permit.status = status;
      permit.statusReason = why;
      await this.permits.save(manager, permit);
      await this.permits.appendEvent(manager, {
        permitId: permit.id, at: this.clock.now(), actorSub: actor.sub, actorName: actor.displayName, action: 'CHANGE_STATUS', fromStatus: from, toStatus: status, reason: why,
      });
      return { permit, history: await this.permits.history(manager, [permit.id]) };
    });
  }
}
