import { Injectable } from '@nestjs/common';
import { PoliceType, Role, type Identity, type PersonLookupReply } from '@onewindow/contracts';
import { validateIdNumber } from '@onewindow/id-number';
import { AuditService, cityScope, DomainException, hasRole, jurisdictionOf, mayReveal, openSubjectRef } from '@onewindow/platform';
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

  /**
   * One person by ID number, audited with the stated purpose. `reveal`: the explicit request to see
   * the record in full (查看完整信息) — audited as REVEAL; refused (FORBIDDEN, audited DENIED) when
   * the one policy does not grant it.
   */
  async getForWindow(actor: Identity, idNumber: string, purpose: string, action = 'PERSON_READ', reveal = false): Promise<PersonEntity> {
    if (!purpose.trim()) throw new PersonException(PersonErrorCode.PURPOSE_REQUIRED, '查询人口信息须说明查询事由');
    const normalized = this.normalize(idNumber);
    const person = await this.persons.findByIdNumber(normalized, cityScope(actor));
    const refused = reveal && person && !mayReveal(actor, { policeType: PoliceType.HOUSEHOLD, unitCode: person.unitCode });
    await this.audit.record(actor, {
      action: reveal ? 'REVEAL' : action,
      subjectType: 'PERSON',
      subjectRef: normalized,
      purpose: purpose.trim(),
      outcome: refused ? 'DENIED' : person ? 'SUCCESS' : 'FAILURE',
      details: { ...(person ? {} : { reason: 'not found' }), ...(reveal ? { read: action } : {}) },
    });
    if (!person) throw new PersonException(PersonErrorCode.PERSON_NOT_FOUND, '人口信息库中未找到该身份证号码');
    if (refused) throw DomainException.forbidden('无权查看该人员的完整个人信息');
    return person;
  }

  /**
   * A person reached through another subgraph's record (an entity reference such as
   * `travelDocument.holder`): the key may be sealed (the viewer may not read the ID number); the
   * read is audited with the request's purpose. Only window and back-office roles read persons.
   */
  async getForReference(actor: Identity, key: string, purpose: string | undefined): Promise<{ person: PersonEntity | null; sealed: boolean }> {
    const opened = openSubjectRef(key);
    const allowed = hasRole(actor, Role.CLERK, Role.OFFICER, Role.SUPERVISOR);
    const idNumber = opened && validateIdNumber(opened.idNumber).valid ? opened.idNumber : null;
    const person = allowed && idNumber ? await this.persons.findByIdNumber(idNumber, cityScope(actor)) : null;
    await this.audit.record(actor, {
      action: 'PERSON_REFERENCE_READ',
      subjectType: 'PERSON',
      subjectRef: idNumber ?? 'invalid-reference',
      purpose: purpose ?? null,
      outcome: !allowed ? 'DENIED' : person ? 'SUCCESS' : 'FAILURE',
      details: { purposeSource: purpose ? 'header' : 'none', sealed: opened?.sealed ?? false },
    });
    if (!allowed) throw DomainException.forbidden('无权查看人口信息');
    return { person, sealed: opened?.sealed ?? false };
  }

  /**
   * Many entity references of one request at once (DataLoader batch, decision 0037): one query for
   * the persons, one statement for all their audit rows (one row per reference, as getForReference
   * writes). A caller without a window role gets a FORBIDDEN per key, each refusal audited.
   */
  async getManyForReference(actor: Identity, keys: readonly string[], purpose: string | undefined): Promise<({ person: PersonEntity | null; sealed: boolean } | Error)[]> {
    const allowed = hasRole(actor, Role.CLERK, Role.OFFICER, Role.SUPERVISOR);
    const refs = keys.map((key) => {
      const opened = openSubjectRef(key);
      return { sealed: opened?.sealed ?? false, idNumber: opened && validateIdNumber(opened.idNumber).valid ? opened.idNumber : null };
    });
    const wanted = refs.flatMap((r) => (r.idNumber ? [r.idNumber] : []));
    const found = allowed ? await this.persons.findManyByIdNumbers(wanted, cityScope(actor)) : [];
    const byId = new Map(found.map((p) => [p.idNumber, p]));
    await this.audit.recordMany(
      actor,
      refs.map((r) => ({
        action: 'PERSON_REFERENCE_READ',
        subjectType: 'PERSON',
        subjectRef: r.idNumber ?? 'invalid-reference',
        purpose: purpose ?? null,
        outcome: !allowed ? 'DENIED' : r.idNumber && byId.has(r.idNumber) ? 'SUCCESS' : 'FAILURE',
        details: { purposeSource: purpose ? 'header' : 'none', sealed: r.sealed },
      })),
    );
    return refs.map((r) => (allowed ? { person: (r.idNumber && byId.get(r.idNumber)) || null, sealed: r.sealed } : DomainException.forbidden('无权查看人口信息')));
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
