import { plainToInstance } from 'class-transformer';
import { Allow, validateSync } from 'class-validator';
import { TransferAcknowledgedEvent, TransferCompletedEvent, TransferFlaggedEvent, TransferRequestedEvent } from './transfer.messages.js';

/**
 * Any `<service>.v1.transfer.*` event as a durable consumer receives it. One durable per stream
 * keeps the events in stream order, so receipt checks only the shape; the subject then names the
 * contract the payload is validated against (`readTransferEvent`).
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

export type TransferEventType = TransferEvent['type'];

const CONTRACTS = {
  requested: TransferRequestedEvent,
  acknowledged: TransferAcknowledgedEvent,
  completed: TransferCompletedEvent,
  flagged: TransferFlaggedEvent,
} as const;

/** `[<prefix>.]<service>.v1.transfer.<verb>[.<target>]` → the producing service and the verb. */
export function parseTransferSubject(subject: string): { service: string; verb: string } | undefined {
  const m = /(?:^|\.)([a-z-]+)\.v1\.transfer\.([a-z]+)(?:\.[a-z-]+)?$/.exec(subject);
  return m ? { service: m[1]!, verb: m[2]! } : undefined;
}

/** The typed event its subject names (limited to `accept` when given), or why it is not one. */
export function readTransferEvent(subject: string, envelope: object, accept?: readonly TransferEventType[]): TransferEvent | { invalid: string } {
  const parsed = parseTransferSubject(subject);
  if (!parsed || !(parsed.verb in CONTRACTS) || (accept && !accept.includes(parsed.verb as TransferEventType))) {
    return { invalid: `unexpected subject ${subject}` };
  }
  const verb = parsed.verb as TransferEventType;
  const event = plainToInstance(CONTRACTS[verb] as new () => object, { ...envelope });
  const errors = validateSync(event, { forbidUnknownValues: true });
  if (errors.length) return { invalid: errors.map((e) => e.property).join(',') };
  return { type: verb, event } as TransferEvent;
}

/**
 * The aggregate a transfer message's order matters within: its case (a death follow-up and its
 * revocation share the case), else the transfer itself.
 */
export function transferOrderingKey(envelope: TransferEventEnvelope): string {
  if (typeof envelope.caseRef === 'string' && envelope.caseRef) return `case:${envelope.caseRef}`;
  return `transfer:${String(envelope.transferId)}`;
}
