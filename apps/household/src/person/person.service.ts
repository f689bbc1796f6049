import { Injectable } from '@nestjs/common';
import type { Identity, PersonLookupReply } from '@onewindow/contracts';
import { validateIdNumber } from '@onewindow/id-number';
import { AuditService } from '@onewindow/platform';
import type { PersonEntity } from './person.entity.js';
import { PersonErrorCode, PersonException } from './person.exception.js';
import { PersonRepository } from './person.repository.js';
import { windowLookupScope } from './scope.js';

/** Reads of the population register; each one is audited with its purpose. */
@Injectable()
export class PersonService {
  constructor(private readonly persons: PersonRepository, private readonly audit: AuditService) {}

  normalize(idNumber: string): string {
    const check = validateIdNumber(idNumber);
    if (!check.valid) throw new PersonException(PersonErrorCode.INVALID_ID_NUMBER, `身份证号码无效：${check.message}`, { reason: check.reason });
    return check.normalized;
  }

  async getForWindow(actor: Identity, idNumber: string, purpose: string): Promise<PersonEntity> {
    if (!purpose.trim()) throw new PersonException(PersonErrorCode.PURPOSE_REQUIRED, '查询人口信息须说明查询事由');
    const normalized = this.normalize(idNumber);
    const person = await this.persons.findByIdNumber(normalized, windowLookupScope(actor));
    await this.audit.record(actor, {
      action: 'PERSON_READ',
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
    const person = await this.persons.findByIdNumber(normalized, windowLookupScope(actor));
    await this.audit.record(actor, { action: 'PERSON_LOOKUP', subjectType: 'PERSON', subjectRef: normalized, purpose: 'service check', outcome: person ? 'SUCCESS' : 'FAILURE' });
    if (!person) return { found: false, idNumber: normalized };
    return { found: true, idNumber: normalized, name: person.name, sex: person.sex, birthDate: person.birthDate, status: person.status, unitCode: person.unitCode };
  }
}
