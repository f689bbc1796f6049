import { Injectable } from '@nestjs/common';
import type { AcceptanceContext, RulesTimelineNote, TransitionContext } from '@onewindow/casework';
import { fieldProblem, formInvalidMessage, type FieldProblem } from '@onewindow/catalog';
import type { ApplicationSnapshot, Identity } from '@onewindow/contracts';
import { buildIdNumber, maskIdNumber, nextFreeSequence, validateIdNumber, type Sex } from '@onewindow/id-number';
import type { EntityManager } from 'typeorm';
import { HouseholdCaseErrorCode, HouseholdCaseException } from '../casework/household-case.exception.js';
import type { HouseholdEntity } from '../household/household.entity.js';
import type { PersonEntity } from '../person/person.entity.js';
import { cityScope } from '@onewindow/platform';
import { isSettlementItem, placementOf, type Placement } from './placement.js';
import { RegisterEffectErrorCode as Code, RegisterEffectException } from './register-effects.exception.js';
import { RegisterEffectsRepository } from './register-effects.repository.js';

export const BIRTH_ITEM = 'HH-BIRTH-REG';
export const MOVE_OUT_ITEM = 'HH-MOVE-OUT';
export const COLLECTIVE_SETUP_ITEM = 'HH-COLLECTIVE-SETUP';

const SEX: Record<string, Sex> = { 男: 'MALE', 女: 'FEMALE' };
/** The baby's relation to the head, from the declarant's (父母 of the head's children → 子/女, else 孙子/孙女). */
const HEAD_GENERATION = new Set(['户主', '配偶', '妻', '夫', '妻子', '丈夫']);
const CHILD_GENERATION = new Set(['子', '女', '儿子', '女儿', '长子', '长女', '次子', '次女']);

const text = (form: Record<string, unknown>, key: string): string => (typeof form[key] === 'string' ? form[key].trim() : '');

/**
 * The population register follows the cases (登记随案): approving a birth registration, a move-in,
 * a talent settlement, a collective-household entry or setup, or a move-out changes persons and
 * households in the transition's own transaction, so the register change, the application's new
 * status and its outbox event commit together or not at all. What the change needs is checked at
 * acceptance, so a case that could not be registered is refused at the window, not at approval.
 */
@Injectable()
export class RegisterEffectsService {
  constructor(private readonly register: RegisterEffectsRepository) {}

  /** Acceptance: the form carries what the register needs, and the households it names exist. */
  async checkAcceptance(ctx: AcceptanceContext): Promise<void> {
    const { item, command, actor, manager } = ctx;
    const form = command.form;
    const scope = cityScope(actor);
    if (item.code === BIRTH_ITEM) {
      const declarant = await this.register.findPerson(ctx.applicantIdNumber, scope, manager);
      if (declarant && !declarant.household) {
        throw new RegisterEffectException(Code.DECLARANT_HAS_NO_HOUSEHOLD, '申报人在人口信息库中没有所属户，婴儿无法随其落户，请先办理申报人落户', { field: 'applicantIdNumber' });
      }
      if (declarant?.household) await this.assertBirthNotRegistered(declarant.household, text(form, 'babyName'), text(form, 'babyBirthDate'), manager);
      return;
    }
    if (!isSettlementItem(item.code)) return;
    const { placement, problems } = placementOf(item, form);
    const person = await this.register.findPerson(ctx.applicantIdNumber, scope, manager);
    if (!person && !text(form, 'ethnicity')) problems.push(fieldProblem(item, 'ethnicity', '首次在本市登记户口的须填写民族'));
    throwIfInvalid(problems);
    if (placement?.mode === 'JOIN') await this.getTargetHousehold(placement, actor, manager);
  }

  /** Approval: the register change for the item, through the transition's EntityManager. */
  async onApprove(ctx: TransitionContext): Promise<RulesTimelineNote[]> {
    const { application: app } = ctx;
    if (app.itemCode === BIRTH_ITEM) return [await this.registerBirth(ctx)];
    if (isSettlementItem(app.itemCode)) return this.settle(ctx);
    if (app.itemCode === COLLECTIVE_SETUP_ITEM) return [await this.setUpCollective(ctx)];
    if (app.itemCode === MOVE_OUT_ITEM) return this.recordMoveOut(ctx);
    return [];
  }

  /** 出生登记: a new person with a newly assigned ID number, in the declarant's household. */
  private async registerBirth(ctx: TransitionContext): Promise<RulesTimelineNote> {
    const { application: app, actor, manager } = ctx;
    const form = app.form;
    const [name, sex, birthDate, ethnicity] = [text(form, 'babyName'), SEX[text(form, 'babyGender')], text(form, 'babyBirthDate'), text(form, 'babyEthnicity')];
    if (!name || !sex || !birthDate || !ethnicity) throw dataMissing(app, '婴儿姓名、性别、出生日期、民族');
    const declarant = await this.register.findPerson(app.applicantIdNumber, cityScope(actor), manager);
    const household = declarant?.household;
    if (!declarant || !household) throw new RegisterEffectException(Code.DECLARANT_HAS_NO_HOUSEHOLD, '申报人在人口信息库中没有所属户，婴儿无法随其落户');
    await this.assertBirthNotRegistered(household, name, birthDate, manager);
    const regionCode = household.unitCode.slice(0, 6);
    const first14 = regionCode + birthDate.replaceAll('-', '');
    await this.register.lockAllocation(`id-number:${first14}`, manager);
    const sequence = nextFreeSequence(await this.register.takenSequences(first14, manager), sex);
    if (sequence === undefined) {
      throw new RegisterEffectException(Code.ID_SEQUENCE_EXHAUSTED, `地址码 ${regionCode}、出生日期 ${birthDate} 的${sex === 'MALE' ? '男性' : '女性'}顺序码已用完，请联系户政部门人工赋号`);
    }
    const idNumber = buildIdNumber({ regionCode, birthDate, sequence });
    await this.register.insertPerson(
      {
        idNumber, name, sex, ethnicity, birthDate, address: household.address, phone: null, householdId: household.id,
        relationToHead: babyRelation(declarant.relationToHead, sex), unitCode: household.unitCode,
      },
      manager,
    );
    return {
      action: 'REGISTER_BIRTH',
      reason: `已登记出生：${name}（${maskIdNumber(idNumber)}）入户 ${household.householdNumber}`,
      details: { idNumber, householdNumber: household.householdNumber },
    };
  }

  /** 迁入 / 人才落户 / 集体户入户: the person, new or returning, placed in the household the form names. */
  private async settle(ctx: TransitionContext): Promise<RulesTimelineNote[]> {
    const { application: app, actor, manager } = ctx;
    const form = app.form;
    const { placement } = placementOf({ code: app.itemCode, formFields: [] }, form);
    if (!placement) throw dataMissing(app, '落户方式、住所地址或入户户号');
    const person = await this.register.findPerson(app.applicantIdNumber, cityScope(actor), manager);
    if (person?.status === 'DECEASED') throw new HouseholdCaseException(HouseholdCaseErrorCode.PERSON_DECEASED, '申请人户口已死亡注销');
    const ethnicity = text(form, 'ethnicity') || person?.ethnicity;
    if (!ethnicity) throw dataMissing(app, '民族');

    const { household, relationToHead } =
      placement.mode === 'JOIN'
        ? { household: await this.getTargetHousehold(placement, actor, manager), relationToHead: placement.relationToHead }
        : { household: await this.newHousehold({ kind: 'FAMILY', address: placement.address, headIdNumber: app.applicantIdNumber, unitCode: app.unitCode }, manager), relationToHead: '户主' };
    const placed = { householdId: household.id, relationToHead, address: household.address, unitCode: household.unitCode, phone: text(form, 'contactPhone') || person?.phone || null, ethnicity };
    if (person) {
      await this.register.place(person.idNumber, { ...placed, name: text(form, 'applicantName') || person.name }, manager);
    } else {
      const id = validateIdNumber(app.applicantIdNumber);
      if (!id.valid) throw dataMissing(app, '公民身份号码');
      await this.register.insertPerson({ ...placed, idNumber: id.normalized, name: text(form, 'applicantName') || app.applicantName, sex: id.sex, birthDate: id.birthDate }, manager);
    }
    const how = placement.mode === 'NEW_HOUSEHOLD' ? '立新户' : household.kind === 'COLLECTIVE' ? '入集体户' : '入户';
    const left = person?.household;
    const headLeft = left && left.id !== household.id && left.headIdNumber === person.idNumber && (await this.register.countActiveMembers(left.id, manager)) > 0;
    const note: RulesTimelineNote = {
      action: 'REGISTER_SETTLEMENT',
      reason: `已${person ? '恢复/变更' : '新建'}户口登记：${how} ${household.householdNumber}（${relationToHead}）`,
      details: { householdNumber: household.householdNumber, householdKind: household.kind, newHousehold: placement.mode === 'NEW_HOUSEHOLD', newPerson: !person },
    };
    return headLeft
      ? [note, { action: 'HEAD_CHANGE_NEEDED', reason: `户主已迁至他户，原户 ${left.householdNumber} 仍有成员，请办理户主变更`, details: { householdNumber: left.householdNumber } }]
      : [note];
  }

  /** 单位集体户设立: a collective household headed by the unit's manager; entries name its number. */
  private async setUpCollective(ctx: TransitionContext): Promise<RulesTimelineNote> {
    const { application: app, manager } = ctx;
    const [unitName, address, manager_] = [text(app.form, 'unitName'), text(app.form, 'unitAddress'), validateIdNumber(text(app.form, 'managerIdNumber'))];
    if (!unitName || !address || !manager_.valid) throw dataMissing(app, '单位名称、单位住所、管理人员身份证号码');
    const household = await this.newHousehold({ kind: 'COLLECTIVE', address, headIdNumber: manager_.normalized, unitCode: app.unitCode }, manager);
    return {
      action: 'REGISTER_COLLECTIVE_HOUSEHOLD',
      reason: `已设立${unitName}集体户，户号 ${household.householdNumber}`,
      details: { householdNumber: household.householdNumber, unitName },
    };
  }

  /** 迁出: date and destination recorded; the person leaves the household's members. */
  private async recordMoveOut(ctx: TransitionContext): Promise<RulesTimelineNote[]> {
    const { application: app, actor, manager, today } = ctx;
    const destination = text(app.form, 'destination');
    if (!destination) throw dataMissing(app, '迁往地址');
    const person = await this.register.findPerson(app.applicantIdNumber, cityScope(actor), manager);
    if (!person) throw new HouseholdCaseException(HouseholdCaseErrorCode.PERSON_NOT_FOUND, `人口信息库中未找到申请人（${maskIdNumber(app.applicantIdNumber)}）`);
    const household = person.household ?? null;
    await this.register.markMovedOut(person.idNumber, { on: today, to: destination, householdNumber: household?.householdNumber ?? null }, manager);
    const notes: RulesTimelineNote[] = [
      { action: 'REGISTER_MOVE_OUT', reason: `已迁出登记：${today} 迁往${destination}`, details: { movedOutOn: today, destination, householdNumber: household?.householdNumber ?? null } },
    ];
    if (household && household.headIdNumber === person.idNumber && (await this.register.countActiveMembers(household.id, manager)) > 0) {
      notes.push({ action: 'HEAD_CHANGE_NEEDED', reason: `户主已迁出，户 ${household.householdNumber} 仍有成员，请办理户主变更`, details: { householdNumber: household.householdNumber } });
    }
    return notes;
  }

  private async assertBirthNotRegistered(household: HouseholdEntity, name: string, birthDate: string, manager: EntityManager): Promise<void> {
    if (!name || !birthDate) return;
    const existing = await this.register.findMember(household.id, name, birthDate, manager);
    if (existing) {
      throw new RegisterEffectException(Code.BIRTH_ALREADY_REGISTERED, `户 ${household.householdNumber} 已登记${birthDate}出生的${name}（${maskIdNumber(existing.idNumber)}），不能重复申报出生登记`, { householdNumber: household.householdNumber });
    }
  }

  private async getTargetHousehold(placement: Extract<Placement, { mode: 'JOIN' }>, actor: Identity, manager: EntityManager): Promise<HouseholdEntity> {
    const household = await this.register.findHousehold(placement.householdNumber, cityScope(actor), manager);
    if (!household) throw new RegisterEffectException(Code.TARGET_HOUSEHOLD_NOT_FOUND, `本市人口信息库中没有户号 ${placement.householdNumber}`, { householdNumber: placement.householdNumber });
    if (household.kind !== placement.kind) {
      const want = placement.kind === 'COLLECTIVE' ? '集体户' : '家庭户';
      throw new RegisterEffectException(Code.TARGET_HOUSEHOLD_KIND_MISMATCH, `户号 ${placement.householdNumber} 不是${want}`, { householdNumber: placement.householdNumber, kind: household.kind });
    }
    return household;
  }

  private async newHousehold(h: Pick<HouseholdEntity, 'kind' | 'address' | 'headIdNumber' | 'unitCode'>, manager: EntityManager): Promise<HouseholdEntity> {
    await this.register.lockAllocation(`household-number:${h.unitCode}`, manager);
    const householdNumber = await this.register.nextHouseholdNumber(h.unitCode, manager);
    return this.register.insertHousehold({ ...h, householdNumber }, manager);
  }
}

function babyRelation(declarantRelation: PersonEntity['relationToHead'], sex: Sex): string {
  const r = declarantRelation ?? '';
  if (HEAD_GENERATION.has(r)) return sex === 'MALE' ? '子' : '女';
  if (CHILD_GENERATION.has(r)) return sex === 'MALE' ? '孙子' : '孙女';
  return '其他';
}

function throwIfInvalid(problems: FieldProblem[]): void {
  if (problems.length) throw new HouseholdCaseException(HouseholdCaseErrorCode.FORM_INVALID, formInvalidMessage(problems), problems);
}

function dataMissing(app: ApplicationSnapshot, what: string): RegisterEffectException {
  return new RegisterEffectException(Code.REGISTER_DATA_MISSING, `办件 ${app.number} 的表单缺少登记所需的${what}，无法写入人口信息库`, { number: app.number });
}
