import { Injectable } from '@nestjs/common';
import type { AcceptanceContext, RulesTimelineNote, TransitionContext } from '@onewindow/casework';
import { fieldProblem, formInvalidMessage } from '@onewindow/catalog';
import type { Identity } from '@onewindow/contracts';
import { validateIdNumber } from '@onewindow/id-number';
import { AuditService, cityScope } from '@onewindow/platform';
import { HouseholdCaseErrorCode, HouseholdCaseException } from '../casework/household-case.exception.js';
import { endorsedValidUntil, endorsementOpensOn, permitValidUntil } from './residence-permit-validity.js';
import type { ResidencePermitEndorsementEntity, ResidencePermitEntity } from './residence-permit.entity.js';
import { ResidencePermitErrorCode as Code, ResidencePermitException } from './residence-permit.exception.js';
import { ResidencePermitRepository } from './residence-permit.repository.js';

export const RESIDENCE_PERMIT_ITEMS = {
  ISSUE: 'HH-RESIDENCE-PERMIT',
  ENDORSE: 'HH-RESIDENCE-PERMIT-ENDORSE',
  REPLACE: 'HH-RESIDENCE-PERMIT-REPLACE',
} as const;
const ADDRESS_CHANGE = '居住地址变更';

const text = (form: Record<string, unknown>, key: string): string => (typeof form[key] === 'string' ? form[key].trim() : '');

export interface PermitWithEndorsements {
  permit: ResidencePermitEntity;
  endorsements: ResidencePermitEndorsementEntity[];
}

/**
 * The residence permit register follows its cases: approving 申领 issues a card valid a year,
 * 签注 extends it a year, 换领/补领 closes the card in use and issues a new one with the same
 * validity — each in the approval's transaction. Reads are city-wide exact lookups, audited.
 */
@Injectable()
export class ResidencePermitService {
  constructor(private readonly permits: ResidencePermitRepository, private readonly audit: AuditService) {}

  async checkAcceptance(ctx: AcceptanceContext): Promise<void> {
    const { item, command, actor, manager, today } = ctx;
    if (!Object.values<string>(RESIDENCE_PERMIT_ITEMS).includes(item.code)) return;
    const current = await this.permits.lockCurrent(ctx.applicantIdNumber, cityScope(actor), manager);
    if (item.code === RESIDENCE_PERMIT_ITEMS.ISSUE) {
      if (current) {
        throw new ResidencePermitException(Code.RESIDENCE_PERMIT_ALREADY_HELD, `申请人已持有居住证 ${current.permitNumber}（有效期至 ${current.validUntil}），请办理签注或换领、补领`, { permitNumber: current.permitNumber });
      }
      return;
    }
    if (!current) throw new ResidencePermitException(Code.RESIDENCE_PERMIT_NOT_FOUND, '申请人没有在用的居住证，请办理居住证申领');
    if (item.code === RESIDENCE_PERMIT_ITEMS.ENDORSE) {
      const opens = endorsementOpensOn(current.validUntil);
      if (today < opens) {
        throw new ResidencePermitException(Code.ENDORSEMENT_NOT_DUE, `居住证有效期至 ${current.validUntil}，自 ${opens} 起方可办理签注`, { validUntil: current.validUntil, opensOn: opens });
      }
    }
    if (item.code === RESIDENCE_PERMIT_ITEMS.REPLACE && text(command.form, 'replaceReason') === ADDRESS_CHANGE && !text(command.form, 'residenceAddress')) {
      const problems = [fieldProblem(item, 'residenceAddress', '居住地址变更的须填写新的居住地址')];
      throw new HouseholdCaseException(HouseholdCaseErrorCode.FORM_INVALID, formInvalidMessage(problems), problems);
    }
  }

  async onApprove(ctx: TransitionContext): Promise<RulesTimelineNote[]> {
    const { application: app, actor, manager, today } = ctx;
    if (!Object.values<string>(RESIDENCE_PERMIT_ITEMS).includes(app.itemCode)) return [];
    if (await this.permits.wasWrittenBy(app.number, manager)) return [];
    const scope = cityScope(actor);
    const holder = app.applicantIdNumber;
    const address = text(app.form, 'residenceAddress');
    const issue = async (validUntil: string, replaces: string | null, addr: string) =>
      this.permits.insert(
        {
          permitNumber: await this.permits.nextPermitNumber(app.unitCode.slice(0, 6), today.slice(0, 4), manager),
          holderIdNumber: holder, holderName: app.applicantName, holderPhone: app.applicantPhone ?? null, address: addr,
          issuingUnitCode: app.unitCode, issuingUnitName: app.unitName, issuedOn: today, validUntil, applicationNumber: app.number, replacesPermitNumber: replaces,
        },
        manager,
      );

    if (app.itemCode === RESIDENCE_PERMIT_ITEMS.ISSUE) {
      const permit = await issue(permitValidUntil(today), null, address);
      return [{ action: 'RESIDENCE_PERMIT_ISSUED', reason: `已制发居住证 ${permit.permitNumber}，有效期至 ${permit.validUntil}`, details: { permitNumber: permit.permitNumber, validUntil: permit.validUntil } }];
    }
    const current = await this.permits.lockCurrent(holder, scope, manager);
    if (!current) throw new ResidencePermitException(Code.RESIDENCE_PERMIT_NOT_FOUND, '申请人没有在用的居住证');
    if (app.itemCode === RESIDENCE_PERMIT_ITEMS.ENDORSE) {
      const validUntil = endorsedValidUntil(current.validUntil, today);
      await this.permits.endorse(current, { endorsedOn: today, validUntil, applicationNumber: app.number, unitCode: app.unitCode, address: address || undefined }, manager);
      return [{ action: 'RESIDENCE_PERMIT_ENDORSED', reason: `居住证 ${current.permitNumber} 已签注，有效期至 ${validUntil}`, details: { permitNumber: current.permitNumber, previousValidUntil: current.validUntil, validUntil } }];
    }
    const lost = text(app.form, 'replaceReason') === '丢失';
    await this.permits.close(current.id, lost ? 'LOST' : 'REPLACED', manager);
    const permit = await issue(current.validUntil, current.permitNumber, address || current.address);
    return [
      {
        action: 'RESIDENCE_PERMIT_REPLACED',
        reason: `已${lost ? '补领' : '换领'}居住证 ${permit.permitNumber}（原证 ${current.permitNumber} ${lost ? '作废' : '收回'}），有效期至 ${permit.validUntil}`,
        details: { permitNumber: permit.permitNumber, replaces: current.permitNumber, validUntil: permit.validUntil },
      },
    ];
  }

  /** A holder's permits for the window: city-wide exact lookup with a purpose, audited. */
  async listForWindow(actor: Identity, idNumber: string, purpose: string): Promise<PermitWithEndorsements[]> {
    if (!purpose.trim()) throw new ResidencePermitException(Code.PURPOSE_REQUIRED, '查询居住证信息须说明查询事由');
    const check = validateIdNumber(idNumber);
    if (!check.valid) throw new ResidencePermitException(Code.INVALID_ID_NUMBER, `身份证号码无效：${check.message}`, { reason: check.reason });
    const found = await this.permits.findByHolder(check.normalized, cityScope(actor));
    await this.audit.record(actor, {
      action: 'RESIDENCE_PERMIT_READ', subjectType: 'PERSON', subjectRef: check.normalized, purpose,
      outcome: 'SUCCESS', details: { permits: found.map((f) => f.permit.permitNumber) },
    });
    return found;
  }

  /** The same read as part of the citizen 360° view, which is audited once by its own query. */
  async listForCitizenView(actor: Identity, idNumber: string): Promise<PermitWithEndorsements[]> {
    return this.permits.findByHolder(idNumber, cityScope(actor));
  }
}
