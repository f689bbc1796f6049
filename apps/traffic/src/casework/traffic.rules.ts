import { Inject, Injectable } from '@nestjs/common';
import { RegisterCheckedRules, type AcceptanceContext, type AcceptanceDecision, type TransitionContext } from '@onewindow/casework';
import { fieldProblem, isBlank, type CatalogItem, type FieldProblem } from '@onewindow/catalog';
import { validateIdNumber } from '@onewindow/id-number';
import { cityScope, type Jurisdiction, RpcClient, SERVICE_CONFIG } from '@onewindow/platform';
import type { EntityManager } from 'typeorm';
import type { TrafficConfig } from '../config.js';
import type { DrivingLicenceEntity } from '../driving-licence/driving-licence.entity.js';
import { DrivingLicenceRepository } from '../driving-licence/driving-licence.repository.js';
import { effectiveLicenceStatus, renewalWindow, renewedValidUntil } from '../driving-licence/licence-validity.js';
import { TrafficCaseErrorCode as Code, TrafficCaseException } from './traffic-case.exception.js';
import type { VehicleEntity } from '../vehicle/vehicle.entity.js';
import {
  isUnifiedSocialCreditCode, normalizePlate, normalizeVin, PLATE_PATTERN, plateForSerial, PLATE_SERIAL_MAX, VIN_PATTERN,
} from '../vehicle/vehicle-identifiers.js';
import { VehicleRepository } from '../vehicle/vehicle.repository.js';
import { ViolationRepository } from '../violation/violation.repository.js';
import { checkForm, throwIfFormInvalid } from './form-check.js';

/**
 * The person (or organisation) an item's form is about. `idField` absent: the item names an
 * existing vehicle by plate and the owner is checked against the vehicle register instead.
 */
interface FormSubject {
  idField?: string;
  nameField: string;
  /** An organisation (unified social credit code) may own the vehicle; its agent applies. */
  organisationAllowed?: boolean;
}

export const FORM_SUBJECTS: Readonly<Record<string, FormSubject>> = {
  'TR-DL-RENEW': { idField: 'applicantIdNumber', nameField: 'applicantName' },
  'TR-DL-REPLACE': { idField: 'applicantIdNumber', nameField: 'applicantName' },
  'TR-DL-CHANGE': { idField: 'applicantIdNumber', nameField: 'applicantName' },
  'TR-VEH-REGISTER': { idField: 'ownerIdNumber', nameField: 'ownerName', organisationAllowed: true },
  'TR-VEH-TRANSFER': { idField: 'newOwnerIdNumber', nameField: 'newOwnerName', organisationAllowed: true },
  'TR-TEMP-PLATE': { idField: 'ownerIdNumber', nameField: 'ownerName' },
  'TR-VIOLATION': { idField: 'driverIdNumber', nameField: 'driverName' },
  'TR-VEH-PLATE-REPLACE': { nameField: 'ownerName' },
  'TR-VEH-CHANGE': { nameField: 'ownerName' },
  'TR-VEH-DEREGISTER': { nameField: 'ownerName' },
  'TR-INSPECTION-STICKER': { nameField: 'ownerName' },
};

const LICENCE_ITEMS = new Set(['TR-DL-RENEW', 'TR-DL-REPLACE', 'TR-DL-CHANGE']);
/** Items about a registered vehicle named by its plate, owned by the applicant. */
const OWNED_VEHICLE_ITEMS = new Set(['TR-VEH-PLATE-REPLACE', 'TR-VEH-CHANGE', 'TR-VEH-DEREGISTER', 'TR-INSPECTION-STICKER']);
/** Items the applicant may not have while violations on the vehicle are unpaid. */
const BLOCKED_BY_UNPAID_VIOLATIONS = new Set(['TR-VEH-TRANSFER', 'TR-INSPECTION-STICKER']);

/**
 * Traffic (交管) rules on top of the shared register check: the applicant must be on the
 * household register and alive (asked over NATS by RegisterCheckedRules), the form must fit the
 * catalog, and the licence and vehicle registers must allow the item. On MARK_READY (制证完成)
 * the result is written to the registers in the casework transaction.
 */
@Injectable()
export class TrafficRules extends RegisterCheckedRules {
  constructor(
    rpc: RpcClient,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<TrafficConfig, 'PLATE_PREFIX'>,
    private readonly licences: DrivingLicenceRepository,
    private readonly vehicles: VehicleRepository,
    private readonly violations: ViolationRepository,
  ) {
    super(rpc);
  }

  override async checkAcceptance(ctx: AcceptanceContext): Promise<AcceptanceDecision> {
    const { item, command, actor, manager, today } = ctx;
    const form = command.form;
    throwIfFormInvalid([...checkForm(item.formFields, form), ...crossFieldProblems(item, form, ctx.applicantIdNumber)]);

    // On the household register and alive (PERSON_NOT_FOUND, PERSON_DECEASED, ID_INCONSISTENT).
    const person = await this.lookup(ctx);
    const subject = FORM_SUBJECTS[item.code];
    if (subject?.idField && personIdOf(form[subject.idField]) === ctx.applicantIdNumber) {
      const stated = String(form[subject.nameField] ?? '').trim();
      if (person.name && stated && stated !== person.name) throwIfFormInvalid([fieldProblem(item, subject.nameField, '与人口信息库登记的姓名不一致')]);
    }

    const details = await this.checkRegisters(ctx, cityScope(actor), today, manager);
    return {
      applicantName: person.name ?? '',
      applicantPhone: typeof form['contactPhone'] === 'string' ? form['contactPhone'] : null,
      details,
    };
  }

  /** The registers must allow the item; returns facts to keep on the application. */
  private async checkRegisters(ctx: AcceptanceContext, scope: Jurisdiction, today: string, manager: EntityManager): Promise<Record<string, unknown>> {
    const { item, command } = ctx;
    const form = command.form;
    const applicant = ctx.applicantIdNumber;

    if (LICENCE_ITEMS.has(item.code)) {
      const licence = await this.getCurrentLicence(manager, applicant, scope);
      const status = effectiveLicenceStatus(licence, today);
      if (item.code === 'TR-DL-RENEW') {
        const window = renewalWindow(licence.validUntil, today);
        if (!window.allowed && window.reason === 'LONG_TERM') {
          throw new TrafficCaseException(Code.RENEWAL_TOO_EARLY, '驾驶证长期有效，无需办理期满换证', { validUntil: null });
        }
        if (!window.allowed) {
          throw new TrafficCaseException(Code.RENEWAL_TOO_EARLY, `驾驶证有效期至${licence.validUntil}，自${window.renewableFrom}起方可申请期满换证（有效期满前九十日内）`, {
            validUntil: licence.validUntil, renewableFrom: window.renewableFrom,
          });
        }
        if (form['licenceExpiry'] !== licence.validUntil) {
          throwIfFormInvalid([fieldProblem(item, 'licenceExpiry', `与驾驶证档案记载的有效期止（${licence.validUntil}）不一致`)]);
        }
        return { licence: { number: licence.number, licenceClass: licence.licenceClass, validUntil: licence.validUntil, renewableFrom: window.renewableFrom, overdue: window.overdue } };
      }
      if (status === 'EXPIRED') {
        throw new TrafficCaseException(Code.LICENCE_NOT_VALID, `驾驶证已于${licence.validUntil}超过有效期，请办理期满换证`, { validUntil: licence.validUntil });
      }
      return { licence: { number: licence.number, licenceClass: licence.licenceClass, validUntil: licence.validUntil } };
    }

    switch (item.code) {
      case 'TR-VEH-REGISTER':
      case 'TR-TEMP-PLATE': {
        const vin = normalizeVin(String(form['vin']));
        const registered = await this.vehicles.findCurrentByVin(manager, vin, scope);
        if (registered) {
          throw new TrafficCaseException(Code.VEHICLE_ALREADY_REGISTERED, `车辆识别代号为 ${vin} 的机动车已注册登记（号牌 ${registered.plateNumber}）`, { plateNumber: registered.plateNumber });
        }
        return { vin };
      }
      case 'TR-VEH-TRANSFER': {
        const vehicle = await this.getCurrentVehicle(manager, String(form['plateNumber']), scope);
        const newOwner = ownerIdOf(form['newOwnerIdNumber']);
        if (vehicle.ownerIdNumber === newOwner) throw new TrafficCaseException(Code.ALREADY_OWNER, `号牌 ${vehicle.plateNumber} 的机动车已登记在现所有人名下`);
        await this.assertNoUnpaidViolations(manager, vehicle, scope);
        // A vehicle flagged after its owner's death is transferred to the heir (继承过户).
        return { vehicle: { plateNumber: vehicle.plateNumber, previousStatus: vehicle.status }, inheritance: vehicle.status === 'FLAGGED_OWNER_DECEASED' };
      }
      case 'TR-VIOLATION': {
        const unpaid = await this.unpaidViolationsOf(manager, applicant, scope);
        const plate = isBlank(form['plateNumber']) ? undefined : normalizePlate(String(form['plateNumber']));
        const relevant = plate ? unpaid.filter((v) => v.plateNumber === plate) : unpaid;
        if (!relevant.length) throw new TrafficCaseException(Code.NO_OPEN_VIOLATIONS, plate ? `号牌 ${plate} 没有待处理的交通违法记录` : '申请人名下没有待处理的交通违法记录');
        if (Number(form['violationCount']) > relevant.length) {
          throwIfFormInvalid([fieldProblem(item, 'violationCount', `待处理的违法记录只有${relevant.length}条`)]);
        }
        return { violations: relevant.map((v) => v.id) };
      }
      default:
        break;
    }

    if (OWNED_VEHICLE_ITEMS.has(item.code)) {
      const vehicle = await this.getCurrentVehicle(manager, String(form['plateNumber']), scope);
      if (vehicle.status === 'FLAGGED_OWNER_DECEASED') {
        throw new TrafficCaseException(Code.VEHICLE_NOT_ACTIVE, `号牌 ${vehicle.plateNumber} 的机动车所有人已死亡，须先由继承人办理转移登记`);
      }
      // Organisation-owned vehicles are handled by the organisation's agent, who is the applicant.
      if (vehicle.ownerIdNumber !== applicant && !isUnifiedSocialCreditCode(vehicle.ownerIdNumber)) {
        throw new TrafficCaseException(Code.NOT_VEHICLE_OWNER, `申请人不是号牌 ${vehicle.plateNumber} 的机动车所有人`);
      }
      if (String(form['ownerName']).trim() !== vehicle.ownerName) {
        throwIfFormInvalid([fieldProblem(item, 'ownerName', '与机动车登记的所有人不一致')]);
      }
      if (BLOCKED_BY_UNPAID_VIOLATIONS.has(item.code)) await this.assertNoUnpaidViolations(manager, vehicle, scope);
      return { vehicle: { plateNumber: vehicle.plateNumber } };
    }
    return {};
  }

  /** The result goes into the registers when it is produced (MARK_READY, 制证完成/待领取), once per application. */
  async onTransition(ctx: TransitionContext): Promise<void> {
    if (ctx.action !== 'MARK_READY') return;
    const { application: app, manager, today } = ctx;
    const scope = cityScope(ctx.actor);
    const form = app.form;
    switch (app.itemCode) {
      case 'TR-DL-RENEW':
      case 'TR-DL-REPLACE':
      case 'TR-DL-CHANGE': {
        const licence = await this.getCurrentLicence(manager, app.applicantIdNumber, scope, true);
        if (licence.lastApplicationNumber === app.number) return;
        const change: Partial<DrivingLicenceEntity> = {
          issuedOn: today,
          lastApplicationNumber: app.number,
          contactPhone: typeof form['contactPhone'] === 'string' ? form['contactPhone'] : licence.contactPhone,
        };
        if (app.itemCode === 'TR-DL-RENEW') {
          if (licence.validUntil === null) throw new TrafficCaseException(Code.RENEWAL_TOO_EARLY, '驾驶证长期有效，无需办理期满换证');
          change.validUntil = renewedValidUntil({ firstIssuedOn: licence.firstIssuedOn, validUntil: licence.validUntil, points: licence.points });
          change.status = 'VALID';
        }
        if (app.itemCode === 'TR-DL-CHANGE' && form['changeReason'] === '姓名变更') change.holderName = app.applicantName;
        await this.licences.update(manager, licence.id, change);
        return;
      }
      case 'TR-VEH-REGISTER': {
        if (await this.vehicles.findByApplication(manager, app.number)) return;
        const vehicleType = String(form['vehicleType']);
        await this.vehicles.insert(manager, {
          plateNumber: await this.issuePlate(manager, vehicleType),
          vin: normalizeVin(String(form['vin'])),
          ownerIdNumber: ownerIdOf(form['ownerIdNumber']),
          ownerName: String(form['ownerName']).trim(),
          vehicleType,
          registeredOn: today,
          status: 'NORMAL',
          unitCode: app.unitCode,
          applicationNumber: app.number,
        });
        return;
      }
      case 'TR-VEH-TRANSFER': {
        if (await this.vehicles.findByApplication(manager, app.number)) return;
        const vehicle = await this.getCurrentVehicle(manager, String(form['plateNumber']), scope, true);
        await this.vehicles.setStatus(manager, vehicle.id, 'TRANSFERRED', today);
        await this.vehicles.insert(manager, {
          plateNumber: form['keepPlateNumber'] === true ? vehicle.plateNumber : await this.issuePlate(manager, vehicle.vehicleType),
          vin: vehicle.vin,
          ownerIdNumber: ownerIdOf(form['newOwnerIdNumber']),
          ownerName: String(form['newOwnerName']).trim(),
          vehicleType: vehicle.vehicleType,
          registeredOn: today,
          status: 'NORMAL',
          unitCode: app.unitCode,
          applicationNumber: app.number,
        });
        return;
      }
      case 'TR-VEH-DEREGISTER': {
        const vehicle = await this.vehicles.findCurrentByPlate(manager, normalizePlate(String(form['plateNumber'])), scope, true);
        if (!vehicle) return; // already deregistered (the result was recorded before)
        await this.vehicles.setStatus(manager, vehicle.id, 'DEREGISTERED', today);
        return;
      }
      default:
        // Plate replacement keeps the number; change, inspection sticker, temporary plate and
        // violation handling change nothing here (violations are handled by handleViolation).
        return;
    }
  }

  /** Next free plate number from the serial (skips numbers still carried by a current registration). */
  private async issuePlate(manager: EntityManager, vehicleType: string): Promise<string> {
    for (;;) {
      const serial = await this.vehicles.nextPlateSerial(manager);
      if (serial > PLATE_SERIAL_MAX) throw new Error('plate serial exhausted');
      const plate = plateForSerial(this.config.PLATE_PREFIX, serial, vehicleType);
      if (!(await this.vehicles.plateInUse(manager, plate))) return plate;
    }
  }

  private async getCurrentLicence(manager: EntityManager, number: string, scope: Jurisdiction, lock = false): Promise<DrivingLicenceEntity> {
    const licence = await this.licences.findCurrent(manager, number, scope, lock);
    if (licence) return licence;
    const latest = await this.licences.findLatest(manager, number, scope);
    if (latest) {
      const what = latest.status === 'REVOKED' ? '已被吊销' : '已被注销';
      throw new TrafficCaseException(Code.LICENCE_NOT_VALID, `申请人的驾驶证${what}，须重新申领`, { status: latest.status });
    }
    throw new TrafficCaseException(Code.LICENCE_NOT_FOUND, '驾驶人档案中没有申请人的驾驶证');
  }

  private async getCurrentVehicle(manager: EntityManager, rawPlate: string, scope: Jurisdiction, lock = false): Promise<VehicleEntity> {
    const plate = normalizePlate(rawPlate);
    const vehicle = await this.vehicles.findCurrentByPlate(manager, plate, scope, lock);
    if (vehicle) return vehicle;
    const latest = await this.vehicles.findLatestByPlate(manager, plate, scope);
    if (latest) throw new TrafficCaseException(Code.VEHICLE_NOT_ACTIVE, `号牌 ${plate} 的机动车已${latest.status === 'DEREGISTERED' ? '注销' : '转移'}登记`, { status: latest.status });
    throw new TrafficCaseException(Code.VEHICLE_NOT_FOUND, `机动车登记中没有号牌 ${plate}`);
  }

  private async assertNoUnpaidViolations(manager: EntityManager, vehicle: VehicleEntity, scope: Jurisdiction): Promise<void> {
    const unpaid = await this.violations.findByPlate(manager, vehicle.plateNumber, scope, { unpaidOnly: true });
    if (unpaid.length) {
      throw new TrafficCaseException(Code.OPEN_VIOLATIONS, `号牌 ${vehicle.plateNumber} 有${unpaid.length}条交通违法记录未处理完毕，须先处理`, { count: unpaid.length });
    }
  }

  private async unpaidViolationsOf(manager: EntityManager, idNumber: string, scope: Jurisdiction) {
    const plates = (await this.vehicles.findCurrentByOwner(manager, idNumber, scope)).map((v) => v.plateNumber);
    return this.violations.findForPerson(manager, idNumber, plates, scope, { unpaidOnly: true });
  }
}

/** The 18-digit form of a citizen ID number on a form, or undefined when it is not one. */
function personIdOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const check = validateIdNumber(value);
  return check.valid ? check.normalized : undefined;
}

/** An owner identifier as stored: a normalised citizen ID number, else the (upper-cased) credit code. */
function ownerIdOf(value: unknown): string {
  return personIdOf(value) ?? String(value).trim().toUpperCase();
}

/** Rules between fields and on identifiers that the catalog schema cannot express. */
export function crossFieldProblems(item: CatalogItem, form: Record<string, unknown>, applicantIdNumber: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const has = (key: string) => item.formFields.some((f) => f.key === key);
  const present = (key: string) => has(key) && typeof form[key] === 'string' && !isBlank(form[key]);

  const subject = FORM_SUBJECTS[item.code];
  if (subject?.idField && present(subject.idField)) {
    const raw = String(form[subject.idField]).trim().toUpperCase();
    const person = personIdOf(raw);
    if (person === undefined) {
      if (!(subject.organisationAllowed && isUnifiedSocialCreditCode(raw))) {
        problems.push(fieldProblem(item, subject.idField, subject.organisationAllowed ? '应为有效的公民身份号码或统一社会信用代码' : '应为有效的公民身份号码'));
      }
    } else if (person !== applicantIdNumber) {
      problems.push(fieldProblem(item, subject.idField, '与申请人身份证号码不一致'));
    }
  }
  if (present('vin') && !VIN_PATTERN.test(normalizeVin(String(form['vin'])))) {
    problems.push(fieldProblem(item, 'vin', '车辆识别代号应为17位字母或数字（不含 I、O、Q）'));
  }
  if (present('plateNumber') && !PLATE_PATTERN.test(normalizePlate(String(form['plateNumber'])))) {
    problems.push(fieldProblem(item, 'plateNumber', '号牌号码格式不正确，例如 川A12345'));
  }
  if (has('mailingAddress') && form['pickupMethod'] === '邮寄' && isBlank(form['mailingAddress'])) {
    problems.push(fieldProblem(item, 'mailingAddress', '选择邮寄领取的须填写邮寄地址'));
  }
  if (has('violationCount') && typeof form['violationCount'] === 'number' && !(Number.isInteger(form['violationCount']) && form['violationCount'] >= 1)) {
    problems.push(fieldProblem(item, 'violationCount', '应为正整数'));
  }
  return problems;
}
