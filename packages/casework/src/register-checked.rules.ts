import { Injectable } from '@nestjs/common';
import { RpcSubjects, type PersonLookupReply } from '@onewindow/contracts';
import { checkConsistency } from '@onewindow/id-number';
import { DomainException, RpcClient } from '@onewindow/platform';
import type { AcceptanceContext, AcceptanceDecision, PoliceTypeRules } from './police-type-rules.js';

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Default rules for police types that do not keep the population register themselves: the
 * applicant must be on the household register (asked over NATS request/reply) and not cancelled
 * by death; the contact phone comes from the form. Police types extend it with their own checks.
 */
@Injectable()
export class RegisterCheckedRules implements PoliceTypeRules {
  constructor(protected readonly rpc: RpcClient) {}

  async checkAcceptance(ctx: AcceptanceContext): Promise<AcceptanceDecision> {
    const person = await this.lookup(ctx);
    const phone = typeof ctx.command.form['contactPhone'] === 'string' ? (ctx.command.form['contactPhone'] as string) : null;
    if (phone !== null && !MOBILE.test(phone)) throw new DomainException('FORM_INVALID', '联系电话应为 11 位手机号码', { field: 'contactPhone' });
    return { applicantName: person.name ?? '', applicantPhone: phone };
  }

  protected async lookup(ctx: AcceptanceContext): Promise<PersonLookupReply> {
    const reply = await this.rpc.request<PersonLookupReply>(RpcSubjects.personLookup, { idNumber: ctx.applicantIdNumber }, ctx.actor, { serviceLabel: '户政（人口信息核验）' });
    if (!reply.found) throw new DomainException('PERSON_NOT_FOUND', '人口信息库中未找到申请人，请先核实户籍');
    if (reply.status === 'DECEASED') throw new DomainException('PERSON_DECEASED', '申请人户口已因死亡注销，不能办理新业务');
    const mismatches = checkConsistency(ctx.applicantIdNumber, { sex: reply.sex, birthDate: reply.birthDate });
    if (mismatches.length) throw new DomainException('ID_INCONSISTENT', '身份证号码与户籍登记的性别或出生日期不一致', mismatches);
    return reply;
  }
}
