import { Injectable } from '@nestjs/common';
import type { AcceptanceContext, AcceptanceDecision, PoliceTypeRules, RulesTimelineNote, TransitionContext } from '@onewindow/casework';
import { computeFee, fieldProblem, formInvalidMessage, type CatalogItem, type FieldProblem } from '@onewindow/catalog';
import type { Identity } from '@onewindow/contracts';
import { ageOn, maskIdNumber, normalizeIdNumberInput, validateIdNumber } from '@onewindow/id-number';
import { AuditService, cityScope } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import { idCardValidity, idCardValidUntil, temporaryIdCardValidUntil, type IdCardValidity } from '../id-card/id-card-validity.js';
import type { IdCardKind } from '../id-card/id-card.entity.js';
import { IdCardRepository } from '../id-card/id-card.repository.js';
import type { PersonEntity } from '../person/person.entity.js';
import { PersonRepository } from '../person/person.repository.js';
import { checkForm, formSubjects, statedFactMismatches } from './form-check.js';
import { HouseholdCaseErrorCode as Code, HouseholdCaseException } from './household-case.exception.js';

/**
 * What the register must say about the applicant before an item is accepted.
 * - LOCAL: registered here and living (not moved out, not deceased).
 * - ON_REGISTER: on the register and living; a moved-out person may still declare (e.g. a death).
 * - MAY_BE_NEW: arrives from elsewhere, so may be absent; if on the register, living.
 * - NOT_LOCAL: residence permit — for people registered elsewhere (absent, or moved out).
 */
export type ApplicantPolicy = 'LOCAL' | 'ON_REGISTER' | 'MAY_BE_NEW' | 'NOT_LOCAL';

export const APPLICANT_POLICY: Readonly<Record<string, ApplicantPolicy>> = {
  'HH-BIRTH-REG': 'ON_REGISTER', // the declarant (parent/guardian); the baby is new
  'HH-MOVE-IN': 'MAY_BE_NEW', // the form carries only the person moving in
  'HH-MOVE-OUT': 'LOCAL',
  'HH-DEATH-CANCEL': 'ON_REGISTER', // the declarant; the deceased is checked separately
  'HH-CANCEL-PROOF': 'ON_REGISTER',
  'HH-ID-CARD-FIRST': 'LOCAL',
  'HH-ID-CARD-RENEW': 'LOCAL',
  'HH-ID-CARD-REPLACE': 'LOCAL',
  'HH-ID-CARD-LOST': 'LOCAL',
  'HH-ID-CARD-TEMP': 'LOCAL',
  'HH-RESIDENCE-PERMIT': 'NOT_LOCAL',
  'HH-RESIDENCE-PERMIT-ENDORSE': 'NOT_LOCAL',
  'HH-RESIDENCE-PERMIT-REPLACE': 'NOT_LOCAL',
  'HH-REGISTER-REPLACE': 'LOCAL',
  'HH-STATUS-PROOF': 'LOCAL',
  'HH-REGISTER-CHANGE': 'LOCAL',
  'HH-TALENT-SETTLE': 'MAY_BE_NEW',
  'HH-COLLECTIVE-SETUP': 'MAY_BE_NEW', // the unit's manager of the collective household
  'HH-COLLECTIVE-ENTRY': 'MAY_BE_NEW', // the person entering the unit's collective household
};
/** Items added to the catalog later get the strictest policy until someone decides otherwise. */
const DEFAULT_POLICY: ApplicantPolicy = 'LOCAL';

/** Items whose result is a card recorded in id_card, and the kind of card. */
export const ID_CARD_ITEMS: Readonly<Record<string, IdCardKind>> = {
  'HH-ID-CARD-FIRST': 'RESIDENT',
  'HH-ID-CARD-RENEW': 'RESIDENT',
  'HH-ID-CARD-REPLACE': 'RESIDENT',
  'HH-ID-CARD-TEMP': 'TEMPORARY',
};

/** 中小学生假期免费办证: school age. */
export const PUPIL_AGE = { min: 6, max: 18 } as const;
const PARENT_RELATIONS = new Set(['父亲', '母亲']);
const LOST_REASONS = new Set(['丢失', '被盗']);
/** 居住证暂行条例 第二条: residence of half a year or more. */
const RESIDENCE_PERMIT_MIN_MONTHS = 6;

/** Household (户政) rules plugged into the shared casework core. */
@Injectable()
export class HouseholdRules implements PoliceTypeRules {
  constructor(
    private readonly persons: PersonRepository,
    private readonly idCards: IdCardRepository,
    private readonly audit: AuditService,
  ) {}

  async checkAcceptance(ctx: AcceptanceContext): Promise<AcceptanceDecision> {
    const { item, command, today, manager, actor } = ctx;
    const form = command.form;

    const formProblems = checkForm(item.formFields, form, today);
    const subjects = formSubjects(item.formFields);
    const applicantSubject = subjects[0];
    const statedApplicant = applicantSubject ? form[applicantSubject.idField] : undefined;
    if (applicantSubject && typeof statedApplicant === 'string' && formProblems.every((p) => p.field !== applicantSubject.idField)) {
      if (normalizedId(statedApplicant) !== ctx.applicantIdNumber) {
        formProblems.push(fieldProblem(item, applicantSubject.idField, '与申请人身份证号码不一致'));
      }
    }
    formProblems.push(...crossFieldProblems(item, form, today));
    throwIfFormInvalid(formProblems);

    const mismatches = statedFactMismatches(item.formFields, form);
    if (mismatches.length) {
      throw new HouseholdCaseException(Code.ID_INCONSISTENT, `表单填写与身份证号码不一致：${mismatches.map((m) => m.message).join('；')}`, mismatches);
    }

    const applicant = await this.lookup(actor, ctx.applicantIdNumber, item, manager);
    this.checkApplicant(item, ctx.applicantIdNumber, applicant, form);
    if (applicant && applicantSubject?.nameField) {
      throwIfFormInvalid(nameProblems(item, applicantSubject.nameField, form, applicant));
    }
    await this.checkSubjects(ctx);

    const details: Record<string, unknown> = {};
    const kind = ID_CARD_ITEMS[item.code];
    if (kind && applicant) details['idCardValidity'] = cardValidityDetails(kind, applicant.birthDate, today);

    const waiver = await this.checkWaivers(ctx, applicant);
    if (waiver.note) details['waiver'] = waiver.note;

    const nameField = applicantSubject?.nameField;
    const applicantName = applicant?.name ?? (nameField ? String(form[nameField]).trim() : '');
    const contactPhone = typeof form['contactPhone'] === 'string' ? form['contactPhone'] : undefined;
    return {
      applicantName,
      applicantPhone: contactPhone ?? applicant?.phone ?? null,
      feeFen: waiver.feeFen,
      waiverCode: waiver.code,
      details,
    };
  }

  async onTransition(ctx: TransitionContext): Promise<RulesTimelineNote[] | void> {
    const { application: app, action, manager, actor, today } = ctx;
    const scope = cityScope(actor);
    if (action === 'APPROVE') {
      switch (app.itemCode) {
        case 'HH-DEATH-CANCEL': {
          const deceased = normalizedId(String(app.form['deceasedIdNumber']));
          const person = await this.getLiving(deceased, actor, manager, '死者');
          await this.persons.updateStatus(person.idNumber, scope, { status: 'DECEASED', deceasedOn: String(app.form['dateOfDeath']) }, manager);
          // 收回死者居民身份证: the cards of a cancelled hukou are no longer valid.
          await this.idCards.cancelAllValid(person.idNumber, manager);
          return;
        }
        case 'HH-MOVE-OUT': {
          const person = await this.getLiving(app.applicantIdNumber, actor, manager, '申请人');
          if (person.status === 'MOVED_OUT') throw movedOut('申请人');
          await this.persons.updateStatus(person.idNumber, scope, { status: 'MOVED_OUT' }, manager);
          return;
        }
        case 'HH-ID-CARD-LOST':
          await this.idCards.closeValidCard(app.applicantIdNumber, 'RESIDENT', 'LOST', manager);
          return;
        default:
          return;
      }
    }
    const kind = ID_CARD_ITEMS[app.itemCode];
    if (action === 'MARK_READY' && kind) {
      // Two cards of one person made ready at the same moment (two windows, two approvals) would
      // both close the old card and both insert a valid one: one person's card changes one at a time.
      await this.idCards.lockPerson(app.applicantIdNumber, manager);
      if (await this.idCards.findByApplication(app.number, manager)) return; // already recorded
      const person = await this.getLiving(app.applicantIdNumber, actor, manager, '申请人');
      let validUntil: string | null;
      if (kind === 'RESIDENT') {
        const validity = idCardValidity(person.birthDate, chinaDateOf(app.acceptedAt) ?? today);
        validUntil = idCardValidUntil(validity.term, today);
        const previous = app.itemCode === 'HH-ID-CARD-REPLACE' && LOST_REASONS.has(String(app.form['replaceReason'])) ? 'LOST' : 'REPLACED';
        await this.idCards.closeValidCard(person.idNumber, 'RESIDENT', previous, manager);
      } else {
        validUntil = temporaryIdCardValidUntil(today);
        await this.idCards.closeValidCard(person.idNumber, 'TEMPORARY', 'REPLACED', manager);
      }
      await this.idCards.insert({ idNumber: person.idNumber, kind, issuedOn: today, validUntil, applicationNumber: app.number }, manager);
    }
  }

  /** Register lookup for acceptance, city-wide (一窗通办) and audited with the item as purpose. */
  private async lookup(actor: Identity, idNumber: string, item: CatalogItem, manager: EntityManager): Promise<PersonEntity | null> {
    const person = await this.persons.findByIdNumber(idNumber, cityScope(actor), manager);
    await this.audit.record(
      actor,
      { action: 'PERSON_READ', subjectType: 'PERSON', subjectRef: idNumber, purpose: `受理：${item.name}`, outcome: person ? 'SUCCESS' : 'FAILURE' },
      manager,
    );
    return person;
  }

  private checkApplicant(item: CatalogItem, idNumber: string, person: PersonEntity | null, form: Record<string, unknown>): void {
    const policy = APPLICANT_POLICY[item.code] ?? DEFAULT_POLICY;
    if (!person) {
      if (policy === 'MAY_BE_NEW' || policy === 'NOT_LOCAL') return;
      throw new HouseholdCaseException(Code.PERSON_NOT_FOUND, `人口信息库中未找到申请人（${maskIdNumber(idNumber)}），不能受理${item.name}`);
    }
    if (person.status === 'DECEASED') {
      throw new HouseholdCaseException(Code.PERSON_DECEASED, `申请人户口已死亡注销（${person.deceasedOn ?? '日期不详'}），不能受理${item.name}`);
    }
    const parentDeclaring = item.code === 'HH-BIRTH-REG' && PARENT_RELATIONS.has(String(form['relationToBaby']));
    if (person.status === 'MOVED_OUT' && (policy === 'LOCAL' || parentDeclaring)) {
      throw movedOut('申请人', parentDeclaring ? '婴儿随父或母落户，' : '');
    }
    if (person.status === 'NORMAL' && policy === 'NOT_LOCAL') {
      throw new HouseholdCaseException(Code.PERSON_REGISTERED_LOCALLY, `申请人户籍在本市，无需申领居住证`);
    }
  }

  /** The other persons a form names: the deceased of a death cancellation, the cancelled person of a proof. */
  private async checkSubjects(ctx: AcceptanceContext): Promise<void> {
    const { item, command, actor, manager } = ctx;
    const form = command.form;
    if (item.code === 'HH-DEATH-CANCEL') {
      const deceasedId = normalizedId(String(form['deceasedIdNumber']));
      if (deceasedId === ctx.applicantIdNumber) {
        throwIfFormInvalid([fieldProblem(item, 'deceasedIdNumber', '申报人不能是死者本人')]);
      }
      const deceased = await this.lookup(actor, deceasedId, item, manager);
      if (!deceased) throw new HouseholdCaseException(Code.PERSON_NOT_FOUND, `人口信息库中未找到死者（${maskIdNumber(deceasedId)}）`);
      if (deceased.status === 'DECEASED') throw new HouseholdCaseException(Code.PERSON_DECEASED, `该人员户口已于${deceased.deceasedOn ?? '此前'}死亡注销，无需重复申报`);
      if (deceased.status === 'MOVED_OUT') throw movedOut('死者', '请到其现户籍所在地申报，');
      const problems = nameProblems(item, 'deceasedName', form, deceased);
      if (String(form['dateOfDeath']) < deceased.birthDate) problems.push(fieldProblem(item, 'dateOfDeath', '死亡日期早于出生日期'));
      throwIfFormInvalid(problems);
    }
    if (item.code === 'HH-CANCEL-PROOF' && typeof form['cancelledPersonIdNumber'] === 'string' && form['cancelledPersonIdNumber'].trim()) {
      const cancelledId = normalizedId(form['cancelledPersonIdNumber']);
      const cancelled = await this.lookup(actor, cancelledId, item, manager);
      if (!cancelled) throw new HouseholdCaseException(Code.PERSON_NOT_FOUND, `人口信息库中未找到被注销人（${maskIdNumber(cancelledId)}）`);
      if (cancelled.status === 'NORMAL') throw new HouseholdCaseException(Code.PERSON_NOT_CANCELLED, '被注销人户口未注销，不能出具户口注销证明');
      throwIfFormInvalid(nameProblems(item, 'cancelledPersonName', form, cancelled));
    }
  }

  /**
   * Fee after waivers. Every claimed waiver must be offered by the item, and its condition is
   * checked where the register can tell: FIRST_ID_CARD (no card on record), PUPIL_HOLIDAY
   * (age 6–18). Others (低保 LOW_INCOME, local policies) rest on the clerk's claim, noted on the case.
   */
  private async checkWaivers(ctx: AcceptanceContext, applicant: PersonEntity | null): Promise<{ feeFen: number; code: string | null; note?: Record<string, unknown> }> {
    const { item, command, today, manager, actor } = ctx;
    const claimed = [...new Set((command.claimedWaivers ?? []).map((c) => c.trim()).filter(Boolean))];
    for (const code of claimed) {
      const offered = item.fee.waivers.find((w) => w.code === code);
      if (!offered) throw new HouseholdCaseException(Code.WAIVER_NOT_APPLICABLE, `${item.name}不适用减免项目 ${code}`, { waiver: code });
      if (code === 'FIRST_ID_CARD') {
        const cards = applicant ? await this.idCards.findResidentCards(applicant.idNumber, manager) : [];
        if (cards.length > 0) {
          throw new HouseholdCaseException(Code.WAIVER_NOT_APPLICABLE, `申请人已于${cards[0]!.issuedOn}领取过居民身份证，不适用首次申领免费`, { waiver: code, previousIssuedOn: cards[0]!.issuedOn });
        }
      }
      if (code === 'PUPIL_HOLIDAY') {
        const age = applicant ? ageOn(applicant.birthDate, today) : -1;
        if (age < PUPIL_AGE.min || age > PUPIL_AGE.max) {
          throw new HouseholdCaseException(Code.WAIVER_NOT_APPLICABLE, `中小学生假期免费办证限${PUPIL_AGE.min}至${PUPIL_AGE.max}周岁，申请人${age < 0 ? '年龄不详' : `${age}周岁`}`, { waiver: code, age });
        }
      }
    }
    const fee = computeFee(item, claimed);
    if (!fee.waiver) return { feeFen: fee.amountFen, code: null };
    const verified = fee.waiver.code === 'FIRST_ID_CARD' || fee.waiver.code === 'PUPIL_HOLIDAY';
    return {
      feeFen: fee.amountFen,
      code: fee.waiver.code,
      note: {
        code: fee.waiver.code,
        basis: verified ? 'REGISTER_CHECKED' : 'CLERK_CLAIM',
        note: verified ? `${fee.waiver.description}：经人口信息库核验` : `${fee.waiver.description}：系统无法核验，依窗口民警核实声明免收（${fee.waiver.condition}）`,
        claimedBy: actor.username,
      },
    };
  }

  private async getLiving(idNumber: string, actor: Identity, manager: EntityManager, who: string): Promise<PersonEntity> {
    const person = await this.persons.findByIdNumber(idNumber, cityScope(actor), manager);
    if (!person) throw new HouseholdCaseException(Code.PERSON_NOT_FOUND, `人口信息库中未找到${who}（${maskIdNumber(idNumber)}）`);
    if (person.status === 'DECEASED') throw new HouseholdCaseException(Code.PERSON_DECEASED, `${who}户口已死亡注销`);
    return person;
  }
}

/** The 18-digit form of an ID number as the register keys it (15-digit legacy numbers converted). */
function normalizedId(value: string): string {
  const check = validateIdNumber(value);
  return check.valid ? check.normalized : normalizeIdNumberInput(value);
}

function throwIfFormInvalid(problems: FieldProblem[]): void {
  if (problems.length) throw new HouseholdCaseException(Code.FORM_INVALID, formInvalidMessage(problems), problems);
}

function nameProblems(item: CatalogItem, field: string, form: Record<string, unknown>, person: PersonEntity): FieldProblem[] {
  const stated = typeof form[field] === 'string' ? form[field].trim() : '';
  return stated && stated !== person.name ? [fieldProblem(item, field, '与人口信息库登记的姓名不一致')] : [];
}

/** Rules between fields that the catalog schema cannot express. */
function crossFieldProblems(item: CatalogItem, form: Record<string, unknown>, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const has = (key: string) => item.formFields.some((f) => f.key === key);
  if (has('mailingAddress') && form['pickupMethod'] === '邮寄' && !(typeof form['mailingAddress'] === 'string' && form['mailingAddress'].trim())) {
    problems.push(fieldProblem(item, 'mailingAddress', '选择邮寄领取的须填写邮寄地址'));
  }
  if (item.code === 'HH-RESIDENCE-PERMIT' && typeof form['residenceSince'] === 'string') {
    const since = form['residenceSince'];
    if (/^\d{4}-\d{2}-\d{2}$/.test(since) && since <= today && monthsBetween(since, today) < RESIDENCE_PERMIT_MIN_MONTHS) {
      problems.push(fieldProblem(item, 'residenceSince', `居住未满${RESIDENCE_PERMIT_MIN_MONTHS}个月，不符合居住证申领条件`));
    }
  }
  return problems;
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

function movedOut(who: string, hint = ''): HouseholdCaseException {
  return new HouseholdCaseException(Code.PERSON_MOVED_OUT, `${who}户口已迁出本市，${hint}不能在本地办理`);
}

function cardValidityDetails(kind: IdCardKind, birthDate: string, today: string): IdCardValidity | { term: 'THREE_MONTHS'; label: string; validUntil: string } {
  if (kind === 'TEMPORARY') return { term: 'THREE_MONTHS', label: '3个月', validUntil: temporaryIdCardValidUntil(today) };
  return idCardValidity(birthDate, today);
}

/** China civil date (UTC+8) of an ISO timestamp; undefined when it does not parse. */
function chinaDateOf(iso: string): string | undefined {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
}
