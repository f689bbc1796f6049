import { Injectable } from '@nestjs/common';
import { RegisterCheckedRules, type AcceptanceContext, type AcceptanceDecision, type PoliceTypeRules, type TransitionContext } from '@onewindow/casework';
import { fieldProblem, formInvalidMessage, isBlank, type CatalogItem, type FieldProblem } from '@onewindow/catalog';
import { RpcSubjects, type Identity, type PersonLookupReply } from '@onewindow/contracts';
import { ageOn, checkConsistency, maskIdNumber, validateIdNumber } from '@onewindow/id-number';
import { cityScope, RpcClient } from '@onewindow/platform';
import { DocumentIssuingService } from '../travel-document/document-issuing.service.js';
import { DOCUMENT_KIND_LABELS, documentValidityYears, effectiveDocumentStatus, ENDORSEMENT_TYPE_LABELS, maskDocumentNumber } from '../travel-document/document-kinds.js';
import { DocumentRegisterRepository } from '../travel-document/document-register.repository.js';
import { DocumentErrorCode, DocumentException } from '../travel-document/travel-document.exception.js';
import { DOCUMENT_ITEMS, endorsementRequestOf, SELF_SERVICE_ITEM } from '../travel-document/exit-entry-items.js';
import { ExitEntryCaseErrorCode as Code, ExitEntryCaseException } from './exit-entry-case.exception.js';
import { exitEntryFee } from './exit-entry-fee.js';
import { checkForm, crossFieldProblems, normalizedIdNumber } from './form-check.js';

/** 民法典 第十七条: adults are 18 and over; younger applicants apply with their guardian. */
export const ADULT_AGE = 18;
/** The material a minor presents for the guardian (catalog code). */
export const GUARDIAN_MATERIAL = 'GUARDIAN_DOCS';
/** Relations whose sex the register can confirm. */
const RELATION_SEX: Readonly<Record<string, 'MALE' | 'FEMALE'>> = { 父亲: 'MALE', 母亲: 'FEMALE' };

export interface GuardianFacts {
  idNumber: string;
  name: string | null;
  relation: string;
}

/**
 * Exit-entry (出入境) rules plugged into the shared casework core, on top of RegisterCheckedRules
 * (the applicant is checked on household's register over NATS request/reply). Acceptance, in order:
 * 1. the applicant is on the register and living (PERSON_NOT_FOUND, PERSON_DECEASED, ID_INCONSISTENT)
 *    — a moved-out resident may still apply (passports and permits are issued nationwide);
 * 2. an applicant under 18 on the business date names a guardian and presents the guardian's
 *    documents (GUARDIAN_REQUIRED), whatever else the form says;
 * 3. the form against the catalog (FORM_INVALID), names as on the register;
 * 4. the named guardian is a living adult on the register (GUARDIAN_REQUIRED);
 * 5. an endorsement needs a valid permit on the documents register (DOCUMENT_REQUIRED); a
 *    self-service endorsement an earlier one of the same type (SELF_SERVICE_NOT_ELIGIBLE);
 * 6. the fee per catalog, endorsements by entries (WAIVER_NOT_APPLICABLE for waivers not offered).
 * The deadline is the core's: the item's promised limit (7 working days for passports and permits).
 * MARK_READY records the document and/or endorsement produced (DocumentIssuingService).
 */
@Injectable()
export class ExitEntryRules extends RegisterCheckedRules implements PoliceTypeRules {
  constructor(
    rpc: RpcClient,
    private readonly documents: DocumentRegisterRepository,
    private readonly issuing: DocumentIssuingService,
  ) {
    super(rpc);
  }

  override async checkAcceptance(ctx: AcceptanceContext): Promise<AcceptanceDecision> {
    const { item, command, today } = ctx;
    const form = command.form;

    const applicant = await this.lookup(ctx);
    const age = ageOn(applicant.birthDate ?? birthDateOf(ctx.applicantIdNumber), today);
    const minor = age < ADULT_AGE;
    if (minor) requireGuardianData(item, form, command.presentedMaterials, age);

    const problems = checkForm(item.formFields, form);
    problems.push(...crossFieldProblems(item, form, ctx.applicantIdNumber, problems));
    problems.push(...nameProblems(item, 'applicantName', form, applicant.name, problems));
    throwIfFormInvalid(problems);

    const guardian = await this.checkGuardian(ctx);
    const documentNotes = await this.checkDocuments(ctx);

    const claimed = [...new Set((command.claimedWaivers ?? []).map((c) => c.trim()).filter(Boolean))];
    const notOffered = claimed.filter((code) => !item.fee.waivers.some((w) => w.code === code));
    if (notOffered.length) {
      throw new ExitEntryCaseException(Code.WAIVER_NOT_APPLICABLE, `${item.name}不适用减免项目 ${notOffered.join('、')}`, { waivers: notOffered });
    }
    const fee = exitEntryFee(item, form, claimed);
    const waiver = item.fee.waivers.find((w) => claimed.includes(w.code));

    const contactPhone = typeof form['contactPhone'] === 'string' ? form['contactPhone'] : null;
    return {
      applicantName: applicant.name ?? (typeof form['applicantName'] === 'string' ? form['applicantName'].trim() : ''),
      applicantPhone: contactPhone,
      feeFen: fee.feeFen,
      waiverCode: waiver?.code ?? null,
      details: { age, minor, guardian, fee: fee.lines, ...documentNotes },
    };
  }

  async onTransition(ctx: TransitionContext): Promise<void> {
    if (ctx.action !== 'MARK_READY') return;
    await this.issuing.recordResult(ctx.application, ctx.actor, ctx.today, ctx.manager);
  }

  /** The applicant on the register, living, consistent with the ID number. */
  protected override async lookup(ctx: AcceptanceContext): Promise<PersonLookupReply> {
    const reply = await this.findOnRegister(ctx.applicantIdNumber, ctx.actor);
    if (!reply.found) {
      throw new ExitEntryCaseException(Code.PERSON_NOT_FOUND, `人口信息库中未找到申请人（${maskIdNumber(ctx.applicantIdNumber)}），请先核实户籍`);
    }
    if (reply.status === 'DECEASED') {
      throw new ExitEntryCaseException(Code.PERSON_DECEASED, `申请人户口已因死亡注销，不能受理${ctx.item.name}`);
    }
    const mismatches = checkConsistency(ctx.applicantIdNumber, { sex: reply.sex, birthDate: reply.birthDate });
    if (mismatches.length) throw new ExitEntryCaseException(Code.ID_INCONSISTENT, '身份证号码与户籍登记的性别或出生日期不一致', mismatches);
    return reply;
  }

  private findOnRegister(idNumber: string, actor: Identity): Promise<PersonLookupReply> {
    return this.rpc.request<PersonLookupReply>(RpcSubjects.personLookup, { idNumber }, actor, { serviceLabel: '户政（人口信息核验）' });
  }

  /** A guardian named on the form (required for minors, optional otherwise) must be a living adult on the register. */
  private async checkGuardian(ctx: AcceptanceContext): Promise<GuardianFacts | null> {
    const { item, command, today } = ctx;
    const form = command.form;
    if (isBlank(form['guardianIdNumber'])) return null;
    const idNumber = normalizedIdNumber(String(form['guardianIdNumber']));
    const relation = String(form['guardianRelation']);
    const refuse = (reason: string, message: string): never => {
      throw new ExitEntryCaseException(Code.GUARDIAN_REQUIRED, message, { reason, guardian: maskIdNumber(idNumber) });
    };
    const person = await this.findOnRegister(idNumber, ctx.actor);
    if (!person.found) return refuse('NOT_FOUND', `人口信息库中未找到监护人（${maskIdNumber(idNumber)}），请由登记在册的监护人陪同办理`);
    if (person.status === 'DECEASED') return refuse('DECEASED', '所填监护人户口已因死亡注销，请由其他监护人陪同办理');
    if (ageOn(person.birthDate ?? birthDateOf(idNumber), today) < ADULT_AGE) return refuse('MINOR', '监护人须为成年人');
    const expectedSex = RELATION_SEX[relation];
    if (expectedSex && person.sex && person.sex !== expectedSex) {
      return refuse('RELATION_MISMATCH', `户籍登记的监护人性别与“${relation}”不符`);
    }
    throwIfFormInvalid(nameProblems(item, 'guardianName', form, person.name, []));
    return { idNumber, name: person.name ?? null, relation };
  }

  /** Endorsements need a valid permit; notes the holder's current document for the reviewing officer. */
  private async checkDocuments(ctx: AcceptanceContext): Promise<Record<string, unknown>> {
    const { item, command, today, manager, actor, applicantIdNumber } = ctx;
    const scope = cityScope(actor);
    const notes: Record<string, unknown> = {};
    const docItem = DOCUMENT_ITEMS[item.code];
    if (docItem) {
      notes['documentValidityYears'] = documentValidityYears(birthDateOf(applicantIdNumber), today);
      const current = await this.documents.findValid(manager, applicantIdNumber, docItem.kind, scope);
      if (current) {
        notes['currentDocument'] = {
          kind: current.kind,
          number: maskDocumentNumber(current.number),
          validUntil: current.validUntil,
          status: effectiveDocumentStatus(current.status, current.validUntil, today),
        };
      }
    }
    const request = endorsementRequestOf(item.code, command.form);
    if (request) {
      notes['endorsement'] = { type: request.type, entries: request.entries, destination: request.destination, channel: request.channel };
      if (!request.withNewPermit) {
        const permit = await this.documents.findValid(manager, applicantIdNumber, request.documentKind, scope);
        const label = DOCUMENT_KIND_LABELS[request.documentKind];
        if (!permit || permit.validUntil < today) {
          throw new DocumentException(DocumentErrorCode.DOCUMENT_REQUIRED, `申请${ENDORSEMENT_TYPE_LABELS[request.type]}签注须持有效的${label}，请先申领或换发${label}`, {
            documentKind: request.documentKind,
          });
        }
        notes['permit'] = { kind: permit.kind, number: maskDocumentNumber(permit.number), validUntil: permit.validUntil };
      }
      if (item.code === SELF_SERVICE_ITEM && !(await this.documents.hasEndorsementOfType(manager, applicantIdNumber, request.type, scope))) {
        throw new ExitEntryCaseException(
          Code.SELF_SERVICE_NOT_ELIGIBLE,
          `自助签注限曾签发过同类签注的申请人；申请人没有${ENDORSEMENT_TYPE_LABELS[request.type]}签注记录，请到窗口办理`,
          { type: request.type },
        );
      }
    }
    return notes;
  }
}

/** A minor's application names the guardian and carries the guardian's documents. */
function requireGuardianData(item: CatalogItem, form: Record<string, unknown>, presented: readonly string[], age: number): void {
  const missing: string[] = [];
  for (const key of ['guardianIdNumber', 'guardianRelation']) {
    if (isBlank(form[key])) missing.push(item.formFields.find((f) => f.key === key)?.label ?? key);
  }
  const material = item.materials.find((m) => m.code === GUARDIAN_MATERIAL);
  if (material && !presented.map((c) => c.trim()).includes(GUARDIAN_MATERIAL)) missing.push(material.name);
  if (missing.length) {
    throw new ExitEntryCaseException(
      Code.GUARDIAN_REQUIRED,
      `申请人未满${ADULT_AGE}周岁（${age}周岁），须由监护人陪同办理，请补充：${missing.join('、')}`,
      { reason: 'MISSING', age, missing },
    );
  }
}

function nameProblems(item: CatalogItem, field: string, form: Record<string, unknown>, registered: string | undefined, already: readonly FieldProblem[]): FieldProblem[] {
  const stated = typeof form[field] === 'string' ? form[field].trim() : '';
  if (!stated || !registered || already.some((p) => p.field === field)) return [];
  return stated === registered ? [] : [fieldProblem(item, field, '与人口信息库登记的姓名不一致')];
}

function throwIfFormInvalid(problems: FieldProblem[]): void {
  if (problems.length) throw new ExitEntryCaseException(Code.FORM_INVALID, formInvalidMessage(problems), problems);
}

function birthDateOf(idNumber: string): string {
  const check = validateIdNumber(idNumber);
  if (!check.valid) throw new Error(`expected a validated ID number (${check.reason})`);
  return check.birthDate;
}
