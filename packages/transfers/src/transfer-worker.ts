import type { Identity, TransferKind, TransferRequestedEvent } from '@onewindow/contracts';
import type { EntityManager } from 'typeorm';
import type { TransferEntity } from './transfer.entity.js';

/** Injection token for the workers a service registers (multi: an array). */
export const TRANSFER_WORKERS = Symbol('TRANSFER_WORKERS');
/** Injection token for the sender-side listener (optional). */
export const TRANSFER_OUTCOME_LISTENER = Symbol('TRANSFER_OUTCOME_LISTENER');

export interface TransferWorkResult {
  /** Human-readable result reported back to the sender (Chinese). */
  result: string;
  details?: Record<string, unknown>;
}

/**
 * Automatic handling of an inbound transfer kind by the receiving police type (e.g. the
 * DEATH_FOLLOW_UP a household death cancellation sends: exit-entry cancels documents, traffic
 * cancels the licence and flags vehicles, public security reviews permits). Runs in the same
 * transaction that records the inbound transfer, acknowledgement and completion, so the result is
 * reported exactly once. Kinds without a worker wait for an officer (acknowledge / complete).
 */
export interface TransferWorker {
  readonly kind: TransferKind;
  work(transfer: TransferRequestedEvent, manager: EntityManager, system: Identity): Promise<TransferWorkResult>;
  /**
   * Undo what `work` did for `original` (this service's INBOUND row, COMPLETED, with the
   * `resultDetails` `work` returned) because the sender revoked it (撤销, a REVOCATION transfer).
   * Same transaction rules as `work`: a DomainException leaves the revocation to an officer.
   * Without it, revoking a completed transfer of this kind is always manual.
   */
  revoke?(original: TransferEntity, revocation: TransferRequestedEvent, manager: EntityManager, system: Identity): Promise<TransferWorkResult>;
}

export interface TransferOutcome {
  transferId: string;
  caseRef: string;
  kind: TransferKind;
  toService: string;
  status: 'ACKNOWLEDGED' | 'REFUSED' | 'COMPLETED';
  result?: string | null;
  /** Set when the receiver refused (退回). */
  refusalReason?: string | null;
}

/** Sender-side hook, called in the transaction that records an acknowledgement or a result. */
export interface TransferOutcomeListener {
  onOutcome(outcome: TransferOutcome, manager: EntityManager): Promise<void>;
}
