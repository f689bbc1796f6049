import { Injectable } from '@nestjs/common';
import type { Identity, TransferRequestedEvent } from '@onewindow/contracts';
import type { EntityManager } from 'typeorm';
import type { TransferWorker, TransferWorkResult } from './transfer-worker.js';

/**
 * Fallback for a police type that keeps no documents of the deceased in this system yet: signs for
 * the death cancellation notice and reports that nothing is held, so the household case is not
 * blocked. Replace it with the police type's real `DeathFollowUpWorker` as soon as one exists.
 */
@Injectable()
export class AcknowledgeOnlyWorker implements TransferWorker {
  readonly kind = 'DEATH_FOLLOW_UP' as const;

  async work(transfer: TransferRequestedEvent, _manager: EntityManager, _system: Identity): Promise<TransferWorkResult> {
    return { result: '已收到死亡注销通知，无相关证件', details: { acknowledgeOnly: true, caseRef: transfer.caseRef } };
  }
}
