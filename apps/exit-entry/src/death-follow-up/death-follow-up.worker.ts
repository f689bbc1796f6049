import { Injectable } from '@nestjs/common';
import type { Identity, TransferRequestedEvent } from '@onewindow/contracts';
import { maskIdNumber, validateIdNumber } from '@onewindow/id-number';
import { BusinessClock, DomainException } from '@onewindow/platform';
import type { TransferEntity, TransferWorker, TransferWorkResult } from '@onewindow/transfers';
import type { EntityManager } from 'typeorm';
import { DOCUMENT_KIND_LABELS, DOCUMENT_KIND_UNITS, DOCUMENT_KINDS, type DocumentKind } from '../travel-document/document-kinds.js';
import { DocumentRegisterRepository } from '../travel-document/document-register.repository.js';

export enum DeathFollowUpErrorCode {
  /** The transfer does not carry a valid ID number of the deceased. */
  SUBJECT_ID_NUMBER_MISSING = 'SUBJECT_ID_NUMBER_MISSING',
  /** A revocation arrived for a follow-up that did not record which documents it cancelled. */
  RESTORE_UNKNOWN = 'RESTORE_UNKNOWN',
}

/**
 * DEATH_FOLLOW_UP sent by household when a death cancellation (死亡注销) is accepted: every valid
 * passport and permit of the deceased is cancelled (注销), whichever unit issued it, in the
 * transaction that records the transfer — so the result goes back to household exactly once.
 * If household revokes it (the cancellation refused or withdrawn), exactly those documents are
 * restored (`revoke`).
 * Registered with `TransfersModule.register({ service, workers: [DeathFollowUpWorker] })`; it
 * needs only the global BusinessClock, and keeps its own stateless repository.
 */
@Injectable()
export class DeathFollowUpWorker implements TransferWorker {
  readonly kind = 'DEATH_FOLLOW_UP' as const;
  private readonly register = new DocumentRegisterRepository();

  constructor(private readonly clock: BusinessClock) {}

  async work(transfer: TransferRequestedEvent, manager: EntityManager, _system: Identity): Promise<TransferWorkResult> {
    const check = transfer.subjectIdNumber ? validateIdNumber(transfer.subjectIdNumber) : undefined;
    if (!check?.valid) {
      // Declining leaves the transfer to an officer (the transfers core records why).
      throw new DomainException(DeathFollowUpErrorCode.SUBJECT_ID_NUMBER_MISSING, '移交未载明死者有效的身份证号码，未注销任何证件，请人工核查');
    }
    const dateOfDeath = typeof transfer.details?.['dateOfDeath'] === 'string' ? transfer.details['dateOfDeath'] : null;
    const reason = `持证人死亡，户口已注销（户政办件 ${transfer.caseRef}${dateOfDeath ? `，死亡日期 ${dateOfDeath}` : ''}）`;
    const documents = await this.register.cancelAllValid(manager, check.normalized, this.clock.today(), reason);
    const cancelled = countByKind(documents.map((d) => d.kind));
    // The ids let a revocation restore exactly these documents (no personal data in them).
    return { result: deathFollowUpResult(cancelled), details: { cancelled, holder: maskIdNumber(check.normalized), documentIds: documents.map((d) => d.id) } };
  }

  /** The death cancellation was refused or withdrawn: the documents this follow-up cancelled are back in use. */
  async revoke(original: TransferEntity, revocation: TransferRequestedEvent, manager: EntityManager, _system: Identity): Promise<TransferWorkResult> {
    const ids = original.resultDetails?.['documentIds'];
    if (!Array.isArray(ids)) throw new DomainException(DeathFollowUpErrorCode.RESTORE_UNKNOWN, '原移交未记录所注销的证件，请人工核查恢复');
    const restored = await this.register.restoreCancelled(manager, ids.map(String), this.clock.today(), `死亡注销已撤销，证件恢复（户政办件 ${revocation.caseRef}）`);
    return { result: deathRevocationResult(countByKind(restored.map((d) => d.kind))), details: { restored: countByKind(restored.map((d) => d.kind)) } };
  }
}

function countByKind(kinds: readonly DocumentKind[]): Partial<Record<DocumentKind, number>> {
  const counts: Partial<Record<DocumentKind, number>> = {};
  for (const k of kinds) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
}

/** "已注销普通护照1本、往来港澳通行证1本", in a fixed kind order; a plain sentence when nothing was valid. */
export function deathFollowUpResult(cancelled: Partial<Record<DocumentKind, number>>): string {
  const parts = DOCUMENT_KINDS.filter((k) => (cancelled[k] ?? 0) > 0).map((k) => `${DOCUMENT_KIND_LABELS[k]}${cancelled[k]}${DOCUMENT_KIND_UNITS[k]}`);
  return parts.length ? `已注销${parts.join('、')}` : '死者无有效出入境证件，无需注销';
}

/** "已恢复普通护照1本" — or nothing to restore. */
export function deathRevocationResult(restored: Partial<Record<DocumentKind, number>>): string {
  const parts = DOCUMENT_KINDS.filter((k) => (restored[k] ?? 0) > 0).map((k) => `${DOCUMENT_KIND_LABELS[k]}${restored[k]}${DOCUMENT_KIND_UNITS[k]}`);
  return parts.length ? `已恢复${parts.join('、')}` : '原移交未注销证件（或已另行处理），无需恢复';
}
