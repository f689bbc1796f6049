import { Injectable } from '@nestjs/common';
import { RegisterCheckedRules, type AcceptanceContext, type AcceptanceDecision, type TransitionContext } from '@onewindow/casework';
import { fieldProblem, formInvalidMessage, type CatalogItem, type FieldProblem } from '@onewindow/catalog';
import { RpcSubjects, type PersonLookupReply } from '@onewindow/contracts';
import { ageOn, maskIdNumber, validateIdNumber } from '@onewindow/id-number';
import { RpcClient } from '@onewindow/platform';
import { PERMIT_KIND_SPECS, permitKindOfItem } from '../permit/permit-kinds.js';
import { PermitRepository } from '../permit/permit.repository.js';
import { PermitService } from '../permit/permit.service.js';
import { validateCreditCode } from './credit-code.js';
import { ADULT_AGE, checkBusinessFields, checkForm } from './form-check.js';
import { PublicSecurityCaseErrorCode as Code, PublicSecurityCaseException } from './public-security-case.exception.js';

/**
 * Public-security (治安) rules on the shared casework core: special-industry licences (hotels,
 * seal carving), civil explosives permits, security guards and companies, large events, lost
 * property. On top of the register check of RegisterCheckedRules (applicant on the household
 * register and living, contact phone):
 *
 * 1. the form against the catalog's formFields, and business fields: company name, unified social
 *    credit code (GB 32100 check character), address, legal representative (valid ID number, an
 *    adult, not recorded as deceased, named as on the register), counts, capital, event size and
 *    lead time → FORM_INVALID with `[{ field, label, problems }]`;
 * 2. eligibility: a security guard is 18 or older (保安服务管理条例 第十六条) →
 *    APPLICANT_NOT_ELIGIBLE, and holds no valid guard certificate yet → PERMIT_ALREADY_HELD.
 *
 * MARK_READY of a licensing item issues the permit into the register in the same transaction.
 */
@Injectable()
export class PublicSecurityRules extends RegisterCheckedRules {
  constructor(
    rpc: RpcClient,
    private readonly permits: PermitRepository,
    private readonly issuer: PermitService,
  ) {
    super(rpc);
  }

  override async checkAcceptance(ctx: AcceptanceContext): Promise<AcceptanceDecision> {
    const { item, command, today } = ctx;
    const form = command.form;
    const problems = checkForm(item.formFields, form, today);
    problems.push(...checkBusinessFields(item.formFields, form, today, ctx.applicantIdNumber, new Set(problems.map((p) => p.field))));
    throwIfFormInvalid(problems);

    const decision = await super.checkAcceptance(ctx);
    await this.checkLegalRepresentative(ctx);
    await this.checkEligibility(ctx);
    return { ...decision, details: { ...(decision.details ?? {}), ...holderDetails(item, form) } };
  }

  async onTransition(ctx: TransitionContext): Promise<void> {
    if (ctx.action === 'MARK_READY') await this.issuer.issueForApplication(ctx.manager, ctx.application, ctx.actor, ctx.today);
  }

  /** A legal representative other than the applicant: if the register knows them, living and named as there. */
  private async checkLegalRepresentative(ctx: AcceptanceContext): Promise<void> {
    const { item, command, actor } = ctx;
    const raw = command.form['legalRepIdNumber'];
    if (typeof raw !== 'string') return;
    const id = validateIdNumber(raw);
    if (!id.valid || id.normalized === ctx.applicantIdNumber) return;
    const reply = await this.rpc.request<PersonLookupReply>(RpcSubjects.personLookup, { idNumber: id.normalized }, actor, { serviceLabel: '户政（人口信息核验）' });
    if (!reply.found) return; // a representative registered in another city
    const problems: FieldProblem[] = [];
    if (reply.status === 'DECEASED') problems.push(fieldProblem(item, 'legalRepIdNumber', `该人员（${maskIdNumber(id.normalized)}）户口已死亡注销`));
    const stated = typeof command.form['legalRepName'] === 'string' ? command.form['legalRepName'].trim() : '';
    if (stated && reply.name && stated !== reply.name) problems.push(fieldProblem(item, 'legalRepName', '与人口信息库登记的姓名不一致'));
    throwIfFormInvalid(problems);
  }

  private async checkEligibility(ctx: AcceptanceContext): Promise<void> {
    const spec = permitKindOfItem(ctx.item.code);
    if (spec?.kind !== 'SECURITY_GUARD') return;
    const id = validateIdNumber(ctx.applicantIdNumber);
    if (id.valid && ageOn(id.birthDate, ctx.today) < ADULT_AGE) {
      throw new PublicSecurityCaseException(Code.APPLICANT_NOT_ELIGIBLE, `申请保安员证须年满${ADULT_AGE}周岁（保安服务管理条例第十六条）`);
    }
    const held = await this.permits.findValidOfKindForPerson(ctx.manager, 'SECURITY_GUARD', ctx.applicantIdNumber);
    if (held) {
      throw new PublicSecurityCaseException(Code.PERMIT_ALREADY_HELD, `申请人已持有有效的${PERMIT_KIND_SPECS.SECURITY_GUARD.label}（${held.number}），无需重复申领`, { permit: held.number });
    }
  }
}

function throwIfFormInvalid(problems: FieldProblem[]): void {
  if (problems.length) throw new PublicSecurityCaseException(Code.FORM_INVALID, formInvalidMessage(problems), problems);
}

/** Who will hold the permit, kept on the application for the officer and the register. */
function holderDetails(item: CatalogItem, form: Record<string, unknown>): Record<string, unknown> {
  const spec = permitKindOfItem(item.code);
  if (!spec) return {};
  if (spec.holderKind === 'PERSON') return { permit: { kind: spec.kind, holderKind: 'PERSON' } };
  const code = typeof form['unitCreditCode'] === 'string' ? validateCreditCode(form['unitCreditCode']) : null;
  return {
    permit: {
      kind: spec.kind,
      holderKind: 'COMPANY',
      holderName: form['unitName'] ?? form['companyName'] ?? null,
      creditCode: code?.valid ? code.normalized : null,
    },
  };
}
