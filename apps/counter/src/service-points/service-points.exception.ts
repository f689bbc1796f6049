import { DomainException } from '@onewindow/platform';

export enum ServicePointErrorCode {
  ITEM_NOT_DELEGATED = 'SERVICE_POINT_ITEM_NOT_DELEGATED',
  PERIOD_INVALID = 'SERVICE_POINT_PERIOD_INVALID',
}

export class ServicePointException extends DomainException {
  constructor(code: ServicePointErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
