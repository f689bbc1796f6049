import { Injectable } from '@nestjs/common';
import type { Identity, TransferRequestedEvent } from '@onewindow/contracts';
import { validateIdNumber } from '@onewindow/id-number';
import type { TransferEntity, TransferWorker, TransferWorkResult } from '@onewindow/transfers';
import type { EntityManager } from 'typeorm';
import { PERMIT_KIND_SPECS, type PermitStatus } from '../permit/permit-kinds.js';
import { PermitErrorCode, PermitException } from '../permit/permit.exception.js';
import { PermitRepository } from '../permit/permit.repository.js';
import { WHOLE_BUREAU } from '@onewindow/platform';

/**
 * DEATH_FOLLOW_UP (死亡注销后续), sent by household when a death cancellation is approved: the
 * deceased's VALID permits are taken out of use — personal ones (保安员证) CANCELLED, since they
 * cannot pass to anyone; company permits where the deceased was the legal representative
 * UNDER_REVIEW, until the company registers a new representative. Runs in the transfers module's
 * transaction (the EntityManager it is given), so the result is reported exactly once.
 *
 * Needs nothing from dependency injection: the transfers module may register the class or an
 * instance (`new DeathFollowUpWorker()`).
 */
@Injectable()
export class DeathFollowUpWorker implements TransferWorker {
  readonly kind = 'DEATH_FOLLOW_UP' as const;
  private readonly permits = new PermitRepository();

  async work(transfer: TransferRequestedEvent, manager: EntityManager, system: Identity): Promise<TransferWorkResult> {
    const id = transfer.subjectIdNumber ? validateIdNumber(transfer.subjectIdNumber) : null;
    if (!id?.valid) return { result: '移交未载明有效的死者身份证号码，未作处理，请人工核查', details: { handled: 0 } };
    const deceased = id.normalized;
    const dateOfDeath = typeof transfer.details?.['dateOfDeath'] === 'string' ? transfer.details['dateOfDeath'] : null;
    const reason = `持证人（或法定代表人）死亡，户口已注销（移交 ${transfer.caseRef}${dateOfDeath ? `，死亡日期 ${dateOfDeath}` : ''}）`;
    const valid = await this.permits.lockValidForPerson(manager, deceased, WHOLE_BUREAU);
    const changed: { id: string; number: string; kind: string; label: string; from: PermitStatus; to: PermitStatus }[] = [];
    for (const permit of valid) {
      const personal = permit.holderKind === 'PERSON' && permit.holderIdNumber === deceased;
      const to: PermitStatus = personal ? 'CANCELLED' : 'UNDER_REVIEW';
      permit.status = to;
      permit.statusReason = reason;
      await this.permits.save(manager, permit);
      await this.permits.appendEvent(manager, {
        permitId: permit.id, at: new Date(), actorSub: system.sub, actorName: system.displayName, action: 'DEATH_FOLLOW_UP',
        fromStatus: 'VALID', toStatus: to, reason, details: { transferId: transfer.transferId, caseRef: transfer.caseRef, fromService: transfer.fromService },
      });
      changed.push({ id: permit.id, number: permit.number, kind: permit.kind, label: PERMIT_KIND_SPECS[permit.kind].label, from: 'VALID', to });
    }
    return { result: deathFollowUpResult(changed), details: { handled: changed.length, permits: changed } };
  }

  /**
   * The death cancellation was refused or withdrawn: each permit this follow-up changed goes back
   * to VALID if nobody has changed it since (still in the status the follow-up left it in). This
   * corrects an erroneous cancellation (it is the only way out of CANCELLED) and is on the permit's
   * history as DEATH_FOLLOW_UP_REVOKED.
   */
  async revoke(original: TransferEntity, revocation: TransferRequestedEvent, manager: EntityManager, system: Identity): Promise<TransferWorkResult> {
    const recorded = original.resultDetails?.['permits'];
    if (!Array.isArray(recorded)) return { result: '原移交未变更许可证，无需恢复', details: { restored: 0 } };
    const changes = recorded as { id?: string; number: string; to: PermitStatus }[];
    if (changes.some((c) => typeof c.id !== 'string')) throw new PermitException(PermitErrorCode.RESTORE_UNKNOWN, '原移交未记录所变更的许可证，请人工核查恢复');
    const reason = `死亡注销已撤销，许可证恢复有效（户政办件 ${revocation.caseRef}）`;
    const permits = await this.permits.lockByIds(manager, changes.map((c) => c.id!), WHOLE_BUREAU);
    const restored: string[] = [];
    for (const permit of permits) {
      const change = changes.find((c) => c.id === permit.id)!;
      if (permit.status !== change.to) continue; // changed again since: left as it is
      permit.status = 'VALID';
      permit.statusReason = reason;
      await this.permits.save(manager, permit);
      await this.permits.appendEvent(manager, {
        permitId: permit.id, at: new Date(), actorSub: system.sub, actorName: system.displayName, action: 'DEATH_FOLLOW_UP_REVOKED',
        fromStatus: change.to, toStatus: 'VALID', reason, details: { transferId: revocation.transferId, revokes: original.transferId, caseRef: revocation.caseRef },
      });
      restored.push(PERMIT_KIND_SPECS[permit.kind].label);
    }
    return { result: restored.length ? `已恢复许可证${restored.length}项（${[...new Set(restored)].join('、')}）` : '许可证已另行处理，无需恢复', details: { restored: restored.length } };
  }
}

/** "名下许可证2项已转入核查（注销保安员证1项，单位许可证1项待变更法定代表人）" — no names, no ID numbers. */
export function deathFollowUpResult(changed: { label: string; to: PermitStatus }[]): string {
  if (!changed.length) return '名下无有效治安许可证，无需处理';
  const cancelled = changed.filter((c) => c.to === 'CANCELLED');
  const review = changed.filter((c) => c.to === 'UNDER_REVIEW');
  const parts: string[] = [];
  if (cancelled.length) parts.push(`注销${[...new Set(cancelled.map((c) => c.label))].join('、')}${cancelled.length}项`);
  if (review.length) parts.push(`单位许可证${review.length}项待变更法定代表人`);
  return `名下许可证${changed.length}项已转入核查（${parts.join('，')}）`;
}
