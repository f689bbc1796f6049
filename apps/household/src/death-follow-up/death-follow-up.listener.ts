import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CaseworkService } from '@onewindow/casework';
import { SYSTEM_USERNAME, type Identity } from '@onewindow/contracts';
import { policeTypeLabel, type TransferOutcome, type TransferOutcomeListener } from '@onewindow/transfers';
import type { EntityManager } from 'typeorm';
import { DeathCaseService } from './death-case.service.js';

/**
 * Records each follow-up report (result or refusal) on the death cancellation's timeline, in the
 * transaction that records the outcome, and notes when the last one is in (the case may proceed);
 * likewise each receiver's report on a revocation after the case was refused or withdrawn.
 */
@Injectable()
export class DeathFollowUpListener implements TransferOutcomeListener {
  constructor(private readonly deathCase: DeathCaseService, private readonly moduleRef: ModuleRef) {}

  async onOutcome(outcome: TransferOutcome, manager: EntityManager): Promise<void> {
    if (outcome.status === 'ACKNOWLEDGED') return;
    // Resolved lazily: casework's rules depend on the death case, which this listener serves.
    const casework = this.moduleRef.get(CaseworkService, { strict: false });
    const label = policeTypeLabel(outcome.toService);
    const actor = systemActor(`${label}（跨警种移交反馈）`);
    if (outcome.kind === 'REVOCATION') {
      // Only the death case revokes transfers today; a case of another kind has nothing to note.
      if (!(await this.deathCase.isDeathCase(outcome.caseRef, manager))) return;
      await casework.appendTimeline(manager, outcome.caseRef, {
        actor,
        action: outcome.status === 'COMPLETED' ? 'FOLLOW_UP_REVOCATION_COMPLETED' : 'FOLLOW_UP_REVOCATION_REFUSED',
        reason: outcome.status === 'COMPLETED' ? `${label}反馈（撤销）：${outcome.result ?? ''}` : `${label}退回撤销：${outcome.refusalReason ?? ''}`,
        details: { transferId: outcome.transferId, toService: outcome.toService },
      });
      return;
    }
    if (outcome.kind !== 'DEATH_FOLLOW_UP') return;
    await casework.appendTimeline(manager, outcome.caseRef, {
      actor,
      action: outcome.status === 'COMPLETED' ? 'FOLLOW_UP_COMPLETED' : 'FOLLOW_UP_REFUSED',
      reason: outcome.status === 'COMPLETED' ? `${label}反馈：${outcome.result ?? ''}` : `${label}退回：${outcome.refusalReason ?? ''}`,
      details: { transferId: outcome.transferId, toService: outcome.toService },
    });
    if (outcome.status !== 'COMPLETED') return;
    // A result that arrives after the case was refused or withdrawn is being undone: no "may proceed".
    if (await this.deathCase.wasRevoked(outcome.caseRef, manager)) return;
    if ((await this.deathCase.pendingFollowUps(outcome.caseRef, manager)).length === 0) {
      await casework.appendTimeline(manager, outcome.caseRef, {
        actor: systemActor('系统（跨警种移交）'),
        action: 'FOLLOW_UPS_DONE',
        reason: '死亡注销后续事项已全部反馈，可以继续审批办结',
      });
    }
  }
}

function systemActor(displayName: string): Identity {
  return { sub: 'system:transfers', username: SYSTEM_USERNAME, displayName, roles: [], unitCode: '', unitName: '' };
}
