import { DomainException } from '@onewindow/platform';

export enum QueueBalancingErrorCode {
  PROPOSAL_NOT_FOUND = 'QUEUE_BALANCING_PROPOSAL_NOT_FOUND',
  ALREADY_DECIDED = 'QUEUE_BALANCING_ALREADY_DECIDED',
  REASON_REQUIRED = 'QUEUE_BALANCING_REASON_REQUIRED',
  THRESHOLDS_INVALID = 'QUEUE_BALANCING_THRESHOLDS_INVALID',
  PERIOD_INVALID = 'QUEUE_BALANCING_PERIOD_INVALID',
  STATION_REQUIRED = 'QUEUE_BALANCING_STATION_REQUIRED',
}

export class QueueBalancingException extends DomainException {
  constructor(code: QueueBalancingErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
