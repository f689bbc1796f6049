import { Injectable } from '@nestjs/common';
import { PoliceType, Role, type Identity, type PersonLookupReply } from '@onewindow/contracts';
import { validateIdNumber } from '@onewindow/id-number';
import { AuditService, cityScope, DomainException, hasRole, jurisdictionOf } from '@onewindow/platform';
import type { HouseholdEntity } from '../household/household.entity.js';
import type { PersonEntity, PersonStatus } from './person.entity.js';
import { PersonErrorCode, PersonException } from './person.exception.js';
import { PersonRepository } from './person.repository.js';

/** Reads of the population register; each one is audited with its purpose. */
@Injectable()
export class PersonService {
  constructor(private readonly persons: PersonRepository, private readonly audit: AuditService) {}

  normalize(idNumber: string): string {
    const check = validateIdNumber(idNumber);
    if (!check.valid) throw new PersonException(PersonErrorCode.INVALID_ID_NUMBER, `身份证号码无效：${check.message}`, { reason: check.reason });
    return check.normalized;
  }

  async getForWindow(actor: Identity, idNumber: string, purpose: string, action = 'PERSON_READ'): Promise<PersonEntity> {
    if (!purpose.trim()) throw new PersonException(PersonErrorCode.PURPOSE_REQUIRED, '查询人口信息须说明查询事由');
    const normalized = this.normalize(idNumber);
    const person = await this.persons.findByIdNumber(normalized, cityScope(actor));
    await this.audit.record(actor, {
      action,
      subjectType: 'PERSON',
      subjectRef: normalized,
      purpose,
      outcome: person ? 'SUCCESS' : 'FAILURE',
      details: person ? {} : { reason: 'not found' },
    });
    if (!person) throw new PersonException(PersonErrorCode.PERSON_NOT_FOUND, '人口信息库中未找到该身份证号码');
    return person;
  }

  /** Service-to-service check (e.g. before exit-entry accepts a passport application). */
  async lookup(actor: Identity, idNumber: string): Promise<PersonLookupReply> {
    const normalized = this.normalize(idNumber);
    const person = await this.persons.findByIdNumber(normalized, cityScope(actor));
    await this.audit.record(actor, { action: 'PERSON_LOOKUP', subjectType: 'PERSON', subjectRef: normalized, purpose: 'service check', outcome: person ? 'SUCCESS' : 'FAILURE' });
    if (!person) return { found: false, idNumber: normalized };
    return { found: true, idNumber: normalized, name: person.name, sex: person.sex, birthDate: person.birthDate, status: person.status, unitCode: person.unitCode };
  }

  /** A household and its members by 户号, city-wide like a person lookup, audited with its purpose. */
  async getHouseholdForWindow(actor: Identity, householdNumber: string, purpose: string): Promise<{ household: HouseholdEntity; members: PersonEntity[] }> {
    if (!purpose.trim()) throw new PersonException(PersonErrorCode.PURPOSE_REQUIRED, '查询户信息须说明查询事由');
    const scope = cityScope(actor);
    const household = await this.persons.findHouseholdByNumber(householdNumber, scope);
    const members = household ? await this.persons.findHouseholdMembers(household.id, scope) : [];
    await this.audit.record(actor, {
      action: 'HOUSEHOLD_READ',
      subjectType: 'HOUSEHOLD',
      subjectRef: householdNumber,
      purpose,
      outcome: household ? 'SUCCESS' : 'FAILURE',
      details: household ? { members: members.map((m) => m.idNumber) } : { reason: 'not found' },
    });
    if (!household) throw new PersonException(PersonErrorCode.HOUSEHOLD_NOT_FOUND, '人口信息库中未找到该户号');
    return { household, members };
  }

  /**
   * One page of the register within the caller's own unit (lists are never city-wide). Only
   * household officers and supervisors browse the register; the read is audited.
   */
  async listForJurisdiction(actor: Identity, opts: { status?: PersonStatus; limit: number; offset: number }): Promise<{ items: PersonEntity[]; total: number }> {
    if (!hasRole(actor, Role.SUPERVISOR) && actor.policeType !== PoliceType.HOUSEHOLD) {
      throw DomainException.forbidden('仅户政民警和督察可以查看辖区人口列表');
    }
    const scope = jurisdictionOf(actor);
    const [items, total] = await this.persons.listByUnit(scope, opts);
    await this.audit.record(actor, {
      action: 'PERSON_LIST',
      subjectType: 'UNIT',
      subjectRef: scope.unitPrefix,
      purpose: '辖区人口列表',
      details: { status: opts.status ?? null, limit: opts.limit, offset: opts.offset, returned: items.length },
    });
    return { items, total };
  }
}
