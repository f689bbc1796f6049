import { TransferAcknowledgedEvent, TransferCompletedEvent, TransferFlaggedEvent, TransferRequestedEvent } from '@onewindow/contracts';
import { plainToInstance } from 'class-transformer';
import { Allow, validateSync } from 'class-validator';

/**
 * Any `<service>.v1.transfer.*` event, as one durable per stream receives them (in stream order).
 * Receipt checks only the shape; the subject then names the contract to validate against.
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
  @Allow() direction?: unknown;
  @Allow() unitCode?: unknown;
  @Allow() flaggedOn?: unknown;
}

export type TransferEvent =
  | { type: 'requested'; event: TransferRequestedEvent }
  | { type: 'acknowledged'; event: TransferAcknowledgedEvent }
  | { type: 'completed'; event: TransferCompletedEvent }
  | { type: 'flagged'; event: TransferFlaggedEvent };

const CONTRACTS = {
  requested: TransferRequestedEvent,
  acknowledged: TransferAcknowledgedEvent,
  completed: TransferCompletedEvent,
  flagged: TransferFlaggedEvent,
} as const;

/** `….<service>.v1.transfer.<verb>[.<target>]` → the producing service and the verb. */
export function parseTransferSubject(subject: string): { service: string; verb: string } | undefined {
  const m = /(?:^|\.)([a-z-]+)\.v1\.transfer\.([a-z]+)(?:\.[a-z-]+)?$/.exec(subject);
  return m ? { service: m[1]!, verb: m[2]! } : undefined;
}

/** The typed event, or the reason it is not one. */
export function readTransferEvent(subject: string, envelope: object): TransferEvent | { invalid: string } {
  const parsed = parseTransferSubject(subject);
  if (!parsed || !(parsed.verb in CONTRACTS)) return { invalid: `unexpected subject ${subject}` };
  const verb = parsed.verb as keyof typeof CONTRACTS;
  const event = plainToInstance(CONTRACTS[verb] as new () => object, { ...envelope });
  const errors = validateSync(event, { forbidUnknownValues: true });
  if (errors.length) return { invalid: errors.map((e) => e.property).join(',') };
  return { type: verb, event } as TransferEvent;
}
