import { TransferAcknowledgedEvent, TransferCompletedEvent, TransferRequestedEvent } from '@onewindow/contracts';
import { plainToInstance } from 'class-transformer';
import { Allow, validateSync } from 'class-validator';

/**
 * What this service's consumer on another service's stream receives: everything addressed to it
 * (`<other>.v1.transfer.*.<me>` — requests to it, and reports on what it sent), through one
 * durable so that they stay in stream order. Receipt checks only the shape; the subject then says
 * which contract to validate against.
 */
export class TransferEventEnvelope {
  @Allow() transferId!: unknown;
  @Allow() fromService!: unknown;
  @Allow() toService!: unknown;
  @Allow() kind?: unknown;
  @Allow() caseRef?: unknown;
  @Allow() subjectIdNumber?: unknown;
  @Allow() reason?: unknown;
  @Allow() attachments?: unknown;
  @Allow() requestedDeadlineDays?: unknown;
  @Allow() requestedDeadline?: unknown;
  @Allow() requestedBy?: unknown;
  @Allow() requestedAt?: unknown;
  @Allow() details?: unknown;
  @Allow() status?: unknown;
  @Allow() result?: unknown;
  @Allow() by?: unknown;
  @Allow() at?: unknown;
}

/** A transfer event addressed to this service, typed by its subject. */
export type AddressedTransferEvent =
  | { type: 'requested'; event: TransferRequestedEvent }
  | { type: 'acknowledged'; event: TransferAcknowledgedEvent }
  | { type: 'completed'; event: TransferCompletedEvent };

const CONTRACTS = {
  requested: TransferRequestedEvent,
  acknowledged: TransferAcknowledgedEvent,
  completed: TransferCompletedEvent,
} as const;

/** The event verb of a (possibly prefixed) transfer subject: `….v1.transfer.<verb>[.<target>]`. */
export function transferVerbOf(subject: string): string | undefined {
  return /\.v1\.transfer\.([a-z]+)(?:\.[a-z-]+)?$/.exec(subject)?.[1];
}

/** Validates an envelope against the contract its subject names, or says why it is not one. */
export function readAddressedEvent(subject: string, envelope: object): AddressedTransferEvent | { invalid: string } {
  const verb = transferVerbOf(subject);
  if (!verb || !(verb in CONTRACTS)) return { invalid: `unexpected subject ${subject}` };
  const event = plainToInstance(CONTRACTS[verb as keyof typeof CONTRACTS] as new () => object, { ...envelope });
  const errors = validateSync(event, { forbidUnknownValues: true });
  if (errors.length) return { invalid: errors.map((e) => e.property).join(',') };
  return { type: verb, event } as AddressedTransferEvent;
}
