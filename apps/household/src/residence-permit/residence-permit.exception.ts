import { DomainException } from '@onewindow/platform';

export enum ResidencePermitErrorCode {
  /** 签注 / 换领 / 补领 of a holder without a card in use. */
  RESIDENCE_PERMIT_NOT_FOUND = 'RESIDENCE_PERMIT_NOT_FOUND',
  /** 申领 while a card is in use: endorse or replace it instead. */
  RESIDENCE_PERMIT_ALREADY_HELD = 'RESIDENCE_PERMIT_ALREADY_HELD',
  /** 签注 earlier than a month before the year of residence is complete (居住证暂行条例 第十五条). */
  ENDORSEMENT_NOT_DUE = 'ENDORSEMENT_NOT_DUE',
  /** A read of the register without a stated purpose. */
  PURPOSE_REQUIRED = 'PURPOSE_REQUIRED',
  INVALID_ID_NUMBER = 'INVALID_ID_NUMBER',
}

export class ResidencePermitException extends DomainException {
  constructor(code: ResidencePermitErrorCode, message: string, details?: unknown) {
    super(code, message, details);
  }
}
